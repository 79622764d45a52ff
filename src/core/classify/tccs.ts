/**
 * Suggests a level for one TCCS from the rule set (data): start from the self-rating (or a score
 * band), then apply every cap whose data says so. Every step leaves a reason with its numbers and
 * source. Missing data is a reason too, never a silent assumption.
 */
import type { CellSource, ConsolidatedRow } from "../consolidate/types";
import { templateLabel as labelOfTemplate } from "../templates/catalog";
import { formatNumberVi, type Lang, type LocalizedText } from "../i18n";
import { sourceInWords } from "../rules/source-words";
import { isLevel, lowerOf, rankOf } from "../rules/levels";
import type { CapRule, CapTest, DataRef, LevelCode, RuleSet } from "../rules/types";
import type { TemplateSpec } from "../templates/spec";
import type { Unit } from "../units/types";
import type { Value } from "../validate/types";
import { levelFromBands } from "./bands";
import { evaluateEvidence, where } from "./evidence";
import type { ClassWarning, Reason, TccsClassification } from "./types";

/** Finds the consolidated row of a template for a unit code. */
export type RowLookup = (
  templateId: string,
  unitCode: string | undefined | null
) => ConsolidatedRow | null;

export interface ClassifyEnv {
  lookup: RowLookup;
  /** Name of a unit code (for "chưa có số liệu của Xã Thủy Tân"). */
  unitName?(code: string): string | undefined;
  /** Template specs, for column headers in reasons (falls back to keys). */
  catalog?: readonly TemplateSpec[];
}

const pct = (x: number) => `${formatNumberVi(x * 100)}%`;

function label(env: ClassifyEnv, templateId: string, key: string, lang: Lang = "vi"): string {
  const spec = env.catalog?.find((s) => s.id === templateId);
  return spec?.columns.find((c) => c.key === key)?.header[lang] ?? key;
}

function templateLabel(env: ClassifyEnv, templateId: string, lang: Lang = "vi"): string {
  return labelOfTemplate(templateId, env.catalog ?? undefined)[lang];
}

export function joinRow(env: ClassifyEnv, unit: Unit, ref: DataRef): ConsolidatedRow | null {
  const code = ref.joinBy === "unitCode" ? unit.code : unit.localityCode;
  return env.lookup(ref.templateId, code);
}

interface TestOutcome {
  triggered: boolean;
  detail: LocalizedText | null;
  /** Keys the test needed that are empty. */
  missing: string[];
  cells: CellSource[];
}

const num = (v: Value | undefined): number | null => (typeof v === "number" ? v : null);

function runTest(env: ClassifyEnv, row: ConsolidatedRow, test: CapTest): TestOutcome {
  const t = row.templateId;
  const cells = (keys: string[]) =>
    keys.map((k) => row.provenance[k]).filter((c): c is CellSource => !!c);
  switch (test.kind) {
    case "ratioBelow":
    case "ratioAbove": {
      const keys = [...test.numerator, test.denominator];
      const missing = keys.filter((k) => num(row.values[k]) === null);
      if (missing.length) return { triggered: false, detail: null, missing, cells: cells(keys) };
      const n = test.numerator.reduce((s, k) => s + num(row.values[k])!, 0);
      const d = num(row.values[test.denominator])!;
      if (d === 0) return { triggered: false, detail: null, missing: [], cells: cells(keys) };
      const share = n / d;
      const below = test.kind === "ratioBelow";
      const triggered = below ? share < test.threshold : share > test.threshold;
      const numLabel = test.numerator.map((k) => label(env, t, k)).join(" + ");
      const denLabel = label(env, t, test.denominator);
      const numLabelEn = test.numerator.map((k) => label(env, t, k, "en")).join(" + ");
      const denLabelEn = label(env, t, test.denominator, "en");
      const op = below ? (triggered ? "<" : "≥") : triggered ? ">" : "≤";
      return {
        triggered,
        missing: [],
        cells: cells(keys),
        detail: {
          vi: `(${numLabel}) / ${denLabel} = ${n}/${d} = ${pct(share)} ${op} ${pct(test.threshold)}`,
          en: `(${numLabelEn}) / ${denLabelEn} = ${n}/${d} = ${pct(share)} ${op} ${pct(test.threshold)}`,
        },
      };
    }
    case "anyPositive": {
      const missing = test.keys.filter((k) => num(row.values[k]) === null);
      const hits = test.keys.filter((k) => (num(row.values[k]) ?? 0) > 0);
      return {
        triggered: hits.length > 0,
        missing,
        cells: cells(hits.length ? hits : test.keys),
        detail: hits.length
          ? {
              vi: hits.map((k) => `${label(env, t, k)} = ${row.values[k]}`).join(", "),
              en: hits.map((k) => `${label(env, t, k, "en")} = ${row.values[k]}`).join(", "),
            }
          : null,
      };
    }
    case "anyFalse": {
      // An empty checkbox counts as unticked: the condition is not proven.
      const hits = test.keys.filter((k) => row.values[k] !== true);
      return {
        triggered: hits.length > 0,
        missing: [],
        cells: cells(hits.length ? hits : test.keys),
        detail: hits.length
          ? {
              vi: `chưa đánh dấu: ${hits.map((k) => `"${label(env, t, k)}"`).join(", ")}`,
              en: `not ticked: ${hits.map((k) => `"${label(env, t, k, "en")}"`).join(", ")}`,
            }
          : null,
      };
    }
    case "anyTrue": {
      const hits = test.keys.filter((k) => row.values[k] === true);
      const missing = test.keys.filter(
        (k) => row.values[k] === null || row.values[k] === undefined
      );
      return {
        triggered: hits.length > 0,
        missing,
        cells: cells(hits.length ? hits : test.keys),
        detail: hits.length
          ? {
              vi: hits.map((k) => `"${label(env, t, k)}": có`).join(", "),
              en: hits.map((k) => `"${label(env, t, k, "en")}": yes`).join(", "),
            }
          : null,
      };
    }
    case "anyLevelBelow": {
      const filled = test.keys.filter((k) => isLevel(row.values[k]));
      const hits = filled.filter((k) => rankOf(row.values[k] as string) < rankOf(test.level));
      return {
        triggered: hits.length > 0,
        // A level column may legitimately be blank (a phường without Hội Nông dân); all blank is missing.
        missing: filled.length === 0 ? test.keys : [],
        cells: cells(hits.length ? hits : filled),
        detail: hits.length
          ? {
              vi: hits.map((k) => `${label(env, t, k)}: ${row.values[k]}`).join(", "),
              en: hits.map((k) => `${label(env, t, k, "en")}: ${row.values[k]}`).join(", "),
            }
          : null,
      };
    }
  }
}

export function resolveTccsForm(
  unit: Unit,
  report: ConsolidatedRow | null
): "dangBo" | "chiBo" | null {
  if (unit.tccsForm) return unit.tccsForm;
  const n = report ? num(report.values["soTcTrucThuoc"]) : null;
  if (n === null) return null;
  return n > 0 ? "dangBo" : "chiBo";
}

function capApplies(
  cap: CapRule,
  unit: Unit,
  form: "dangBo" | "chiBo" | null
): boolean | "unknown" {
  const a = cap.appliesTo;
  if (!a) return true;
  if (a.loaiHinh && (!unit.loaiHinh || !a.loaiHinh.includes(unit.loaiHinh))) return false;
  if (a.tccsForm) {
    if (!form) return "unknown";
    if (!a.tccsForm.includes(form)) return false;
  }
  return true;
}

/** Applies one cap to a unit; returns the reasons it produced (none when it did not trigger). */
export function applyCap(
  env: ClassifyEnv,
  cap: CapRule,
  unit: Unit,
  form: "dangBo" | "chiBo" | null
): Reason[] {
  const applies = capApplies(cap, unit, form);
  if (applies === false) return [];
  const row = joinRow(env, unit, cap.data);
  const src = sourceInWords(cap.source);
  const missingReason = (what: string, whatEn: string): Reason => {
    const capNow = cap.whenMissing === "cap";
    return {
      ruleId: cap.id,
      kind: "missing",
      maxLevel: capNow ? cap.maxLevel : null,
      source: cap.source,
      cells: [],
      message: {
        vi: `${cap.name.vi}: chưa có số liệu ${what}${capNow ? `, chưa đủ căn cứ xếp trên ${cap.maxLevel} → tạm tối đa ${cap.maxLevel}` : "; chưa xét được quy tắc này"} (${src.vi}).`,
        en: `${cap.name.en}: no data ${whatEn}${capNow ? `; cannot prove a level above ${cap.maxLevel} → at most ${cap.maxLevel} for now` : "; the rule could not be checked"} (${src.en}).`,
      },
    };
  };
  if (!row) {
    const joinNote =
      cap.data.joinBy === "localityCode" && !unit.localityCode
        ? " (đơn vị chưa gắn với xã/phường trong danh mục)"
        : "";
    return [
      missingReason(
        `${templateLabel(env, cap.data.templateId)}${joinNote}`,
        `from ${templateLabel(env, cap.data.templateId, "en")}`
      ),
    ];
  }
  if (applies === "unknown")
    return [
      missingReason(
        "để biết là Đảng bộ cơ sở hay Chi bộ cơ sở",
        "to tell a party committee from a cell"
      ),
    ];
  const outcomes = cap.triggers.map((t) => runTest(env, row, t));
  const hits = outcomes.filter((o) => o.triggered);
  if (hits.length > 0) {
    return [
      {
        ruleId: cap.id,
        kind: "cap",
        maxLevel: cap.maxLevel,
        source: cap.source,
        cells: hits.flatMap((h) => h.cells),
        message: {
          vi: `${cap.reason.vi}: ${hits.map((h) => h.detail!.vi).join("; ")} → tối đa ${cap.maxLevel} (${src.vi}).`,
          en: `${cap.reason.en}: ${hits.map((h) => h.detail!.en).join("; ")} → at most ${cap.maxLevel} (${src.en}).`,
        },
      },
    ];
  }
  const missing = [...new Set(outcomes.flatMap((o) => o.missing))];
  if (missing.length) {
    return [
      missingReason(
        `ở cột ${missing.map((k) => `"${label(env, cap.data.templateId, k)}"`).join(", ")}`,
        `in ${missing.map((k) => `"${label(env, cap.data.templateId, k, "en")}"`).join(", ")}`
      ),
    ];
  }
  return [];
}

/** The starting level and its reasons, per the rule set's method. */
function startLevel(
  env: ClassifyEnv,
  unit: Unit,
  ruleSet: RuleSet
): { level: LevelCode | null; reasons: Reason[]; self: LevelCode | null } {
  const m = ruleSet.method;
  if (m.kind === "selfRatingCapped") {
    const row = env.lookup(m.start.templateId, unit.code);
    const v = row?.values[m.start.key];
    const cells = row?.provenance[m.start.key] ? [row.provenance[m.start.key]!] : [];
    // No starting level, so no suggestion: the reason says what is missing and where.
    const noSuggestion = (message: LocalizedText) => ({
      level: null,
      self: null,
      reasons: [
        {
          ruleId: "start",
          kind: "missing" as const,
          maxLevel: null,
          source: ruleSet.source,
          cells,
          message,
        },
      ],
    });
    if (!row)
      return noSuggestion({
        vi: `Chưa có ${templateLabel(env, m.start.templateId)} của đơn vị nên chưa có tự xếp loại; hệ thống chưa đề xuất mức.`,
        en: `No ${templateLabel(env, m.start.templateId, "en")} from this unit, so no self-rating; no suggestion.`,
      });
    if (!isLevel(v))
      return noSuggestion({
        vi: `Ô "${label(env, m.start.templateId, m.start.key)}" còn trống; hệ thống chưa đề xuất mức.`,
        en: `The self-rating is empty; no suggestion.`,
      });
    return {
      level: v,
      self: v,
      reasons: [
        {
          ruleId: "start",
          kind: "info",
          maxLevel: null,
          source: ruleSet.source,
          cells,
          message: { vi: `Tự xếp loại: ${v}.`, en: `Self-rating: ${v}.` },
        },
      ],
    };
  }
  const row = env.lookup(m.score.templateId, unit.code);
  const score = row ? num(row.values[m.score.key]) : null;
  const cells = row?.provenance[m.score.key] ? [row.provenance[m.score.key]!] : [];
  if (score === null) {
    return {
      level: null,
      self: null,
      reasons: [
        {
          ruleId: "method",
          kind: "missing",
          maxLevel: null,
          source: ruleSet.source,
          cells,
          message: {
            vi: `Chưa có điểm đánh giá ("${label(env, m.score.templateId, m.score.key)}", ${templateLabel(env, m.score.templateId)}); hệ thống chưa đề xuất mức.`,
            en: `No score ("${label(env, m.score.templateId, m.score.key, "en")}", ${templateLabel(env, m.score.templateId, "en")}); no suggestion.`,
          },
        },
      ],
    };
  }
  const banded = levelFromBands({
    score,
    values: row!.values,
    bands: m.bands,
    fallback: m.fallback,
    source: ruleSet.source,
    fallbackSource: m.fallbackSource,
    cells,
    cellOf: (k) => row!.provenance[k],
  });
  return { level: banded.level, self: null, reasons: banded.reasons };
}

/**
 * Members disciplined in the year (UBKT) above members rated KHTNV (3.14): an error-level finding,
 * and the report row seen by the caps carries the larger count (caps 2 and 6 read it).
 */
function memberCheck(
  env: ClassifyEnv,
  unit: Unit,
  ruleSet: RuleSet,
  report: ConsolidatedRow | null
): { report: ConsolidatedRow | null; findings: ClassWarning[] } {
  const mc = ruleSet.evidence.memberCheck;
  if (!mc || !report) return { report, findings: [] };
  const ub = env.lookup(mc.disciplined.templateId, unit.code);
  const d = ub ? num(ub.values[mc.disciplined.key]) : null;
  const k = num(report.values[mc.khtnvKey]);
  if (d === null || k === null || d <= k) return { report, findings: [] };
  const dCell = ub!.provenance[mc.disciplined.key];
  const kCell = report.provenance[mc.khtnvKey];
  const cells = [dCell, kCell].filter((c): c is CellSource => !!c);
  const adjusted: ConsolidatedRow = {
    ...report,
    values: { ...report.values, [mc.khtnvKey]: d },
    provenance: dCell ? { ...report.provenance, [mc.khtnvKey]: dCell } : report.provenance,
  };
  return {
    report: adjusted,
    findings: [
      {
        rule: "evidence.members-disciplined",
        severity: "error",
        unitCode: unit.code,
        cells,
        message: {
          vi: `${unit.name}: ${templateLabel(env, mc.disciplined.templateId)} ghi ${d} đảng viên bị kỷ luật trong năm (${where(dCell)}) nhưng báo cáo của đơn vị chỉ có ${k} đảng viên KHTNV (${where(kCell)}); đảng viên bị kỷ luật trong năm xếp loại KHTNV. Các điều kiện về đảng viên tính theo số lớn hơn (${d}). Hãy đối chiếu và sửa báo cáo.`,
          en: `${unit.name}: ${d} members disciplined this year (${where(dCell)}) but only ${k} members rated KHTNV in the report (${where(kCell)}); a member disciplined in the year is KHTNV. The member conditions use the larger count (${d}). Reconcile and fix the report.`,
        },
      },
    ],
  };
}

/** Suggested level and every reason for one TCCS. */
export function classifyTccs(unit: Unit, ruleSet: RuleSet, env: ClassifyEnv): TccsClassification {
  const reportId = ruleSet.quota.members.templateId;
  const checked = memberCheck(env, unit, ruleSet, env.lookup(reportId, unit.code));
  const report = checked.report;
  // The caps see the report with the larger KHTNV count.
  const capEnv: ClassifyEnv = {
    ...env,
    lookup: (t, u) => (t === reportId && u === unit.code ? report : env.lookup(t, u)),
  };
  const form = resolveTccsForm(unit, report);
  const start = startLevel(env, unit, ruleSet);
  const reasons: Reason[] = [...start.reasons];
  let cap: LevelCode = "HTXSNV";
  for (const rule of ruleSet.caps) {
    for (const r of applyCap(capEnv, rule, unit, form)) {
      reasons.push(r);
      if (r.maxLevel) cap = lowerOf(cap, r.maxLevel);
    }
  }
  const evidence = evaluateEvidence(env, ruleSet, unit, report);
  for (const r of evidence.reasons) {
    reasons.push(r);
    if (r.maxLevel) cap = lowerOf(cap, r.maxLevel);
  }
  const findings: ClassWarning[] = [
    ...checked.findings,
    ...evidence.warnings.map((w) => ({
      rule: "evidence.warn",
      severity: "warning" as const,
      unitCode: unit.code,
      cells: w.cells,
      message: { vi: `${unit.name}: ${w.message.vi}`, en: `${unit.name}: ${w.message.en}` },
    })),
  ];
  return {
    unitCode: unit.code,
    unitName: unit.name,
    loaiHinh: unit.loaiHinh ?? null,
    tccsForm: form,
    selfRating: start.self,
    cap,
    suggested: start.level ? lowerOf(start.level, cap) : null,
    reasons,
    complete: !reasons.some((r) => r.kind === "missing"),
    criteria: evidence.criteria,
    findings,
  };
}
