/**
 * Levels from a score (QĐ 366): the bands of the rule set, highest first. A band is reached when
 * the score is at least its minimum AND every condition holds; otherwise the next band is tried.
 * Each step leaves a reason naming the score, the conditions that failed (or had no data) and the
 * article of the band.
 */
import { sourceInWords } from "../rules/source-words";
import type { CellSource } from "../consolidate/types";
import { formatNumberVi } from "../i18n";
import type { BandCondition, LevelCode, ScoreBand } from "../rules/types";
import type { Value } from "../validate/types";
import type { Reason } from "./types";

export function conditionHolds(c: BandCondition, v: Value | undefined): boolean {
  switch (c.op) {
    case "true":
      return v === true;
    case "false":
      return v === false;
    case "filled":
      return v !== null && v !== undefined && v !== "";
    case "eq":
      return v === c.value;
    case "ne":
      return v !== c.value;
    default: {
      if (typeof v !== "number" || typeof c.value !== "number") return false;
      return c.op === "gte"
        ? v >= c.value
        : c.op === "lte"
          ? v <= c.value
          : c.op === "gt"
            ? v > c.value
            : v < c.value;
    }
  }
}

const isEmpty = (v: Value | undefined) => v === null || v === undefined || v === "";

export interface BandInput {
  score: number;
  values: Record<string, Value>;
  bands: ScoreBand[];
  fallback: LevelCode;
  /** Cited when a band or the fallback has no source of its own. */
  source: string;
  fallbackSource?: string;
  cells: CellSource[];
  /** Cells of a condition's column, to point at what failed. */
  cellOf?: (key: string) => CellSource | undefined;
  /** "Điểm" or "Phan Thị Nga: điểm" — what the reasons start with. */
  subject?: string;
}

export function levelFromBands(input: BandInput): { level: LevelCode; reasons: Reason[] } {
  const { score, values, cells } = input;
  const who = input.subject ? `${input.subject}: điểm` : "Điểm";
  const whoEn = input.subject ? `${input.subject}: score` : "Score";
  const s = formatNumberVi(score);
  const reasons: Reason[] = [];
  for (const band of [...input.bands].sort((a, b) => b.min - a.min)) {
    if (score < band.min) continue;
    const source = band.source ?? input.source;
    const words = sourceInWords(source);
    const failed = band.conditions.filter((c) => !conditionHolds(c, values[c.key]));
    if (failed.length === 0) {
      const met = band.conditions.map((c) => c.label.vi).join("; ");
      reasons.push({
        ruleId: `band.${band.level}`,
        kind: "info",
        maxLevel: null,
        source,
        cells,
        message: {
          vi: `${who} ${s} ≥ ${formatNumberVi(band.min)}${met ? ` và đạt điều kiện: ${met}` : ""} → ${band.level} (${words.vi}).`,
          en: `${whoEn} ${score} ≥ ${band.min}${met ? ` with its conditions` : ""} → ${band.level} (${words.en}).`,
        },
      });
      return { level: band.level, reasons };
    }
    const what = failed
      .map((c) => (isEmpty(values[c.key]) ? `${c.label.vi} (chưa có số liệu)` : c.label.vi))
      .join("; ");
    const whatEn = failed
      .map((c) => (isEmpty(values[c.key]) ? `${c.label.en} (no data)` : c.label.en))
      .join("; ");
    const failedCells = failed
      .map((c) => input.cellOf?.(c.key))
      .filter((c): c is CellSource => !!c);
    reasons.push({
      ruleId: `band.${band.level}`,
      kind: "cap",
      maxLevel: null,
      source,
      cells: [...cells, ...failedCells],
      message: {
        vi: `${who} ${s} ≥ ${formatNumberVi(band.min)} nhưng chưa đạt điều kiện mức ${band.level}: ${what} (${words.vi}).`,
        en: `${whoEn} ${score} ≥ ${band.min} but the conditions for ${band.level} fail: ${whatEn} (${words.en}).`,
      },
    });
  }
  const lowest = Math.min(...input.bands.map((b) => b.min));
  const source = input.fallbackSource ?? input.source;
  const words = sourceInWords(source);
  reasons.push({
    ruleId: `band.${input.fallback}`,
    kind: "info",
    maxLevel: null,
    source,
    cells,
    message: {
      vi:
        score < lowest
          ? `${who} ${s} dưới ${formatNumberVi(lowest)} → ${input.fallback} (${words.vi}).`
          : `${who} ${s}, không đạt điều kiện của mức nào ở trên → ${input.fallback} (${words.vi}).`,
      en:
        score < lowest
          ? `${whoEn} ${score} below ${lowest} → ${input.fallback} (${words.en}).`
          : `${whoEn} ${score}, no band's conditions met → ${input.fallback} (${words.en}).`,
    },
  });
  return { level: input.fallback, reasons };
}
