/** `xeploai templates --template tccs-bao-cao --unit CODE`: a TCCS's own report, one row. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createNodeXlsxReader } from "../../src/adapters/xlsx/lean/node-reader";
import { readSubmissions } from "../../src/core/submission/read";
import { defaultRegister } from "../../src/core/units/register";
import { cli } from "./cli-fixtures";

jest.setTimeout(60_000);

test("--unit writes <template>-<code>.xlsx listing that unit only; validate expects no other row", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-unit-"));
  const r = await cli(
    "templates",
    "--out",
    dir,
    "--template",
    "tccs-bao-cao",
    "--unit",
    "DB-XA-THUY-TAN"
  );
  expect(r.code).toBe(0);
  const file = path.join(dir, "tccs-bao-cao-db-xa-thuy-tan.xlsx");
  expect(existsSync(file)).toBe(true);
  const read = await createNodeXlsxReader().read(
    new Uint8Array(readFileSync(file)),
    path.basename(file)
  );
  if (!read.ok) throw new Error(read.refused.message.en);
  const out = readSubmissions(read.grids, { register: defaultRegister(), period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.en);
  const sub = out.submissions[0]!;
  expect(sub.validation.rows.map((x) => x.unitCode)).toEqual(["db-xa-thuy-tan"]);
  expect(sub.validation.issues.map((i) => i.rule)).toEqual(["row.empty"]);
});

test("--unit without --template, or with a code the template does not list, is a call error", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-unit-"));
  const alone = await cli("templates", "--out", dir, "--unit", "db-xa-thuy-tan");
  expect(alone.code).toBe(2);
  expect(alone.err).toMatch(/--unit đi cùng --template/);
  const wrong = await cli(
    "templates",
    "--out",
    dir,
    "--template",
    "tccs-bao-cao",
    "--unit",
    "xa-thuy-tan"
  );
  expect(wrong.code).toBe(2);
  expect(wrong.err).toMatch(/không có đơn vị mã "xa-thuy-tan"/);
  expect(wrong.err).toMatch(/db-phuong-phu-bai/);
  const people = await cli(
    "templates",
    "--out",
    dir,
    "--template",
    "lanh-dao",
    "--unit",
    "xa-thuy-tan"
  );
  expect(people.code).toBe(2);
});
