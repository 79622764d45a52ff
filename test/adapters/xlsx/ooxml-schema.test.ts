/**
 * Workbooks Excel opens without "We found a problem with some content": every enumerated attribute
 * the file writer emits is one the ECMA-376 schema allows (scripts/ooxml/xsd/sml.xsd), read from
 * the schema itself, so a value like errorStyle="error" cannot come back unnoticed. When python3
 * with lxml is present the full schema check (scripts/ooxml/check.py) runs as well; otherwise that
 * test says it was skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { DEMO_SETTINGS } from "../../../src/cli/commands/demo";
import { fillTemplate, generateDemo } from "../../../src/core/demo";
import { runPipeline } from "../../../src/core/master/pipeline";
import { readSubmissions } from "../../../src/core/submission/read";
import type { Submission } from "../../../src/core/submission/types";
import type { WorkbookModel } from "../../../src/core/sheet/model";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { CATALOG } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { unzip } from "./zip";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SML_XSD = readFileSync(path.join(ROOT, "scripts", "ooxml", "xsd", "sml.xsd"), "utf8");
const CHECK = path.join(ROOT, "scripts", "ooxml", "check.py");

/** The schema's enumerations: simple type name → allowed values. */
function enumerations(xsd: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of xsd.matchAll(/<xsd:simpleType name="(\w+)">([\s\S]*?)<\/xsd:simpleType>/g)) {
    const values = [...m[2]!.matchAll(/<xsd:enumeration value="([^"]*)"/g)].map((v) => v[1]!);
    if (values.length) out.set(m[1]!, new Set(values));
  }
  return out;
}

/**
 * For each element name, the enumerated attributes its complex types declare: element → attribute
 * → allowed values (the union over the element's types, as one name can have several contexts).
 */
function enumeratedAttributes(xsd: string): Map<string, Map<string, Set<string>>> {
  const enums = enumerations(xsd);
  const typeAttrs = new Map<string, Map<string, string>>();
  for (const m of xsd.matchAll(
    /<xsd:complexType name="(\w+)"[^>]*>([\s\S]*?)<\/xsd:complexType>/g
  )) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/<xsd:attribute name="(\w+)" type="(\w+)"/g))
      attrs.set(a[1]!, a[2]!);
    typeAttrs.set(m[1]!, attrs);
  }
  const out = new Map<string, Map<string, Set<string>>>();
  for (const e of xsd.matchAll(/<xsd:element name="(\w+)" type="(\w+)"/g)) {
    const attrs = typeAttrs.get(e[2]!);
    if (!attrs) continue;
    const byAttr = out.get(e[1]!) ?? new Map<string, Set<string>>();
    for (const [attr, type] of attrs) {
      const allowed = enums.get(type);
      if (!allowed) continue;
      byAttr.set(attr, new Set([...(byAttr.get(attr) ?? []), ...allowed]));
    }
    out.set(e[1]!, byAttr);
  }
  return out;
}

const ALLOWED = enumeratedAttributes(SML_XSD);

/** Every enumerated attribute value in a SpreadsheetML part that the schema does not allow. */
function outOfSchema(partName: string, xml: string): string[] {
  const bad: string[] = [];
  for (const tag of xml.matchAll(/<(?:\w+:)?(\w+)((?:\s+[\w:]+="[^"]*")*)\s*\/?>/g)) {
    const rules = ALLOWED.get(tag[1]!);
    if (!rules) continue;
    for (const a of tag[2]!.matchAll(/([\w:]+)="([^"]*)"/g)) {
      const allowed = rules.get(a[1]!);
      if (allowed && !allowed.has(a[2]!))
        bad.push(
          `${partName}: <${tag[1]} ${a[1]}="${a[2]}"> (allowed: ${[...allowed].join(", ")})`
        );
    }
  }
  return bad;
}

const register = defaultRegister();

/** A blank template of each kind, a filled submission of each, and a master built from them. */
async function writtenWorkbooks(): Promise<Map<string, Uint8Array>> {
  const { reader, writer } = await loadXlsx();
  const out = new Map<string, Uint8Array>();
  for (const spec of CATALOG)
    out.set(
      `${spec.id}.xlsx`,
      await writer.write(buildTemplateWorkbook(spec, register, DEMO_SETTINGS))
    );
  const plan = generateDemo(CATALOG, register, DEMO_SETTINGS);
  const submissions: Submission[] = [];
  const seen = new Set<string>();
  for (const f of plan.files) {
    if (seen.has(f.templateId)) continue; // one filled file per template is enough here
    seen.add(f.templateId);
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(buildTemplateWorkbook(spec, register, DEMO_SETTINGS), spec, f);
    const bytes = await writer.write(model);
    out.set(f.fileName, bytes);
    const read = await reader.read(bytes, f.fileName);
    if (!read.ok) continue;
    const r = readSubmissions(read.grids, { register, catalog: CATALOG });
    if (r.ok) submissions.push(...r.submissions);
  }
  const master: WorkbookModel = runPipeline({
    submissions,
    refused: [],
    previous: null,
    settings: DEMO_SETTINGS,
    register,
    catalog: CATALOG,
    now: "2019-12-30T09:00:00+07:00",
  }).model;
  out.set("master.xlsx", await writer.write(master));
  return out;
}

let workbooks: Map<string, Uint8Array>;
beforeAll(async () => {
  workbooks = await writtenWorkbooks();
});

describe("the writer's files against the ECMA-376 schema", () => {
  test("the schema's sets are read (data validation error styles are stop, warning, information)", () => {
    expect([...ALLOWED.get("dataValidation")!.get("errorStyle")!].sort()).toEqual([
      "information",
      "stop",
      "warning",
    ]);
    expect(ALLOWED.get("pageSetup")!.get("orientation")!.has("landscape")).toBe(true);
  });

  test("the check itself catches an out-of-schema value", () => {
    const xml = `<dataValidations><dataValidation type="list" errorStyle="error" sqref="A1"/></dataValidations>`;
    expect(outOfSchema("sheet1.xml", xml)).toEqual([
      `sheet1.xml: <dataValidation errorStyle="error"> (allowed: stop, warning, information)`,
    ]);
  });

  test("every enumerated attribute in templates, submissions and the master is within the schema", () => {
    expect(workbooks.size).toBeGreaterThan(CATALOG.length + 1);
    const bad: string[] = [];
    let validations = 0;
    for (const [name, bytes] of workbooks) {
      for (const [part, xml] of unzip(bytes)) {
        if (!part.endsWith(".xml") || !part.startsWith("xl/")) continue;
        validations += (xml.match(/<dataValidation /g) ?? []).length;
        bad.push(...outOfSchema(`${name} ${part}`, xml));
      }
    }
    expect(validations).toBeGreaterThan(0); // the attributes that broke before are really looked at
    expect(bad).toEqual([]);
  });

  const python = ["/usr/bin/python3", "python3"].find(
    (p) => spawnSync(p, ["-c", "import lxml"], { stdio: "ignore" }).status === 0
  );
  const withPython = python ? test : test.skip;
  if (!python)
    // eslint-disable-next-line no-console
    console.warn(
      "ooxml-schema.test: python3 with lxml not found, the full schema check (scripts/ooxml/check.py) is SKIPPED; apt-get install python3-lxml to run it"
    );
  withPython("the full schema check (scripts/ooxml/check.py) passes on every one of them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xeploai-ooxml-test-"));
    try {
      const files = [...workbooks].map(([name, bytes]) => {
        const p = path.join(dir, name);
        writeFileSync(p, bytes);
        return p;
      });
      let output = "";
      let status = 0;
      try {
        output = execFileSync(python!, [CHECK, ...files], { encoding: "utf8" });
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        status = err.status;
        output = `${err.stdout}\n${err.stderr}`;
      }
      expect({
        status,
        problems: output.split("\n").filter((l) => l && !l.startsWith("OK")),
      }).toEqual({
        status: 0,
        problems: [`${files.length} of ${files.length} files valid against ECMA-376`],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
