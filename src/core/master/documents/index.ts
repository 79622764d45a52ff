/**
 * The printed documents of the master, separate from the working sheets: Báo cáo (the report),
 * Phụ lục 1 (grassroots organisations, by loại hình) and Phụ lục 2 (leadership collectives and
 * individual leaders). Only what officials sign is on them: no file names, sheet names, cell
 * addresses, rule ids, keys or codes. They stay drafts ("DỰ THẢO", no signature) until every row
 * has a Standing Committee decision.
 *
 * Why formulas for the proposal, decision and reason cells (over the master's own working
 * sheets): officials type the decisions in Excel after the master is written, then print. With
 * formulas the printed sheets follow at once in Excel, and `xeploai print` prints a master edited
 * in Excel by having LibreOffice recalculate on load; rebuilding the sheets at print time instead
 * would leave Ctrl+P in Excel printing stale decisions. Values from submissions stay values.
 */
import type {
  LeaderClassification,
  LeaderManualColumns,
  ManualColumns,
  QuotaResult,
} from "../../classify/types";
import { unitName } from "../../consolidate/units";
import { DEFAULT_MARGINS } from "../../print/layout";
import { isLevel, LEVEL_CODES } from "../../rules/levels";
import type { LevelCode } from "../../rules/types";
import { standingCommitteeOf } from "../../settings/bodies";
import type { PeriodSettings } from "../../settings/types";
import type { SheetModel } from "../../sheet/model";
import type { RowIndex } from "../../consolidate/query";
import type { TemplateSpec } from "../../templates/spec";
import type { LoaiHinh, UnitRegister } from "../../units/types";
import { columnRange } from "../formula";
import type { RowCtx } from "../tong-hop";
import { buildAnnex, LEADER_WIDTHS, TCCS_WIDTHS, type AnnexGroup, type AnnexRow } from "./annex";
import type { DraftTest } from "./heading";
import { buildDepartmentAnnex } from "./departments";
import { buildReport } from "./report";
import { shortReasons } from "./short-reason";

export const PRINT_SHEETS = {
  report: "Báo cáo",
  annexTccs: "Phụ lục 1",
  annexLeaders: "Phụ lục 2",
  annexDepartments: "Phụ lục 3",
} as const;

/** Loại hình as printed (group headings and the column). */
export const LOAI_HINH_PRINT: Record<LoaiHinh, string> = {
  DB_PHUONG: "Đảng bộ phường",
  DB_XA: "Đảng bộ xã",
  CO_QUAN: "Cơ quan",
  SU_NGHIEP: "Đơn vị sự nghiệp",
  DOANH_NGHIEP: "Doanh nghiệp",
  LLVT: "Lực lượng vũ trang",
  THON_TDP: "Chi bộ thôn, tổ dân phố",
};

/** Where a working sheet's rows and hand-filled columns are (final rows, 1-based columns). */
export interface WorkingSheetRefs {
  sheet: string;
  firstRow: number;
  proposalCol: number;
  decisionCol: number;
  reasonCol: number;
  suggestionCol: number;
}

export interface PrintDocumentsInput {
  settings: PeriodSettings;
  register: UnitRegister;
  /** Tổng hợp rows in sheet order, and where they are. */
  tccs: { rows: RowCtx[]; refs: WorkingSheetRefs };
  manual: ManualColumns;
  leaders: { list: LeaderClassification[]; refs: WorkingSheetRefs };
  leaderManual: LeaderManualColumns;
  quota: QuotaResult;
  /** The level list range (no "="): '_lists_master'!$A$2:$A$5. */
  levelList: string;
  /**
   * Phụ lục 3 (the departments' figures): the templates, and those printed elsewhere (the TCCS's
   * report, the leaders). Absent, or `settings.printDepartmentAnnex` false: no Phụ lục 3.
   */
  departments?: { catalog: readonly TemplateSpec[]; skip: string[]; index: RowIndex | null };
}

const lvl = (v: unknown): string => (isLevel(v) ? v : "");

/** The draft test: some Tổng hợp or Lãnh đạo row without a decision. */
function draftTest(input: PrintDocumentsInput): DraftTest {
  const t = input.tccs;
  const l = input.leaders;
  const total = t.rows.length + l.list.length;
  const decidedNow =
    t.rows.filter((r) => isLevel(input.manual[r.unit.code]?.quyetDinhBtv)).length +
    l.list.filter((x) => isLevel(input.leaderManual[x.key]?.quyetDinhBtv)).length;
  if (total === 0) return { condition: "TRUE", now: true };
  const decided = (refs: WorkingSheetRefs, n: number) =>
    n > 0
      ? [
          `SUMPRODUCT(COUNTIF(${columnRange(refs.sheet, refs.decisionCol, refs.firstRow, refs.firstRow + n - 1)},${input.levelList}))`,
        ]
      : [];
  const sum = [...decided(t.refs, t.rows.length), ...decided(l.refs, l.list.length)].join("+");
  return { condition: `(${sum})<${total}`, now: decidedNow < total };
}

function tccsGroups(input: PrintDocumentsInput): AnnexGroup[] {
  const { rows, refs } = input.tccs;
  const groups = new Map<string, AnnexRow[]>();
  rows.forEach((r, i) => {
    const lh = r.unit.loaiHinh;
    const label = lh ? LOAI_HINH_PRINT[lh] : "Loại hình khác";
    const m = input.manual[r.unit.code];
    const row: AnnexRow = {
      name: r.unit.name,
      detail: label,
      self: r.t.selfRating,
      ref: { ...refs, row: refs.firstRow + i },
      now: {
        proposal: lvl(m?.deXuatBtc) || (r.t.suggested ?? ""),
        decision: lvl(m?.quyetDinhBtv),
        typedReason: m?.lyDoVuotTran ?? "",
      },
      reason: shortReasons(r.t.reasons),
    };
    groups.set(label, [...(groups.get(label) ?? []), row]);
  });
  return [...groups].map(([label, list]) => ({ label, rows: list }));
}

function leaderGroups(input: PrintDocumentsInput): AnnexGroup[] {
  const { list, refs } = input.leaders;
  const collectives: AnnexRow[] = [];
  const individuals: AnnexRow[] = [];
  list.forEach((l, i) => {
    const m = input.leaderManual[l.key];
    const unit = unitName(input.register, l.unitCode);
    const row: AnnexRow = {
      name: l.ten,
      detail: l.laTapThe ? unit : [l.chucVu, unit].filter(Boolean).join(", "),
      self: l.tuXepLoai,
      ref: { ...refs, row: refs.firstRow + i },
      now: {
        proposal: lvl(m?.deXuatBtc) || (l.suggested ?? ""),
        decision: lvl(m?.quyetDinhBtv),
        typedReason: m?.lyDoVuotTran ?? "",
      },
      reason: shortReasons(l.reasons, l.ten),
    };
    (l.laTapThe ? collectives : individuals).push(row);
  });
  return [
    { label: "Tập thể lãnh đạo, quản lý", rows: collectives },
    { label: "Cá nhân cán bộ lãnh đạo, quản lý", rows: individuals },
  ];
}

export { standingCommitteeOf };

/** Under an annex's title: "(Kèm theo Báo cáo số 45-BC/TU của Ban Thường vụ Thị ủy)". */
export function annexNote(settings: PeriodSettings, committee: string): string {
  const symbol = settings.reportSymbol ?? "BC/TU";
  const number = settings.reportNumber?.trim();
  return `(Kèm theo Báo cáo số ${number ? number : "\u00a0\u00a0\u00a0\u00a0\u00a0"}-${symbol} của ${committee})`;
}

export function buildPrintDocuments(input: PrintDocumentsInput): SheetModel[] {
  const { settings } = input;
  const margins = settings.printMargins ?? DEFAULT_MARGINS;
  const draft = draftTest(input);
  const year = settings.period;
  const committee = standingCommitteeOf(settings);
  const note = annexNote(settings, committee);
  const annexTccs = buildAnnex(
    {
      sheetName: PRINT_SHEETS.annexTccs,
      title: "PHỤ LỤC 1",
      subtitle: [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM ${year}`],
      note,
      nameHeader: "Tổ chức cơ sở đảng",
      detailHeader: "Loại hình",
      noun: () => "tổ chức",
      totalNoun: "tổ chức",
      groups: tccsGroups(input),
      levelList: input.levelList,
      emptyText: "Chưa có tổ chức nào.",
      widths: TCCS_WIDTHS,
    },
    settings,
    draft,
    margins
  );
  const annexLeaders = buildAnnex(
    {
      sheetName: PRINT_SHEETS.annexLeaders,
      title: "PHỤ LỤC 2",
      subtitle: [
        `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ, CÁ NHÂN CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM ${year}`,
      ],
      note,
      nameHeader: "Tên tập thể / Họ và tên",
      detailHeader: "Đơn vị, chức vụ",
      noun: (g) => (g.label.startsWith("Tập thể") ? "tập thể" : "cá nhân"),
      totalNoun: "tập thể, cá nhân",
      groups: leaderGroups(input),
      levelList: input.levelList,
      emptyText: "Chưa có số liệu.",
      widths: LEADER_WIDTHS,
    },
    settings,
    draft,
    margins
  );
  const members: Record<LevelCode, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  for (const g of input.quota.members) for (const l of LEVEL_CODES) members[l] += g.counts[l];
  const report = buildReport({
    sheetName: PRINT_SHEETS.report,
    settings,
    draft,
    margins,
    standingCommittee: committee,
    tccs: { sheet: PRINT_SHEETS.annexTccs, annex: annexTccs },
    leaders: { sheet: PRINT_SHEETS.annexLeaders, annex: annexLeaders },
    members,
    annexNames: [PRINT_SHEETS.annexTccs, PRINT_SHEETS.annexLeaders],
  });
  const out = [report, annexTccs.sheet, annexLeaders.sheet];
  if (input.departments && settings.printDepartmentAnnex !== false)
    out.push(
      buildDepartmentAnnex({
        sheetName: PRINT_SHEETS.annexDepartments,
        settings,
        register: input.register,
        catalog: input.departments.catalog,
        skip: input.departments.skip,
        index: input.departments.index,
        draft,
        note,
        margins,
      })
    );
  return out;
}
