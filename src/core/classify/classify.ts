/** Classification of every TCCS and leader of a consolidation, plus the quota pass. */
import { RowIndex } from "../consolidate/query";
import type { Consolidation } from "../consolidate/types";
import { sortedUnits } from "../consolidate/units";
import { getEnum } from "../templates/enums";
import { rankOf } from "../rules/levels";
import type { LevelCode, RuleSet } from "../rules/types";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import { classifyLeader, collectiveLevels, leaderKey, type UnitLevel } from "./leaders";
import { memberQuota, quotaPass, type QuotaRow } from "./quota";
import { classifyTccs, type ClassifyEnv } from "./tccs";
import type {
  Classification,
  ClassWarning,
  LeaderClassification,
  LeaderManualColumns,
  ManualColumns,
  ManualEntry,
  QuotaResult,
  TccsClassification,
} from "./types";

export interface ClassifyContext {
  register: UnitRegister;
  ruleSet: RuleSet;
  catalog?: readonly TemplateSpec[];
  /** Hand-filled columns of an existing master (proposed / decided levels, reasons). */
  manual?: ManualColumns;
  /** Hand-filled columns of the existing master's "Lãnh đạo" sheet, by leaderKey. */
  leaderManual?: LeaderManualColumns;
}

/** "Đề xuất BTC: HTXSNV; Ghi chú: …": what was typed by hand, so a dropped entry is never lost silently. */
export function describeManual(m: ManualEntry): string {
  const parts: [string, string | null | undefined][] = [
    ["Đề xuất BTC", m.deXuatBtc ?? m.rawDeXuatBtc],
    ["Quyết định BTV", m.quyetDinhBtv ?? m.rawQuyetDinhBtv],
    ["Lý do vượt mức tối đa", m.lyDoVuotTran],
    ["Ghi chú", m.ghiChu],
  ];
  return parts
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: "${v}"`)
    .join("; ");
}

/**
 * Warnings for hand-filled decisions whose row is absent from this run (the unit left the register,
 * the leader's 3.15 row is missing, refused or typed another way). The decision is kept under
 * "Quyết định chưa khớp" and put back when the row returns (core/master/decisions). The rule is
 * "manual.orphan…" the first run the row is missing (logged once), "manual.unmatched…" after.
 */
function orphanWarnings(
  tccs: TccsClassification[],
  leaders: LeaderClassification[],
  manual: ManualColumns | undefined,
  leaderManual: LeaderManualColumns | undefined,
  /** A unit's name for a code (the code itself only when the register no longer has it). */
  nameOf: (code: string) => string
): ClassWarning[] {
  const out: ClassWarning[] = [];
  const codes = new Set(tccs.map((t) => t.unitCode));
  for (const [code, m] of Object.entries(manual ?? {})) {
    if (codes.has(code)) continue;
    const name = m.ten || nameOf(code);
    out.push({
      rule: m.unmatchedSince ? "manual.unmatched" : "manual.orphan",
      unitCode: code,
      cells: [],
      message: {
        vi: `Trang Tổng hợp: quyết định nhập tay cho "${name}" chưa có dòng tương ứng (đơn vị không có trong danh mục đơn vị của lần tổng hợp này): ${describeManual(m)}. Quyết định được giữ ở mục "Quyết định chưa khớp" cuối trang Tổng hợp và tự điền lại khi đơn vị trở lại danh mục; không cần nhập lại.`,
        en: `Tổng hợp: the hand-filled decision for "${name}" has no row (the unit is not in this run's register): ${describeManual(m)}. It is kept under "Quyết định chưa khớp" at the end of the Tổng hợp sheet and put back when the unit returns; no need to type it again.`,
      },
    });
  }
  const keys = new Set(leaders.map((l) => l.key));
  for (const [key, m] of Object.entries(leaderManual ?? {})) {
    if (keys.has(key)) continue;
    out.push({
      rule: m.unmatchedSince ? "manual.unmatched-leader" : "manual.orphan-leader",
      unitCode: m.unitCode,
      cells: [],
      message: {
        vi: `Trang Lãnh đạo: quyết định nhập tay cho "${m.ten}" (${m.chucVu || "không rõ chức vụ"}, ${nameOf(m.unitCode)}) chưa có dòng tương ứng trong mẫu 3.15 của lần tổng hợp này (tệp chưa nộp hoặc bị loại, dòng bị loại vì lỗi, hoặc họ tên, chức vụ, đơn vị ghi khác): ${describeManual(m)}. Quyết định được giữ ở mục "Quyết định chưa khớp" cuối trang Lãnh đạo và tự điền lại khi dòng trở lại; nếu họ tên hoặc chức vụ đã đổi, hãy nhập lại vào dòng mới.`,
        en: `Lãnh đạo: the hand-filled decision for "${m.ten}" (${m.chucVu || "position unknown"}, ${nameOf(m.unitCode)}) has no row in this run's 3.15 (file missing or left out, row refused, or name, position or unit written differently): ${describeManual(m)}. It is kept under "Quyết định chưa khớp" at the end of the Lãnh đạo sheet and put back when the row returns; if the name or position changed, type it on the new row.`,
      },
    });
  }
  return out;
}

/** The level that counts for a TCCS: decided, else proposed, else suggested. */
export function effectiveLevel(
  t: TccsClassification,
  manual?: ManualColumns
): { level: LevelCode; basis: string } | null {
  const m = manual?.[t.unitCode];
  if (m?.quyetDinhBtv) return { level: m.quyetDinhBtv, basis: "Quyết định BTV" };
  if (m?.deXuatBtc) return { level: m.deXuatBtc, basis: "Đề xuất BTC" };
  if (t.suggested) return { level: t.suggested, basis: "đề xuất của hệ thống" };
  return null;
}

export function classifyAll(
  c: Consolidation,
  ctx: ClassifyContext
): { classification: Classification; quota: QuotaResult } {
  const idx = new RowIndex(c);
  const { ruleSet, register, manual, leaderManual } = ctx;
  // Names by code, indexed once (the first unit of a code, as a find would give).
  const names = new Map<string, string>();
  for (const u of register.units) if (!names.has(u.code)) names.set(u.code, u.name);
  const env: ClassifyEnv = {
    lookup: (t, u) => idx.get(t, u),
    catalog: ctx.catalog,
    unitName: (code) => names.get(code),
  };
  const tccs = sortedUnits(register, ["tccs"]).map((u) => classifyTccs(u, ruleSet, env));
  const warnings: ClassWarning[] = tccs.flatMap((t) => t.findings);

  // Hand-filled levels above the cap need a reason (brief §4, lyDoVuotTran).
  for (const t of tccs) {
    const m = manual?.[t.unitCode];
    if (!m || (m.lyDoVuotTran ?? "").trim()) continue;
    for (const [col, label] of [
      ["deXuatBtc", "Đề xuất BTC"],
      ["quyetDinhBtv", "Quyết định BTV"],
    ] as const) {
      const lvl = m[col];
      if (lvl && rankOf(lvl) > rankOf(t.cap)) {
        warnings.push({
          rule: "lyDoVuotTran.required",
          unitCode: t.unitCode,
          cells: [],
          message: {
            vi: `${t.unitName}: ${label} là ${lvl}, cao hơn mức trần ${t.cap} theo quy tắc. Hãy ghi "Lý do vượt trần".`,
            en: `${t.unitName}: ${col} is ${lvl}, above the cap ${t.cap}. Fill in the reason for exceeding the cap.`,
          },
        });
      }
    }
  }

  const levels = new Map<string, UnitLevel>();
  for (const t of tccs) {
    const e = effectiveLevel(t, manual);
    const self = idx.get(ruleSet.quota.members.templateId, t.unitCode)?.provenance["tuXepLoai"];
    if (e)
      levels.set(t.unitCode, {
        ...e,
        unitName: t.unitName,
        cells: e.basis === "đề xuất của hệ thống" && self ? [self] : [],
      });
  }
  const leaderRows = c.rows.filter((r) => r.templateId === ruleSet.leaders.templateId);
  const manualOf = (r: (typeof leaderRows)[number]) => {
    const ten = typeof r.values["ten"] === "string" ? r.values["ten"] : "";
    const chucVu = typeof r.values["chucVu"] === "string" ? r.values["chucVu"] : "";
    return leaderManual?.[leaderKey(r.unitCode, ten, chucVu)];
  };
  // Bodies of the town and agencies: their level is their leadership collective's (3.15).
  for (const [code, level] of collectiveLevels(leaderRows, register, manualOf))
    levels.set(code, level);
  const leaders = leaderRows.map((r) => classifyLeader(r, ruleSet, register, levels, manualOf(r)));
  for (const l of leaders) {
    const m = leaderManual?.[l.key];
    if (!m || (m.lyDoVuotTran ?? "").trim()) continue;
    for (const [col, label] of [
      ["deXuatBtc", "Đề xuất BTC"],
      ["quyetDinhBtv", "Quyết định BTV"],
    ] as const) {
      const lvl = m[col];
      if (lvl && rankOf(lvl) > rankOf(l.cap))
        warnings.push({
          rule: "lyDoVuotTran.required",
          unitCode: l.unitCode,
          cells: [],
          message: {
            vi: `${l.ten} (trang Lãnh đạo): ${label} là ${lvl}, cao hơn mức trần ${l.cap} theo quy tắc. Hãy ghi "Lý do vượt mức tối đa".`,
            en: `${l.ten} (leaders sheet): ${col} is ${lvl}, above the cap ${l.cap}. Fill in the reason for exceeding the cap.`,
          },
        });
    }
  }
  warnings.push(
    ...orphanWarnings(tccs, leaders, manual, leaderManual, (code) => names.get(code) ?? code)
  );
  for (const l of leaders) {
    for (const w of l.warnings)
      warnings.push({
        rule: "leader.above-unit",
        unitCode: l.unitCode,
        message: w,
        cells: l.warningCells,
      });
  }

  // The 2019 scale and the two-tier one (2025: chi bộ thôn, tổ dân phố …) name the groups.
  const loaiHinhValues = [...getEnum("loaiHinh").values, ...getEnum("loaiHinhCoSo").values];
  const quotaRows: QuotaRow[] = tccs.map((t) => ({
    unitCode: t.unitCode,
    unitName: t.unitName,
    group: t.loaiHinh ?? "KHAC",
    groupLabel: loaiHinhValues.find((v) => v.code === t.loaiHinh)?.label.vi ?? "Chưa rõ loại hình",
    level: effectiveLevel(t, manual)?.level ?? null,
  }));
  const reports = tccs
    .map((t) => ({
      unitName: t.unitName,
      row: idx.get(ruleSet.quota.members.templateId, t.unitCode),
    }))
    .filter((x): x is { unitName: string; row: NonNullable<typeof x.row> } => !!x.row);
  const quota: QuotaResult = {
    ratio: ruleSet.quota.ratio,
    quotaBase: ruleSet.quota.quotaBase,
    rounding: ruleSet.quota.rounding,
    source: ruleSet.quota.source,
    organisationsSource: ruleSet.quota.organisations.source ?? ruleSet.quota.source,
    groupBy: ruleSet.quota.organisations.groupBy,
    organisations: quotaPass(quotaRows, ruleSet),
    members: memberQuota(reports, ruleSet),
  };
  return { classification: { ruleSetId: ruleSet.id, tccs, leaders, warnings }, quota };
}
