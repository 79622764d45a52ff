/**
 * A workbook written by "another program": minimal OOXML made part by part (inline strings, no
 * sharedStrings.xml, no styles.xml, t="n"/"e"/"b"/"str" cells, no _meta). It must be recognised
 * by its header row, say so, and read every value as the person meant it.
 */
import { miniXlsx } from "./ooxml";
import { readAndValidate, yTeSheet, yTeValue } from "./fixtures";
import type { ReadOutcome } from "../../src/core/submission/types";

function ok(o: ReadOutcome) {
  if (!o.ok) throw new Error(`refused: ${o.refused.message.vi}`);
  return o;
}

describe("a minimal hand-made .xlsx with the template's header row but no _meta", () => {
  test("is recognised by its header row, says so, and reads errors, booleans and formula strings", async () => {
    const sheet = yTeSheet({
      above: [
        ["ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ"],
        [{ formula: '"THỊ ỦY"&" HƯƠNG THỦY"', cached: "THỊ ỦY HƯƠNG THỦY" }],
      ],
      value: (k, i, n, c) => {
        if (i === 0 && k === "soSinh") return { error: "#REF!" };
        if (i === 1 && k === "ytXaDat") return true;
        if (i === 2 && k === "danSoTb") return { formula: "10000+2", cached: "10002", type: "str" };
        if (i === 3 && k === "soChet") return { formula: "1/0", cached: "#DIV/0!", type: "e" };
        if (i === 4 && k === "ytXaDat") return { formula: '"Không đạt"', cached: "Không đạt" };
        if (i === 5 && k === "soSinh") return { xml: "<v>1.5E+2</v>", t: "n" };
        return yTeValue(k, i, n, c);
      },
    });
    const o = ok(await readAndValidate(miniXlsx({ sheets: [sheet] }), "tu-lam.xlsx"));
    expect(o.submissions).toHaveLength(1);
    const s = o.submissions[0]!;
    expect(s.templateId).toBe("y-te");
    expect(s.recognizedBy).toBe("header");
    const v = s.validation;
    const note = v.issues.find((i) => i.rule === "recognized.header")!;
    expect(note.severity).toBe("warning");
    expect(note.message.vi).toContain("không còn phần nhận dạng ẩn của mẫu biểu");
    expect(note.message.vi).toContain("theo dòng tiêu đề (dòng 3)");

    const errorAt = (cell: string) =>
      v.issues.find((i) => i.cell === cell && i.severity === "error");
    expect(errorAt("G4")?.message.vi).toContain("#REF!");
    expect(errorAt("H7")?.message.vi).toContain("#DIV/0!");
    // TRUE is not "Đạt": an error on that cell, never a silent guess.
    expect(errorAt("E5")?.message.vi).toContain("Đạt");
    expect(v.issues.filter((i) => i.severity === "error")).toHaveLength(3);

    const byUnit = new Map(v.rows.map((r) => [r.unitCode, r.values]));
    expect(byUnit.size).toBe(12);
    expect(byUnit.get("phuong-thuy-duong")!.danSoTb).toBe(10002); // a formula string "10002"
    expect(byUnit.get("phuong-thuy-phuong")!.ytXaDat).toBe("KHONG_DAT");
    expect(byUnit.get("xa-duong-hoa")!.soSinh).toBe(150); // 1.5E+2
    // Computed columns are recomputed: (150 − 50) / 10 001 × 100.
    expect(byUnit.get("phuong-thuy-chau")!.tyLeTangTn).toBeCloseTo(1, 2);
  });

  test('plain strings as t="str" without a formula (how some web exporters write text)', async () => {
    const sheet = yTeSheet({
      value: (k, i, n, c) => {
        const v = yTeValue(k, i, n, c);
        return typeof v === "string" ? { xml: `<v>${v}</v>`, t: "str" } : v;
      },
    });
    sheet.rows[0] = sheet.rows[0]!.map((h) => ({ xml: `<v>${String(h)}</v>`, t: "str" }));
    const o = ok(await readAndValidate(miniXlsx({ sheets: [sheet] })));
    const v = o.submissions[0]!.validation;
    expect(v.rows).toHaveLength(12);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
