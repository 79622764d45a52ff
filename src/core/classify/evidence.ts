/**
 * The evidence engine: ONE interpreter for every evidence rule of a rule set (data). For each TCCS
 * and each rule it reads the department's row (the TCCS's locality or the TCCS itself), runs the
 * rule's test and says pass / fail / missing / not tested, with the value and the cell. A TCCS that
 * ticked a criterion "xuất sắc" while the evidence fails is capped; missing evidence is "chưa đủ
 * căn cứ", never a pass. The texts name department, file, sheet, cell and value, and carry no rule
 * id or [M] tag: they are for people (the provenance stays on "Nguồn số liệu").
 */
import type { CellSource, ConsolidatedRow } from "../consolidate/types";
import { formatNumberVi, type LocalizedText } from "../i18n";
import { CATALOG } from "../templates/catalog";
import { getEnum } from "../templates/enums";
import type { ColumnSpec, TemplateSpec } from "../templates/spec";
import type { CriterionKey, EvidenceRule, EvidenceTest, LevelCode, RuleSet } from "../rules/types";
import type { Unit } from "../units/types";
import type { Value } from "../validate/types";
import type { Reason } from "./types";

export type EvidenceStatus = "pass" | "fail" | "missing" | "notTested";

export interface EvidenceResult {
  ruleId: string;
  criterion: CriterionKey;
  templateId: string;
  /** The department, as people say it ("Tài chính – Kế hoạch"). */
  department: string;
  status: EvidenceStatus;
  /** The value read (null when missing). */
  value: Value | null;
  /** The finding in words, with department, file, sheet, cell, value and the comparison. */
  message: LocalizedText;
  /** The cells read (the value, and the compared column when the threshold is a column). */
  cells: CellSource[];
  consequence: "cap" | "warn";
  maxLevel: LevelCode | null;
  source: string;
}

export interface CriterionEvidence {
  criterion: CriterionKey;
  label: LocalizedText;
  /** What the TCCS ticked in its report (null: no report). */
  claimed: boolean | null;
  /** The checkbox cell of the report. */
  cell: CellSource | null;
  /**
   * ok: every tested rule holds; fails: a rule fails; insufficient: no rule fails but some
   * department's data is missing; none: no rule of the rule set reads evidence for it.
   */
  status: "ok" | "fails" | "insufficient" | "none";
  results: EvidenceResult[];
}

export interface EvidenceOutcome {
  criteria: CriterionEvidence[];
  /** Caps and "chưa đủ căn cứ" for the criteria the TCCS claimed. */
  reasons: Reason[];
  /** Failing warn-only rules for claimed criteria. */
  warnings: { message: LocalizedText; cells: CellSource[] }[];
}

export const CRITERIA: { key: CriterionKey; label: LocalizedText }[] = [
  {
    key: "tcXdDangXuatSac",
    label: {
      vi: "Xây dựng Đảng và hệ thống chính trị",
      en: "Party building and the political system",
    },
  },
  {
    key: "tcKtxhXuatSac",
    label: { vi: "Lãnh đạo KT-XH, QP-AN", en: "Socio-economic, defence and security leadership" },
  },
  { key: "tcConLaiTot", label: { vi: "Các tiêu chí còn lại", en: "The other criteria" } },
];

export interface EvidenceEnv {
  lookup(templateId: string, unitCode: string | undefined | null): ConsolidatedRow | null;
  catalog?: readonly TemplateSpec[];
  /** Name of a unit code, for "chưa có số liệu của Xã Thủy Tân". */
  unitName?(code: string): string | undefined;
}

/** What the rules read of one template: its spec, its columns by key, its department's name. */
interface TemplateFacts {
  spec: TemplateSpec | undefined;
  columns: Map<string, ColumnSpec>;
  department: string;
}

/**
 * TemplateFacts per environment and template, worked out once: every TCCS runs every rule, and
 * each rule asks for the same template, columns and department again.
 */
const FACTS = new WeakMap<EvidenceEnv, Map<string, TemplateFacts>>();

function factsOf(env: EvidenceEnv, id: string): TemplateFacts {
  let byTemplate = FACTS.get(env);
  if (!byTemplate) FACTS.set(env, (byTemplate = new Map()));
  let facts = byTemplate.get(id);
  if (!facts) {
    const s = (env.catalog ?? CATALOG).find((x) => x.id === id);
    const columns = new Map<string, ColumnSpec>();
    // The first column of a key wins, as a find over the columns would.
    for (const c of s?.columns ?? []) if (!columns.has(c.key)) columns.set(c.key, c);
    const department = s ? s.department.name.vi.replace(/^Phòng\s+/, "") : id;
    facts = { spec: s, columns, department };
    byTemplate.set(id, facts);
  }
  return facts;
}

const spec = (env: EvidenceEnv, id: string) => factsOf(env, id).spec;
const column = (env: EvidenceEnv, id: string, key: string) => factsOf(env, id).columns.get(key);

/** "Phòng Tài chính – Kế hoạch" → "Tài chính – Kế hoạch". */
export function departmentName(env: EvidenceEnv, templateId: string): string {
  return factsOf(env, templateId).department;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** "3.2-tai-chinh.xlsx › Tài chính - Kế hoạch › E19". */
export function where(c: CellSource | undefined): string {
  if (!c) return "";
  return [baseName(c.file), c.sheet, c.cell].filter(Boolean).join(" › ");
}

/** A value as people read it: 94,76%; “Khá”; 15/19; có. */
export function formatValue(
  col: ColumnSpec | undefined,
  v: Value | string | number | boolean | null | undefined,
  lang: "vi" | "en" = "vi"
): string {
  if (v === null || v === undefined || v === "") return lang === "vi" ? "(trống)" : "(empty)";
  if (typeof v === "boolean")
    return v ? (lang === "vi" ? "có" : "yes") : lang === "vi" ? "không" : "no";
  if (col?.type === "enum" && col.enumId && typeof v === "string") {
    const e = getEnum(col.enumId).values.find((x) => x.code === v);
    return `“${e ? e.label[lang] : v}”`;
  }
  if (typeof v === "number") {
    const n = lang === "vi" ? formatNumberVi(v) : String(v);
    if (col?.type === "percent") return `${n}%`;
    if (col?.computed?.kind === "countEquals") return `${n}/${col.computed.keys.length}`;
    return n;
  }
  return String(v);
}

const rankIn = (col: ColumnSpec | undefined, code: unknown): number | null => {
  if (!col?.enumId || typeof code !== "string") return null;
  return getEnum(col.enumId).values.find((x) => x.code === code)?.rank ?? null;
};

/** The comparison that makes a test fail, as printed in reasons and in the pane. */
export const OP_FAIL: Record<EvidenceTest["op"], LocalizedText> = {
  lt: { vi: "<", en: "<" },
  lte: { vi: "≤", en: "≤" },
  gt: { vi: ">", en: ">" },
  gte: { vi: "≥", en: "≥" },
  eq: { vi: "=", en: "=" },
  ne: { vi: "≠", en: "≠" },
  below: { vi: "dưới mức", en: "below" },
};
const OP_PASS: Record<EvidenceTest["op"], LocalizedText> = {
  lt: { vi: "≥", en: "≥" },
  lte: { vi: ">", en: ">" },
  gt: { vi: "≤", en: "≤" },
  gte: { vi: "<", en: "<" },
  eq: { vi: "≠", en: "≠" },
  ne: { vi: "=", en: "=" },
  below: { vi: "từ mức", en: "at or above" },
};

function compare(op: EvidenceTest["op"], a: number, b: number): boolean {
  switch (op) {
    case "lt":
    case "below":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    case "gte":
      return a >= b;
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
  }
}

const empty = (v: Value | undefined) => v === null || v === undefined || v === "";

/** Runs one rule for one TCCS. */
export function evaluateRule(
  env: EvidenceEnv,
  rule: EvidenceRule,
  unit: Unit
): EvidenceResult | null {
  const lh = rule.appliesTo?.loaiHinh;
  if (lh && (!unit.loaiHinh || !lh.includes(unit.loaiHinh))) return null;
  const t = rule.test;
  const joinCode = rule.data.joinBy === "unitCode" ? unit.code : unit.localityCode;
  const row = env.lookup(rule.data.templateId, joinCode);
  const col = column(env, rule.data.templateId, t.key);
  const dept = departmentName(env, rule.data.templateId);
  // One literal per result: a spread of the shared fields made every result a slow object.
  const result = (r: {
    status: EvidenceStatus;
    value: Value | null;
    cells: CellSource[];
    message: LocalizedText;
  }): EvidenceResult => ({
    ruleId: rule.id,
    criterion: rule.criterion,
    templateId: rule.data.templateId,
    department: dept,
    consequence: rule.consequence.kind,
    maxLevel: rule.consequence.kind === "cap" ? rule.consequence.maxLevel : null,
    source: rule.source,
    status: r.status,
    value: r.value,
    cells: r.cells,
    message: r.message,
  });
  const what = (lang: "vi" | "en", v: string) => rule.message[lang].replace("{value}", v);
  if (!row) {
    const tpl = spec(env, rule.data.templateId);
    const tplVi = tpl ? `mẫu ${tpl.section} “${tpl.sheetName}”` : `mẫu “${rule.data.templateId}”`;
    const named = joinCode ? (env.unitName?.(joinCode) ?? joinCode) : null;
    const of = named ?? "đơn vị (chưa gắn xã/phường)";
    const ofEn = named ?? `${unit.name} (not linked to a commune or ward)`;
    return result({
      status: "missing",
      value: null,
      cells: [],
      message: {
        vi: `${dept}: chưa có số liệu ${tplVi} của ${of} (chưa nhận, bị từ chối hoặc dòng bị loại)`,
        en: `${dept}: no data in ${tpl ? `template ${tpl.section} “${tpl.sheetName}”` : `template “${rule.data.templateId}”`} for ${ofEn} (not received, refused or row left out)`,
      },
    });
  }
  const v = row.values[t.key];
  const cell = row.provenance[t.key];
  const cells = cell ? [cell] : [];
  const at = cell ? ` (${where(cell)})` : "";
  const shown = {
    vi: what("vi", formatValue(col, v, "vi")),
    en: what("en", formatValue(col, v, "en")),
  };
  if (t.onlyIf) {
    const g = row.values[t.onlyIf.key];
    if (typeof g === "number" && !compare(t.onlyIf.op, g, t.onlyIf.value))
      return result({
        status: "pass",
        value: typeof v === "undefined" ? null : v,
        cells,
        message: {
          vi: `${dept}: ${shown.vi}${at} — không áp dụng (${column(env, rule.data.templateId, t.onlyIf.key)?.header.vi ?? t.onlyIf.key} = ${formatNumberVi(g)})`,
          en: `${dept}: ${shown.en}${at} — not applicable (${t.onlyIf.key} = ${g})`,
        },
      });
  }
  if (empty(v)) {
    return result({
      status: "missing",
      value: null,
      cells,
      message: {
        vi: `${dept}: ô “${col?.header.vi ?? t.key}”${at} còn trống`,
        en: `${dept}: “${col?.header.en ?? t.key}”${at} is empty`,
      },
    });
  }
  if (t.threshold === null) {
    return result({
      status: "notTested",
      value: v,
      cells,
      message: {
        vi: `${dept}: ${shown.vi}${at} — chưa đặt ngưỡng nên chỉ ghi nhận`,
        en: `${dept}: ${shown.en}${at} — no threshold set, shown only`,
      },
    });
  }
  // The threshold: a number, a code, a boolean, or another column of the same row.
  let other: { value: Value; text: LocalizedText; cell?: CellSource } | null = null;
  if (typeof t.threshold === "object") {
    const k = t.threshold.key;
    const ov = row.values[k];
    const oc = row.provenance[k];
    const ocol = column(env, rule.data.templateId, k);
    if (empty(ov))
      return result({
        status: "missing",
        value: v,
        cells: oc ? [...cells, oc] : cells,
        message: {
          vi: `${dept}: ô “${ocol?.header.vi ?? k}”${oc ? ` (${where(oc)})` : ""} còn trống`,
          en: `${dept}: “${ocol?.header.en ?? k}” is empty`,
        },
      });
    other = {
      value: ov!,
      cell: oc,
      text: {
        vi: `“${ocol?.header.vi ?? k}” ${formatValue(ocol, ov, "vi")}${oc ? ` (${oc.cell ?? where(oc)})` : ""}`,
        en: `“${ocol?.header.en ?? k}” ${formatValue(ocol, ov, "en")}`,
      },
    };
  }
  const thr = other ? other.value : (t.threshold as Value);
  let fails: boolean;
  if (t.op === "below") {
    const a = rankIn(col, v);
    const b = rankIn(col, thr);
    if (a === null || b === null) fails = false;
    else fails = a < b;
  } else if (typeof v === "number" && typeof thr === "number") {
    fails = compare(t.op, v, thr);
  } else if (t.op === "eq") fails = v === thr;
  else if (t.op === "ne") fails = v !== thr;
  else fails = false;
  const thrText: LocalizedText = other
    ? other.text
    : { vi: formatValue(col, thr, "vi"), en: formatValue(col, thr, "en") };
  const op = fails ? OP_FAIL[t.op] : OP_PASS[t.op];
  // eq/ne on a code: the value says it all ("Bộ tiêu chí …: “Không đạt”").
  const cmp =
    (t.op === "eq" || t.op === "ne") && typeof thr !== "number"
      ? { vi: "", en: "" }
      : { vi: ` ${op.vi} ${thrText.vi}`, en: ` ${op.en} ${thrText.en}` };
  return result({
    status: fails ? "fail" : "pass",
    value: v,
    cells: other?.cell ? [...cells, other.cell] : cells,
    message: { vi: `${dept}: ${shown.vi}${at}${cmp.vi}`, en: `${dept}: ${shown.en}${at}${cmp.en}` },
  });
}

/** Every evidence rule for one TCCS; caps and "chưa đủ căn cứ" for the criteria it claimed. */
export function evaluateEvidence(
  env: EvidenceEnv,
  ruleSet: RuleSet,
  unit: Unit,
  report: ConsolidatedRow | null
): EvidenceOutcome {
  const ev = ruleSet.evidence;
  const results = ev.rules
    .map((r) => evaluateRule(env, r, unit))
    .filter((r): r is EvidenceResult => !!r);
  const reasons: Reason[] = [];
  const warnings: EvidenceOutcome["warnings"] = [];
  const criteria: CriterionEvidence[] = CRITERIA.map(({ key, label }) => {
    const mine = results.filter((r) => r.criterion === key);
    const claimedV = report ? report.values[key] === true : null;
    const status: CriterionEvidence["status"] = !mine.length
      ? "none"
      : mine.some((r) => r.status === "fail" && r.consequence === "cap")
        ? "fails"
        : mine.some((r) => r.status === "missing")
          ? "insufficient"
          : "ok";
    if (claimedV) {
      for (const r of mine.filter((x) => x.status === "fail")) {
        if (r.consequence === "warn") {
          warnings.push({
            cells: r.cells,
            message: {
              vi: `Tiêu chí “${label.vi}” tự đánh giá xuất sắc; lưu ý: ${r.message.vi}.`,
              en: `Criterion “${label.en}” claimed excellent; note: ${r.message.en}.`,
            },
          });
          continue;
        }
        reasons.push({
          ruleId: r.ruleId,
          kind: "cap",
          maxLevel: r.maxLevel,
          source: r.source,
          cells: r.cells,
          message: {
            vi: `Tiêu chí “${label.vi}” tự đánh giá xuất sắc nhưng ${r.message.vi} → tối đa ${r.maxLevel}.`,
            en: `Criterion “${label.en}” claimed excellent but ${r.message.en} → at most ${r.maxLevel}.`,
          },
        });
      }
      const missing = mine.filter((x) => x.status === "missing" && x.consequence === "cap");
      if (missing.length) {
        const capNow = ev.whenMissing === "cap";
        // One line per department: several rules may read the same missing file.
        const lines = [...new Map(missing.map((m) => [m.message.vi, m])).values()];
        reasons.push({
          ruleId: `evidence.missing.${key}`,
          kind: "missing",
          maxLevel: capNow ? ev.missingMaxLevel : null,
          source: missing
            .map((m) => m.source)
            .filter((s, i, a) => a.indexOf(s) === i)
            .join("; "),
          cells: missing.flatMap((m) => m.cells),
          message: {
            vi: `Tiêu chí “${label.vi}”: chưa đủ căn cứ — ${lines.map((m) => m.message.vi).join("; ")}${capNow ? ` → tạm tối đa ${ev.missingMaxLevel}` : ""}.`,
            en: `Criterion “${label.en}”: not enough evidence — ${lines.map((m) => m.message.en).join("; ")}${capNow ? ` → at most ${ev.missingMaxLevel} for now` : ""}.`,
          },
        });
      }
    }
    return {
      criterion: key,
      label,
      claimed: claimedV,
      cell: report?.provenance[key] ?? null,
      status,
      results: mine,
    };
  });
  return { criteria, reasons, warnings };
}
