/**
 * Every text the task pane can show that comes from the core, for the plain-words test: gathered
 * from the rule sets and template sets as data, and from running the 2019 and 2025 demo returns
 * (plus refused files) through the pane's own steps (read, consolidate, classify, the view).
 */
import { loadXlsxReader } from "../../../src/adapters/xlsx";
import { describeEvidenceParameters } from "../../../src/core/classify/evidence-parameters";
import { fillTemplate, generateDemo, generateDemo2025 } from "../../../src/core/demo";
import type { LocalizedText } from "../../../src/core/i18n";
import { masterStep } from "../../../src/core/master/pipeline";
import { HD21_2019 } from "../../../src/core/rules/hd21-2019";
import { QD366_2025 } from "../../../src/core/rules/qd366-2025";
import { sourceInWords } from "../../../src/core/rules/source-words";
import type { RuleSet } from "../../../src/core/rules/types";
import { DEFAULT_SETTINGS_2019, SAMPLE_SETTINGS_2025 } from "../../../src/core/settings/defaults";
import type { PeriodSettings } from "../../../src/core/settings/types";
import type { Consolidation } from "../../../src/core/consolidate";
import { periodOfWorkbook } from "../../../src/core/submission/period";
import { readSubmissions } from "../../../src/core/submission/read";
import type { RefusedFile, Submission, WorkbookGrids } from "../../../src/core/submission/types";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { CATALOG } from "../../../src/core/templates/catalog";
import {
  HD21_2019_TEMPLATES,
  QD366_2025_TEMPLATES,
  templatesForSettings,
} from "../../../src/core/templates/shipped-sets";
import type { UnitRegister } from "../../../src/core/units/types";
import { defaultRegister, sampleRegister2025 } from "../../../src/core/units/register";
import { consolidateForPane } from "../../../src/taskpane/state/consolidate-step-view";
import { fileStatusOf } from "../../../src/taskpane/state/file-status";
import { modelToGrids } from "../submission/model-grids";

export interface Shown {
  /** Where the text comes from, for the failure message. */
  where: string;
  text: string;
}

const isText = (v: unknown): v is LocalizedText =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as LocalizedText).vi === "string" &&
  typeof (v as LocalizedText).en === "string";

/** Every LocalizedText inside `value` (any depth), both languages. */
export function textsIn(
  value: unknown,
  where: string,
  out: Shown[] = [],
  seen = new Set()
): Shown[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return out;
  seen.add(value);
  if (isText(value)) {
    out.push({ where, text: value.vi }, { where, text: value.en });
    return out;
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  for (const [k, v] of entries) textsIn(v, `${where}.${k}`, out, seen);
  return out;
}

/** The legal sources a rule set cites in its messages (fields named source / fallbackSource). */
function sourcesIn(value: unknown, where: string, out: Shown[] = []): Shown[] {
  if (typeof value !== "object" || value === null) return out;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if ((k === "source" || k === "fallbackSource") && typeof v === "string") {
      const words = sourceInWords(v);
      out.push(
        { where: `${where}.${k}`, text: words.vi },
        { where: `${where}.${k}`, text: words.en }
      );
    } else sourcesIn(v, `${where}.${String(k)}`, out);
  }
  return out;
}

export function ruleSetTexts(ruleSet: RuleSet): Shown[] {
  return [
    ...textsIn(ruleSet, ruleSet.id),
    ...sourcesIn(ruleSet, ruleSet.id),
    ...textsIn(describeEvidenceParameters(ruleSet), `${ruleSet.id} evidence parameters`),
  ];
}

export const RULE_SETS = [HD21_2019, QD366_2025];
export const TEMPLATE_SETS = [HD21_2019_TEMPLATES, QD366_2025_TEMPLATES];

/** The demo's returns of a year, as the pane reads them (file by file), then consolidated and classified. */
async function runYear(
  settings: PeriodSettings,
  register: UnitRegister,
  plan: ReturnType<typeof generateDemo>,
  extra: { name: string; bytes: Uint8Array }[]
): Promise<Shown[]> {
  const out: Shown[] = [];
  const catalog = templatesForSettings(settings);
  const reader = await loadXlsxReader();
  const submissions: Submission[] = [];
  const refused: RefusedFile[] = [];
  for (const f of plan.files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    );
    const grids = { ...modelToGrids(model, f.fileName), modifiedAt: f.modifiedAt };
    const status = fileStatusOf(f.fileName, { ok: true, grids }, (g) =>
      readSubmissionsFor(g, register, settings)
    );
    out.push(...textsIn(status, `${settings.period} ${f.fileName}`));
    if (status.state === "taken") submissions.push(...(status.submissions ?? []));
    else if (status.refused) refused.push(status.refused);
  }
  for (const [name, grids] of period2019(settings) ? gridCases(plan, register, settings) : []) {
    const status = fileStatusOf(name, { ok: true, grids }, (g) =>
      readSubmissionsFor(g, register, settings)
    );
    out.push(...textsIn(status, `${settings.period} ${name}`));
    if (status.state === "taken") submissions.push(...(status.submissions ?? []));
    else if (status.refused) refused.push(status.refused);
  }
  for (const x of extra) {
    const r = await reader.read(x.bytes, x.name);
    const status = fileStatusOf(x.name, r, (g) => readSubmissionsFor(g, register, settings));
    out.push(...textsIn(status, `${settings.period} ${x.name}`));
    if (status.refused) refused.push(status.refused);
  }
  const { view, result: consolidated } = consolidateForPane(
    { submissions, refused, register, settings },
    `${settings.period}-12-30T02:00:00.000Z`
  );
  const result = consolidated as Consolidation;
  out.push(...textsIn(view, `${settings.period} view`));
  out.push(...textsIn(result.warnings, `${settings.period} consolidation warnings`));
  const master = masterStep({
    consolidation: result,
    settings,
    register,
    catalog,
    ruleSet: settings.period >= 2025 ? QD366_2025 : HD21_2019,
  });
  out.push(...textsIn(master.classification, `${settings.period} classification`));
  out.push(...textsIn(master.quota, `${settings.period} quota`));
  return out;
}

const period2019 = (settings: PeriodSettings) => settings.period === 2019;

/** A demo file's grids with its `_meta` rows changed by `edit` (null drops the sheet). */
function withMeta(
  grids: WorkbookGrids,
  edit: ((rows: WorkbookGrids["sheets"][number]["rows"]) => typeof rows) | null
): WorkbookGrids {
  return {
    ...grids,
    sheets: grids.sheets.flatMap((g) =>
      g.name !== "_meta" ? [g] : edit ? [{ ...g, rows: edit(g.rows.map((r) => [...r])) }] : []
    ),
  };
}

/**
 * Workbooks that reach the core's own refusals and notes: another program's workbook, a master
 * sent back as a return, a template whose hidden identification is gone, edited, names a
 * template not in the list, or was made from another unit register.
 */
function gridCases(
  plan: ReturnType<typeof generateDemo>,
  register: UnitRegister,
  settings: PeriodSettings
): [string, WorkbookGrids][] {
  const f = plan.files.find((x) => x.templateId === "y-te") ?? plan.files[0]!;
  const spec = CATALOG.find((s) => s.id === f.templateId)!;
  const grids = modelToGrids(
    fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    ),
    f.fileName
  );
  const setKey =
    (key: string, value: string | null) => (rows: WorkbookGrids["sheets"][0]["rows"]) =>
      value === null
        ? rows.filter((r) => r[0] !== key)
        : rows.map((r) => (r[0] === key ? [key, value] : r));
  return [
    [
      "so-theo-doi.xlsx",
      {
        source: "so-theo-doi.xlsx",
        sheets: [
          {
            name: "Sheet1",
            visibility: "visible",
            rows: [
              ["Họ tên", "Ghi chú"],
              ["Nguyễn Văn An", "đã nộp"],
            ],
          },
        ],
      },
    ],
    [
      "bang-tong-hop-nam-truoc.xlsx",
      {
        source: "bang-tong-hop-nam-truoc.xlsx",
        sheets: [
          {
            name: "_meta_master",
            visibility: "veryHidden",
            rows: [
              ["key", "value"],
              ["kind", "master"],
            ],
          },
          { name: "Tổng hợp", visibility: "visible", rows: [["BẢNG TỔNG HỢP"]] },
        ],
      },
    ],
    ["y-te-luu-lai.xlsx", { ...withMeta(grids, null), source: "y-te-luu-lai.xlsx" }],
    [
      "y-te-sua-an.xlsx",
      { ...withMeta(grids, setKey("firstDataRow", null)), source: "y-te-sua-an.xlsx" },
    ],
    [
      "y-te-mau-la.xlsx",
      { ...withMeta(grids, setKey("templateId", "mau-la")), source: "y-te-mau-la.xlsx" },
    ],
    [
      "y-te-danh-muc-khac.xlsx",
      {
        ...withMeta(grids, setKey("registerId", "danh-muc-khac")),
        source: "y-te-danh-muc-khac.xlsx",
      },
    ],
  ];
}

/** As the pane's services read a returned file: with the templates of the year it was made for. */
function readSubmissionsFor(
  grids: Parameters<typeof readSubmissions>[0],
  register: UnitRegister,
  settings: PeriodSettings
) {
  const period = periodOfWorkbook(grids) ?? settings.period;
  return readSubmissions(grids, {
    register,
    catalog: templatesForSettings({ ...settings, period }),
  });
}

/** Files a department might send by mistake: each refused, with its message. */
export function refusedFiles(): { name: string; bytes: Uint8Array }[] {
  const enc = (s: string) => new TextEncoder().encode(s);
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return [
    { name: "bang-ke.xlsx", bytes: enc("Đơn vị;Xếp loại\nPhường Phú Bài;Tốt\n") },
    { name: "bao-cao-cu.xls", bytes: ole },
    { name: "trang.xlsx", bytes: new Uint8Array(0) },
    { name: "cat-do.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
    {
      name: "trang-web.xlsx",
      bytes: enc("<html><body><table><tr><td>1</td></tr></table></body></html>"),
    },
  ];
}

/** Everything the pane can show of both demo years. */
export async function demoTexts(): Promise<Shown[]> {
  const reg2019 = defaultRegister();
  const reg2025 = sampleRegister2025();
  return [
    ...(await runYear(
      DEFAULT_SETTINGS_2019,
      reg2019,
      generateDemo(CATALOG, reg2019, DEFAULT_SETTINGS_2019),
      refusedFiles()
    )),
    ...(await runYear(
      SAMPLE_SETTINGS_2025,
      reg2025,
      generateDemo2025(CATALOG, reg2025, SAMPLE_SETTINGS_2025),
      []
    )),
  ];
}
