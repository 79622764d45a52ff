/**
 * Plural forms, dates and times as each language writes them: one of anything is singular in
 * English (whatever word stands between the count and the noun), more stay plural; Vietnamese has
 * no plural form. Dates are dd/mm/yyyy in both; times 24-hour in Vietnamese.
 */
import { text } from "../../src/taskpane/i18n/strings";
import { formatDateTime, formatTime } from "../../src/taskpane/components/common";

describe("counts in English", () => {
  it.each([
    ["issueCount", { errors: 1, warnings: 1 }, "1 error, 1 warning"],
    ["issueCount", { errors: 11, warnings: 21 }, "11 errors, 21 warnings"],
    ["showMore", { count: 1 }, "Show 1 more row"],
    ["showMore", { count: 12 }, "Show 12 more rows"],
    ["downloaded", { count: 1 }, "Created 1 template .xlsx file."],
    ["fileTakenWithErrors", { sheets: "Y tế", errors: 1 }, "Sheet Y tế — 1 data error"],
    ["untouchedRows", { count: 1 }, "1 row not filled in yet"],
    ["rowsTaken", { rows: 1 }, "1 row taken"],
    ["filesProgress", { done: 1, total: 1 }, "Read 1/1 file"],
    ["readingStopped", { done: 0, total: 1 }, "Stopped: read 0 of 1 file."],
  ] as const)("%s %j", (key, params, expected) => {
    expect(text("en", key, params)).toContain(expected);
  });

  it("Vietnamese is unchanged", () => {
    expect(text("vi", "issueCount", { errors: 1, warnings: 2 })).toBe("1 lỗi, 2 cảnh báo");
    expect(text("vi", "showMore", { count: 1 })).toBe("Hiện thêm 1 dòng");
  });
});

describe("dates and times", () => {
  const d = new Date(2019, 11, 5, 9, 7, 3);
  it("dd/mm/yyyy in both languages; 24-hour time in Vietnamese", () => {
    expect(formatDateTime(d, "vi")).toBe("09:07 ngày 05/12/2019");
    expect(formatDateTime(d, "en")).toMatch(/^05\/12\/2019 09:07$/);
    expect(formatTime(new Date(2019, 11, 5, 21, 7, 3), "vi")).toBe("21:07:03");
    expect(formatTime(new Date(2019, 11, 5, 21, 7, 3), "en")).toMatch(/9:07:03\sPM/);
  });
});
