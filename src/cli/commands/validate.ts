/**
 * `xeploai validate FILE... [--json] [--units FILE] [--settings FILE] [--period YYYY]`: check filled
 * templates. The year is checked against the settings' period (2019 by default), as consolidate does.
 */
import type { TemplateSpec } from "../../core/templates/spec";
import type { ValidationIssue } from "../../core/validate/types";
import { CliError, stringOpt, yearOpt, TEMPLATES_OPTION } from "../args";
import { catalogOf, registerFrom, settingsFrom, type CliContext } from "../context";
import {
  validateJsonSchema,
  type FileResultJson,
  type IssueJson,
  type ValidateJson,
} from "../json-schemas";
import {
  inputFiles,
  lockFileNote,
  readSubmissionFiles,
  repeatedFileNote,
  type FileOutcome,
} from "../read-files";
import { HIDDEN_INFO_SHEET, templateName } from "../plain-words";
import type { Command } from "../registry";

function issueJson(
  file: string,
  sheet: string | null,
  i: ValidationIssue,
  ctx: CliContext
): IssueJson {
  return {
    file,
    sheet,
    cell: i.cell,
    row: i.row,
    column: i.column,
    unitCode: i.unitCode ?? null,
    severity: i.severity,
    rule: i.rule,
    message: ctx.t(i.message),
    messages: { vi: i.message.vi.normalize("NFC"), en: i.message.en },
  };
}

export function validateResult(outcomes: FileOutcome[], ctx: CliContext): ValidateJson {
  const files: FileResultJson[] = outcomes.map(({ path, outcome }) => {
    if (!outcome.ok) {
      const r = outcome.refused;
      return {
        file: path,
        status: "refused",
        refused: {
          reason: r.reason,
          message: ctx.t(r.message),
          messages: { vi: r.message.vi.normalize("NFC"), en: r.message.en },
        },
        submissions: [],
        issues: [],
      };
    }
    const submissions = outcome.submissions.map((s) => {
      const issues = s.validation.issues.map((i) => issueJson(path, s.sheet, i, ctx));
      return {
        sheet: s.sheet,
        templateId: s.templateId,
        templateVersion: s.templateVersion,
        period: s.period,
        recognizedBy: s.recognizedBy,
        firstDataRow: s.layout.firstDataRow,
        columnLetters: s.layout.columnLetters,
        rows: s.validation.rows.length,
        errors: issues.filter((i) => i.severity === "error").length,
        warnings: issues.filter((i) => i.severity === "warning").length,
        issues,
        data: s.validation.rows.map((r) => ({
          rowNumber: r.rowNumber,
          unitCode: r.unitCode,
          values: r.values,
        })),
      };
    });
    const issues = outcome.issues.map((i) => issueJson(path, null, i, ctx));
    const hasError =
      submissions.some((s) => s.errors > 0) || issues.some((i) => i.severity === "error");
    return {
      file: path,
      status: hasError ? "invalid" : "valid",
      refused: null,
      submissions,
      issues,
    };
  });
  const count = (st: FileResultJson["status"]) => files.filter((f) => f.status === st).length;
  const all = files.flatMap((f) => [...f.issues, ...f.submissions.flatMap((s) => s.issues)]);
  const summary = {
    files: files.length,
    valid: count("valid"),
    invalid: count("invalid"),
    refused: count("refused"),
    errors: all.filter((i) => i.severity === "error").length,
    warnings: all.filter((i) => i.severity === "warning").length,
  };
  const exitCode = summary.refused > 0 ? 2 : summary.invalid > 0 ? 1 : 0;
  return validateJsonSchema.parse({ files, summary, exitCode });
}

/** Issues printed per sheet in the human output; --json always has every one. */
export const MAX_PRINTED_ISSUES = 200;

function printHuman(result: ValidateJson, ctx: CliContext, catalog: readonly TemplateSpec[]): void {
  const en = ctx.lang === "en";
  const sev = (s: "error" | "warning") =>
    s === "error" ? (en ? "ERROR  " : "LỖI     ") : en ? "WARNING" : "CẢNH BÁO";
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(`${en ? "File" : "Tệp"}: ${f.file}`);
    if (f.refused) {
      lines.push(`  ${en ? "NOT READ" : "KHÔNG ĐỌC ĐƯỢC"}: ${f.refused.message}`);
      lines.push("");
      continue;
    }
    for (const i of f.issues) lines.push(`  ${sev(i.severity)}  ${i.file}: ${i.message}`);
    for (const s of f.submissions) {
      const how =
        s.recognizedBy === "meta"
          ? en
            ? `recognised from its ${HIDDEN_INFO_SHEET.en}`
            : `nhận dạng theo ${HIDDEN_INFO_SHEET.vi}`
          : en
            ? `recognised from the header row (the ${HIDDEN_INFO_SHEET.en} is gone)`
            : `nhận dạng theo dòng tiêu đề (tệp không còn ${HIDDEN_INFO_SHEET.vi})`;
      const version = en ? `version ${s.templateVersion}` : `phiên bản ${s.templateVersion}`;
      lines.push(
        `  ${en ? "Template" : "Mẫu biểu"} ${templateName(s.templateId, catalog)} (${version})${s.period ? `, ${en ? "year" : "năm"} ${s.period}` : ""} — ${how}`
      );
      lines.push(
        `  ${en ? "Sheet" : "Trang"} "${s.sheet}": ${s.rows} ${en ? "rows" : "dòng"}, ${s.errors} ${en ? "error(s)" : "lỗi"}, ${s.warnings} ${en ? "warning(s)" : "cảnh báo"}`
      );
      // A sheet full of stray rows must not bury the first mistakes: errors first, then a cap.
      const ordered =
        s.issues.length <= MAX_PRINTED_ISSUES
          ? s.issues
          : [
              ...s.issues.filter((i) => i.severity === "error"),
              ...s.issues.filter((i) => i.severity !== "error"),
            ];
      for (const i of ordered.slice(0, MAX_PRINTED_ISSUES)) {
        const where = `${i.file} › ${i.sheet}${i.cell ? ` › ${i.cell}` : ""}`;
        lines.push(`  ${sev(i.severity)}  ${where}: ${i.message}`);
      }
      const more = ordered.length - MAX_PRINTED_ISSUES;
      if (more > 0)
        lines.push(
          en
            ? `  … and ${more} more issue(s) on this sheet (all of them with --json).`
            : `  … và ${more} vấn đề khác trên trang này (xem đủ với --json).`
        );
    }
    const verdict = f.status === "valid" ? (en ? "valid" : "hợp lệ") : en ? "has errors" : "có lỗi";
    lines.push(`  => ${verdict}`);
    lines.push("");
  }
  const s = result.summary;
  lines.push(
    en
      ? `Summary: ${s.files} file(s): ${s.valid} valid, ${s.invalid} with errors, ${s.refused} not read; ${s.errors} error(s), ${s.warnings} warning(s).`
      : `Tổng kết: ${s.files} tệp: ${s.valid} hợp lệ, ${s.invalid} có lỗi, ${s.refused} không đọc được; ${s.errors} lỗi, ${s.warnings} cảnh báo.`
  );
  ctx.io.out(lines.join("\n"));
}

export const validateCommand: Command = {
  name: "validate",
  summary: { vi: "Kiểm tra các tệp mẫu biểu đã điền", en: "Check filled template files" },
  usage:
    "validate FILE... [--json] [--units FILE] [--settings FILE] [--templates DIR] [--period YYYY]",
  options: [
    {
      name: "json",
      value: false,
      help: { vi: "Xuất JSON (xem README)", en: "Print JSON (see README)" },
    },
    {
      name: "units",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Danh mục đơn vị JSON (mặc định: Hương Thủy 2019)",
        en: "Unit register JSON (default: Hương Thủy 2019)",
      },
    },
    {
      name: "settings",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Tệp cấu hình kỳ đánh giá (JSON); năm của tệp được so với năm trong cấu hình",
        en: "Period settings (JSON); each file's year is checked against its period",
      },
    },
    TEMPLATES_OPTION,
    {
      name: "period",
      value: true,
      placeholder: "YYYY",
      help: {
        vi: "Năm đang tổng hợp (mặc định: năm trong cấu hình); tệp của năm khác là lỗi",
        en: "Year being consolidated (default: the settings' period); a file of another year is an error",
      },
    },
  ],
  async run(args, ctx) {
    if (args.positionals.length === 0) {
      throw new CliError({
        vi: "Thiếu tệp cần kiểm tra: xeploai validate TỆP.xlsx …",
        en: "No file to check: xeploai validate FILE.xlsx …",
      });
    }
    const register = await registerFrom(stringOpt(args, "units"));
    const settings = await settingsFrom(stringOpt(args, "settings"));
    const period = yearOpt(args, "period") ?? settings.period;
    const { files, repeated, lockFiles } = inputFiles(args.positionals);
    for (const f of lockFiles) ctx.io.err(ctx.t(lockFileNote(f)));
    for (const f of repeated) ctx.io.err(ctx.t(repeatedFileNote(f)));
    const catalog = await catalogOf(stringOpt(args, "templates"), { ...settings, period });
    const outcomes = await readSubmissionFiles(files, { register, period, catalog });
    const result = validateResult(outcomes, ctx);
    if (args.options.json) ctx.io.out(JSON.stringify(result, null, 2));
    else printHuman(result, ctx, catalog);
    return result.exitCode;
  },
};
