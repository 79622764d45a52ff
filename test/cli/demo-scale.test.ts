/** `xeploai demo --tccs N` and `--units FILE`: the whole job on a register of one's own size. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { withSyntheticTccs } from "../../src/core/demo";
import { defaultRegister, loadRegister } from "../../src/core/units";
import { cli } from "./cli-fixtures";

jest.setTimeout(240_000);

test("withSyntheticTccs adds N valid, sample-marked TCCS after the register's own units", () => {
  const base = defaultRegister();
  const grown = withSyntheticTccs(base, 5);
  expect(grown.units).toHaveLength(base.units.length + 5);
  expect(loadRegister(grown).ok).toBe(true);
  const added = grown.units.slice(base.units.length);
  expect(added.every((u) => u.kind === "tccs" && u.sample === true)).toBe(true);
  expect(new Set(grown.units.map((u) => u.code)).size).toBe(grown.units.length);
  expect(withSyntheticTccs(base, 0)).toBe(base);
});

test("a bad --tccs is a call error (exit 2) that says what to type", async () => {
  const r = await cli("demo", "--out", mkdtempSync(path.join(tmpdir(), "xl-")), "--tccs", "nhiều");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--tccs phải là một số nguyên/);
});

test("demo --units FILE --tccs 3: the master lists the register's TCCS and the synthetic ones", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-demo-scale-"));
  const unitsFile = path.join(dir, "units.json");
  writeFileSync(unitsFile, JSON.stringify(defaultRegister()));
  const out = path.join(dir, "out");
  const r = await cli("demo", "--out", out, "--no-pdf", "--units", unitsFile, "--tccs", "3");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/đơn vị\) ===/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "master.xlsx"));
  const names: string[] = [];
  wb.getWorksheet("Tổng hợp")!.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string") names.push(c.value);
    })
  );
  for (let i = 1; i <= 3; i++) expect(names).toContain(`Chi bộ Cơ quan thử nghiệm số ${i}`);
});
