/**
 * A formula saved without its result (written by a program that does not calculate) is reported
 * as such — "ô có công thức nhưng chưa có kết quả: mở tệp trong Excel, lưu lại" — never as an empty
 * required cell and never read as empty or zero.
 */
import { miniXlsx } from "./ooxml";
import { readAndValidate, yTeSheet, yTeValue } from "./fixtures";

jest.setTimeout(60_000);

describe("a formula cell without a cached result", () => {
  test("is an error on that cell saying to open the file in Excel and save it, in Vietnamese and English", async () => {
    const sheet = yTeSheet({
      value: (k, i, n, c) => {
        if (i === 0 && k === "soSinh") return { formula: "SUM(X1:X3)", type: "n" };
        if (i === 1 && k === "danSoTb") return { formula: "10000+2" };
        return yTeValue(k, i, n, c);
      },
    });
    const o = await readAndValidate(miniXlsx({ sheets: [sheet] }), "chua-tinh.xlsx");
    if (!o.ok) throw new Error(o.refused.message.vi);
    const v = o.submissions[0]!.validation;
    const errors = v.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.column).sort()).toEqual(["danSoTb", "soSinh"]);
    for (const e of errors) {
      expect(e.rule).not.toBe("required");
      expect(e.message.vi).toContain("ô có công thức nhưng chưa có kết quả: mở tệp trong Excel, lưu lại".replace(/^ô/, "Ô"));
      expect(e.message.vi).toContain(e.cell!);
      expect(e.message.en).toContain("open the file in Excel, save it");
    }
    // The value is unknown, so it is not taken as 0 or empty.
    const row = v.rows.find((r) => r.rowNumber === errors.find((e) => e.column === "soSinh")!.row);
    expect(row?.values.soSinh ?? null).toBeNull();
  });
});
