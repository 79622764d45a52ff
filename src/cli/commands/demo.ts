/**
 * `xeploai demo --out DIR`: the newcomer's first run. Makes every template (DIR/mau-bieu/), fills them with
 * realistic sample data for the 2019 register (with a few deliberate mistakes, one late and one
 * missing department), writes them to DIR/submissions/, consolidates them into DIR/master.xlsx and,
 * where LibreOffice (`soffice`) is installed, prints the master to DIR/master.pdf.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { loadNodeXlsxWriter } from "../../adapters/xlsx/node-writer";
import { demoWorkbook, generateDemo, generateDemo2025, withSyntheticTccs } from "../../core/demo";
import { DEFAULT_SETTINGS_2019, SAMPLE_SETTINGS_2025 } from "../../core/settings/defaults";
import type { PeriodSettings } from "../../core/settings/types";
import { buildTemplateWorkbook } from "../../core/template-sheet/build";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import { defaultRegister, sampleRegister2025 } from "../../core/units/register";
import type { UnitRegister } from "../../core/units/types";
import { CliError, stringOpt, yearOpt } from "../args";
import { registerFrom, type CliContext } from "../context";
import { openElsewhere } from "../master-lock";
import type { Command } from "../registry";
import { consolidateFiles, consolidateSummary, ruleSetFor } from "./consolidate";
import { printMaster } from "./print";

/** The demo's period settings: the 2019 defaults with a document date for the printed page. */
export const DEMO_SETTINGS: PeriodSettings = {
  ...DEFAULT_SETTINGS_2019,
  documentDate: "2019-12-30",
};
/** Fixed run time so the demo gives the same master every time. */
export const DEMO_NOW = "2019-12-30T09:00:00+07:00";

/** The periods the demo has sample data for: 2019 (HD 21) and 2025 (QĐ 366, two-tier model). */
export const DEMO_PERIODS = [2019, 2025] as const;

export { toPdf } from "../libreoffice";

/** Written into every folder the demo makes: only such a folder is ever written into again. */
export const DEMO_MARKER = ".xeploai-demo";
/** What the demo writes into its folder (an older demo folder, made before the marker, holds only these). */
const DEMO_ENTRIES = new Set([
  DEMO_MARKER,
  "mau-bieu",
  "submissions",
  "master.xlsx",
  "master.pdf",
  ".print",
  ".lo-profile",
]);

/**
 * The demo never deletes or overwrites a user's file: it writes into a missing or empty folder, or
 * one an earlier demo made (its marker file, or only the demo's own entries); anything else is
 * refused with what to do.
 */
export async function prepareDemoFolder(outDir: string): Promise<void> {
  let entries: string[] = [];
  try {
    const st = await fs.stat(outDir);
    if (!st.isDirectory())
      throw new CliError({
        vi: `"${outDir}" đã có và không phải thư mục. Hãy chọn thư mục khác cho --out.`,
        en: `"${outDir}" exists and is not a folder. Choose another --out folder.`,
      });
    entries = await fs.readdir(outDir);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const madeByDemo =
    entries.includes(DEMO_MARKER) ||
    (entries.includes("mau-bieu") &&
      entries.includes("submissions") &&
      entries.every((e) => DEMO_ENTRIES.has(e)));
  if (entries.length > 0 && !madeByDemo) {
    throw new CliError({
      vi: `Thư mục "${outDir}" đã có tệp và không phải do lệnh demo tạo. Để không ghi đè hay xóa tệp của bạn, demo không ghi vào đó. Hãy chọn một thư mục trống hoặc chưa có cho --out, ví dụ --out demo-output.`,
      en: `The folder "${outDir}" holds files the demo did not make. So as not to overwrite or delete your files, the demo does not write there. Choose an empty or new folder for --out, e.g. --out demo-output.`,
    });
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
    await fs.writeFile(
      path.join(outDir, DEMO_MARKER),
      "Thư mục do `xeploai demo` tạo; chạy lại demo sẽ ghi đè các tệp trong đó.\nMade by `xeploai demo`; running the demo again overwrites its files.\n"
    );
  } catch (e) {
    throw new CliError({
      vi: `Không tạo được thư mục "${outDir}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Hãy chọn thư mục khác cho --out.`,
      en: `Cannot create the folder "${outDir}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another --out folder.`,
    });
  }
}

export interface DemoResult {
  exitCode: number;
  submissions: string[];
  master: string;
  pdf: string | null;
  summary: string;
}

export async function runDemo(
  outDir: string,
  opts: {
    pdf?: boolean;
    lang?: "vi" | "en";
    /** The unit register (default: the shipped 2019 Hương Thủy register). */
    register?: UnitRegister;
    /** Synthetic TCCS added to the register. */
    tccs?: number;
    /** The year of the sample (default 2019; 2025 = QĐ 366 in a ward of the two-tier model). */
    period?: number;
  } = {}
): Promise<DemoResult> {
  const y2025 = opts.period === 2025;
  const settings = y2025 ? SAMPLE_SETTINGS_2025 : DEMO_SETTINGS;
  const register = withSyntheticTccs(
    opts.register ?? (y2025 ? sampleRegister2025() : defaultRegister()),
    opts.tccs ?? 0
  );
  const CATALOG = templatesForSettings(settings);
  const templateMade = y2025 ? "2025-11-20T08:00:00+07:00" : "2019-11-25T08:00:00+07:00";
  const writer = await loadNodeXlsxWriter();
  const subDir = path.join(outDir, "submissions");
  const blankDir = path.join(outDir, "mau-bieu");
  await prepareDemoFolder(outDir);
  try {
    await fs.mkdir(subDir, { recursive: true });
    await fs.mkdir(blankDir, { recursive: true });
  } catch (e) {
    throw new CliError({
      vi: `Không tạo được thư mục "${outDir}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Hãy chọn thư mục khác cho --out.`,
      en: `Cannot create the folder "${outDir}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another --out folder.`,
    });
  }
  // The blank templates, as the Organization Committee sends them out.
  for (const spec of CATALOG) {
    const model = buildTemplateWorkbook(spec, register, settings, {
      generatedAt: templateMade,
    });
    await fs.writeFile(
      path.join(blankDir, `${spec.id}.xlsx`),
      await writer.write({ ...model, modifiedAt: templateMade })
    );
  }
  const plan = y2025
    ? generateDemo2025(CATALOG, register, settings)
    : generateDemo(CATALOG, register, settings);
  const written: string[] = [];
  for (const f of plan.files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = demoWorkbook(spec, register, settings, f);
    const p = path.join(subDir, f.fileName);
    await fs.writeFile(p, await writer.write(model));
    written.push(p);
  }
  const master = path.join(outDir, "master.xlsx");
  // A fresh demo each time: the previous demo's master (and its log) is replaced. The folder was
  // made by the demo (prepareDemoFolder), so that master is the demo's own; unless someone has it open.
  const open = await openElsewhere(master);
  if (open) throw new CliError(open);
  await fs.rm(master, { force: true });
  const { json, pipeline } = await consolidateFiles({
    files: written,
    master,
    settings,
    register,
    catalog: CATALOG,
    ruleSet: ruleSetFor(settings),
    now: y2025 ? "2025-12-30T09:00:00+07:00" : DEMO_NOW,
    lang: opts.lang,
  });
  let pdf: string | null = null;
  let pdfNote: string;
  if (!json.written || !pipeline) pdfNote = "";
  else if (opts.pdf === false) pdfNote = "Bỏ qua bản PDF (--no-pdf).";
  else {
    // The PDF holds the printed documents only (report and annexes, still a draft: no decisions).
    const r = await printMaster(master, path.join(outDir, "master.pdf"));
    if (r.ok) {
      pdf = r.pdf;
      pdfNote = `Bản in PDF (${r.sheets.join(", ")}): ${r.pdf}`;
    } else pdfNote = `Không tạo được bản PDF. ${r.message.vi}`;
  }
  const missingNames = plan.missing
    .map((id) => CATALOG.find((s) => s.id === id))
    .map((s) => (s ? `${s.section} ${s.department.name.vi}` : ""));
  const lines = [
    y2025
      ? `=== XếpLoại: chạy thử với số liệu MẪU năm 2025 theo Quy định 366-QĐ/TW (${register.name}, ${register.units.length} chi bộ) ===`
      : opts.register || opts.tccs
        ? `=== XếpLoại: chạy thử với số liệu mẫu năm 2019 (${register.name}, ${register.units.length} đơn vị) ===`
        : "=== XếpLoại: chạy thử với số liệu mẫu năm 2019 (Thị ủy Hương Thủy) ===",
    `Đã tạo ${CATALOG.length} mẫu biểu trống trong ${blankDir}`,
    `Đã tạo ${written.length} tệp mẫu biểu đã điền (số liệu mẫu) trong ${subDir}`,
    ...(missingNames.length ? [`Không nộp: ${missingNames.join(", ")}.`] : []),
    y2025
      ? "Các tình huống trong số liệu mẫu (mức hệ thống đề xuất):"
      : "Các lỗi cố ý trong số liệu mẫu:",
    ...plan.mistakes.map((m) => `  - ${m}`),
    "",
    consolidateSummary(json, opts.lang),
    "",
    pdfNote,
    json.written
      ? `Mở ${master}: trang "Tổng hợp" (đề xuất mức và lý do), "Chỉ tiêu & tổng hợp", "Tình hình nộp", "Nhật ký".`
      : "",
  ].filter((l) => l !== undefined);
  return {
    exitCode: json.written ? 0 : 2,
    submissions: written,
    master,
    pdf,
    summary: lines.join("\n"),
  };
}

export const demoCommand: Command = {
  name: "demo",
  summary: {
    vi: "Chạy thử: tạo mẫu, điền số liệu mẫu năm 2019, tổng hợp và in bảng tổng hợp",
    en: "Try it: make templates, fill 2019 sample data, consolidate and print the master",
  },
  usage: "demo --out DIR [--period 2019|2025] [--no-pdf] [--units FILE] [--tccs N]",
  options: [
    {
      name: "out",
      value: true,
      placeholder: "DIR",
      help: { vi: "Thư mục kết quả (tạo nếu chưa có)", en: "Output folder (created if needed)" },
    },
    {
      name: "period",
      value: true,
      placeholder: "YYYY",
      help: {
        vi: "Năm của số liệu mẫu: 2019 (mặc định, HD 21) hoặc 2025 (Quy định 366, Đảng ủy phường mô hình hai cấp)",
        en: "Year of the sample: 2019 (default, HD 21) or 2025 (Regulation 366, a ward party committee)",
      },
    },
    { name: "no-pdf", value: false, help: { vi: "Không tạo bản PDF", en: "Do not make the PDF" } },
    {
      name: "units",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Danh mục đơn vị (JSON, như units.json của lệnh defaults) thay cho danh mục mẫu",
        en: "Unit register (JSON, like units.json from `defaults`) instead of the shipped one",
      },
    },
    {
      name: "tccs",
      value: true,
      placeholder: "N",
      help: {
        vi: "Thêm N tổ chức cơ sở đảng giả lập (thử với quy mô lớn)",
        en: "Add N synthetic grassroots organisations (try a large register)",
      },
    },
  ],
  async run(args, ctx: CliContext) {
    const out = stringOpt(args, "out");
    if (!out)
      throw new CliError({
        vi: "Thiếu --out DIR: thư mục ghi kết quả chạy thử, ví dụ --out demo-output.",
        en: "Missing --out DIR, e.g. --out demo-output.",
      });
    const tccsText = stringOpt(args, "tccs");
    if (tccsText !== undefined && !/^\d{1,5}$/.test(tccsText))
      throw new CliError({
        vi: `--tccs phải là một số nguyên từ 0 đến 99999, ví dụ --tccs 200; nhận được "${tccsText}".`,
        en: `--tccs must be a whole number from 0 to 99999, e.g. --tccs 200; got "${tccsText}".`,
      });
    const period = yearOpt(args, "period") ?? 2019;
    if (!(DEMO_PERIODS as readonly number[]).includes(period))
      throw new CliError({
        vi: `Chạy thử chỉ có số liệu mẫu cho năm ${DEMO_PERIODS.join(" và ")}; nhận được --period ${period}.`,
        en: `The demo has sample data for ${DEMO_PERIODS.join(" and ")} only; got --period ${period}.`,
      });
    const unitsPath = stringOpt(args, "units");
    const r = await runDemo(out, {
      pdf: !args.options["no-pdf"],
      lang: ctx.lang,
      register: unitsPath ? await registerFrom(unitsPath) : undefined,
      tccs: tccsText !== undefined ? Number(tccsText) : 0,
      period,
    });
    if (r.exitCode === 0) ctx.io.out(r.summary);
    else ctx.io.err(r.summary);
    return r.exitCode;
  },
};
