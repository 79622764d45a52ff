/**
 * Sixty returned files as a real year brings them in, for the 350 px walk of Tổng hợp (a11y.cjs):
 * every file distinct, made from the demo's submissions for the 2019 register —
 * - the demo's department files and TCCS reports (one TCCS sent a corrected version: a conflict),
 *   except three not sent yet: Y tế and two agencies' reports (so "chưa nộp");
 * - the leaders' template 3.15 sent by each body for its own leaders (eleven files; the one from
 *   "Thủy Xuân", a unit not in the register, is left out when consolidating);
 * - three TCCS reports sent again later, and Tài chính's two corrected rows sent again (conflicts);
 * - five files filled on last year's (2018) templates (refused: another year);
 * - the blank Y tế template and the two agencies' blank reports sent back unfilled ("trống");
 * - what else arrives by mail: a CSV renamed .xlsx, an old .xls, a file cut short by a download, an
 *   empty file, a tracking workbook and a home-made form (refused, each saying why).
 * In the pane, after consolidating: đã nhận 45 · bị từ chối 12 · trống 3 · trùng 6 · chưa nộp 3.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/adapters/xlsx";
import { demoWorkbook, generateDemo, type DemoFile } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { withYear } from "../../src/core/settings/period";
import type { PeriodSettings } from "../../src/core/settings/types";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units/register";

const NOT_SENT_YET = ["y-te", "tccs-det-may-phu-hoa-an", "tccs-trung-tam-y-te"];
const SENT_AGAIN = ["db-xa-thuy-van", "db-xa-thuy-thanh", "tccs-co-quan-chinh-quyen"];
const LAST_YEARS = [
  "3.1a-noi-vu-cchc.xlsx",
  "3.4-van-hoa.xlsx",
  "3.10-cong-an.xlsx",
  "3.14-db-xa-thuy-bang.xlsx",
  "3.14-db-phuong-thuy-duong.xlsx",
];

/** "Đảng bộ phường Thủy Châu" → "dang-bo-phuong-thuy-chau". */
function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** An ISO time moved by `days`. */
function later(iso: string, days: number): string {
  const d = new Date(Date.parse(iso) + days * 86_400_000);
  return d.toISOString();
}

export async function writeSixtyReturns(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const register = defaultRegister();
  const settings = DEFAULT_SETTINGS_2019;
  const plan = generateDemo(CATALOG, register, settings);
  const { writer } = await loadXlsx();
  const written: string[] = [];
  const save = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    written.push(name);
  };
  const filled = async (name: string, f: DemoFile, s: PeriodSettings = settings) => {
    save(name, await writer.write(demoWorkbook(requireTemplate(f.templateId), register, s, f)));
  };
  const isTccsReport = (f: DemoFile, codes: string[]) =>
    f.templateId === "tccs-bao-cao" && codes.includes(f.rows[0]?.unitCode ?? "");

  for (const f of plan.files) {
    if (NOT_SENT_YET.includes(f.templateId) || isTccsReport(f, NOT_SENT_YET)) continue;
    if (f.templateId === "lanh-dao") {
      // Each body sends its own leaders' rows.
      const bodies = new Map<string, DemoFile["rows"]>();
      for (const r of f.rows) {
        const body = String(r.cells["unitCode"] ?? "khac");
        bodies.set(body, [...(bodies.get(body) ?? []), r]);
      }
      for (const [body, rows] of bodies)
        await filled(`3.15-lanh-dao-${slug(body)}.xlsx`, { ...f, rows });
      continue;
    }
    await filled(f.fileName, f);
    if (isTccsReport(f, SENT_AGAIN))
      await filled(f.fileName.replace(/\.xlsx$/, "-gui-lai.xlsx"), {
        ...f,
        modifiedAt: later(f.modifiedAt, 3),
      });
    if (f.templateId === "tai-chinh")
      await filled("3.2-tai-chinh-bo-sung.xlsx", {
        ...f,
        rows: f.rows.slice(0, 2),
        modifiedAt: later(f.modifiedAt, 2),
      });
  }

  // Last year's templates filled again.
  const y2018 = withYear(settings, 2018);
  for (const name of LAST_YEARS) {
    const f = plan.files.find((x) => x.fileName === name);
    if (!f) throw new Error(`the demo has no ${name}`);
    await filled(
      name.replace(/\.xlsx$/, "-nam-2018.xlsx"),
      {
        ...f,
        generatedAt: "2018-11-26T08:00:00+07:00",
      },
      y2018
    );
  }

  // Sent back without a figure (a TCCS's report lists its own row only, as sent out).
  for (const id of NOT_SENT_YET) {
    const isUnit = !CATALOG.some((s) => s.id === id);
    const spec = requireTemplate(isUnit ? "tccs-bao-cao" : id);
    const model = buildTemplateWorkbook(spec, register, settings, {
      generatedAt: "2019-11-25T08:00:00+07:00",
      ...(isUnit ? { units: [id] } : {}),
    });
    save(`${spec.section}-${id}-chua-dien.xlsx`, await writer.write(model));
  }

  // What else arrives by mail.
  save("bang-ke-tu-may-khac.xlsx", "Đơn vị;Xếp loại\nPhường Phú Bài;Tốt\n");
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  save("bao-cao-excel-2003.xls", ole);
  const whole = await writer.write(
    demoWorkbook(
      requireTemplate("van-hoa"),
      register,
      settings,
      plan.files.find((x) => x.templateId === "van-hoa")!
    )
  );
  save("3.4-van-hoa-tai-do.xlsx", whole.slice(0, Math.floor(whole.length / 3)));
  save("tep-rong.xlsx", new Uint8Array(0));
  for (const [name, rows] of [
    [
      "so-theo-doi-cong-van.xlsx",
      [
        ["Số công văn", "Ngày", "Nơi gửi"],
        ["45-CV/TU", "02/12/2019", "Văn phòng"],
      ],
    ],
    [
      "bao-cao-tu-lap.xlsx",
      [
        ["Đơn vị", "Xếp loại"],
        ["Phường Thủy Châu", "Hoàn thành tốt nhiệm vụ"],
      ],
    ],
  ] as const) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (const r of rows) ws.addRow([...r]);
    save(name, new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  if (written.length !== 60) throw new Error(`${written.length} returns, not 60`);
  return written;
}
