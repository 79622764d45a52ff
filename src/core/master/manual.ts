/**
 * The master's `_meta` sheet and reading an existing master back: the hand-filled columns (by unit
 * code, never by row position) and the log, so a re-run never overwrites what staff typed.
 */
import type { LocalizedText } from "../i18n";
import { parseEnum } from "../normalize";
import type { SheetModel } from "../sheet/model";
import { columnLetter, columnNumber, metadataSheet } from "../sheet/model";
import type { SheetGrid, WorkbookGrids } from "../submission/types";
import { getEnum } from "../templates/enums";
import type { LeaderManualColumns, ManualColumns } from "../classify/types";
import { leaderKey } from "../classify/leaders";
import { DECISION_META, keepDecision, parseDecision } from "./decisions";
import type { RawCell } from "../validate/types";
import { LEADER_HEADERS, LOG_KIND_VI, MASTER_HEADERS, SHEETS } from "./labels";
import type { LogEntry, ManualEntry } from "./types";
import type { LevelCode } from "../rules/types";
import type { PrintGeometry } from "../print/layout";
import type { PeriodSettings } from "../settings/types";
import { loadSettings } from "../settings/defaults";

export const MANUAL_KEYS = ["deXuatBtc", "quyetDinhBtv", "lyDoVuotTran", "ghiChu"] as const;

export interface MasterMeta {
  period: number;
  ruleSetId: string;
  registerId: string;
  generatedAt: string;
  masterSheet: string;
  firstDataRow: number;
  lastDataRow: number;
  /** Column letters of unitCode and the manual columns. */
  columns: Record<string, string>;
  logSheet: string;
  logFirstRow: number;
  /** The "Lãnh đạo" sheet: first data row and column letters of the key and manual columns. */
  leaders?: { sheet: string; firstDataRow: number; columns: Record<string, string> };
  /**
   * Where each printed sheet's header block, title and signature block are, so the In part can
   * rewrite them later with other settings (one `print:<sheet>` row each, the geometry as JSON).
   */
  printed?: { sheet: string; geometry: PrintGeometry }[];
  /** Hand-entered decisions whose row is absent from this master (decisionMetaRows). */
  decisions?: [string, string][];
  /**
   * The review period the master was written with (bodies, place, date, signer, deadlines): a
   * pane opened later on this workbook starts from it, not from the defaults.
   */
  settings?: PeriodSettings;
}

export function writeMasterMeta(m: MasterMeta): SheetModel {
  const rows: (string | number)[][] = [
    ["key", "value"],
    ["kind", "master"],
    ["period", m.period],
    ["ruleSetId", m.ruleSetId],
    ["registerId", m.registerId],
    ["generatedAt", m.generatedAt],
    ["masterSheet", m.masterSheet],
    ["firstDataRow", m.firstDataRow],
    ["lastDataRow", m.lastDataRow],
    ["logSheet", m.logSheet],
    ["logFirstRow", m.logFirstRow],
    ...Object.entries(m.columns).map(([k, v]) => [`column:${k}`, v]),
    ...(m.leaders
      ? [
          ["leadersSheet", m.leaders.sheet],
          ["leadersFirstDataRow", m.leaders.firstDataRow],
          ...Object.entries(m.leaders.columns).map(([k, v]) => [`leaderColumn:${k}`, v]),
        ]
      : []),
    ...(m.printed ?? []).map((p) => [`print:${p.sheet}`, JSON.stringify(p.geometry)]),
    ...(m.decisions ?? []),
    ...(m.settings ? [["settings", JSON.stringify(m.settings)]] : []),
  ];
  return metadataSheet(SHEETS.meta, rows);
}

/** The review period recorded in a master's `_meta_master` (null when none or not valid). */
export function readMasterSettings(sheets: SheetGrid[]): PeriodSettings | null {
  const metaGrid = sheets.find((s) => s.name === SHEETS.meta);
  if (!metaGrid) return null;
  let kind = "";
  let json = "";
  for (const row of metaGrid.rows) {
    const k = text(row?.[0]);
    if (k === "kind") kind = text(row?.[1]);
    else if (k === "settings") json = text(row?.[1]);
  }
  if (kind !== "master" || !json) return null;
  const loaded = loadSettings(json);
  return loaded.ok ? loaded.settings : null;
}

/**
 * The cell of `_meta_master` that records the review period, rewritten with `settings`: what the
 * In part writes when it rewrites an existing master's heading and signature from the period, so
 * a pane opened later starts from the period printed. Only that cell (or, for a master written
 * before the period was recorded, one row appended below the others); null when there is no master.
 */
export function masterSettingsPatch(
  settings: PeriodSettings,
  sheets: SheetGrid[]
): SheetModel | null {
  const metaGrid = sheets.find((s) => s.name === SHEETS.meta);
  if (!metaGrid) return null;
  const keys = metaGrid.rows.map((row) => text(row?.[0]));
  const kindAt = keys.indexOf("kind");
  if (kindAt < 0 || text(metaGrid.rows[kindAt]?.[1]) !== "master") return null;
  const json = JSON.stringify(settings);
  const at = keys.indexOf("settings");
  const block =
    at >= 0
      ? { top: at + 1, left: 2, cells: [[json]] }
      : { top: lastUsedRow(metaGrid) + 1, left: 1, cells: [["settings", json]] };
  return {
    name: SHEETS.meta,
    visibility: metaGrid.visibility,
    blocks: [block],
    styles: [],
    merges: [],
    columnWidths: [],
    validations: [],
    protect: true,
  };
}

function lastUsedRow(grid: SheetGrid): number {
  for (let i = grid.rows.length - 1; i >= 0; i--)
    if ((grid.rows[i] ?? []).some((c) => text(c) !== "")) return i + 1;
  return 0;
}

function text(c: RawCell): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString();
  if (typeof c === "object") return "percentFraction" in c ? String(c.percentFraction) : "";
  return String(c).normalize("NFC").trim();
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** A recorded geometry, or null when the cell was edited into something else. */
function parseGeometry(json: string): PrintGeometry | null {
  let g: unknown;
  try {
    g = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof g !== "object" || g === null) return null;
  const o = g as Record<string, unknown>;
  const ok =
    isCount(o.columns) &&
    o.columns >= 1 &&
    isCount(o.leftEnd) &&
    o.leftEnd >= 1 &&
    isCount(o.rightStart) &&
    o.rightStart >= 1 &&
    o.leftEnd <= o.columns &&
    o.rightStart <= o.columns &&
    isCount(o.subtitleRows) &&
    isCount(o.recipientRows) &&
    (o.signatureTop === null || (isCount(o.signatureTop) && o.signatureTop >= 1));
  return ok ? (o as unknown as PrintGeometry) : null;
}

/**
 * The period of the master in `_meta_master` and the recorded geometry of its printed sheets;
 * null when there is no master meta or it records no geometry (a master from before it did).
 */
export function readPrintGeometry(
  sheets: SheetGrid[]
): { period: number; printed: { sheet: string; geometry: PrintGeometry }[] } | null {
  const metaGrid = sheets.find((s) => s.name === SHEETS.meta);
  if (!metaGrid) return null;
  let kind = "";
  let period = NaN;
  const printed: { sheet: string; geometry: PrintGeometry }[] = [];
  for (const row of metaGrid.rows) {
    const k = text(row?.[0]);
    const v = text(row?.[1]);
    if (k === "kind") kind = v;
    else if (k === "period") period = Number(v);
    else if (k.startsWith("print:")) {
      const geometry = parseGeometry(v);
      if (geometry) printed.push({ sheet: k.slice("print:".length), geometry });
    }
  }
  if (kind !== "master" || !Number.isInteger(period) || printed.length === 0) return null;
  return { period, printed };
}

export interface ManualRead {
  /** True when the workbook is a master made by this product. */
  isMaster: boolean;
  period: number | null;
  manual: ManualColumns;
  /** Hand-filled columns of the "Lãnh đạo" sheet, by leaderKey. */
  leaders: LeaderManualColumns;
  log: LogEntry[];
  issues: LocalizedText[];
}

const LOG_KIND_BY_VI = new Map(
  Object.entries(LOG_KIND_VI).map(([k, v]) => [v, k as LogEntry["kind"]])
);

function readLevel(
  raw: RawCell,
  where: string,
  issues: LocalizedText[]
): { code: LevelCode | null; raw?: string } {
  const t = text(raw);
  if (!t) return { code: null };
  const p = parseEnum(raw, getEnum("level4"));
  if (p.ok && p.value !== null) return { code: p.value as LevelCode };
  issues.push({
    vi: `${where}: "${t}" không phải mức xếp loại (HTXSNV, HTTNV, HTNV, KHTNV); giữ nguyên nội dung nhưng không dùng để tính chỉ tiêu. Hãy chọn một mức trong danh sách.`,
    en: `${where}: "${t}" is not a level; kept as typed but not counted. Choose a level from the list.`,
  });
  return { code: null, raw: t };
}

/** Reads the hand-filled columns and the log of an existing master workbook. */
export function readManualColumns(grids: WorkbookGrids): ManualRead {
  const out: ManualRead = {
    isMaster: false,
    period: null,
    manual: {},
    leaders: {},
    log: [],
    issues: [],
  };
  const metaGrid = grids.sheets.find((s) => s.name === SHEETS.meta);
  const kv = new Map<string, string>();
  for (const row of metaGrid?.rows ?? []) {
    const k = text(row?.[0]);
    if (k) kv.set(k, text(row?.[1]));
  }
  if (kv.get("kind") !== "master") {
    if (grids.sheets.length) {
      out.issues.push({
        vi: `Tệp ${grids.source} không phải bảng tổng hợp do XếpLoại tạo (thiếu phần nhận dạng ẩn của bảng tổng hợp); không đọc được các cột nhập tay.`,
        en: `${grids.source} is not a master made by XếpLoại; its hand-filled columns cannot be read.`,
      });
    }
    return out;
  }
  out.isMaster = true;
  const period = Number(kv.get("period"));
  out.period = Number.isInteger(period) ? period : null;
  const sheet = grids.sheets.find((s) => s.name === (kv.get("masterSheet") || SHEETS.master));
  const first = Number(kv.get("firstDataRow"));
  // Columns by header text first (someone may have inserted a column), else by the letters in _meta.
  const byHeader =
    sheet && Number.isInteger(first)
      ? headerColumns(sheet, first, MASTER_HEADERS)
      : new Map<string, number>();
  const col = (k: string) => {
    const h = byHeader.get(k);
    if (h !== undefined) return h;
    const l = kv.get(`column:${k}`);
    return l ? columnNumber(l) - 1 : -1;
  };
  if (sheet && Number.isInteger(first) && first > 0 && col("unitCode") >= 0) {
    readRows(sheet, first, col, out);
  } else {
    out.issues.push({
      vi: `Bảng tổng hợp ${grids.source} thiếu trang "${SHEETS.master}" hoặc thông tin vị trí cột; không đọc được các cột nhập tay.`,
      en: `The master lacks its sheet or column positions; hand-filled columns not read.`,
    });
  }
  readLeaders(grids, kv, out);
  readUnmatchedDecisions(grids.source, kv, out);
  const logSheet = grids.sheets.find((s) => s.name === (kv.get("logSheet") || SHEETS.log));
  const logFirst = Number(kv.get("logFirstRow"));
  if (logSheet && Number.isInteger(logFirst) && logFirst > 0) {
    for (const row of logSheet.rows.slice(logFirst - 1)) {
      const at = text(row?.[0]);
      const kindCode = text(row?.[4]);
      const detail = text(row?.[3]);
      if (!at && !detail) continue;
      const kind = (Object.keys(LOG_KIND_VI) as LogEntry["kind"][]).includes(
        kindCode as LogEntry["kind"]
      )
        ? (kindCode as LogEntry["kind"])
        : (LOG_KIND_BY_VI.get(text(row?.[1])) ?? "warning");
      out.log.push({ at, kind, file: text(row?.[2]), detail });
    }
  }
  return out;
}

/**
 * The decisions that had no row in the previous master, from `_meta_master`. They join the ones
 * read from the rows; one that differs from a row's under the same key is kept beside it.
 */
function readUnmatchedDecisions(source: string, kv: Map<string, string>, out: ManualRead): void {
  for (const [k, v] of kv) {
    const isUnit = k.startsWith(DECISION_META.unit);
    if (!isUnit && !k.startsWith(DECISION_META.leader)) continue;
    const key = k.slice((isUnit ? DECISION_META.unit : DECISION_META.leader).length);
    const { intact, unitCode, ten, chucVu, ...entry } = parseDecision(v);
    if (!intact)
      out.issues.push({
        vi: `Bảng tổng hợp ${source}: một quyết định chưa khớp ghi trong phần ẩn của bảng tổng hợp đã bị sửa, không đọc được; nội dung được giữ nguyên làm ghi chú ở mục "Quyết định chưa khớp".`,
        en: `Master ${source}: an unmatched decision recorded in the master's hidden part was edited and cannot be read; its text is kept as a note under "Quyết định chưa khớp".`,
      });
    if (isUnit) keepDecision(out.manual, key, ten ? { ...entry, ten } : entry);
    else {
      const parts = key.split(" | ");
      const canonical =
        parts.length >= 3 ? leaderKey(parts[0]!, parts[1]!, parts.slice(2).join(" | ")) : key;
      keepDecision(out.leaders, canonical, {
        ...entry,
        unitCode: unitCode || parts[0] || "",
        ten: ten || parts[1] || "",
        chucVu: chucVu || parts[2] || "",
      });
    }
  }
}

/** 0-based column of each read-back header found in the rows above the data (unique matches only). */
function headerColumns(
  sheet: SheetGrid,
  firstDataRow: number,
  headers: Record<string, string>
): Map<string, number> {
  const out = new Map<string, number>();
  const wanted = Object.entries(headers);
  const hits = new Map<string, number[]>();
  // Rows may have been inserted above the table: look a little further down too.
  for (const row of sheet.rows.slice(0, firstDataRow + 5)) {
    (row ?? []).forEach((c, i) => {
      const t = text(c);
      for (const [key, header] of wanted)
        if (t === header) hits.set(key, [...(hits.get(key) ?? []), i]);
    });
  }
  for (const [key, cols] of hits) if (new Set(cols).size === 1) out.set(key, cols[0]!);
  return out;
}

/** One row's hand-filled columns; null when all are empty. */
function readEntry(
  cell: (k: string) => RawCell,
  where: (k: string) => string,
  issues: LocalizedText[]
): ManualEntry | null {
  const de = readLevel(cell("deXuatBtc"), where("deXuatBtc"), issues);
  const qd = readLevel(cell("quyetDinhBtv"), where("quyetDinhBtv"), issues);
  const entry: ManualEntry = {
    deXuatBtc: de.code,
    quyetDinhBtv: qd.code,
    lyDoVuotTran: text(cell("lyDoVuotTran")) || null,
    ghiChu: text(cell("ghiChu")) || null,
  };
  if (de.raw) entry.rawDeXuatBtc = de.raw;
  if (qd.raw) entry.rawQuyetDinhBtv = qd.raw;
  const empty =
    !entry.deXuatBtc &&
    !entry.quyetDinhBtv &&
    !entry.lyDoVuotTran &&
    !entry.ghiChu &&
    !de.raw &&
    !qd.raw;
  return empty ? null : entry;
}

/**
 * The "Lãnh đạo" sheet: hand-filled columns by the hidden identity key (never by row position).
 * A master from before this sheet had those columns simply has none to read.
 */
function readLeaders(grids: WorkbookGrids, kv: Map<string, string>, out: ManualRead): void {
  const name = kv.get("leadersSheet");
  const first = Number(kv.get("leadersFirstDataRow"));
  if (!name || !Number.isInteger(first) || first < 1) return;
  const sheet = grids.sheets.find((s) => s.name === name);
  if (!sheet) {
    out.issues.push({
      vi: `Bảng tổng hợp ${grids.source} thiếu trang "${name}"; không đọc được các cột nhập tay của tập thể, cá nhân lãnh đạo.`,
      en: `The master lacks its "${name}" sheet; the leaders' hand-filled columns were not read.`,
    });
    return;
  }
  const byHeader = headerColumns(sheet, first, LEADER_HEADERS);
  const col = (k: string) => {
    const h = byHeader.get(k);
    if (h !== undefined) return h;
    const l = kv.get(`leaderColumn:${k}`);
    return l ? columnNumber(l) - 1 : -1;
  };
  const cKey = col("leaderKey");
  if (cKey < 0) return;
  for (let i = first - 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i] ?? [];
    const key = text(row[cKey]);
    const parts = key.split(" | ");
    if (parts.length < 3) continue;
    const cell = (k: string) => (col(k) >= 0 ? row[col(k)] : null);
    // The visible name and position (as typed), for messages; the key is canonical (lower case).
    const ten = text(row[1]) || parts[1]!;
    const chucVu = text(row[2]) || parts[2]!;
    const where = (k: string) =>
      `Trang ${name}, ô ${columnLetter(col(k) + 1)}${i + 1} (${ten}${chucVu ? `, ${chucVu}` : ""})`;
    const entry = readEntry(cell, where, out.issues);
    if (!entry) continue;
    // Keys of earlier masters were canonicalised less (no tone placement): canonicalise again.
    const canonical = leaderKey(parts[0]!, parts[1]!, parts.slice(2).join(" | "));
    const used = keepDecision(out.leaders, canonical, {
      ...entry,
      unitCode: parts[0]!,
      ten,
      chucVu,
    });
    if (used !== canonical) {
      out.issues.push({
        vi: `${where("quyetDinhBtv")}: "${ten}" có hơn một dòng với nội dung nhập tay khác nhau; dòng đầu tiên được dùng, nội dung của dòng này được giữ ở mục "Quyết định chưa khớp".`,
        en: `${where("quyetDinhBtv")}: "${ten}" has more than one row with different hand-filled columns; the first row's are used, this row's are kept under "Quyết định chưa khớp".`,
      });
    }
  }
}

function readRows(sheet: SheetGrid, first: number, col: (k: string) => number, out: ManualRead) {
  const cCode = col("unitCode");
  for (let i = first - 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i] ?? [];
    const code = text(row[cCode]);
    if (!code || !/^[a-z0-9-]+$/.test(code)) continue;
    const cell = (k: string) => (col(k) >= 0 ? row[col(k)] : null);
    const where = (k: string) => `Bảng tổng hợp, ô ${columnLetter(col(k) + 1)}${i + 1} (${code})`;
    const entry = readEntry(cell, where, out.issues);
    const ten = text(cell("unitName"));
    if (entry) keepDecision(out.manual, code, ten ? { ...entry, ten } : entry);
  }
}
