/** The other sheets of the master workbook: leaders, summary and quota, status, register, sources, log. */
import { sourceInWords } from "../rules/source-words";
import { templateLabel } from "../templates/catalog";
import type {
  Classification,
  QuotaGroup,
  QuotaResult,
  TccsClassification,
} from "../classify/types";
import { effectiveLevel } from "../classify/classify";
import type { LeaderManualColumns, ManualColumns } from "../classify/types";
import type { Consolidation } from "../consolidate/types";
import { formatTimeVi } from "../consolidate/time";
import { unitName, unitNamer } from "../consolidate/units";
import { formatNumberVi } from "../i18n";
import { LEVEL_CODES, levelLabel, rankOf } from "../rules/levels";
import type { LevelCode } from "../rules/types";
import { formatIsoDateVi } from "../settings/defaults";
import type { PeriodSettings } from "../settings/types";
import { address, type Cell, type SheetModel } from "../sheet/model";
import { cellRef, formula, pctText, str } from "./formula";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import { BODY_STYLE, HEADER_STYLE, LATE_FILL, MANUAL_FILL, SheetBuilder, WARN_COLOR } from "./grid";
import {
  KIND_VI,
  LEADER_HEADERS,
  LOAI_HINH_VI,
  LOG_KIND_VI,
  POLICY_VI,
  SHEETS,
  statusVi,
} from "./labels";
import type { MasterColumn, RowCtx } from "./tong-hop";
import { forPeople } from "./tong-hop";
import { ROUNDING_VI } from "../classify/quota";
import type { LogEntry } from "./types";

/** A plain table: header row at `top`, rows below, borders. Returns the last row. */
function table(
  b: SheetBuilder,
  top: number,
  headers: string[],
  rows: Cell[][],
  opts: { wrapCols?: number[] } = {}
): number {
  headers.forEach((h, i) => b.put(top, i + 1, h));
  b.style(top, 1, top, headers.length, HEADER_STYLE);
  rows.forEach((r, i) =>
    r.forEach((v, j) => v !== null && v !== "" && b.put(top + 1 + i, j + 1, v))
  );
  const last = top + rows.length;
  if (rows.length) b.style(top + 1, 1, last, headers.length, BODY_STYLE);
  for (const c of opts.wrapCols ?? []) b.style(top + 1, c, last, c, { wrap: true });
  return last;
}

export interface LeadersSheetResult {
  sheet: SheetModel;
  headerRows: { first: number; last: number };
  firstDataRow: number;
  lastDataRow: number;
  /** Column numbers (1-based) of the identity key and the hand-filled columns. */
  colOf: Record<(typeof LEADER_READ_KEYS)[number], number>;
  /** Columns printed (everything but the hidden key). */
  printColumns: number;
  /** Column of the system's suggestion ("Hệ thống đề xuất"). */
  suggestionCol: number;
}

export const LEADER_READ_KEYS = [
  "leaderKey",
  "deXuatBtc",
  "quyetDinhBtv",
  "lyDoVuotTran",
  "ghiChu",
] as const;

/**
 * The "Lãnh đạo" sheet (3.15): one row per leader or collective, the system's suggestion, then the
 * hand-filled columns (dropdowns from the hidden list sheet, unlocked on a protected sheet) and a
 * hidden identity key by which they are read back and kept across runs.
 */
export function buildLeaders(
  classification: Classification,
  register: UnitRegister,
  leaderManual: LeaderManualColumns,
  levelListSource: string
): LeadersSheetResult {
  const b = new SheetBuilder();
  const man = (k: string) => leaderManual[k];
  const rows = classification.leaders.map((l, i) => [
    i + 1,
    l.ten,
    l.chucVu,
    unitName(register, l.unitCode),
    l.laTapThe ? "x" : "",
    l.tuXepLoai ?? "",
    l.deXuat ?? "",
    l.xepLoaiCbccvc ?? "",
    l.cap,
    l.suggested ?? "",
    l.reasons.map((r) => `- ${forPeople(r.message.vi)}`).join("\n"),
    man(l.key)?.deXuatBtc ?? man(l.key)?.rawDeXuatBtc ?? null,
    man(l.key)?.quyetDinhBtv ?? man(l.key)?.rawQuyetDinhBtv ?? null,
    man(l.key)?.lyDoVuotTran ?? null,
    man(l.key)?.ghiChu ?? null,
    l.warnings.map((w) => `- ${forPeople(w.vi)}`).join("\n"),
    l.key,
  ]);
  const headers = [
    "TT",
    "Họ và tên / Tên tập thể",
    "Chức vụ",
    "Đơn vị",
    "Là tập thể",
    "Tự xếp loại",
    "Tập thể đề xuất",
    "Xếp loại CBCCVC",
    "Mức tối đa theo quy tắc",
    "Hệ thống đề xuất",
    "Căn cứ, lý do",
    LEADER_HEADERS.deXuatBtc,
    LEADER_HEADERS.quyetDinhBtv,
    LEADER_HEADERS.lyDoVuotTran,
    LEADER_HEADERS.ghiChu,
    "Cảnh báo",
    LEADER_HEADERS.leaderKey,
  ];
  const colOf = {
    deXuatBtc: 12,
    quyetDinhBtv: 13,
    lyDoVuotTran: 14,
    ghiChu: 15,
    leaderKey: 17,
  };
  const WARN = 16;
  const first = 2;
  const last = table(b, 1, headers, rows, { wrapCols: [2, 3, 4, 11, 14, 15, WARN] });
  rows.forEach((r, i) => {
    const lines = (text: unknown, perLine: number) =>
      String(text ?? "")
        .split("\n")
        .reduce((s, p) => s + Math.max(1, Math.ceil(p.length / perLine)), 0);
    b.rowHeights[first + i] = Math.min(
      300,
      Math.max(
        18,
        13 *
          Math.max(
            lines(r[10], 52),
            lines(r[WARN - 1], 40),
            lines(r[1], 28),
            lines(r[13], 22),
            lines(r[14], 18)
          ) +
          3
      )
    );
  });
  if (rows.length) {
    b.style(first, 5, last, 10, { hAlign: "center" });
    b.style(first, 11, last, 11, { fontSize: 10, vAlign: "top" });
    b.style(first, WARN, last, WARN, { fontSize: 10, vAlign: "top", color: WARN_COLOR });
    b.style(first, colOf.deXuatBtc, last, colOf.quyetDinhBtv, { hAlign: "center" });
    b.style(first, colOf.quyetDinhBtv, last, colOf.quyetDinhBtv, { bold: true });
    b.style(first, colOf.lyDoVuotTran, last, colOf.ghiChu, { fontSize: 10 });
    b.style(first, colOf.deXuatBtc, last, colOf.ghiChu, { locked: false, fill: MANUAL_FILL });
    for (const c of [colOf.deXuatBtc, colOf.quyetDinhBtv]) {
      b.validations.push({
        range: { top: first, left: c, bottom: last, right: c },
        rule: { kind: "list", source: levelListSource },
        allowBlank: true,
        prompt: {
          title: "Mức xếp loại",
          message:
            "Chọn HTXSNV, HTTNV, HTNV hoặc KHTNV. Cột này do cán bộ nhập, lần tổng hợp sau không ghi đè.",
        },
        error: {
          title: "Giá trị không hợp lệ",
          message: "Hãy chọn một mức trong danh sách: HTXSNV, HTTNV, HTNV, KHTNV.",
        },
      });
    }
    // A decision above the cap without a reason is highlighted, as on the Tổng hợp sheet.
    classification.leaders.forEach((l, i) => {
      const m = man(l.key);
      const over = [m?.deXuatBtc, m?.quyetDinhBtv].some((x) => x && rankOf(x) > rankOf(l.cap));
      if (over && !(m?.lyDoVuotTran ?? "").trim())
        b.style(first + i, colOf.lyDoVuotTran, first + i, colOf.lyDoVuotTran, {
          fill: "F8CBAD",
        });
    });
    // Its own count line (brief §1 reporting style), collectives and individuals apart.
    b.put(last + 1, 1, leaderCountLine(classification, leaderManual));
    b.merge(last + 1, 1, last + 1, 11);
    b.style(last + 1, 1, last + 1, 11, { bold: true, italic: true, wrap: true });
    b.rowHeights[last + 1] = 30;
  } else {
    b.put(2, 1, "Chưa có số liệu mẫu 3.15 (tập thể, cá nhân lãnh đạo, quản lý).");
    b.merge(2, 1, 2, headers.length - 1);
    b.style(2, 1, 2, headers.length - 1, { italic: true });
  }
  b.rowHeights[1] = 45;
  return {
    sheet: b.sheet(SHEETS.leaders, [5, 22, 18, 22, 7, 9, 9, 10, 9, 9, 36, 11, 11, 18, 14, 28, 30], {
      freeze: { row: 2, col: 3 },
      hiddenColumns: [colOf.leaderKey],
      protect: true,
    }),
    headerRows: { first: 1, last: 1 },
    firstDataRow: first,
    lastDataRow: Math.max(first, last),
    colOf,
    printColumns: headers.length - 1,
    suggestionCol: 10,
  };
}

/**
 * "Tập thể: HTTNV trở lên …%, trong đó HTXSNV …% (n/N); cá nhân: …", by the level that counts
 * (decided, else proposed, else the system's suggestion) at this consolidation.
 */
export function leaderCountLine(
  classification: Classification,
  leaderManual: LeaderManualColumns
): string {
  const part = (label: string, collective: boolean) => {
    const levels = classification.leaders
      .filter((l) => l.laTapThe === collective)
      .map((l) => {
        const m = leaderManual[l.key];
        return m?.quyetDinhBtv ?? m?.deXuatBtc ?? l.suggested;
      })
      .filter((x): x is LevelCode => !!x);
    const n = levels.length;
    if (!n) return null;
    const good = levels.filter((x) => x === "HTXSNV" || x === "HTTNV").length;
    const top = levels.filter((x) => x === "HTXSNV").length;
    return `${label}: HTTNV trở lên ${pct(good, n)}, trong đó HTXSNV ${pct(top, n)} (${n} được xếp loại)`;
  };
  const parts = [part("Tập thể lãnh đạo, quản lý", true), part("Cá nhân lãnh đạo, quản lý", false)];
  const text = parts.filter(Boolean).join("; ");
  return text
    ? `${text}. Tính theo Quyết định BTV, nếu trống theo Đề xuất BTC, nếu trống theo đề xuất của hệ thống, tại lần tổng hợp này.`
    : "Chưa có tập thể, cá nhân nào được xếp loại.";
}

const pct = (n: number, d: number) => (d > 0 ? `${formatNumberVi((n / d) * 100)}%` : "n/a");
const ratioNum = (n: number, d: number): number | string =>
  d > 0 ? Math.round((n / d) * 10000) / 100 : "n/a";

/**
 * Where the live formulas of the summary look: the "Mức tính chỉ tiêu", "Loại hình" and "Quyết định
 * của Ban Thường vụ" columns of the Tổng hợp sheet, as bounded ranges with final row numbers.
 */
export interface LiveRanges {
  effective: string;
  loaiHinh: string;
  decided: string;
  /** Number of TCCS rows in those ranges. */
  rows: number;
  /** Level list for "is this a level" tests (the master's hidden list sheet). */
  levelList: string;
}

/** COUNTIFS criteria matching a text exactly (wildcards escaped). */
const exact = (t: string) => str(t.replace(/[*?~]/g, "~$&"));

function levelCountsBlock(
  b: SheetBuilder,
  top: number,
  title: string,
  counts: Record<LevelCode, number>,
  note: Cell,
  live?: LiveRanges
): number {
  b.put(top, 1, title);
  b.merge(top, 1, top, 4);
  b.style(top, 1, top, 4, { bold: true, fontSize: 13 });
  const total = LEVEL_CODES.reduce((s, l) => s + counts[l], 0);
  const good = counts.HTXSNV + counts.HTTNV;
  const first = top + 2;
  const goodRow = first + LEVEL_CODES.length;
  const totalRow = goodRow + 1;
  const C = (row: number) => cellRef(row, 3, false);
  const T = cellRef(totalRow, 3);
  const pctCell = (row: number, n: number): Cell =>
    live
      ? formula(`IF(${T}>0,ROUND(${C(row)}/${T}*100,2),"n/a")`, ratioNum(n, total))
      : ratioNum(n, total);
  const rows: Cell[][] = LEVEL_CODES.map((l, i) => [
    l,
    levelLabel(l),
    live ? formula(`COUNTIF(${live.effective},${str(l)})`, counts[l]) : counts[l],
    pctCell(first + i, counts[l]),
  ]);
  const rowOf = (l: LevelCode) => first + LEVEL_CODES.indexOf(l);
  rows.push([
    "",
    "Từ HTTNV trở lên",
    live ? formula(`${C(rowOf("HTXSNV"))}+${C(rowOf("HTTNV"))}`, good) : good,
    pctCell(goodRow, good),
  ]);
  rows.push([
    "",
    "Tổng số được xếp loại",
    live ? formula(`SUM(${C(first)}:${C(goodRow - 1)})`, total) : total,
    live ? formula(`IF(${T}>0,100,"n/a")`, total > 0 ? 100 : "n/a") : total > 0 ? 100 : "n/a",
  ]);
  const last = table(b, top + 1, ["Mức", "Tên mức", "Số lượng", "Tỷ lệ %"], rows);
  b.style(top + 2, 3, last, 4, { hAlign: "center", numFmt: "0.##" });
  b.style(last - 1, 1, last, 4, { bold: true });
  const sentence = `HTTNV trở lên ${pct(good, total)}, trong đó HTXSNV ${pct(counts.HTXSNV, total)}.`;
  b.put(
    last + 1,
    1,
    live
      ? formula(
          `"HTTNV trở lên "&${pctText(C(goodRow), T)}&", trong đó HTXSNV "&${pctText(C(rowOf("HTXSNV")), T)}&"."`,
          sentence
        )
      : sentence
  );
  b.merge(last + 1, 1, last + 1, 8);
  b.style(last + 1, 1, last + 1, 8, { bold: true, italic: true });
  b.put(last + 2, 1, note);
  b.merge(last + 2, 1, last + 2, 8);
  b.style(last + 2, 1, last + 2, 8, { italic: true, fontSize: 10, wrap: true });
  b.rowHeights[last + 2] = 28;
  return last + 2;
}

function quotaTable(
  b: SheetBuilder,
  top: number,
  title: string,
  groups: QuotaGroup[],
  register: UnitRegister,
  baseLabel: string,
  live?: LiveRanges & {
    quotaBase: QuotaResult["quotaBase"];
    ratio: number;
    rounding: QuotaResult["rounding"];
  }
): number {
  b.put(top, 1, title);
  b.merge(top, 1, top, 8);
  b.style(top, 1, top, 8, { bold: true, fontSize: 13 });
  const rows: Cell[][] = groups.map((g, i) => {
    const candidates = g.candidates.map((c) => unitName(register, c)).join("; ");
    if (!live)
      return [
        g.label,
        g.counts.HTXSNV,
        g.counts.HTTNV,
        g.base,
        g.allowed,
        g.used,
        g.excess > 0 ? g.excess : 0,
        candidates,
      ];
    const row = top + 2 + i;
    const at = (col: number) => cellRef(row, col, false);
    // Organisations of the group: by the "Loại hình" text of the Tổng hợp rows ("all": every row).
    const inGroup =
      g.group === "all"
        ? ""
        : `,${live.loaiHinh},${exact(g.group === "KHAC" ? "" : (LOAI_HINH_VI[g.group] ?? g.group))}`;
    const count = (l: LevelCode) => `COUNTIFS(${live.effective},${str(l)}${inGroup})`;
    return [
      g.label,
      formula(count("HTXSNV"), g.counts.HTXSNV),
      formula(count("HTTNV"), g.counts.HTTNV),
      formula(live.quotaBase === "HTTNV_only" ? at(3) : `${at(2)}+${at(3)}`, g.base),
      // The ratio and rounding are the rule set's (data); 1E-9 guards against 0.2×15 = 2.9999… as the core does.
      formula(
        live.rounding === "round"
          ? `ROUND(${live.ratio}*${at(4)},0)`
          : live.rounding === "ceil"
            ? `CEILING(${live.ratio}*${at(4)}-1E-9,1)`
            : `FLOOR(${live.ratio}*${at(4)}+1E-9,1)`,
        g.allowed
      ),
      formula(at(2), g.used),
      formula(`MAX(0,${at(6)}-${at(5)})`, Math.max(0, g.excess)),
      candidates,
    ];
  });
  const last = table(
    b,
    top + 1,
    [
      "Nhóm",
      "HTXSNV",
      "HTTNV",
      `Cơ sở tính (${baseLabel})`,
      "Tối đa được HTXSNV",
      "Đã xếp HTXSNV",
      "Vượt",
      live ? "Đơn vị cần xem xét (theo lần tổng hợp)" : "Đơn vị cần xem xét",
    ],
    rows,
    { wrapCols: [1, 8] }
  );
  // Renderers do not auto-fit wrapped rows on open: heights from the wrapped header, names and candidates.
  b.rowHeights[top + 1] = 32;
  rows.forEach((r, i) => {
    const lines = (v: Cell, perLine: number) =>
      typeof v === "string" && v ? Math.ceil(v.length / perLine) : 1;
    b.rowHeights[top + 2 + i] = Math.max(16, 15 * Math.max(lines(r[0]!, 34), lines(r[7]!, 40)) + 2);
  });
  if (rows.length) {
    b.style(top + 2, 2, last, 7, { hAlign: "center" });
    groups.forEach(
      (g, i) =>
        g.excess > 0 && b.style(top + 2 + i, 1, top + 2 + i, 8, { color: WARN_COLOR, bold: true })
    );
  }
  return last;
}

/**
 * The quota and summary sheet. The TCCS counts, percentages and the per-group quota are COUNTIFS
 * formulas over the Tổng hợp sheet (live when the Standing Committee types its decisions), each
 * with the core's own result cached; the members' figures come from the submitted reports (values).
 */
export function buildSummary(args: {
  classification: Classification;
  quota: QuotaResult;
  manual: ManualColumns;
  register: UnitRegister;
  consolidation: Consolidation;
  live: LiveRanges;
}): { sheet: SheetModel } {
  const { classification, quota, manual, register, live } = args;
  const b = new SheetBuilder();
  const orgCounts: Record<LevelCode, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  let decided = 0;
  for (const t of classification.tccs as TccsClassification[]) {
    const e = effectiveLevel(t, manual);
    if (e) orgCounts[e.level]++;
    if (manual[t.unitCode]?.quyetDinhBtv) decided++;
  }
  const rated = LEVEL_CODES.reduce((s, l) => s + orgCounts[l], 0);
  const memberCounts: Record<LevelCode, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  for (const g of quota.members) for (const l of LEVEL_CODES) memberCounts[l] += g.counts[l];

  // Row 1 is the title, row 2 the header, the four levels, "Từ HTTNV trở lên", then the total (row 8).
  const orgTotal = cellRef(1 + 2 + LEVEL_CODES.length + 1, 3);
  const decidedF = `SUMPRODUCT(COUNTIF(${live.decided},${live.levelList}))`;
  const noteHead =
    'Tính theo cột "Mức tính chỉ tiêu" của trang Tổng hợp: Quyết định của Ban Thường vụ nếu có, nếu trống thì Đề xuất của Ban Tổ chức, nếu trống thì đề xuất của hệ thống. ';
  const noteTail =
    " tổ chức chưa có mức. Các số liệu tổ chức cơ sở đảng ở trang này tự cập nhật khi nhập các cột quyết định.";
  const orgNote = formula(
    `${str(noteHead)}&"Đã có Quyết định của Ban Thường vụ: "&${decidedF}&"/${live.rows}; "&(${live.rows}-${orgTotal})&${str(noteTail)}`,
    `${noteHead}Đã có Quyết định của Ban Thường vụ: ${decided}/${live.rows}; ${live.rows - rated}${noteTail}`
  );
  let row = levelCountsBlock(b, 1, "I. TỔ CHỨC CƠ SỞ ĐẢNG", orgCounts, orgNote, live);
  row = levelCountsBlock(
    b,
    row + 2,
    "II. ĐẢNG VIÊN",
    memberCounts,
    `Cộng từ báo cáo của ${quota.members.length} tổ chức cơ sở đảng (mẫu 3.14).`
  );
  const baseLabel = quota.quotaBase === "HTTNV_only" ? "số HTTNV" : "số HTTNV trở lên";
  b.put(
    row + 2,
    1,
    forPeople(
      `Tỷ lệ HTXSNV tối đa: ${formatNumberVi(quota.ratio * 100)}% ${baseLabel}, ${ROUNDING_VI[quota.rounding]}. Căn cứ: tổ chức cơ sở đảng — ${sourceInWords(quota.organisationsSource).vi}; đảng viên — ${sourceInWords(quota.source).vi}. Hệ thống không tự hạ mức; cấp có thẩm quyền xem xét, quyết định.`
    )
  );
  b.merge(row + 2, 1, row + 2, 8);
  b.style(row + 2, 1, row + 2, 8, { italic: true, wrap: true, fontSize: 11 });
  b.rowHeights[row + 2] = 30;
  row = quotaTable(
    b,
    row + 4,
    quota.groupBy === "all"
      ? "III. CHỈ TIÊU HTXSNV ĐỐI VỚI TỔ CHỨC CƠ SỞ ĐẢNG (tất cả tổ chức cơ sở đảng trực thuộc)"
      : "III. CHỈ TIÊU HTXSNV ĐỐI VỚI TỔ CHỨC CƠ SỞ ĐẢNG (theo loại hình)",
    quota.organisations,
    register,
    baseLabel,
    { ...live, quotaBase: quota.quotaBase, ratio: quota.ratio, rounding: quota.rounding }
  );
  const runAt = args.consolidation.runAt;
  b.put(
    row + 1,
    1,
    `Số lượng, tối đa, đã xếp và vượt tự cập nhật theo cột "Mức tính chỉ tiêu"; danh sách đơn vị cần xem xét là tại lần tổng hợp${runAt ? ` lúc ${formatTimeVi(runAt)}` : ""}, chạy lại tổng hợp để cập nhật.`
  );
  b.merge(row + 1, 1, row + 1, 8);
  b.style(row + 1, 1, row + 1, 8, { italic: true, fontSize: 10, wrap: true });
  b.rowHeights[row + 1] = 28;
  row = quotaTable(
    b,
    row + 3,
    "IV. CHỈ TIÊU HTXSNV ĐỐI VỚI ĐẢNG VIÊN (trong từng tổ chức cơ sở đảng)",
    quota.members,
    register,
    baseLabel
  );
  return { sheet: b.sheet(SHEETS.summary, [26, 24, 10, 14, 12, 12, 8, 34]) };
}

/** "Hạn nộp: 25/12/2019 (mẫu 3.8 “Dân vận - MTTQ, đoàn thể”: 20/11/2019)." */
export function deadlinesVi(c: Consolidation, catalog: readonly TemplateSpec[]): string {
  const own = Object.entries(c.templateDeadlines ?? {})
    .filter(([, d]) => d !== c.deadline)
    .map(([id, d]) => {
      const s = catalog.find((x) => x.id === id);
      return `${s ? `mẫu ${s.section} “${s.sheetName}”` : `mẫu “${id}”`}: ${formatIsoDateVi(d)}`;
    });
  return `Hạn nộp: ${formatIsoDateVi(c.deadline)}${own.length ? ` (riêng ${own.join("; ")})` : ""}.`;
}

export function buildStatus(
  c: Consolidation,
  catalog: readonly TemplateSpec[],
  register: UnitRegister,
  settings: PeriodSettings
): { sheet: SheetModel; headerRows: { first: number; last: number } } {
  const b = new SheetBuilder();
  b.put(
    1,
    1,
    `${deadlinesVi(c, catalog)} Báo cáo Ban Thường vụ cấp trên trước ${formatIsoDateVi(settings.reportDeadline)}. Lựa chọn khi có lỗi: ${POLICY_VI[c.errorPolicy]}. Lần tổng hợp: ${c.runAt ? formatTimeVi(c.runAt) : "không rõ"}.`
  );
  b.rowHeights[1] = 30;
  b.merge(1, 1, 1, 9);
  b.style(1, 1, 1, 9, { bold: true, italic: true, wrap: true });
  const spec = (id: string) => catalog.find((s) => s.id === id);
  const nameOf = unitNamer(register);
  const rows = c.completeness.map((e, i) => {
    const s = spec(e.templateId);
    return [
      i + 1,
      s ? `${s.section} ${s.title.vi}` : e.templateId,
      s?.department.name.vi ?? "",
      e.unitCode === "*" ? "(toàn mẫu)" : nameOf(e.unitCode),
      statusVi(e),
      e.taken ? "Có" : "Không",
      e.file ?? "",
      e.submittedAt ? formatTimeVi(e.submittedAt) : "",
      e.late ? "Trễ hạn" : "",
    ];
  });
  const last = table(
    b,
    3,
    [
      "TT",
      "Mẫu biểu",
      "Phòng, ban",
      "Đơn vị",
      "Tình trạng",
      "Đã tổng hợp",
      "Tệp",
      "Thời điểm nộp",
      "Trễ hạn",
    ],
    rows,
    { wrapCols: [2, 3, 4, 5, 7] }
  );
  c.completeness.forEach((e, i) => {
    const r = 4 + i;
    if (e.late) b.style(r, 1, r, 9, { fill: LATE_FILL });
    if (!e.received) b.style(r, 5, r, 5, { color: WARN_COLOR, bold: true });
  });
  let row = last + 2;
  if (c.refused.length) {
    b.put(row, 1, "Tệp không đọc được");
    b.style(row, 1, row, 3, { bold: true });
    row =
      table(
        b,
        row + 1,
        ["TT", "Tệp", "Lý do"],
        c.refused.map((r, i) => [i + 1, r.file, r.message.vi]),
        { wrapCols: [2, 3] }
      ) + 2;
  }
  return {
    sheet: b.sheet(SHEETS.status, [5, 40, 24, 26, 22, 10, 28, 16, 9], {
      freeze: { row: 4, col: 1 },
    }),
    headerRows: { first: 3, last: 3 },
  };
}

export function buildRegister(register: UnitRegister): SheetModel {
  const b = new SheetBuilder();
  b.put(
    1,
    1,
    `Danh mục đơn vị: ${register.name} (${register.id}), năm ${register.period}. Các dòng "Mẫu" là dữ liệu ví dụ, Ban Tổ chức cần rà soát.`
  );
  b.merge(1, 1, 1, 8);
  b.style(1, 1, 1, 8, { bold: true, italic: true, wrap: true });
  b.rowHeights[1] = 30;
  const nameOf = unitNamer(register);
  const loc = (code?: string) => (code ? nameOf(code) : "");
  const units = [...register.units];
  const rows = units.map((u, i) => [
    i + 1,
    u.code,
    u.name,
    KIND_VI[u.kind] ?? u.kind,
    u.loaiHinh ? (LOAI_HINH_VI[u.loaiHinh] ?? u.loaiHinh) : "",
    loc(u.localityCode),
    u.tccsForm === "dangBo" ? "Đảng bộ cơ sở" : u.tccsForm === "chiBo" ? "Chi bộ cơ sở" : "",
    u.sample ? "Mẫu (cần rà soát)" : "",
  ]);
  const last = table(
    b,
    3,
    ["TT", "Mã", "Tên", "Loại", "Loại hình", "Thuộc xã, phường", "Hình thức", "Ghi chú"],
    rows,
    { wrapCols: [3] }
  );
  units.forEach(
    (u, i) => u.sample && b.style(4 + i, 8, 4 + i, 8, { color: WARN_COLOR, italic: true })
  );
  void last;
  return b.sheet(SHEETS.register, [5, 26, 36, 10, 16, 20, 16, 18], { freeze: { row: 4, col: 1 } });
}

/** One row per master value: which file, sheet and cell it came from. */
export function buildProvenance(
  rows: RowCtx[],
  columns: MasterColumn[],
  colOf: Record<string, number>,
  firstDataRow: number,
  offset: number
): SheetModel {
  const b = new SheetBuilder();
  const out: (string | number)[][] = [];
  rows.forEach((r, n) => {
    for (const col of columns) {
      const src = col.source?.(r);
      if (!src) continue;
      out.push([
        address(firstDataRow + offset + n, colOf[col.key]!),
        r.unit.name,
        (col.group ? `${col.group}: ` : "") + col.header,
        src.file,
        src.sheet,
        src.cell ?? "",
      ]);
    }
  });
  b.put(1, 1, `Nguồn của từng số liệu trong trang "${SHEETS.master}".`);
  b.style(1, 1, 1, 6, { bold: true, italic: true });
  table(
    b,
    2,
    ["Ô trong bảng tổng hợp", "Tổ chức cơ sở đảng", "Cột", "Tệp", "Trang", "Ô nguồn"],
    out,
    { wrapCols: [3] }
  );
  return b.sheet(SHEETS.provenance, [12, 30, 40, 30, 24, 10], { freeze: { row: 3, col: 1 } });
}

/** Log lines of this run. */
export function logEntriesOf(c: Consolidation, classification: Classification): LogEntry[] {
  const at = c.runAt ?? "";
  const out: LogEntry[] = [];
  const taken = c.files.filter((f) => f.status !== "leftOut").length;
  out.push({
    at,
    kind: "run",
    file: "",
    detail: `Kỳ ${c.period}; ${c.files.length} bảng nhận từ các tệp (${taken} được lấy), ${c.refused.length} tệp không đọc được, ${c.conflicts.length} trùng số liệu; lựa chọn khi có lỗi: ${POLICY_VI[c.errorPolicy]}; hạn nộp ${formatIsoDateVi(c.deadline)}; bộ quy tắc ${classification.ruleSetId}.`,
  });
  for (const f of c.files) {
    const kind: LogEntry["kind"] =
      f.status === "taken"
        ? "file-taken"
        : f.status === "partly"
          ? "file-partly"
          : f.status === "superseded"
            ? "conflict"
            : "file-left-out";
    out.push({
      at,
      kind,
      file: f.file,
      detail: `Trang "${f.sheet}" (${templateLabel(f.templateId).vi}): lấy ${f.rowsTaken} dòng, bỏ ${f.rowsLeftOut} dòng${f.rowsSuperseded ? `, ${f.rowsSuperseded} dòng được thay bằng tệp mới hơn` : ""}${f.rowsMarked ? `, ${f.rowsMarked} dòng có lỗi được đánh dấu` : ""}${f.late ? "; nộp trễ hạn" : ""}.`,
    });
  }
  for (const r of c.refused)
    out.push({ at, kind: "file-refused", file: r.file, detail: r.message.vi });
  for (const e of c.excluded)
    out.push({
      at,
      kind: e.scope === "file" ? "file-left-out" : "row-left-out",
      file: e.file,
      detail: e.message.vi,
    });
  for (const k of c.conflicts)
    out.push({ at, kind: "conflict", file: k.winner.file, detail: k.message.vi });
  for (const w of c.warnings) out.push({ at, kind: "warning", file: "", detail: w.message.vi });
  // Hand-filled decisions whose row is gone: the log keeps what was typed.
  for (const w of classification.warnings)
    if (w.rule.startsWith("manual.orphan"))
      out.push({ at, kind: "warning", file: "", detail: w.message.vi });
  return out;
}

export function buildLog(entries: LogEntry[]): { sheet: SheetModel; firstRow: number } {
  const b = new SheetBuilder();
  const rows = entries.map((e) => [
    e.at ? formatTimeVi(e.at) : "",
    LOG_KIND_VI[e.kind],
    e.file,
    e.detail,
    e.kind,
  ]);
  // Column A keeps the ISO time so the log can be read back exactly; column B shows the kind.
  table(
    b,
    1,
    ["Thời điểm", "Loại", "Tệp", "Chi tiết", "Mã"],
    rows.map((r, i) => [entries[i]!.at, r[1]!, r[2]!, r[3]!, r[4]!]),
    { wrapCols: [3, 4] }
  );
  return {
    sheet: b.sheet(SHEETS.log, [22, 18, 28, 90, 12], {
      freeze: { row: 2, col: 1 },
      hiddenColumns: [5],
    }),
    firstRow: 2,
  };
}
