/**
 * Hand-entered decisions are never lost. A decision typed on the Tổng hợp or Lãnh đạo sheet
 * (Đề xuất của Ban Tổ chức, Quyết định của Ban Thường vụ, Lý do vượt mức tối đa, Ghi chú) whose
 * row is absent from a run — the file left out, the row refused for an error, the unit gone from
 * the register, the name typed another way — is kept: listed under "Quyết định chưa khớp" below
 * the sheet's table, recorded in `_meta_master`, and put back on its row when the row returns.
 *
 * The task pane and the command line both go through here (readManualColumns → masterStep →
 * buildMasterWorkbook), so they keep exactly the same decisions.
 */
import type { Classification } from "../classify/types";
import { isLevel } from "../rules/levels";
import type { Cell, SheetModel } from "../sheet/model";
import type { LeaderManualColumns, LeaderManualEntry, ManualEntry } from "./types";

/** Keys of the `_meta_master` rows that hold a decision without a row (the value is JSON). */
export const DECISION_META = { unit: "decision:unit:", leader: "decision:leader:" } as const;

/** Title of the section below the table. */
export const UNMATCHED_TITLE = "QUYẾT ĐỊNH CHƯA KHỚP";

const FIELDS = [
  "deXuatBtc",
  "quyetDinhBtv",
  "rawDeXuatBtc",
  "rawQuyetDinhBtv",
  "lyDoVuotTran",
  "ghiChu",
] as const;

/** Same typed content (the row it sits on and when it lost it do not matter). */
export function sameDecision(a: ManualEntry, b: ManualEntry): boolean {
  return FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * Adds a decision under its key and returns the key used. A different decision already under that
 * key is never replaced: the newcomer goes under "key #2" ("#3"…), which no row matches, so it
 * stays listed under "Quyết định chưa khớp" for a person to look at. An identical one is dropped.
 */
export function keepDecision<T extends ManualEntry>(
  map: Record<string, T>,
  key: string,
  entry: T
): string {
  for (let n = 1; ; n++) {
    const k = n === 1 ? key : `${key} #${n}`;
    const had = map[k];
    if (!had) {
      map[k] = entry;
      return k;
    }
    if (sameDecision(had, entry)) return k;
  }
}

export interface UnmatchedDecision<T extends ManualEntry> {
  key: string;
  entry: T;
}

export interface DecisionsOfRun {
  /** Tổng hợp decisions whose unit has no row in this master, by unit code. */
  units: UnmatchedDecision<ManualEntry>[];
  /** Lãnh đạo decisions whose leader has no row in this master, by leaderKey. */
  leaders: UnmatchedDecision<LeaderManualEntry>[];
  /** Decisions that had no row in the previous master and are back on their row now. */
  restored: { sheet: "units" | "leaders"; key: string; entry: ManualEntry }[];
}

/**
 * Which decisions of the previous master have a row in this one and which do not. Those without
 * a row keep the time they first lost it (else `runAt`).
 */
export function decisionsOfRun(
  classification: Classification,
  manual: Record<string, ManualEntry>,
  leaderManual: LeaderManualColumns,
  runAt: string
): DecisionsOfRun {
  const out: DecisionsOfRun = { units: [], leaders: [], restored: [] };
  const codes = new Set(classification.tccs.map((t) => t.unitCode));
  const keys = new Set(classification.leaders.map((l) => l.key));
  for (const [key, e] of Object.entries(manual)) {
    if (codes.has(key)) {
      if (e.unmatchedSince) out.restored.push({ sheet: "units", key, entry: e });
    } else out.units.push({ key, entry: { ...e, unmatchedSince: e.unmatchedSince || runAt } });
  }
  for (const [key, e] of Object.entries(leaderManual)) {
    if (keys.has(key)) {
      if (e.unmatchedSince) out.restored.push({ sheet: "leaders", key, entry: e });
    } else out.leaders.push({ key, entry: { ...e, unmatchedSince: e.unmatchedSince || runAt } });
  }
  return out;
}

function toJson(e: ManualEntry | LeaderManualEntry): string {
  const o: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) if (typeof v === "string" && v !== "") o[k] = v;
  return JSON.stringify(o);
}

/** The `_meta_master` rows of the decisions without a row. */
export function decisionMetaRows(d: DecisionsOfRun): [string, string][] {
  return [
    ...d.units.map((u): [string, string] => [DECISION_META.unit + u.key, toJson(u.entry)]),
    ...d.leaders.map((l): [string, string] => [DECISION_META.leader + l.key, toJson(l.entry)]),
  ];
}

/**
 * One decision from its `_meta_master` row. A value that is not the JSON this program wrote (an
 * edited cell) is still kept, whole, as the note, so nothing typed is dropped.
 */
export function parseDecision(json: string): LeaderManualEntry & { intact: boolean } {
  let o: Record<string, unknown> = {};
  let intact = true;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      o = parsed as Record<string, unknown>;
    else intact = false;
  } catch {
    intact = false;
  }
  const s = (k: string) => (typeof o[k] === "string" && o[k] !== "" ? (o[k] as string) : null);
  const level = (k: string, raw: string) => {
    const v = s(k);
    return isLevel(v) ? { code: v, raw: s(raw) } : { code: null, raw: v ?? s(raw) };
  };
  const de = level("deXuatBtc", "rawDeXuatBtc");
  const qd = level("quyetDinhBtv", "rawQuyetDinhBtv");
  const e: LeaderManualEntry & { intact: boolean } = {
    deXuatBtc: de.code,
    quyetDinhBtv: qd.code,
    lyDoVuotTran: s("lyDoVuotTran"),
    ghiChu: intact ? s("ghiChu") : json,
    unitCode: s("unitCode") ?? "",
    ten: s("ten") ?? "",
    chucVu: s("chucVu") ?? "",
    intact,
  };
  if (de.raw) e.rawDeXuatBtc = de.raw;
  if (qd.raw) e.rawQuyetDinhBtv = qd.raw;
  const since = s("unmatchedSince");
  if (since) e.unmatchedSince = since;
  return e;
}

/** One column of the "Quyết định chưa khớp" table, at a column of the sheet's own table. */
export interface UnmatchedColumn {
  col: number;
  header: string;
  value: (key: string, e: LeaderManualEntry, index: number) => Cell;
}

/**
 * Appends the "Quyết định chưa khớp" section below a laid-out sheet (after its print area, so it
 * is not printed with the signed table): a title, what it means and what to do, and one row per
 * decision, in the columns where the same values sit in the table above. Locked cells.
 */
export function appendUnmatchedSection(
  sheet: SheetModel,
  top: number,
  note: string,
  columns: UnmatchedColumn[],
  rows: UnmatchedDecision<LeaderManualEntry>[]
): SheetModel {
  if (rows.length === 0) return sheet;
  const right = Math.max(...columns.map((c) => c.col));
  const head = top + 2;
  const last = head + rows.length;
  const blocks = [
    { top, left: 1, cells: [[UNMATCHED_TITLE] as Cell[]] },
    { top: top + 1, left: 1, cells: [[note] as Cell[]] },
    ...[head, ...rows.map((_, i) => head + 1 + i)].map((r, i) => {
      const cells: Cell[] = Array.from({ length: right }, () => null);
      for (const c of columns)
        cells[c.col - 1] =
          i === 0 ? c.header : c.value(rows[i - 1]!.key, rows[i - 1]!.entry, i - 1) || null;
      return { top: r, left: 1, cells: [cells] };
    }),
  ];
  const body = { border: "thin" as const, vAlign: "top" as const, wrap: true, fontSize: 11 };
  const styles = [
    { range: { top, left: 1, bottom: last, right }, style: { fontName: "Times New Roman" } },
    { range: { top, left: 1, bottom: top, right }, style: { bold: true, fontSize: 12 } },
    {
      range: { top: top + 1, left: 1, bottom: top + 1, right },
      style: { italic: true, wrap: true, vAlign: "top" as const, fontSize: 11 },
    },
    ...columns.flatMap((c) => [
      {
        range: { top: head, left: c.col, bottom: head, right: c.col },
        style: { bold: true, border: "thin" as const, wrap: true, fill: "DDEBF7", fontSize: 11 },
      },
      { range: { top: head + 1, left: c.col, bottom: last, right: c.col }, style: body },
    ]),
  ];
  return {
    ...sheet,
    blocks: [...sheet.blocks, ...blocks],
    styles: [...sheet.styles, ...styles],
    merges: [
      ...sheet.merges,
      { top, left: 1, bottom: top, right },
      { top: top + 1, left: 1, bottom: top + 1, right },
    ],
    rowHeights: { ...(sheet.rowHeights ?? {}), [top + 1]: 48, [head]: 32 },
  };
}
