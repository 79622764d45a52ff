/**
 * Many validated submissions in, one consolidation out. Rows merge by (template, unit); of two
 * submissions for the same pair the newer wins and the conflict is reported; every value keeps its
 * source cell; the error policy decides what is left out and says why. Pure and deterministic:
 * outputs are sorted and the clock is never read (pass `now`).
 */
import type { RuleSet } from "../rules/types";
import { templateLabel } from "../templates/catalog";
import { HD21_2019 } from "../rules/hd21-2019";
import { getRuleSet } from "../rules";
import type { PeriodSettings } from "../settings/types";
import type { RefusedFile, Submission } from "../submission/types";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import type { ValidationIssue, ValidRow } from "../validate/types";
import { crossTemplateChecks } from "./cross-checks";
import { compareTimes, formatTimeEn, formatTimeVi, isFuture, isLate, submittedAt } from "./time";
import type {
  CompletenessEntry,
  Conflict,
  ConsolidatedRow,
  Consolidation,
  ErrorPolicy,
  Exclusion,
  FileReport,
  SourceRef,
} from "./types";
import { compareUnitCodes, expectedUnits, unitName } from "./units";

export interface ConsolidateContext {
  register: UnitRegister;
  settings: PeriodSettings;
  catalog: readonly TemplateSpec[];
  errorPolicy?: ErrorPolicy;
  /** ISO time of the run, recorded in the result (never read from the clock here). */
  now?: string;
  /** Per-run override of settings.deadline (YYYY-MM-DD). */
  deadline?: string;
  /** Files the reader could not open, carried into the result for the log. */
  refused?: RefusedFile[];
  /** Rule set for the cross-template checks; defaults to settings.ruleSetId, else HD21-2019. */
  ruleSet?: RuleSet;
}

interface Candidate {
  ref: SourceRef;
  sub: Submission;
  row: ValidRow;
  marked: boolean;
  issues: ValidationIssue[];
}

const errorsOf = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === "error");

function issueSummary(issues: ValidationIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => (i.cell ? `${i.cell}: ` : "") + i.message.vi);
  const more = issues.length > max ? ` (và ${issues.length - max} lỗi khác)` : "";
  return shown.join("; ") + more;
}
function issueSummaryEn(issues: ValidationIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => (i.cell ? `${i.cell}: ` : "") + i.message.en);
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : "";
  return shown.join("; ") + more;
}

export function consolidate(submissions: Submission[], ctx: ConsolidateContext): Consolidation {
  const policy: ErrorPolicy = ctx.errorPolicy ?? "dropErroneousRows";
  const deadline = ctx.deadline ?? ctx.settings.deadline;
  // A template's own deadline (3.8: 20/11) comes first; the run's override moves the general one.
  const templateDeadlines = { ...(ctx.settings.templateDeadlines ?? {}) };
  const deadlineOf = (templateId: string) => templateDeadlines[templateId] ?? deadline;
  const ruleSet = ctx.ruleSet ?? getRuleSet(ctx.settings.ruleSetId) ?? HD21_2019;
  const specs = new Map(ctx.catalog.map((s) => [s.id, s]));
  const byUnit = compareUnitCodes(ctx.register);
  const excluded: Exclusion[] = [];
  const candidates: Candidate[] = [];
  const reports = new Map<number, FileReport>();
  /** Every (template, unit) seen in any submission, with whether that row had errors. */
  const seen = new Map<string, { refs: SourceRef[]; hasErrors: boolean }>();
  const key = (t: string, u: string) => `${t}\u0000${u}`;

  submissions.forEach((sub, inputIndex) => {
    const ref: SourceRef = {
      file: sub.file,
      sheet: sub.sheet,
      templateId: sub.templateId,
      submittedAt: submittedAt(sub.generatedAt, sub.modifiedAt),
      inputIndex,
    };
    const report: FileReport = {
      file: sub.file,
      sheet: sub.sheet,
      templateId: sub.templateId,
      submittedAt: ref.submittedAt,
      late: isLate(ref.submittedAt, deadlineOf(sub.templateId)),
      rowsTaken: 0,
      rowsLeftOut: 0,
      rowsSuperseded: 0,
      rowsMarked: 0,
      status: "taken",
    };
    reports.set(inputIndex, report);
    const issues = sub.validation.issues;
    // Each row's issues, in the order validation listed them (one pass, not one per row).
    const byRow = new Map<number, ValidationIssue[]>();
    for (const i of issues) {
      const list = byRow.get(i.row);
      if (list) list.push(i);
      else byRow.set(i.row, [i]);
    }
    const rowIssues = (n: number) => byRow.get(n)?.slice() ?? [];
    const spec = specs.get(sub.templateId);
    // A template lists every unit; rows left blank are not a submission for that unit.
    const dataRows = sub.validation.rows.filter((r) => !spec || !isEmptyRow(spec, r));
    for (const row of dataRows) {
      if (!row.unitCode) continue;
      const k = key(sub.templateId, row.unitCode);
      const s = seen.get(k) ?? { refs: [], hasErrors: false };
      s.refs.push(ref);
      s.hasErrors ||= errorsOf(rowIssues(row.rowNumber)).length > 0;
      seen.set(k, s);
    }
    const leaveFile = (reason: Exclusion["reason"], vi: string, en: string) => {
      excluded.push({
        file: sub.file,
        sheet: sub.sheet,
        templateId: sub.templateId,
        scope: "file",
        row: null,
        unitCode: null,
        reason,
        message: { vi, en },
      });
      report.rowsLeftOut = dataRows.length;
      report.status = "leftOut";
    };

    if (!spec) {
      return leaveFile(
        "unknown-template",
        `Tệp ${sub.file}, trang "${sub.sheet}": mẫu biểu của trang này không có trong danh mục mẫu biểu của kỳ này; bỏ qua cả tệp.`,
        `File ${sub.file}, sheet "${sub.sheet}": this sheet's template is not in this period's template list; the file is left out.`
      );
    }
    if (sub.period !== null && sub.period !== ctx.settings.period) {
      return leaveFile(
        "wrong-period",
        `Tệp ${sub.file}: mẫu của năm ${sub.period}, không phải kỳ ${ctx.settings.period}; bỏ qua cả tệp. Hãy dùng mẫu của năm ${ctx.settings.period}.`,
        `File ${sub.file}: a template of ${sub.period}, not of period ${ctx.settings.period}; the file is left out.`
      );
    }
    const allErrors = errorsOf(issues);
    const sheetErrors = allErrors.filter((i) => i.row === 0);
    if (policy === "dropFile" && allErrors.length > 0) {
      return leaveFile(
        "error-policy",
        `Tệp ${sub.file} có ${allErrors.length} lỗi; theo lựa chọn "bỏ cả tệp có lỗi", không lấy số liệu nào của tệp. ${issueSummary(allErrors)}`,
        `File ${sub.file} has ${allErrors.length} errors; under "leave out files with errors" none of its data is taken. ${issueSummaryEn(allErrors)}`
      );
    }
    if (policy === "dropErroneousRows" && sheetErrors.length > 0) {
      return leaveFile(
        "error-policy",
        `Tệp ${sub.file}, trang "${sub.sheet}" có lỗi ở mức trang tính nên không lấy được dòng nào: ${issueSummary(sheetErrors)}`,
        `File ${sub.file}, sheet "${sub.sheet}" has sheet-level errors, so no row can be taken: ${issueSummaryEn(sheetErrors)}`
      );
    }

    const seenInFile = new Set<string>();
    const multiRow = spec.rowSet === "PEOPLE";
    for (const row of dataRows) {
      const own = rowIssues(row.rowNumber);
      const errs = errorsOf(own);
      const leaveRow = (reason: Exclusion["reason"], vi: string, en: string) => {
        excluded.push({
          file: sub.file,
          sheet: sub.sheet,
          templateId: sub.templateId,
          scope: "row",
          row: row.rowNumber,
          unitCode: row.unitCode,
          reason,
          message: { vi, en },
        });
        report.rowsLeftOut++;
      };
      if (!row.unitCode) {
        leaveRow(
          "unknown-unit",
          `Tệp ${sub.file}, dòng ${row.rowNumber}: không xác định được đơn vị nên không lấy dòng này.${errs.length ? " " + issueSummary(errs) : ""}`,
          `File ${sub.file}, row ${row.rowNumber}: the unit is unknown, so the row is left out.${errs.length ? " " + issueSummaryEn(errs) : ""}`
        );
        continue;
      }
      if (errs.length > 0 && policy === "dropErroneousRows") {
        leaveRow(
          "error-policy",
          `Tệp ${sub.file}, dòng ${row.rowNumber} (${unitName(ctx.register, row.unitCode)}) có lỗi nên không lấy: ${issueSummary(errs)}`,
          `File ${sub.file}, row ${row.rowNumber} (${unitName(ctx.register, row.unitCode)}) has errors and is left out: ${issueSummaryEn(errs)}`
        );
        continue;
      }
      const k = key(sub.templateId, row.unitCode);
      if (!multiRow && seenInFile.has(k)) {
        leaveRow(
          "duplicate-in-file",
          `Tệp ${sub.file}, dòng ${row.rowNumber}: ${unitName(ctx.register, row.unitCode)} đã có ở dòng trước trong cùng tệp; chỉ lấy dòng đầu tiên.`,
          `File ${sub.file}, row ${row.rowNumber}: ${unitName(ctx.register, row.unitCode)} already appears above in the same file; only the first row is taken.`
        );
        continue;
      }
      seenInFile.add(k);
      const marked = errs.length > 0;
      if (marked) report.rowsMarked++;
      candidates.push({ ref, sub, row, marked, issues: own });
    }
  });

  // Newer submission wins per (template, unit): by time when both are known, else input order.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = key(c.sub.templateId, c.row.unitCode!);
    const g = groups.get(k) ?? [];
    g.push(c);
    groups.set(k, g);
  }
  const rows: ConsolidatedRow[] = [];
  const conflicts: Conflict[] = [];
  // Rows of one template hold the same keys in the same order: sort them once per run of rows.
  let lastKeys: string[] = [];
  let lastSorted: string[] = [];
  const sortedKeys = (values: object): string[] => {
    const keys = Object.keys(values);
    if (keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
      lastKeys = keys;
      lastSorted = [...keys].sort();
    }
    return lastSorted;
  };
  for (const group of groups.values()) {
    const sources = [...new Map(group.map((c) => [c.ref.inputIndex, c.ref])).values()];
    // A time in the future (a wrong clock on the machine that saved the file) decides nothing.
    const trusted = (r: SourceRef) => (isFuture(r.submittedAt, ctx.now) ? null : r.submittedAt);
    sources.sort((a, b) => compareTimes(trusted(a), trusted(b)) || a.inputIndex - b.inputIndex);
    const winner = sources[sources.length - 1]!;
    const unitCode = group[0]!.row.unitCode!;
    for (const loser of sources.slice(0, -1)) {
      const byTime = compareTimes(trusted(loser), trusted(winner)) !== 0;
      const why = byTime
        ? {
            vi: `mới hơn (${formatTimeVi(winner.submittedAt)} so với ${formatTimeVi(loser.submittedAt)})`,
            en: `newer (${formatTimeEn(winner.submittedAt)} vs ${formatTimeEn(loser.submittedAt)})`,
          }
        : {
            vi: "không so được thời điểm nên lấy tệp được đưa vào sau",
            en: "times not comparable, so the file given later is taken",
          };
      const future = [loser, winner].filter((r) => isFuture(r.submittedAt, ctx.now));
      const warnVi = future.length
        ? ` Cảnh báo: ${future.map((r) => `tệp ${r.file} ghi thời điểm lưu ${formatTimeVi(r.submittedAt)}`).join(", ")} — ở tương lai so với lần tổng hợp này (${formatTimeVi(ctx.now ?? null)}), có lẽ đồng hồ máy lập tệp bị sai — nên thời điểm đó không được dùng để chọn. Nếu cần số liệu của tệp kia, hãy chỉ đưa tệp đó vào khi tổng hợp.`
        : "";
      const warnEn = future.length
        ? ` Warning: ${future.map((r) => `${r.file} says it was saved ${formatTimeEn(r.submittedAt)}`).join(", ")} — in the future of this run (${formatTimeEn(ctx.now ?? null)}), probably a wrong clock on the machine that saved it — so that time was not used to choose. If the other file's data is wanted, consolidate with that file only.`
        : "";
      conflicts.push({
        templateId: winner.templateId,
        unitCode,
        winner,
        loser,
        message: {
          vi: `${unitName(ctx.register, unitCode)}, ${templateLabel(winner.templateId, ctx.catalog).vi}: có trong cả tệp ${loser.file} và tệp ${winner.file}; lấy số liệu tệp ${winner.file} vì ${why.vi}.${warnVi}`,
          en: `${unitName(ctx.register, unitCode)}, ${templateLabel(winner.templateId, ctx.catalog).en}: in both ${loser.file} and ${winner.file}; ${winner.file} is taken because it is ${why.en}.${warnEn}`,
        },
      });
      const lr = reports.get(loser.inputIndex)!;
      const n = group.filter((c) => c.ref.inputIndex === loser.inputIndex).length;
      lr.rowsSuperseded += n;
      lr.rowsMarked -= group.filter(
        (c) => c.ref.inputIndex === loser.inputIndex && c.marked
      ).length;
    }
    for (const c of group.filter((x) => x.ref.inputIndex === winner.inputIndex)) {
      const letters = c.sub.layout.columnLetters;
      const provenance: ConsolidatedRow["provenance"] = {};
      for (const k of sortedKeys(c.row.values)) {
        provenance[k] = {
          file: c.sub.file,
          sheet: c.sub.sheet,
          cell: letters[k] ? `${letters[k]}${c.row.rowNumber}` : null,
        };
      }
      rows.push({
        templateId: c.sub.templateId,
        unitCode,
        rowNumber: c.row.rowNumber,
        values: { ...c.row.values },
        provenance,
        source: c.ref,
        marked: c.marked,
        issues: c.issues,
      });
      reports.get(c.ref.inputIndex)!.rowsTaken++;
    }
  }
  for (const r of reports.values()) {
    if (r.status === "leftOut") continue;
    r.status =
      r.rowsTaken > 0
        ? r.rowsLeftOut > 0
          ? "partly"
          : "taken"
        : r.rowsLeftOut > 0
          ? "leftOut"
          : r.rowsSuperseded > 0
            ? "superseded"
            : "taken";
  }

  rows.sort(
    (a, b) =>
      cmp(a.templateId, b.templateId) ||
      byUnit(a.unitCode, b.unitCode) ||
      a.source.inputIndex - b.source.inputIndex ||
      a.rowNumber - b.rowNumber
  );
  conflicts.sort(
    (a, b) =>
      cmp(a.templateId, b.templateId) ||
      byUnit(a.unitCode, b.unitCode) ||
      a.loser.inputIndex - b.loser.inputIndex
  );
  excluded.sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || (a.row ?? 0) - (b.row ?? 0)
  );

  const completeness = completenessOf(ctx, rows, seen, deadlineOf, byUnit);
  const result: Consolidation = {
    period: ctx.settings.period,
    deadline,
    templateDeadlines,
    errorPolicy: policy,
    runAt: ctx.now ?? null,
    files: [...reports.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.sheet, b.sheet)),
    refused: [...(ctx.refused ?? [])].sort((a, b) => cmp(a.file, b.file)),
    rows,
    conflicts,
    excluded,
    completeness,
    warnings: [],
  };
  result.warnings = crossTemplateChecks(result, ruleSet, ctx.register);
  return result;
}

/** True when no data column of the row holds a value (identity, computed and notes do not count). */
export function isEmptyRow(spec: TemplateSpec, row: ValidRow): boolean {
  return spec.columns
    .filter((c) => !c.identity && !c.computed && c.key !== "ghiChu")
    .every((c) => {
      const v = row.values[c.key];
      return v === null || v === undefined || v === "";
    });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function completenessOf(
  ctx: ConsolidateContext,
  rows: ConsolidatedRow[],
  seen: Map<string, { refs: SourceRef[]; hasErrors: boolean }>,
  deadlineOf: (templateId: string) => string,
  byUnit: (a: string, b: string) => number
): CompletenessEntry[] {
  const out: CompletenessEntry[] = [];
  const taken = new Map<string, ConsolidatedRow[]>();
  for (const r of rows) {
    const k = `${r.templateId}\u0000${r.unitCode}`;
    const list = taken.get(k);
    if (list) list.push(r);
    else taken.set(k, [r]);
  }
  // The units seen per template (one pass over `seen`, not one per template).
  const seenUnits = new Map<string, string[]>();
  for (const k of seen.keys()) {
    const [t, u] = k.split("\u0000") as [string, string];
    const list = seenUnits.get(t);
    if (list) list.push(u);
    else seenUnits.set(t, [u]);
  }
  const specs = [...ctx.catalog].sort((a, b) => cmp(a.id, b.id));
  for (const spec of specs) {
    const codes = new Set(expectedUnits(ctx.register, spec.rowSet).map((u) => u.code));
    for (const u of seenUnits.get(spec.id) ?? []) codes.add(u);
    if (codes.size === 0) {
      out.push({
        templateId: spec.id,
        unitCode: "*",
        received: false,
        status: "missing",
        taken: false,
        late: false,
        file: null,
        submittedAt: null,
      });
      continue;
    }
    for (const unitCode of [...codes].sort(byUnit)) {
      const k = `${spec.id}\u0000${unitCode}`;
      const s = seen.get(k);
      const t = taken.get(k);
      if (!s) {
        out.push({
          templateId: spec.id,
          unitCode,
          received: false,
          status: "missing",
          taken: false,
          late: false,
          file: null,
          submittedAt: null,
        });
        continue;
      }
      // The source that counts: the one taken, else the latest received.
      const ref =
        t?.[0]?.source ??
        [...s.refs]
          .sort((a, b) => compareTimes(a.submittedAt, b.submittedAt) || a.inputIndex - b.inputIndex)
          .pop()!;
      const hasErrors = t ? t.some((r) => r.marked) : true;
      out.push({
        templateId: spec.id,
        unitCode,
        received: true,
        status: hasErrors || (!t && s.hasErrors) ? "hasErrors" : "valid",
        taken: !!t,
        late: isLate(ref.submittedAt, deadlineOf(spec.id)),
        file: ref.file,
        submittedAt: ref.submittedAt,
      });
    }
  }
  return out;
}
