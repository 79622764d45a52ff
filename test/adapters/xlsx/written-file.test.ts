/** The written template file itself, inspected as XML: what Excel and LibreOffice will see. */
import { loadXlsx } from "../../../src/adapters/xlsx";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { metaOf } from "./helpers";
import { unzip } from "./zip";

const register = defaultRegister();

async function written(id: string) {
  const model = buildTemplateWorkbook(requireTemplate(id), register, DEFAULT_SETTINGS_2019);
  const { writer } = await loadXlsx();
  const files = unzip(await writer.write(model));
  const workbook = files.get("xl/workbook.xml")!;
  const rels = files.get("xl/_rels/workbook.xml.rels")!;
  // Sheet XML by sheet name (workbook.xml → r:id → target).
  const sheetXml = (name: string) => {
    const esc = name.replace(/&/g, "&amp;");
    const rid = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
    return files.get(`xl/${target!.replace(/^\/?xl\//, "")}`)!;
  };
  return { model, files, workbook, sheetXml, meta: metaOf(model) };
}

describe("written template file", () => {
  test("data validations are bounded to the unit rows (never whole columns), stop-style with prompts", async () => {
    const { sheetXml, meta, model } = await written("dan-van");
    const xml = sheetXml(model.sheets[0]!.name);
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(sqrefs.length).toBe(6);
    const last = meta.firstDataRow + 11;
    for (const ref of sqrefs) {
      expect(ref).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      const [, r1, r2] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref)!;
      expect(Number(r1)).toBe(meta.firstDataRow);
      expect(Number(r2)).toBe(last);
    }
    expect(xml).toContain("<formula1>_lists!$A$2:$A$5</formula1>");
    expect(xml).toMatch(/showErrorMessage="1"/);
    expect(xml).not.toMatch(/errorStyle="(warning|information)"/);
    expect(xml).toMatch(/promptTitle="Chính quyền"/);
  });

  test("sheet protection without a password; entry cells unlocked", async () => {
    const { sheetXml, files, model } = await written("y-te");
    const xml = sheetXml(model.sheets[0]!.name);
    const prot = /<sheetProtection [^>]*\/>/.exec(xml)![0];
    expect(prot).toContain('sheet="1"');
    expect(prot).not.toMatch(/hashValue|password=/);
    expect(files.get("xl/styles.xml")).toMatch(/<protection locked="0"\/>/);
  });

  test("_meta is very hidden, _lists hidden, the template sheet visible and first", async () => {
    const { workbook } = await written("dan-van");
    expect(workbook).toMatch(/<sheet [^>]*name="_meta"[^>]*state="veryHidden"/);
    expect(workbook).toMatch(/<sheet [^>]*name="_lists"[^>]*state="hidden"/);
    const first = /<sheet [^>]*name="([^"]+)"/.exec(workbook)![1];
    expect(first).toBe(requireTemplate("dan-van").sheetName);
  });

  test("print setup: A4, landscape/portrait per spec, a fixed scale ≥ 92 %, title rows, page-number footer, centred", async () => {
    const { sheetXml, workbook, model, meta } = await written("dan-van");
    const xml = sheetXml(model.sheets[0]!.name);
    const page = /<pageSetup [^>]*\/>/.exec(xml)![0];
    expect(page).toContain('paperSize="9"');
    expect(page).toContain(`orientation="${requireTemplate("dan-van").orientation}"`);
    expect(page).toContain(`scale="${model.sheets[0]!.print!.scale}"`);
    expect(model.sheets[0]!.print!.scale).toBeGreaterThanOrEqual(92);
    expect(xml).not.toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
    expect(xml).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
    expect(xml).toContain("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>");
    expect(xml).toMatch(/<pageMargins left="0.47\d*" right="0.31\d*"/);
    expect(workbook).toMatch(new RegExp(`_xlnm.Print_Titles[^>]*>[^<]*\\$10:\\$${meta.firstDataRow - 1}<`));
  });

  test("frozen below the header, hidden code column, Times New Roman, widths set", async () => {
    const { sheetXml, files, model, meta } = await written("y-te");
    const xml = sheetXml(model.sheets[0]!.name);
    expect(xml).toMatch(new RegExp(`<pane [^>]*topLeftCell="C${meta.firstDataRow}"[^>]*state="frozen"`));
    expect(xml).toMatch(/<col min="3" max="3" width="[\d.]+" hidden="1"/);
    expect(files.get("xl/styles.xml")).toContain('<name val="Times New Roman"/>');
  });

  test("computed cells are formulas (no stale cached value)", async () => {
    const { sheetXml, model, meta } = await written("y-te");
    const xml = sheetXml(model.sheets[0]!.name);
    const ref = `${meta.columns.tyLeTangTn}${meta.firstDataRow}`;
    const cell = new RegExp(`<c r="${ref}"[^>]*>(.*?)</c>`).exec(xml)![1]!;
    expect(cell).toMatch(/^<f>IF\(COUNT\(/);
    expect(cell).not.toContain("<v>");
  });
});
