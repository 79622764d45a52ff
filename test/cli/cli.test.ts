import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import {
  catalogJsonSchema,
  templatesJsonSchema,
  validateJsonSchema,
} from "../../src/cli/json-schemas";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { cli } from "./cli-fixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "xeploai-cli-"));
const tplDir = path.join(dir, "mau-bieu");

/** Fills every unit row of a generated template with zeros / the lowest level, like an official would. */
async function fillTemplate(
  id: string,
  edit?: (ws: ExcelJS.Worksheet, firstDataRow: number, letter: (k: string) => string) => void
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tplDir, `${id}.xlsx`));
  const spec = requireTemplate(id);
  const meta = wb.getWorksheet("_meta")!;
  const kv = new Map<string, string>();
  meta.eachRow((row) => kv.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  const first = Number(kv.get("firstDataRow"));
  const letter = (k: string) => kv.get(`column:${k}`)!;
  const ws = wb.getWorksheet(spec.sheetName)!;
  for (let r = first; r < first + 12; r++) {
    for (const col of spec.columns) {
      if (col.identity || col.computed || col.type !== "int") continue;
      ws.getCell(`${letter(col.key)}${r}`).value = col.min && col.min > 0 ? col.min : 0;
    }
    for (const col of spec.columns.filter((c) => c.type === "enum" && !c.identity))
      ws.getCell(`${letter(col.key)}${r}`).value = "Không đạt";
  }
  edit?.(ws, first, letter);
  const file = path.join(dir, `${id}-${Math.random().toString(36).slice(2, 7)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("xeploai CLI (in-process)", () => {
  beforeAll(async () => {
    const r = await cli("templates", "--out", tplDir, "--period", "2019");
    expect(r.code).toBe(0);
  });

  test("templates: one <templateId>.xlsx per template", () => {
    expect(readdirSync(tplDir).sort()).toEqual(CATALOG.map((s) => `${s.id}.xlsx`).sort());
  });

  test("templates --json matches its schema; --template picks one", async () => {
    const r = await cli(
      "templates",
      "--out",
      path.join(dir, "one"),
      "--template",
      "y-te",
      "--json"
    );
    expect(r.code).toBe(0);
    const json = templatesJsonSchema.parse(JSON.parse(r.out));
    expect(json.files.map((f) => f.templateId)).toEqual(["y-te"]);
    expect((await cli("templates", "--out", dir, "--template", "khong-co")).code).toBe(2);
  });

  test("catalog (Vietnamese text) and catalog --json (schema)", async () => {
    const human = await cli("catalog");
    expect(human.code).toBe(0);
    expect(human.out).toContain("Kết quả công tác y tế");
    expect(human.out).toBe(human.out.normalize("NFC"));
    const json = await cli("catalog", "--json");
    const parsed = catalogJsonSchema.parse(JSON.parse(json.out));
    expect(parsed.templates.map((t) => t.id)).toEqual(CATALOG.map((s) => s.id));
    const enumCol = parsed.templates
      .find((t) => t.id === "dan-van")!
      .columns.find((c) => c.key === "mttq")!;
    expect(enumCol.values!.map((v) => v.code)).toEqual(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]);
  });

  test("validate: a valid file → exit 0, and says how the template was recognised", async () => {
    const file = await fillTemplate("y-te", (ws, first, L) => {
      for (let r = first; r < first + 12; r++) ws.getCell(`${L("danSoTb")}${r}`).value = 1000;
    });
    const r = await cli("validate", file);
    expect(r.err).toBe("");
    expect(r.out).toContain("nhận dạng theo trang thông tin mẫu biểu ẩn");
    expect(r.out).toContain("Mẫu biểu 3.6 “Y tế” (phiên bản 1), năm 2019");
    expect(r.out).toContain("0 lỗi");
    expect(r.code).toBe(0);
  });

  test("validate: errors → exit 1, each issue names file, sheet and cell; --json follows the schema", async () => {
    const file = await fillTemplate("y-te", (ws, first, L) => {
      for (let r = first; r < first + 12; r++) ws.getCell(`${L("danSoTb")}${r}`).value = 1000;
      ws.getCell(`${L("soSinh")}${first + 1}`).value = "abc";
    });
    const r = await cli("validate", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/LỖI\s+.*y-te-\w+\.xlsx › Y tế › [A-Z]+14: /);
    const j = await cli("validate", file, "--json");
    expect(j.code).toBe(1);
    const json = validateJsonSchema.parse(JSON.parse(j.out));
    expect(json.exitCode).toBe(1);
    const err = json.files[0]!.submissions[0]!.issues.find((i) => i.severity === "error")!;
    expect(err).toMatchObject({ file, sheet: "Y tế", row: 14, column: "soSinh" });
    expect(err.cell).toMatch(/^[A-Z]+14$/);
    expect(err.message).toContain("abc");
    const en = await cli("validate", file, "--lang", "en");
    expect(en.out).toContain("recognised from its hidden template information sheet");
    expect(en.out).toMatch(/ERROR\s+/);
  });

  test("validate: a file that cannot be read → exit 2 with the reason, others still checked", async () => {
    const csv = path.join(dir, "sai.xlsx");
    writeFileSync(csv, "TT;Xã\n1;Phú Bài\n");
    const good = await fillTemplate("y-te", (ws, first, L) => {
      for (let r = first; r < first + 12; r++) ws.getCell(`${L("danSoTb")}${r}`).value = 1000;
    });
    const r = await cli("validate", csv, good, path.join(dir, "khong-co.xlsx"));
    expect(r.code).toBe(2);
    // The reason in words, never its code ("not-xlsx", "not-found": those are in --json).
    expect(r.out.match(/KHÔNG ĐỌC ĐƯỢC: /g)).toHaveLength(2);
    expect(r.out).toContain(`KHÔNG ĐỌC ĐƯỢC: Không thấy tệp ${path.join(dir, "khong-co.xlsx")}.`);
    expect(r.out).not.toMatch(/not-xlsx|not-found/);
    expect(r.out).toContain("1 hợp lệ");
  });

  test("bad calls → exit 2, a message and no stack trace", async () => {
    for (const argv of [
      [],
      ["khong-co-lenh"],
      ["validate"],
      ["templates"],
      ["validate", "--bogus", "x.xlsx"],
      ["templates", "--out", dir, "--period", "20x9"],
      ["validate", "x.xlsx", "--units", path.join(dir, "none.json")],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err + r.out).not.toMatch(/\n\s+at /);
    }
    const r = await cli("validate", "--bogus");
    expect(r.err).toContain("Lỗi: Tùy chọn không có: --bogus");
  });

  test("--help, per command and in English", async () => {
    const h = await cli("--help");
    expect(h.code).toBe(0);
    expect(h.out).toContain("Cách dùng: xeploai <lệnh>");
    for (const name of ["catalog", "templates", "validate"]) expect(h.out).toContain(name);
    const v = await cli("validate", "--help", "--lang", "en");
    expect(v.out).toContain("xeploai validate FILE...");
    expect(v.out).toContain("Print JSON");
  });

  test("--units FILE: a register file that does not load is a clear error", async () => {
    const bad = path.join(dir, "units.json");
    writeFileSync(
      bad,
      JSON.stringify({
        id: "x",
        period: 2019,
        name: "X",
        units: [{ code: "Bad Code", name: "A", kind: "xa", order: 1 }],
      })
    );
    const r = await cli("templates", "--out", path.join(dir, "u"), "--units", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Lỗi: .*(Mã đơn vị|Sổ đơn vị)/);
  });
});

describe("bin/xeploai.cjs", () => {
  test("node bin/xeploai.cjs catalog --json runs the built CLI (dist-cli, rebuilt when src/ is newer)", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "xeploai.cjs");
    const r = spawnSync(process.execPath, [bin, "catalog", "--json"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(catalogJsonSchema.parse(JSON.parse(r.stdout)).templates.length).toBe(CATALOG.length);
  });
});
