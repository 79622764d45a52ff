/**
 * Leadership collectives and individual leaders (3.15): the civil-servant rule (an individual who is
 * a civil servant cannot be HTXSNV unless rated HTXSNV as a civil servant, HD 21 2.3) and the
 * warning when a leader is rated above the TCCS of the unit they head [P].
 */
import type { CellSource, ConsolidatedRow } from "../consolidate/types";
import type { LocalizedText } from "../i18n";
import { canonicalVietnamese } from "../normalize/text";
import { isLevel, lowerOf, rankOf } from "../rules/levels";
import type { LevelCode, RuleSet } from "../rules/types";
import type { UnitRegister } from "../units/types";
import { levelFromBands } from "./bands";
import type { LeaderClassification, LeaderManualEntry, Reason } from "./types";

/**
 * The identity of a leader or collective across runs: unit code, name and position, each compared
 * as unit names are (canonicalVietnamese: NFC, lower case, spaces collapsed, one tone placement).
 * "Nguyễn  Văn An" and "nguyễn văn an" are the same person; "Bí thư Đảng uỷ" and "Bí thư Đảng ủy"
 * the same position. Diacritics are kept: "Thuy" and "Thủy" stay different.
 */
export function leaderKey(unitCode: string, ten: string, chucVu: string): string {
  return [unitCode, ten, chucVu].map(canonicalVietnamese).join(" | ");
}

export interface UnitLevel {
  level: LevelCode;
  /** Which column the level comes from, for the message. */
  basis: string;
  unitName: string;
  /** Where the unit's level comes from (the 3.14 self-rating), when it comes from a file. */
  cells?: CellSource[];
}

/** The TCCS a unit code belongs to: itself, or the TCCS whose locality it is. */
export function tccsOfUnit(register: UnitRegister, code: string): string | null {
  const u = register.units.find((x) => x.code === code);
  if (!u) return null;
  if (u.kind === "tccs") return u.code;
  return register.units.find((x) => x.kind === "tccs" && x.localityCode === code)?.code ?? null;
}

export function classifyLeader(
  row: ConsolidatedRow,
  ruleSet: RuleSet,
  register: UnitRegister,
  unitLevels: Map<string, UnitLevel>,
  /** Hand-filled columns of the previous master for this leader (by leaderKey), if any. */
  manual?: LeaderManualEntry
): LeaderClassification {
  const v = row.values;
  const str = (k: string) => (typeof v[k] === "string" && v[k] !== "" ? (v[k] as string) : null);
  const tuXepLoai = isLevel(v["tuXepLoai"]) ? v["tuXepLoai"] : null;
  const deXuat = isLevel(v["deXuat"]) ? v["deXuat"] : null;
  const laTapThe = v["laTapThe"] === true;
  const rules = ruleSet.leaders;
  const cs = rules.civilServant;
  const cbccvc = cs ? str(cs.key) : null;
  const cell = (k: string): CellSource[] => (row.provenance[k] ? [row.provenance[k]!] : []);
  const reasons: Reason[] = [];
  const warnings: LocalizedText[] = [];
  const warningCells: CellSource[] = [];
  let cap: LevelCode = "HTXSNV";
  const ten = str("ten") ?? "";
  if (cs && !laTapThe && cbccvc && cbccvc !== cs.requiredLevel) {
    cap = lowerOf(cap, cs.maxUnless);
    // A rating above what the rule allows is a rating error: the person stays on the list, marked.
    for (const [k, what] of [
      ["tuXepLoai", "Tự xếp loại"],
      ["deXuat", "Tập thể đề xuất"],
    ] as const) {
      const given = k === "tuXepLoai" ? tuXepLoai : deXuat;
      if (!given || rankOf(given) <= rankOf(cs.maxUnless)) continue;
      warningCells.push(...cell(k), ...cell(cs.key));
      warnings.push({
        vi: `${ten}: ${what} là ${given} nhưng xếp loại cán bộ, công chức, viên chức là ${cbccvc} — mức xếp loại chưa đúng quy định (${cs.source}); vẫn giữ trong danh sách, đề xuất tối đa ${cs.maxUnless}. Hãy đề nghị đơn vị sửa mẫu 3.15.`,
        en: `${ten}: ${k} is ${given} but the civil-servant rating is ${cbccvc} — the rating breaks the rule (${cs.source}); kept on the list, at most ${cs.maxUnless}. Ask the unit to correct 3.15.`,
      });
    }
    reasons.push({
      ruleId: "leader.civil-servant",
      kind: "cap",
      maxLevel: cs.maxUnless,
      source: cs.source,
      cells: cell(cs.key),
      message: {
        vi: `${ten}: xếp loại CBCCVC là ${cbccvc}, không phải ${cs.requiredLevel} → tối đa ${cs.maxUnless} (${cs.source}).`,
        en: `${ten}: civil-servant level ${cbccvc}, not ${cs.requiredLevel} → at most ${cs.maxUnless} (${cs.source}).`,
      },
    });
  }
  // QĐ 366: the level comes from the leader's score and conditions (3.15 row), then the caps.
  const sb = rules.scoreBands;
  let scored: LevelCode | null = null;
  if (sb) {
    const score = typeof v[sb.key] === "number" ? (v[sb.key] as number) : null;
    if (score === null) {
      reasons.push({
        ruleId: "leader.score",
        kind: "missing",
        maxLevel: null,
        source: ruleSet.source,
        cells: cell(sb.key),
        message: {
          vi: `${ten}: chưa có điểm đánh giá nên hệ thống chưa đề xuất mức.`,
          en: `${ten}: no score, so no suggestion.`,
        },
      });
    } else {
      const banded = levelFromBands({
        score,
        values: v,
        bands: sb.bands,
        fallback: sb.fallback,
        source: ruleSet.source,
        fallbackSource: sb.fallbackSource,
        cells: cell(sb.key),
        cellOf: (k) => row.provenance[k],
        subject: ten,
      });
      scored = banded.level;
      reasons.unshift(...banded.reasons);
    }
  }
  // The leader's level that counts: decided by the Standing Committee, else proposed, else the file's.
  // Scored (QĐ 366): the level from the score stands in for the file's own rating.
  const fileLevel = sb ? scored : (deXuat ?? tuXepLoai);
  const fileBasis = sb ? "điểm đánh giá" : deXuat ? "tập thể đề xuất" : "tự xếp loại";
  const own = manual?.quyetDinhBtv ?? manual?.deXuatBtc ?? fileLevel;
  const ownBasis = manual?.quyetDinhBtv
    ? "Quyết định BTV"
    : manual?.deXuatBtc
      ? "Đề xuất BTC"
      : fileBasis;
  // The level of the unit the leader (or collective) heads caps the leader's suggestion.
  if (rules.capAtUnit) {
    const tccs = tccsOfUnit(register, row.unitCode);
    const unit = tccs ? unitLevels.get(tccs) : undefined;
    if (unit && rankOf(unit.level) < rankOf(cap)) {
      cap = lowerOf(cap, unit.level);
      reasons.push({
        ruleId: "leader.cap-at-unit",
        kind: "cap",
        maxLevel: unit.level,
        source: rules.capAtUnit.source,
        cells: unit.cells ?? [],
        message: {
          vi: `${unit.unitName} được xếp ${unit.level} (theo ${unit.basis}); đánh giá cá nhân, tập thể lãnh đạo gắn với đơn vị mình lãnh đạo → tối đa ${unit.level} (${rules.capAtUnit.source}).`,
          en: `${unit.unitName} is at ${unit.level} (from ${unit.basis}); a leader is rated with the unit they head → at most ${unit.level}.`,
        },
      });
    }
  }
  if (rules.aboveUnitWarning && !laTapThe && own) {
    const tccs = tccsOfUnit(register, row.unitCode);
    const unit = tccs ? unitLevels.get(tccs) : undefined;
    if (unit && rankOf(own) > rankOf(unit.level)) {
      if (!manual?.quyetDinhBtv && !manual?.deXuatBtc)
        warningCells.push(...cell(sb ? sb.key : deXuat ? "deXuat" : "tuXepLoai"));
      warningCells.push(...(unit.cells ?? []));
      warnings.push({
        vi: `${ten} (${str("chucVu") ?? "lãnh đạo"}) được xếp ${own} (theo ${ownBasis}), cao hơn ${unit.unitName} (${unit.level}, theo ${unit.basis}). Hãy xem lại (${rules.aboveUnitWarning.source}).`,
        en: `${ten} is rated ${own}, above ${unit.unitName} (${unit.level}, from ${unit.basis}). Please review.`,
      });
    }
  }
  return {
    key: leaderKey(row.unitCode, ten, str("chucVu") ?? ""),
    unitCode: row.unitCode,
    ten,
    chucVu: str("chucVu") ?? "",
    laTapThe,
    tuXepLoai,
    deXuat,
    xepLoaiCbccvc: cbccvc,
    cap,
    suggested: sb ? (scored ? lowerOf(scored, cap) : null) : own ? lowerOf(own, cap) : null,
    reasons,
    warnings,
    warningCells,
    rowNumber: row.rowNumber,
    file: row.source.file,
  };
}
