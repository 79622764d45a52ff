/**
 * Leadership collectives and individual leaders (3.15): the civil-servant rule (an individual who is
 * a civil servant cannot be HTXSNV unless rated HTXSNV as a civil servant, HD 21 2.3) and the link
 * with the unit they head ("gắn đánh giá cá nhân với tập thể"): capped at, or warned above, that
 * unit's level. The unit's level is its TCCS's for a TCCS or a locality, and the level of its own
 * leadership-collective row in 3.15 for a body of the town (plan III.1.2) or an agency.
 */
import type { CellSource, ConsolidatedRow } from "../consolidate/types";
import { sourceInWords } from "../rules/source-words";
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

/**
 * The unit whose level a leader of `code` is linked to: the TCCS (of a TCCS or a locality), or,
 * for any other unit (a body of the town, an agency), the unit itself through its collective row.
 */
export interface HeadedUnit {
  code: string;
  name: string;
  via: "tccs" | "collective";
}

export function headedUnit(register: UnitRegister, code: string): HeadedUnit | null {
  const u = register.units.find((x) => x.code === code);
  if (!u) return null;
  const tccs = tccsOfUnit(register, code);
  if (tccs) {
    const t = register.units.find((x) => x.code === tccs)!;
    return { code: t.code, name: t.name, via: "tccs" };
  }
  return { code: u.code, name: u.name, via: "collective" };
}

const levelOf = (v: unknown): LevelCode | null => (isLevel(v) ? v : null);

/**
 * The levels of the units led through a collective row (bodies of the town, agencies): per unit
 * code, the lowest level among its 3.15 rows marked "Là tập thể" — decided, else proposed, else the
 * collective's proposal or self-rating. TCCS are not here: their level is the TCCS's own.
 */
export function collectiveLevels(
  rows: readonly ConsolidatedRow[],
  register: UnitRegister,
  manualOf: (row: ConsolidatedRow) => LeaderManualEntry | undefined
): Map<string, UnitLevel> {
  const out = new Map<string, UnitLevel>();
  for (const row of rows) {
    if (row.values["laTapThe"] !== true) continue;
    const headed = headedUnit(register, row.unitCode);
    if (!headed || headed.via !== "collective") continue;
    const m = manualOf(row);
    const deXuat = levelOf(row.values["deXuat"]);
    const tuXepLoai = levelOf(row.values["tuXepLoai"]);
    const level = m?.quyetDinhBtv ?? m?.deXuatBtc ?? deXuat ?? tuXepLoai;
    if (!level) continue;
    const basis = m?.quyetDinhBtv
      ? "Quyết định BTV"
      : m?.deXuatBtc
        ? "Đề xuất BTC"
        : deXuat
          ? "tập thể đề xuất"
          : "tự xếp loại";
    const key = m?.quyetDinhBtv || m?.deXuatBtc ? null : deXuat ? "deXuat" : "tuXepLoai";
    const cell = key ? row.provenance[key] : undefined;
    const ten = typeof row.values["ten"] === "string" ? row.values["ten"] : "";
    const prev = out.get(headed.code);
    if (prev && rankOf(prev.level) <= rankOf(level)) continue;
    out.set(headed.code, {
      level,
      basis,
      unitName:
        ten && canonicalVietnamese(ten) !== canonicalVietnamese(headed.name)
          ? `Tập thể lãnh đạo ${headed.name} (“${ten}”, mẫu 3.15)`
          : `Tập thể lãnh đạo ${headed.name} (mẫu 3.15)`,
      cells: cell ? [cell] : [],
    });
  }
  return out;
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
    const csSource = sourceInWords(cs.source);
    for (const [k, what, whatEn] of [
      ["tuXepLoai", "Tự xếp loại", "Self-rating"],
      ["deXuat", "Tập thể đề xuất", "The collective's proposal"],
    ] as const) {
      const given = k === "tuXepLoai" ? tuXepLoai : deXuat;
      if (!given || rankOf(given) <= rankOf(cs.maxUnless)) continue;
      warningCells.push(...cell(k), ...cell(cs.key));
      warnings.push({
        vi: `${ten}: ${what} là ${given} nhưng xếp loại cán bộ, công chức, viên chức là ${cbccvc} — mức xếp loại chưa đúng quy định (${csSource.vi}); vẫn giữ trong danh sách, đề xuất tối đa ${cs.maxUnless}. Hãy đề nghị đơn vị sửa mẫu 3.15.`,
        en: `${ten}: ${whatEn} is ${given} but the civil-servant rating is ${cbccvc} — the rating breaks the rule (${csSource.en}); kept on the list, at most ${cs.maxUnless}. Ask the unit to correct 3.15.`,
      });
    }
    reasons.push({
      ruleId: "leader.civil-servant",
      kind: "cap",
      maxLevel: cs.maxUnless,
      source: cs.source,
      cells: cell(cs.key),
      message: {
        vi: `${ten}: xếp loại CBCCVC là ${cbccvc}, không phải ${cs.requiredLevel} → tối đa ${cs.maxUnless} (${csSource.vi}).`,
        en: `${ten}: civil-servant level ${cbccvc}, not ${cs.requiredLevel} → at most ${cs.maxUnless} (${csSource.en}).`,
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
  // The level of the unit the leader (or collective) heads caps the leader's suggestion. A body's
  // own collective row IS that level: it is not capped by itself.
  const headed = headedUnit(register, row.unitCode);
  const isTheUnit = laTapThe && headed?.via === "collective";
  const unit = headed && !isTheUnit ? unitLevels.get(headed.code) : undefined;
  const unitSource = rules.capAtUnit ? sourceInWords(rules.capAtUnit.source) : null;
  if (rules.capAtUnit && headed && !isTheUnit && !unit) {
    const capNow = rules.capAtUnit.whenMissing === "cap";
    const max = rules.capAtUnit.missingMaxLevel;
    if (capNow) cap = lowerOf(cap, max);
    const why =
      headed.via === "tccs"
        ? {
            vi: `chưa có mức xếp loại của ${headed.name} (báo cáo mẫu 3.14 chưa nhận hoặc chưa tự xếp loại)`,
            en: `${headed.name} has no level yet (its 3.14 report not received or without a self-rating)`,
          }
        : {
            vi: `mẫu 3.15 chưa có dòng tập thể lãnh đạo của ${headed.name} (đánh dấu “Là tập thể”)`,
            en: `3.15 has no leadership-collective row of ${headed.name} (marked as a collective)`,
          };
    reasons.push({
      ruleId: "leader.unit-level-missing",
      kind: "missing",
      maxLevel: capNow ? max : null,
      source: rules.capAtUnit.source,
      cells: [],
      message: {
        vi: `${ten}: chưa đủ căn cứ để gắn với đơn vị mình lãnh đạo — ${why.vi}${capNow ? ` → tạm tối đa ${max}` : ""} (${unitSource!.vi}).`,
        en: `${ten}: not enough evidence to link with the unit they head — ${why.en}${capNow ? ` → at most ${max} for now` : ""} (${unitSource!.en}).`,
      },
    });
  }
  if (rules.capAtUnit) {
    if (unit && rankOf(unit.level) < rankOf(cap)) {
      cap = lowerOf(cap, unit.level);
      reasons.push({
        ruleId: "leader.cap-at-unit",
        kind: "cap",
        maxLevel: unit.level,
        source: rules.capAtUnit.source,
        cells: unit.cells ?? [],
        message: {
          vi: `${unit.unitName} được xếp ${unit.level} (theo ${unit.basis}); đánh giá cá nhân, tập thể lãnh đạo gắn với đơn vị mình lãnh đạo → tối đa ${unit.level} (${unitSource!.vi}).`,
          en: `${unit.unitName} is at ${unit.level} (from ${unit.basis}); a leader is rated with the unit they head → at most ${unit.level} (${unitSource!.en}).`,
        },
      });
    }
  }
  if (rules.aboveUnitWarning && !laTapThe && own) {
    if (unit && rankOf(own) > rankOf(unit.level)) {
      if (!manual?.quyetDinhBtv && !manual?.deXuatBtc)
        warningCells.push(...cell(sb ? sb.key : deXuat ? "deXuat" : "tuXepLoai"));
      warningCells.push(...(unit.cells ?? []));
      const above = sourceInWords(rules.aboveUnitWarning.source);
      warnings.push({
        vi: `${ten} (${str("chucVu") ?? "lãnh đạo"}) được xếp ${own} (theo ${ownBasis}), cao hơn ${unit.unitName} (${unit.level}, theo ${unit.basis}). Hãy xem lại (${above.vi}).`,
        en: `${ten} is rated ${own}, above ${unit.unitName} (${unit.level}, from ${unit.basis}). Please review (${above.en}).`,
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
