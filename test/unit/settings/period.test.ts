import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import {
  derivedDeadlines,
  isDerivedDeadline,
  parseViDate,
  shiftIsoYear,
  withYear,
} from "../../../src/core/settings/period";

describe("the review period's deadlines follow its year", () => {
  it("2024 gets 20/11/2024 for MTTQ and đoàn thể, 25/12/2024 for the rest, 15/01/2025 for the report", () => {
    expect(derivedDeadlines(2024)).toEqual({
      deadline: "2024-12-25",
      reportDeadline: "2025-01-15",
      templateDeadlines: { "dan-van": "2024-11-20" },
    });
  });

  it("changing the year moves deadlines nobody edited and keeps an edited one", () => {
    const edited = { ...DEFAULT_SETTINGS_2019, reportDeadline: "2020-01-10" };
    const s = withYear(edited, 2024);
    expect(s.period).toBe(2024);
    expect(s.deadline).toBe("2024-12-25");
    expect(s.templateDeadlines).toEqual({ "dan-van": "2024-11-20" });
    expect(s.reportDeadline).toBe("2020-01-10");
    expect(isDerivedDeadline(s, "deadline")).toBe(true);
    expect(isDerivedDeadline(s, "reportDeadline")).toBe(false);
    // The signer, bodies and place are the period's, not the year's: kept.
    expect(s.signer).toEqual(DEFAULT_SETTINGS_2019.signer);
  });

  it("29 February becomes 28 February in a common year", () => {
    expect(shiftIsoYear("2024-02-29", 1)).toBe("2025-02-28");
  });

  it("reads dates as a Vietnamese official types them (dd/mm/yyyy) and refuses impossible ones", () => {
    expect(parseViDate("25/12/2024")).toBe("2024-12-25");
    expect(parseViDate("5/1/2025")).toBe("2025-01-05");
    expect(parseViDate("31/02/2024")).toBeNull();
    expect(parseViDate("2024-12-25")).toBeNull();
    expect(parseViDate("")).toBeNull();
  });
});
