/**
 * Templates are data: the shipped sets are JSON files, a period's catalog is the templates whose
 * validity includes it, and a changed copy of the JSON (a column, a rule, a message) is what the
 * whole chain uses — no code change.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { CATALOG, checkSpec } from "../../../src/core/templates/catalog";
import {
  HD21_2019_TEMPLATES,
  getTemplateSet,
  templateSetForPeriod,
  templatesForSettings,
} from "../../../src/core/templates/shipped-sets";
import type { TemplateSpec } from "../../../src/core/templates/spec";
import {
  catalogFor,
  catalogForPeriod,
  parseTemplateSet,
  servesPeriod,
} from "../../../src/core/templates/template-set";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { validate } from "../../../src/core/validate";
import { register, validRows, withPatch } from "../validate/fixtures";

const DATA = path.join(__dirname, "../../../src/core/templates/data/hd21-2019");

/** The shipped 2019 set's files, parsed, as a person would copy them. */
function shippedDocs(): { file: string; data: Record<string, unknown> }[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({
      file: f,
      data: JSON.parse(readFileSync(path.join(DATA, f), "utf8")) as Record<string, unknown>,
    }));
}

describe("shipped template sets", () => {
  it("the 2019 set is the default catalog, in brief order, every spec well-formed, for 2019–2024", () => {
    expect(CATALOG).toBe(HD21_2019_TEMPLATES.specs);
    expect(CATALOG.map((s) => s.section)).toEqual([
      "3.1a",
      "3.1b",
      "3.2",
      "3.3",
      "3.4",
      "3.5",
      "3.6",
      "3.7",
      "3.8",
      "3.9",
      "3.10",
      "3.11",
      "3.12",
      "3.13",
      "3.14",
      "3.15",
    ]);
    for (const s of CATALOG) expect(checkSpec(s)).toEqual([]);
    expect(HD21_2019_TEMPLATES).toMatchObject({ id: "HD21-2019", validFrom: 2019, validTo: 2024 });
    expect(CATALOG.every((s) => servesPeriod(s, 2019) && !servesPeriod(s, 2025))).toBe(true);
    expect(templateSetForPeriod(2019)).toBe(HD21_2019_TEMPLATES);
    expect(getTemplateSet("HD21-2019")).toBe(HD21_2019_TEMPLATES);
    expect(templatesForSettings(DEFAULT_SETTINGS_2019)).toEqual(CATALOG);
  });

  it("the JSON files on disk are the shipped specs", () => {
    const r = parseTemplateSet(shippedDocs(), { id: "copy" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.set.id).toBe("HD21-2019");
    expect(r.set.specs).toEqual(CATALOG);
  });
});

describe("a changed copy of the JSON is what is used", () => {
  function changedSet(change: (spec: Record<string, unknown>) => void, id = "y-te") {
    const docs = shippedDocs();
    const doc = docs.find((d) => d.file === `${id}.json`)!;
    change(doc.data);
    const r = parseTemplateSet(docs, { id: "copy" });
    if (!r.ok) throw new Error(r.problems.map((p) => p.en).join("\n"));
    return r.set.specs.find((s) => s.id === id)!;
  }
  type Col = { key: string; header: { vi: string; en: string } };
  type Rule = { id: string; message: { vi: string; en: string }; assert?: unknown };

  it("a column header, a rule message and a new rule", () => {
    const spec: TemplateSpec = changedSet((d) => {
      const col = (d.columns as Col[]).find((c) => c.key === "soSinh")!;
      col.header = { vi: "Số trẻ sinh ra", en: "Live births" };
      const rule = (d.rules as Rule[]).find((r) => r.id === "yt.con3")!;
      rule.message = {
        vi: "Sinh con thứ 3 ({left}) nhiều hơn số sinh ({right}).",
        en: "Third births ({left}) above births ({right}).",
      };
      (d.rules as unknown[]).push({
        id: "yt.danSoLon",
        kind: "assert",
        severity: "warning",
        assert: [{ key: "danSoTb", op: "lt", value: 1000 }],
        message: {
          vi: "Dân số trung bình phải dưới 1.000 (quy tắc thử).",
          en: "Population must be under 1,000 (test rule).",
        },
      });
    });
    expect(spec.columns.find((c) => c.key === "soSinh")!.header.vi).toBe("Số trẻ sinh ra");

    // The sheet shows the new header.
    const model = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019);
    const texts = JSON.stringify(model);
    expect(texts).toContain("Số trẻ sinh ra");

    // The changed message, and the new rule, reach the official.
    const rows = withPatch(spec, 0, { soSinh: 10, soSinhCon3: 12 });
    const issues = validate(spec, rows, { register }).issues;
    expect(issues.find((i) => i.rule === "yt.con3")?.message.vi).toContain(
      "Sinh con thứ 3 (12) nhiều hơn số sinh (10)"
    );
    expect(issues.filter((i) => i.rule === "yt.danSoLon").length).toBe(validRows(spec).length);
  });

  it("a broken copy is refused, naming the file and what is wrong", () => {
    const docs = shippedDocs();
    const doc = docs.find((d) => d.file === "y-te.json")!;
    ((doc.data.rules as Rule[])[0] as unknown as { left: { key: string }[] }).left = [
      { key: "khongCo" },
    ];
    const r = parseTemplateSet(docs, { id: "copy" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.vi).toContain("y-te.json");
    expect(r.problems[0]!.vi).toContain("khongCo");
  });
});

describe("the catalog of a period", () => {
  const spec = (id: string, validFrom?: number, validTo?: number): TemplateSpec => ({
    ...CATALOG.find((s) => s.id === "quan-su")!,
    id,
    sheetName: id,
    ...(validFrom !== undefined ? { validFrom } : { validFrom: undefined }),
    ...(validTo !== undefined ? { validTo } : { validTo: undefined }),
  });

  it("holds the templates whose range includes the period", () => {
    const set = {
      id: "x",
      name: { vi: "x", en: "x" },
      validFrom: 2019,
      specs: [spec("a", 2019, 2020), spec("b", 2021), spec("c")],
    };
    expect(catalogForPeriod(set, 2019).map((s) => s.id)).toEqual(["a", "c"]);
    expect(catalogForPeriod(set, 2021).map((s) => s.id)).toEqual(["b", "c"]);
  });

  it("a set outside its range is refused with the years it serves, or used with --force and a warning", () => {
    const r = catalogFor(HD21_2019_TEMPLATES, 2030);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message.vi).toContain("áp dụng cho các năm 2019–2024, không dùng cho năm 2030");
    const forced = catalogFor(HD21_2019_TEMPLATES, 2030, true);
    expect(forced.ok && forced.warning?.vi).toContain("--force");
  });
});
