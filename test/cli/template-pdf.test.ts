/**
 * The blank templates as they come out of LibreOffice, read back from the PDF with pdftotext
 * -bbox: every text at 11 pt or more on paper, the table within the page's width with its last
 * column on the page, the heading of the body that asks for the template (and the Party's name
 * or the national motto), "Mẫu số 3.x", the footer with the place/date line and both signature
 * titles, and nothing internal on paper. Runs where soffice and pdftotext are installed
 * (XEPLOAI_LIBREOFFICE=0 skips it), otherwise it is skipped with a message.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { toPdf } from "../../src/cli/libreoffice";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { templateFooter, templateHeading } from "../../src/core/template-sheet/document";
import { CATALOG } from "../../src/core/templates/catalog";
import type { TemplateSpec } from "../../src/core/templates/spec";
import { defaultRegister } from "../../src/core/units/register";
import { describeWithLibreOffice, INTERNAL, readPdf, type PdfPage } from "./pdf-helpers";

const maybe = describeWithLibreOffice("template-pdf");
jest.setTimeout(600_000);

const MM = 72 / 25.4;
const printed = new Map<string, { pages: PdfPage[]; scale: number; spec: TemplateSpec }>();

/** Box height per point of font size on the page: "Năm 2019" (row 7) is set at 13 pt. */
function boxPerPoint(page: PdfPage, scale: number): number {
  const w = page.words.find((x) => x.text === "Năm");
  if (!w) throw new Error("no 'Năm' on page 1");
  return (w.yMax - w.yMin) / ((13 * scale) / 100);
}

function problems(id: string): string[] {
  const { pages, scale, spec } = printed.get(id)!;
  const out: string[] = [];
  const minBox = 11 * boxPerPoint(pages[0]!, scale) - 0.05;
  const lastHeader = spec.columns[spec.columns.length - 1]!.header.vi;
  pages.forEach((p, i) => {
    for (const w of p.words) {
      if (/^Trang$|^\d+\/\d+$|^\d+$/.test(w.text) && w.yMin > p.height - 12 * MM) continue;
      // A turned header's box is as tall as the word is long: its text height is its width.
      const h = w.yMax - w.yMin > 3 * minBox ? w.xMax - w.xMin : w.yMax - w.yMin;
      if (h < minBox)
        out.push(`${id} p${i + 1}: "${w.text}" prints below 11 pt (${h.toFixed(1)} < ${minBox.toFixed(1)})`);
      if (w.xMin < 5 * MM || w.xMax > p.width - 5 * MM)
        out.push(`${id} p${i + 1}: "${w.text}" reaches the page edge`);
    }
    const lastWord = lastHeader.split(" ")[0]!;
    if (p.words.some((w) => w.text === "TT") && !p.words.some((w) => w.text === lastWord))
      out.push(`${id} p${i + 1}: the last column ("${lastHeader}") is not on the page`);
    // "TC1" … "TC19" are the criteria's names in 3.3, not cell addresses.
    const text = p.text.replace(/\bTC\d{1,2}\b/g, "");
    for (const [what, re] of INTERNAL) {
      const m = re.exec(text);
      if (m) out.push(`${id} p${i + 1}: ${what} on paper: "${m[0]}"`);
    }
  });
  return out;
}

maybe("blank templates printed through LibreOffice", () => {
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xeploai-template-pdf-"));
    const { writer } = await loadXlsx();
    for (const spec of CATALOG) {
      const model = buildTemplateWorkbook(spec, defaultRegister(), DEFAULT_SETTINGS_2019, {
        generatedAt: "2019-11-01T00:00:00.000Z",
      });
      const file = path.join(dir, `${spec.id}.xlsx`);
      writeFileSync(file, await writer.write(model));
      const r = await toPdf(file, dir);
      if (!r.ok) throw new Error(`${spec.id}: ${r.why}`);
      printed.set(spec.id, { pages: readPdf(r.pdf), scale: model.sheets[0]!.print!.scale!, spec });
    }
  });

  it("prints every template on A4 at 11 pt or more, within the page width, last column on the page, nothing internal", () => {
    expect([...printed.keys()].sort()).toEqual(CATALOG.map((s) => s.id).sort());
    expect(CATALOG.flatMap((s) => problems(s.id))).toEqual([]);
  });

  it("heads each template with the body that asks for it, the Party's name or the national motto, and 'Mẫu số 3.x'", () => {
    // Compared without spaces: LibreOffice writes some Vietnamese letters as separate runs.
    const squeeze = (t: string) => t.replace(/\s+/g, "");
    for (const spec of CATALOG) {
      const first = squeeze(printed.get(spec.id)!.pages[0]!.text);
      const h = templateHeading(spec, DEFAULT_SETTINGS_2019);
      for (const line of h.body) expect(first).toContain(squeeze(line));
      const right = h.party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
      expect(first).toContain(squeeze(right));
      expect(first).toContain(squeeze(`Mẫu số ${spec.section} (kèm theo Kế hoạch số`));
      expect(first).toContain(squeeze(spec.title.vi));
    }
    expect(printed.get("tccs-bao-cao")!.pages[0]!.text).toContain("BAN TỔ CHỨC");
  });

  it("ends each template with the place/date line and the signature titles (T/M ĐẢNG ỦY on 3.14)", () => {
    for (const spec of CATALOG) {
      const all = printed.get(spec.id)!.pages.map((p) => p.text).join(" ");
      const f = templateFooter(spec, DEFAULT_SETTINGS_2019);
      expect(all).toContain(f.dateLine);
      for (const t of [f.preparer[0]!, f.head[0]!]) expect(all).toContain(t);
    }
    expect(printed.get("tccs-bao-cao")!.pages.map((p) => p.text).join(" ")).toContain("T/M ĐẢNG ỦY");
  });
});
