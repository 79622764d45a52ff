import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { parseRuleSet } from "../../src/core/rules";
import { loadSettings } from "../../src/core/settings/defaults";
import { loadRegister } from "../../src/core/units";
import { cli } from "./cli-fixtures";

// Writes and reads workbooks: a timeout of its own, not jest's 5 s default (a loaded machine is slow).
jest.setTimeout(60_000);

describe("xeploai defaults: the shipped defaults as editable data", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "xeploai-defaults-")), "cau-hinh");

  it("writes settings, register and every rule set, each loadable by its own loader", async () => {
    const r = await cli("defaults", "--out", dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("units.json");
    const json = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown;
    const settings = loadSettings(json("settings.json"));
    expect(settings.ok && settings.settings.issuingBody).toBe("THỊ ỦY HƯƠNG THỦY");
    const register = loadRegister(json("units.json"));
    expect(
      register.ok && register.register.units.filter((u) => u.kind === "xa" || u.kind === "phuong")
    ).toHaveLength(12);
    for (const id of ["HD21-2019", "QD366-2025"]) {
      const rules = parseRuleSet(json(`rules-${id}.json`));
      expect(rules.ok && rules.ruleSet.id).toBe(id);
    }
  });

  it("an edited register file is what the templates are built from", async () => {
    const file = path.join(dir, "units.json");
    const reg = JSON.parse(readFileSync(file, "utf8")) as {
      units: { name: string; code: string }[];
    };
    reg.units.find((u) => u.code === "phuong-phu-bai")!.name = "Phường Phú Bài (sửa)";
    writeFileSync(file, JSON.stringify(reg));
    const out = path.join(dir, "..", "mau");
    const r = await cli("templates", "--out", out, "--units", file, "--template", "y-te", "--json");
    expect(r.code).toBe(0);
    const v = await cli("validate", path.join(out, "y-te.xlsx"), "--units", file, "--json");
    expect(v.code).toBe(0);
    expect(v.out).toContain("Phường Phú Bài (sửa)");
  });

  it("writes every template set; an edited template JSON is what --templates uses", async () => {
    const setDir = path.join(dir, "templates", "hd21-2019");
    const file = path.join(setDir, "y-te.json");
    const spec = JSON.parse(readFileSync(file, "utf8")) as {
      columns: { key: string; header: { vi: string; en: string } }[];
    };
    spec.columns.find((c) => c.key === "soSinh")!.header.vi = "Số trẻ sinh ra trong năm";
    writeFileSync(file, JSON.stringify(spec, null, 2));
    const cat = await cli("catalog", "--json", "--templates", setDir);
    expect(cat.code).toBe(0);
    expect(cat.out).toContain("Số trẻ sinh ra trong năm");
    const out = path.join(dir, "..", "mau-sua");
    const r = await cli("templates", "--out", out, "--templates", setDir, "--template", "y-te");
    expect(r.code).toBe(0);
    const { reader } = await loadXlsx();
    const read = await reader.read(
      new Uint8Array(readFileSync(path.join(out, "y-te.xlsx"))),
      "y-te.xlsx"
    );
    expect(read.ok && JSON.stringify(read.grids.sheets)).toContain("Số trẻ sinh ra trong năm");
    const v = await cli("validate", path.join(out, "y-te.xlsx"), "--templates", setDir, "--json");
    expect(v.code).toBe(0);

    writeFileSync(file, "{ not json");
    const bad = await cli("catalog", "--templates", setDir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("y-te.json");
    expect(bad.err).toContain("không phải JSON hợp lệ");
  });

  it("never overwrites a file someone may have edited", async () => {
    const r = await cli("defaults", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không ghi đè");
  });
});
