/**
 * The quota pass: within each group, at most floor(ratio × base) may be at the top level, where the
 * base counts HTTNV (or HTTNV and above, a setting). It lists the excess and the candidates and
 * never demotes: the Standing Committee decides (brief §1, quota algorithm).
 */
import type { ConsolidatedRow } from "../consolidate/types";
import { formatNumberVi } from "../i18n";
import { LEVEL_CODES } from "../rules/levels";
import type { LevelCode, RuleSet } from "../rules/types";
import type { QuotaGroup } from "./types";

export interface QuotaRow {
  unitCode: string;
  unitName: string;
  group: string;
  groupLabel: string;
  level: LevelCode | null;
}

const zero = (): Record<LevelCode, number> => ({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 });

function baseOf(
  counts: Record<LevelCode, number>,
  quotaBase: RuleSet["quota"]["quotaBase"]
): number {
  return quotaBase === "HTTNV_only" ? counts.HTTNV : counts.HTTNV + counts.HTXSNV;
}

/** allowed = rounding(ratio × base); 1E-9 guards against 0.2 × 15 = 2.9999…. */
export function allowedOf(
  ratio: number,
  base: number,
  rounding: RuleSet["quota"]["rounding"]
): number {
  const x = ratio * base;
  return rounding === "round"
    ? Math.round(x)
    : rounding === "ceil"
      ? Math.ceil(x - 1e-9)
      : Math.floor(x + 1e-9);
}

export const ROUNDING_VI: Record<RuleSet["quota"]["rounding"], string> = {
  floor: "làm tròn xuống",
  round: "làm tròn",
  ceil: "làm tròn lên",
};

function describe(
  kind: QuotaGroup["kind"],
  label: string,
  g: Pick<QuotaGroup, "base" | "allowed" | "used" | "excess">,
  ruleSet: RuleSet
) {
  const baseVi = ruleSet.quota.quotaBase === "HTTNV_only" ? "HTTNV" : "HTTNV trở lên";
  const ratio = `${formatNumberVi(ruleSet.quota.ratio * 100)}%`;
  const who = kind === "members" ? "đảng viên" : "tổ chức";
  const vi =
    g.excess > 0
      ? `${label}: ${g.used} ${who} HTXSNV, vượt ${g.excess} so với tối đa ${g.allowed} (= ${ratio} × ${g.base} ${baseVi}, ${ROUNDING_VI[ruleSet.quota.rounding]}). Cấp có thẩm quyền xem xét, quyết định; hệ thống không tự hạ mức.`
      : `${label}: ${g.used}/${g.allowed} ${who} HTXSNV được phép (${ratio} × ${g.base} ${baseVi}).`;
  const en =
    g.excess > 0
      ? `${label}: ${g.used} at HTXSNV, ${g.excess} above the maximum ${g.allowed} (= ${ratio} × ${g.base}, ${ruleSet.quota.rounding}). The competent body decides; nothing is demoted.`
      : `${label}: ${g.used}/${g.allowed} at HTXSNV allowed (${ratio} × ${g.base}).`;
  return { vi, en };
}

/** Quota per group of organisations, from each organisation's level (decided, else proposed, else suggested). */
export function quotaPass(rows: QuotaRow[], ruleSet: RuleSet): QuotaGroup[] {
  const groups = new Map<string, { label: string; rows: QuotaRow[] }>();
  for (const r of rows) {
    const key = ruleSet.quota.organisations.groupBy === "all" ? "all" : r.group;
    const label =
      ruleSet.quota.organisations.groupBy === "all" ? "Tất cả tổ chức cơ sở đảng" : r.groupLabel;
    const g = groups.get(key) ?? { label, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const out: QuotaGroup[] = [];
  for (const [group, g] of groups) {
    const counts = zero();
    for (const r of g.rows) if (r.level) counts[r.level]++;
    const base = baseOf(counts, ruleSet.quota.quotaBase);
    const allowed = allowedOf(ruleSet.quota.ratio, base, ruleSet.quota.rounding);
    const used = counts.HTXSNV;
    const excess = Math.max(0, used - allowed);
    const candidates =
      excess > 0 ? g.rows.filter((r) => r.level === "HTXSNV").map((r) => r.unitCode) : [];
    const total = LEVEL_CODES.reduce((s, l) => s + counts[l], 0);
    out.push({
      kind: "organisations",
      group,
      label: g.label,
      counts,
      total,
      base,
      allowed,
      used,
      excess,
      candidates,
      message: describe("organisations", g.label, { base, allowed, used, excess }, ruleSet),
    });
  }
  return out;
}

/** Quota of members per TCCS, from the counts in the TCCS report (3.14). */
export function memberQuota(
  reports: { unitName: string; row: ConsolidatedRow }[],
  ruleSet: RuleSet
): QuotaGroup[] {
  const out: QuotaGroup[] = [];
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  for (const { unitName, row } of reports) {
    const v = row.values;
    const counts: Record<LevelCode, number> = {
      HTXSNV: num(v["dv_Htxs"]),
      HTTNV: num(v["dv_Httn"]),
      HTNV: num(v["dv_Htnv"]),
      KHTNV: num(v["dv_Khtnv"]),
    };
    const base = baseOf(counts, ruleSet.quota.quotaBase);
    const allowed = allowedOf(ruleSet.quota.ratio, base, ruleSet.quota.rounding);
    const used = counts.HTXSNV;
    const excess = Math.max(0, used - allowed);
    const total = LEVEL_CODES.reduce((s, l) => s + counts[l], 0);
    out.push({
      kind: "members",
      group: row.unitCode,
      label: unitName,
      counts,
      total,
      base,
      allowed,
      used,
      excess,
      candidates: [],
      message: describe("members", unitName, { base, allowed, used, excess }, ruleSet),
    });
  }
  return out;
}
