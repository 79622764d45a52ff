/**
 * The master workbook as a WorkbookModel (the adapters render it): Tổng hợp, Lãnh đạo, Chỉ tiêu &
 * tổng hợp, Tình hình nộp, Danh mục đơn vị, Nguồn số liệu, Nhật ký, plus _lists and _meta. Pure.
 */
import type {
  Classification,
  LeaderManualColumns,
  ManualColumns,
  QuotaResult,
} from "../classify/types";
import type { Consolidation } from "../consolidate/types";
import { applyPrintLayout, type PrintGeometry, type PrintOptions } from "../print/layout";
import { printHeadingPatch, type HeadingPatch } from "../print/patch";
import { getRuleSet } from "../rules";
import { HD21_2019 } from "../rules/hd21-2019";
import { LEVEL_CODES } from "../rules/levels";
import type { RuleSet } from "../rules/types";
import type { PeriodSettings } from "../settings/types";
import { columnLetter, type SheetModel, type WorkbookModel } from "../sheet/model";
import type { SheetGrid } from "../submission/types";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import { SHEETS } from "./labels";
import { readPrintGeometry, writeMasterMeta } from "./manual";
import {
  buildLeaders,
  buildLog,
  buildProvenance,
  buildRegister,
  buildStatus,
  buildSummary,
  LEADER_READ_KEYS,
  logEntriesOf,
} from "./sheets";
import { columnRange, quoteSheet, resolveRows } from "./formula";
import { buildTongHop } from "./tong-hop";
import { decisionMetaRows, decisionsOfRun } from "./decisions";
import { withUnmatchedLeaders, withUnmatchedUnits } from "./unmatched-sheet";
import { describeManual } from "../classify/classify";
import { buildPrintDocuments } from "./documents";
import { RowIndex } from "../consolidate/query";
import type { LogEntry } from "./types";

export interface MasterInput {
  consolidation: Consolidation;
  classification: Classification;
  quota: QuotaResult;
  settings: PeriodSettings;
  register: UnitRegister;
  catalog: readonly TemplateSpec[];
  /** Hand-filled columns read from the previous master (readManualColumns). */
  manual?: ManualColumns;
  /** Hand-filled columns of the previous master's "Lãnh đạo" sheet (readManualColumns().leaders). */
  leaderManual?: LeaderManualColumns;
  /** Log entries of previous runs (readManualColumns); this run's entries are appended. */
  log?: LogEntry[];
  ruleSet?: RuleSet;
}

type PrintedKey = "master" | "leaders" | "summary" | "status";

/**
 * Title, subtitle and signature of each printed master sheet: used when the master is built and
 * when its heading is rewritten later with other settings (masterHeadingPatch), so both agree.
 */
export function masterPrintTitles(
  period: number
): Record<PrintedKey, Pick<PrintOptions, "title" | "subtitle" | "orientation" | "signature">> {
  return {
    master: {
      title: "BẢNG TỔNG HỢP",
      subtitle: [`kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng năm ${period}`],
    },
    leaders: {
      title: "BẢNG TỔNG HỢP",
      subtitle: [`kết quả đánh giá, xếp loại tập thể, cá nhân lãnh đạo, quản lý năm ${period}`],
    },
    summary: {
      title: "BÁO CÁO",
      subtitle: [
        `tổng hợp kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm ${period}`,
      ],
      orientation: "portrait",
    },
    status: {
      title: "TÌNH HÌNH NỘP BÁO CÁO",
      subtitle: [`các mẫu biểu đánh giá, xếp loại năm ${period}`],
      signature: false,
    },
  };
}

const PRINTED_SHEETS: Record<PrintedKey, string> = {
  master: SHEETS.master,
  leaders: SHEETS.leaders,
  summary: SHEETS.summary,
  status: SHEETS.status,
};

/**
 * The header, title and signature cells of an existing master's printed sheets, rewritten with
 * `settings` (the year in the titles stays the master's own). `grids` must hold `_meta_master`
 * and the printed sheets as they are now. Null when the workbook holds no master, or one written
 * before the positions of those blocks were recorded.
 */
export function masterHeadingPatch(
  settings: PeriodSettings,
  grids: SheetGrid[]
): (HeadingPatch & { period: number }) | null {
  const recorded = readPrintGeometry(grids);
  if (!recorded) return null;
  const titles = masterPrintTitles(recorded.period);
  const keyOf = new Map(Object.entries(PRINTED_SHEETS).map(([k, v]) => [v, k as PrintedKey]));
  const printed = recorded.printed.flatMap(({ sheet, geometry }) => {
    const key = keyOf.get(sheet);
    return key ? [{ name: sheet, geometry, options: titles[key] }] : [];
  });
  if (printed.length === 0) return null;
  return { ...printHeadingPatch(settings, printed, grids), period: recorded.period };
}

export function buildMasterWorkbook(input: MasterInput): WorkbookModel {
  const { consolidation, classification, quota, settings, register, catalog } = input;
  const manual = input.manual ?? {};
  const ruleSet = input.ruleSet ?? getRuleSet(classification.ruleSetId) ?? HD21_2019;
  const period = settings.period;
  const listSource = `=${quoteSheet(SHEETS.lists)}!$A$2:$A$${LEVEL_CODES.length + 1}`;

  const master = buildTongHop({
    consolidation,
    classification,
    quota,
    register,
    catalog,
    ruleSet,
    manual,
    levelListSource: listSource,
  });
  const titles = masterPrintTitles(period);
  const printed = applyPrintLayout(master.sheet, settings, {
    ...titles.master,
    headerRows: master.headerRows,
    printColumns: master.printColumns,
  });
  const offset = printed.spec.offset;
  // Decisions whose row is absent from this run: kept below each table and in _meta_master.
  const decisions = decisionsOfRun(
    classification,
    manual,
    input.leaderManual ?? {},
    consolidation.runAt ?? ""
  );
  const masterSheet = withUnmatchedUnits(
    resolveRows(printed.sheet, offset),
    printed.spec.lastRow + 3,
    master.colOf,
    decisions,
    register
  );

  const leaders = buildLeaders(classification, register, input.leaderManual ?? {}, listSource);
  const leadersLaid = applyPrintLayout(leaders.sheet, settings, {
    ...titles.leaders,
    headerRows: leaders.headerRows,
    printColumns: leaders.printColumns,
  });
  const leadersPrinted = withUnmatchedLeaders(
    leadersLaid.sheet,
    leadersLaid.spec.lastRow + 3,
    leaders.colOf,
    decisions,
    register
  );
  // The summary's formulas read the Tổng hợp rows where they ended up after its print layout.
  const firstRow = master.firstDataRow + offset;
  const lastRow = master.lastDataRow + offset;
  const range = (key: string) => columnRange(SHEETS.master, master.colOf[key]!, firstRow, lastRow);
  const summaryLaid = applyPrintLayout(
    buildSummary({
      classification,
      quota,
      manual,
      register,
      consolidation,
      live: {
        effective: range("mucTinhChiTieu"),
        loaiHinh: range("loaiHinh"),
        decided: range("quyetDinhBtv"),
        rows: master.rows.length,
        levelList: listSource.replace(/^=/, ""),
      },
    }).sheet,
    settings,
    titles.summary
  );
  const summary = resolveRows(summaryLaid.sheet, summaryLaid.spec.offset);
  const status = buildStatus(consolidation, catalog, register, settings);
  const statusLaid = applyPrintLayout(status.sheet, settings, {
    ...titles.status,
    headerRows: status.headerRows,
  });
  const statusPrinted = statusLaid.sheet;
  const entries = [
    ...(input.log ?? []),
    ...logEntriesOf(consolidation, classification),
    ...decisions.restored.map((r): LogEntry => ({
      at: consolidation.runAt ?? "",
      kind: "warning",
      file: "",
      detail: `Quyết định nhập tay cho "${r.entry.ten || r.key}" (${r.sheet === "units" ? "trang Tổng hợp" : "trang Lãnh đạo"}) đã có lại dòng tương ứng và được điền lại: ${describeManual(r.entry)}.`,
    })),
  ];
  const documents = buildPrintDocuments({
    settings,
    register,
    tccs: {
      rows: master.rows,
      refs: {
        sheet: SHEETS.master,
        firstRow: firstRow,
        proposalCol: master.colOf["deXuatBtc"]!,
        decisionCol: master.colOf["quyetDinhBtv"]!,
        reasonCol: master.colOf["lyDoVuotTran"]!,
        suggestionCol: master.colOf["suggested"]!,
      },
    },
    manual,
    leaders: {
      list: classification.leaders,
      refs: {
        sheet: SHEETS.leaders,
        firstRow: leaders.firstDataRow + leadersLaid.spec.offset,
        proposalCol: leaders.colOf.deXuatBtc,
        decisionCol: leaders.colOf.quyetDinhBtv,
        reasonCol: leaders.colOf.lyDoVuotTran,
        suggestionCol: leaders.suggestionCol,
      },
    },
    leaderManual: input.leaderManual ?? {},
    quota,
    levelList: listSource.replace(/^=/, ""),
    departments: {
      catalog,
      skip: [ruleSet.quota.members.templateId, ruleSet.leaders.templateId],
      index: master.rows[0]?.idx ?? new RowIndex(consolidation),
    },
  });
  const leaderLetter = (k: keyof typeof leaders.colOf) => columnLetter(leaders.colOf[k]);
  const log = buildLog(entries);

  const lists: SheetModel = {
    name: SHEETS.lists,
    visibility: "hidden",
    blocks: [{ top: 1, left: 1, cells: [["level4"], ...LEVEL_CODES.map((l) => [l])] }],
    styles: [],
    merges: [],
    columnWidths: [12],
    validations: [],
    protect: true,
  };
  const colLetter = (k: string) => columnLetter(master.colOf[k]!);
  const meta = writeMasterMeta({
    period,
    settings,
    ruleSetId: classification.ruleSetId,
    registerId: register.id,
    generatedAt: consolidation.runAt ?? "",
    masterSheet: SHEETS.master,
    firstDataRow: master.firstDataRow + offset,
    lastDataRow: master.lastDataRow + offset,
    columns: Object.fromEntries(
      [
        "unitCode",
        "unitName",
        "deXuatBtc",
        "quyetDinhBtv",
        "mucTinhChiTieu",
        "lyDoVuotTran",
        "ghiChu",
      ].map((k) => [k, colLetter(k)])
    ),
    logSheet: SHEETS.log,
    logFirstRow: log.firstRow,
    leaders: {
      sheet: SHEETS.leaders,
      firstDataRow: leaders.firstDataRow + leadersLaid.spec.offset,
      columns: Object.fromEntries(LEADER_READ_KEYS.map((k) => [k, leaderLetter(k)])),
    },
    printed: [
      { sheet: SHEETS.master, geometry: printed.spec.geometry },
      { sheet: SHEETS.leaders, geometry: leadersLaid.spec.geometry },
      { sheet: SHEETS.summary, geometry: summaryLaid.spec.geometry },
      { sheet: SHEETS.status, geometry: statusLaid.spec.geometry },
    ] satisfies { sheet: string; geometry: PrintGeometry }[],
    decisions: decisionMetaRows(decisions),
  });

  return {
    sheets: [
      masterSheet,
      leadersPrinted,
      summary,
      statusPrinted,
      ...documents,
      buildRegister(register),
      buildProvenance(master.rows, master.columns, master.colOf, master.firstDataRow, offset),
      log.sheet,
      lists,
      meta,
    ],
  };
}
