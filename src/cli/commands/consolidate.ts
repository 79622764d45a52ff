/**
 * `xeploai consolidate FILE... --master OUT.xlsx [--json] [--deadline YYYY-MM-DD]
 * [--error-policy dropErroneousRows|takeMarked|dropFile] [--settings FILE] [--units FILE]`
 *
 * Reads the returned files, consolidates, classifies and writes the master. An existing OUT.xlsx
 * is read first so the hand-filled columns and the log survive. All or nothing: the whole master
 * is built in memory and written to a temporary file next to OUT, which is renamed over OUT only
 * when everything succeeded. Exit 0: every file taken; 1: some refused or left out (the master is
 * still written from the others); 2: nothing could be done (an existing master is untouched).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { loadXlsx } from "../../adapters/xlsx";
import { loadNodeXlsxWriter } from "../../adapters/xlsx/node-writer";
import { ERROR_POLICIES, type ErrorPolicy } from "../../core/consolidate/types";
import type { LocalizedText } from "../../core/i18n";
import { readManualColumns, type ManualRead } from "../../core/master/manual";
import { runPipeline, type PipelineResult } from "../../core/master/pipeline";
import { getRuleSet, parseRuleSet, ruleSetForPeriod } from "../../core/rules";
import { SHIPPED_SETTINGS, settingsForPeriod } from "../../core/settings/defaults";
import { periodOfWorkbook } from "../../core/submission/period";
import type { RuleSet } from "../../core/rules/types";
import type { PeriodSettings } from "../../core/settings/types";
import type { RefusedFile, Submission } from "../../core/submission/types";
import { CATALOG } from "../../core/templates/catalog";
import type { TemplateSpec } from "../../core/templates/spec";
import type { UnitRegister } from "../../core/units/types";
import { CliError, stringOpt, TEMPLATES_OPTION } from "../args";
import { consolidateJsonSchema, type ConsolidateJson } from "../consolidate-json";
import {
  readFileOrFail,
  registerFrom,
  settingsFrom,
  templateSetOf,
  type CliContext,
} from "../context";
import { acquireMasterLock, openElsewhere } from "../master-lock";
import {
  masterMode,
  readOnlyRefusal,
  removeStaleTemps,
  renameDurable,
  tempPathFor,
  writeDurable,
} from "../master-replace";
import {
  inputFiles,
  lockFileNote,
  MAX_INPUT_FILE_BYTES,
  readSubmissionFiles,
  repeatedFileNote,
} from "../read-files";
import {
  dateWords,
  HIDDEN_INFO_SHEET,
  ruleSetForRun,
  templateSetForRun,
  titleOf,
} from "../plain-words";
import type { Command } from "../registry";

/** File operations, replaceable in tests to simulate a failure while writing. */
export interface FsOps {
  /** The file's bytes, or null when it does not exist. */
  readFile(p: string): Promise<Uint8Array | null>;
  /** Writes a new file with these permissions (default: the umask's) and flushes it to disk. */
  writeFile(p: string, bytes: Uint8Array, mode?: number): Promise<void>;
  /** Renames over the target and flushes the folder. */
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
}

export const nodeFs: FsOps = {
  async readFile(p) {
    try {
      return new Uint8Array(await fs.readFile(p));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  },
  writeFile: (p, b, mode) => writeDurable(p, b, mode),
  rename: (a, b) => renameDurable(a, b),
  unlink: (p) => fs.unlink(p),
};

export interface ConsolidateFilesOptions {
  files: string[];
  master: string;
  settings: PeriodSettings;
  register: UnitRegister;
  catalog?: readonly TemplateSpec[];
  ruleSet?: RuleSet;
  errorPolicy?: ErrorPolicy;
  deadline?: string;
  /** ISO time of the run (recorded in the log). */
  now: string;
  lang?: "vi" | "en";
  /** How long to wait for another run on the same master (default 30 s, or XEPLOAI_LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Warnings about the run (a set used outside its periods with --force), put on the master. */
  runWarnings?: LocalizedText[];
}

export interface ConsolidateFilesResult {
  json: ConsolidateJson;
  pipeline: PipelineResult | null;
}

const pick = (t: LocalizedText, lang: "vi" | "en" = "vi") =>
  lang === "en" ? t.en : t.vi.normalize("NFC");

/** The rule set's title ("the rule set named in the settings" when the settings name none we know). */
function ruleSetNameOf(ruleSet: RuleSet | null, settings: PeriodSettings): LocalizedText {
  return (
    ruleSet?.name ?? {
      vi: `bộ quy tắc “${settings.ruleSetId}” trong tệp cấu hình`,
      en: `the rule set “${settings.ruleSetId}” of the settings`,
    }
  );
}

function failure(
  opts: ConsolidateFilesOptions,
  error: LocalizedText,
  refused: RefusedFile[] = []
): ConsolidateFilesResult {
  const json: ConsolidateJson = {
    master: opts.master,
    written: false,
    exitCode: 2,
    error,
    period: opts.settings.period,
    deadline: opts.deadline ?? opts.settings.deadline,
    errorPolicy: opts.errorPolicy ?? "dropErroneousRows",
    ruleSetId: opts.ruleSet?.id ?? opts.settings.ruleSetId,
    ruleSetName: ruleSetNameOf(opts.ruleSet ?? getRuleSet(opts.settings.ruleSetId), opts.settings),
    files: [],
    refused: refused.map((r) => ({
      file: r.file,
      reason: r.reason,
      message: pick(r.message, opts.lang),
      messages: r.message,
    })),
    excluded: [],
    conflicts: [],
    completeness: {
      expected: 0,
      valid: 0,
      hasErrors: 0,
      missing: 0,
      late: 0,
      missingTemplates: [],
    },
    classification: [],
    quota: [],
    warnings: [],
    manualKept: 0,
    manualKeptLeaders: 0,
    manualIssues: [],
    notes: [],
  };
  return { json: consolidateJsonSchema.parse(json), pipeline: null };
}

/**
 * The consolidate job without argv parsing: used by the command and by `xeploai demo`. The whole
 * read-modify-write of the master runs under the master's lock (a second run waits, then gives
 * up with exit 2), after removing what a killed run left beside it.
 */
export async function consolidateFiles(
  opts: ConsolidateFilesOptions,
  io: FsOps = nodeFs
): Promise<ConsolidateFilesResult> {
  const locked = await acquireMasterLock(opts.master, opts.lockWaitMs);
  if (!locked.ok) return failure(opts, locked.error);
  try {
    const notes = [...locked.lock.notes, ...(await removeStaleTemps(opts.master))];
    const result = await consolidateLocked(opts, io);
    result.json.notes = [...notes.map((n) => pick(n, opts.lang)), ...result.json.notes];
    return result;
  } finally {
    await locked.lock.release();
  }
}

async function consolidateLocked(
  opts: ConsolidateFilesOptions,
  io: FsOps
): Promise<ConsolidateFilesResult> {
  const catalog = opts.catalog ?? CATALOG;
  const lang = opts.lang;
  // A master a person has open, or one made read-only, is never replaced.
  const open = await openElsewhere(opts.master);
  if (open) return failure(opts, open);
  const mode = await masterMode(opts.master);
  const readOnly = readOnlyRefusal(opts.master, mode);
  if (readOnly) return failure(opts, readOnly);
  const { reader } = await loadXlsx();
  const writer = await loadNodeXlsxWriter();
  const outcomes = await readSubmissionFiles(opts.files, {
    register: opts.register,
    period: opts.settings.period,
    catalog: [...catalog],
  });
  const submissions: Submission[] = [];
  const refused: RefusedFile[] = [];
  for (const o of outcomes) {
    if (o.outcome.ok) submissions.push(...o.outcome.submissions);
    else refused.push(o.outcome.refused);
  }

  // The previous master: its hand-filled columns must survive, so a master we cannot read is never overwritten.
  let previous: ManualRead | null = null;
  const masterName = path.basename(opts.master);
  let existing: Uint8Array | null;
  try {
    existing = await io.readFile(opts.master);
  } catch (e) {
    return failure(
      opts,
      {
        vi: `Không đọc được bảng tổng hợp hiện có "${opts.master}" (${(e as Error).message}); không ghi gì.`,
        en: `Cannot read the existing master "${opts.master}" (${(e as Error).message}); nothing written.`,
      },
      refused
    );
  }
  if (existing) {
    const read = await reader.read(existing, masterName);
    if (!read.ok) {
      return failure(
        opts,
        {
          vi: `Tệp "${opts.master}" đã có nhưng không đọc được (${read.refused.message.vi}) nên không ghi đè, để không mất các cột nhập tay. Hãy chọn tên tệp khác cho --master.`,
          en: `"${opts.master}" exists but cannot be read (${read.refused.message.en}); not overwritten. Choose another --master file.`,
        },
        refused
      );
    }
    previous = readManualColumns(read.grids);
    if (!previous.isMaster) {
      return failure(
        opts,
        {
          vi: `Tệp "${opts.master}" đã có và không phải bảng tổng hợp do XếpLoại tạo; không ghi đè. Hãy chọn tên tệp khác cho --master.`,
          en: `"${opts.master}" exists and is not a XếpLoại master; not overwritten. Choose another --master file.`,
        },
        refused
      );
    }
    if (previous.period !== null && previous.period !== opts.settings.period) {
      return failure(
        opts,
        {
          vi: `Bảng tổng hợp "${opts.master}" là của năm ${previous.period}, không phải năm ${opts.settings.period}; không ghi đè. Hãy chọn tên tệp khác cho --master.`,
          en: `The master "${opts.master}" is for ${previous.period}, not ${opts.settings.period}; not overwritten.`,
        },
        refused
      );
    }
  }
  if (submissions.length === 0) {
    return failure(
      opts,
      {
        vi: `Không có tệp mẫu biểu nào đọc được (${refused.length} tệp bị từ chối); bảng tổng hợp không thay đổi.`,
        en: `No template file could be read (${refused.length} refused); the master is unchanged.`,
      },
      refused
    );
  }

  let result: PipelineResult;
  let bytes: Uint8Array;
  try {
    result = runPipeline({
      submissions,
      refused,
      previous,
      settings: opts.settings,
      register: opts.register,
      catalog,
      ruleSet: opts.ruleSet,
      errorPolicy: opts.errorPolicy,
      deadline: opts.deadline,
      now: opts.now,
      runWarnings: opts.runWarnings,
    });
    if (result.consolidation.rows.length === 0) {
      return failure(
        opts,
        {
          vi: `Không lấy được dòng số liệu nào (mọi dòng đều bị loại theo lựa chọn khi có lỗi); bảng tổng hợp không thay đổi.`,
          en: `No data row could be taken (all left out by the error policy); the master is unchanged.`,
        },
        refused
      );
    }
    bytes = await writer.write(result.model);
  } catch (e) {
    return failure(
      opts,
      {
        vi: `Lỗi khi lập bảng tổng hợp (${(e as Error).message}); bảng tổng hợp cũ không thay đổi.`,
        en: `Building the master failed (${(e as Error).message}); the previous master is unchanged.`,
      },
      refused
    );
  }

  // All or nothing: a temporary file next to OUT (with OUT's permissions), flushed to disk, then
  // renamed over it only when fully written.
  const tmp = tempPathFor(opts.master);
  try {
    await io.writeFile(tmp, bytes, mode ?? undefined);
    const openNow = await openElsewhere(opts.master); // opened in Excel while we worked
    if (openNow) {
      await io.unlink(tmp).catch(() => undefined);
      return failure(opts, openNow, refused);
    }
    await io.rename(tmp, opts.master);
  } catch (e) {
    await io.unlink(tmp).catch(() => undefined);
    return failure(
      opts,
      {
        vi: `Không ghi được "${opts.master}" (${(e as Error).message}); bảng tổng hợp cũ không thay đổi.`,
        en: `Could not write "${opts.master}" (${(e as Error).message}); the previous master is unchanged.`,
      },
      refused
    );
  }

  const c = result.consolidation;
  const leftOut = c.files.some((f) => f.status === "leftOut");
  const exitCode = refused.length > 0 || leftOut ? 1 : 0;
  const comp = c.completeness;
  const receivedTemplates = new Set(comp.filter((e) => e.received).map((e) => e.templateId));
  const manual = previous?.manual ?? {};
  const json: ConsolidateJson = {
    master: opts.master,
    written: true,
    exitCode,
    error: null,
    period: c.period,
    deadline: c.deadline,
    errorPolicy: c.errorPolicy,
    ruleSetId: result.ruleSet.id,
    ruleSetName: result.ruleSet.name,
    files: c.files.map((f) => ({ ...f })),
    refused: c.refused.map((r) => ({
      file: r.file,
      reason: r.reason,
      message: pick(r.message, lang),
      messages: r.message,
    })),
    excluded: c.excluded.map((e) => ({
      file: e.file,
      sheet: e.sheet,
      templateId: e.templateId,
      scope: e.scope,
      row: e.row,
      unitCode: e.unitCode,
      reason: e.reason,
      message: pick(e.message, lang),
    })),
    conflicts: c.conflicts.map((k) => ({
      templateId: k.templateId,
      unitCode: k.unitCode,
      winner: k.winner.file,
      loser: k.loser.file,
      message: pick(k.message, lang),
    })),
    completeness: {
      expected: comp.length,
      valid: comp.filter((e) => e.status === "valid").length,
      hasErrors: comp.filter((e) => e.status === "hasErrors").length,
      missing: comp.filter((e) => e.status === "missing").length,
      late: comp.filter((e) => e.late).length,
      missingTemplates: catalog.map((s) => s.id).filter((id) => !receivedTemplates.has(id)),
    },
    classification: result.classification.tccs.map((t) => ({
      unitCode: t.unitCode,
      unitName: t.unitName,
      selfRating: t.selfRating,
      cap: t.cap,
      suggested: t.suggested,
      deXuatBtc: manual[t.unitCode]?.deXuatBtc ?? null,
      quyetDinhBtv: manual[t.unitCode]?.quyetDinhBtv ?? null,
      complete: t.complete,
      reasons: t.reasons.map((r) => ({
        ruleId: r.ruleId,
        kind: r.kind,
        maxLevel: r.maxLevel,
        source: r.source,
        message: pick(r.message, lang),
        cells: r.cells,
      })),
      criteria: t.criteria.map((cr) => ({
        criterion: cr.criterion,
        label: pick(cr.label, lang),
        claimed: cr.claimed,
        cell: cr.cell,
        status: cr.status,
        evidence: cr.results.map((e) => ({
          ruleId: e.ruleId,
          templateId: e.templateId,
          department: e.department,
          status: e.status,
          value: e.value ?? null,
          consequence: e.consequence,
          maxLevel: e.maxLevel,
          source: e.source,
          message: pick(e.message, lang),
          cells: e.cells,
        })),
      })),
    })),
    quota: [...result.quota.organisations, ...result.quota.members].map((g) => ({
      kind: g.kind,
      group: g.group,
      label: g.label,
      base: g.base,
      allowed: g.allowed,
      used: g.used,
      excess: g.excess,
      candidates: g.candidates,
    })),
    warnings: [
      ...c.warnings.map((w) => ({
        rule: w.rule,
        severity: "warning" as const,
        unitCode: w.unitCode,
        message: pick(w.message, lang),
        sources: w.sources,
      })),
      ...result.classification.warnings.map((w) => ({
        rule: w.rule,
        severity: w.severity ?? "warning",
        unitCode: w.unitCode,
        message: pick(w.message, lang),
        sources: w.cells,
      })),
    ],
    manualKept: Object.keys(manual).length,
    manualKeptLeaders: Object.keys(previous?.leaders ?? {}).length,
    manualIssues: (previous?.issues ?? []).map((i) => pick(i, lang)),
    notes: [],
  };
  return { json: consolidateJsonSchema.parse(json), pipeline: result };
}

/** A short human summary (Vietnamese by default). */
export function consolidateSummary(j: ConsolidateJson, lang: "vi" | "en" = "vi"): string {
  const en = lang === "en";
  const lines: string[] = [];
  if (!j.written) {
    lines.push(
      en
        ? `Nothing written: ${j.error ? j.error.en : ""}`
        : `Không ghi bảng tổng hợp: ${j.error ? j.error.vi : ""}`
    );
    for (const r of j.refused)
      lines.push(`  ${en ? "Not read" : "Không đọc được"}: ${r.file}: ${r.message}`);
    for (const n of j.notes) lines.push(`  ${en ? "NOTE" : "GHI CHÚ"}: ${n}`);
    return lines.join("\n");
  }
  const count = (s: string) => j.files.filter((f) => f.status === s).length;
  const byLevel = (l: string) => j.classification.filter((c) => c.suggested === l).length;
  if (en) {
    lines.push(
      `Master written: ${j.master} (period ${j.period}, rule set ${titleOf({ name: j.ruleSetName }).en}, deadline ${dateWords(j.deadline)}).`
    );
    lines.push(
      `Sheets read: ${j.files.length} (${count("taken")} taken, ${count("partly")} partly, ${count("leftOut")} left out, ${count("superseded")} replaced by newer files); files not read: ${j.refused.length}; conflicts: ${j.conflicts.length}.`
    );
    lines.push(
      `Completeness: ${j.completeness.valid} valid, ${j.completeness.hasErrors} with errors, ${j.completeness.missing} missing, ${j.completeness.late} late.`
    );
    lines.push(
      `Suggested levels: HTXSNV ${byLevel("HTXSNV")}, HTTNV ${byLevel("HTTNV")}, HTNV ${byLevel("HTNV")}, KHTNV ${byLevel("KHTNV")}, none ${j.classification.filter((c) => !c.suggested).length}.`
    );
  } else {
    lines.push(
      `Đã ghi bảng tổng hợp: ${j.master} (năm ${j.period}, bộ quy tắc ${titleOf({ name: j.ruleSetName }).vi}, hạn nộp ${dateWords(j.deadline)}).`
    );
    lines.push(
      `Số bảng đã đọc: ${j.files.length} (${count("taken")} lấy đủ, ${count("partly")} lấy một phần, ${count("leftOut")} bị loại, ${count("superseded")} được thay bằng bản mới hơn); tệp không đọc được: ${j.refused.length}; trùng số liệu: ${j.conflicts.length}.`
    );
    lines.push(
      `Tình hình nộp: ${j.completeness.valid} hợp lệ, ${j.completeness.hasErrors} có lỗi, ${j.completeness.missing} chưa nhận, ${j.completeness.late} trễ hạn.`
    );
    lines.push(
      `Hệ thống đề xuất: HTXSNV ${byLevel("HTXSNV")}, HTTNV ${byLevel("HTTNV")}, HTNV ${byLevel("HTNV")}, KHTNV ${byLevel("KHTNV")}, chưa đề xuất ${j.classification.filter((c) => !c.suggested).length}.`
    );
  }
  const over = j.quota.filter((q) => q.excess > 0);
  if (over.length)
    lines.push(
      en
        ? `Quota exceeded in ${over.length} group(s): ${over.map((q) => `${q.label} (+${q.excess})`).join(", ")}.`
        : `Vượt chỉ tiêu HTXSNV ở ${over.length} nhóm: ${over.map((q) => `${q.label} (+${q.excess})`).join(", ")}.`
    );
  if (j.manualKept || j.manualKeptLeaders)
    lines.push(
      en
        ? `Hand-filled columns kept for ${j.manualKept} unit(s) and ${j.manualKeptLeaders} leader row(s).`
        : `Giữ nguyên các cột nhập tay của ${j.manualKept} đơn vị và ${j.manualKeptLeaders} dòng lãnh đạo.`
    );
  for (const r of j.refused) lines.push(`  ${en ? "NOT READ" : "KHÔNG ĐỌC ĐƯỢC"}: ${r.message}`);
  for (const e of j.excluded) lines.push(`  ${en ? "LEFT OUT" : "BỊ LOẠI"}: ${e.message}`);
  for (const k of j.conflicts) lines.push(`  ${en ? "CONFLICT" : "TRÙNG"}: ${k.message}`);
  for (const w of j.warnings)
    lines.push(
      `  ${w.severity === "error" ? (en ? "ERROR" : "LỖI SỐ LIỆU") : en ? "WARNING" : "CẢNH BÁO"}: ${w.message}`
    );
  for (const m of j.manualIssues) lines.push(`  ${en ? "MASTER" : "BẢNG TỔNG HỢP"}: ${m}`);
  for (const n of j.notes) lines.push(`  ${en ? "NOTE" : "GHI CHÚ"}: ${n}`);
  return lines.join("\n");
}

function errorPolicyOpt(v: string | undefined): ErrorPolicy | undefined {
  if (v === undefined) return undefined;
  if ((ERROR_POLICIES as string[]).includes(v)) return v as ErrorPolicy;
  throw new CliError({
    vi: `--error-policy chỉ nhận: ${ERROR_POLICIES.join(", ")}; nhận được "${v}".`,
    en: `--error-policy takes: ${ERROR_POLICIES.join(", ")}; got "${v}".`,
  });
}

function deadlineOpt(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw new CliError({
      vi: `--deadline phải là ngày dạng YYYY-MM-DD, ví dụ 2019-12-25; nhận được "${v}".`,
      en: `--deadline must be a date YYYY-MM-DD, e.g. 2019-12-25; got "${v}".`,
    });
  }
  return v;
}

export function ruleSetFor(settings: PeriodSettings): RuleSet {
  const rs = getRuleSet(settings.ruleSetId);
  if (!rs)
    throw new CliError({
      vi: `Không có bộ quy tắc "${settings.ruleSetId}" (có: HD21-2019, QD366-2025). Hãy sửa ruleSetId trong tệp cấu hình.`,
      en: `No rule set "${settings.ruleSetId}". Fix ruleSetId in the settings.`,
    });
  return rs;
}

/** A rule set from --rules FILE (JSON, validated), else the shipped one named by the settings. */
export async function ruleSetFrom(
  file: string | undefined,
  settings: PeriodSettings
): Promise<RuleSet> {
  if (!file) return ruleSetFor(settings);
  const bytes = await readFileOrFail(file, { vi: "Tệp bộ quy tắc", en: "Rule set file" });
  const r = parseRuleSet(new TextDecoder().decode(bytes));
  if (!r.ok) throw new CliError({ vi: `${file}: ${r.message.vi}`, en: `${file}: ${r.message.en}` });
  return r.ruleSet;
}

/**
 * The periods the files were made for, from their `_meta` sheets (files that cannot be read, or
 * carry no period, are left to the consolidation, which refuses or reads them as usual).
 */
export async function periodsOfFiles(files: string[]): Promise<Map<number, string[]>> {
  const { reader } = await loadXlsx();
  const out = new Map<number, string[]>();
  for (const f of files) {
    try {
      const st = await fs.stat(f);
      if (!st.isFile() || st.size > MAX_INPUT_FILE_BYTES) continue;
      const read = await reader.read(new Uint8Array(await fs.readFile(f)), path.basename(f));
      if (!read.ok) continue;
      const p = periodOfWorkbook(read.grids);
      if (p !== null) out.set(p, [...(out.get(p) ?? []), f]);
    } catch {
      // Not readable here: the consolidation says why.
    }
  }
  return out;
}

/** Files of several periods in one run, named by year. */
export function mixedPeriodsError(found: Map<number, string[]>): CliError {
  const years = [...found.keys()].sort((a, b) => a - b);
  const list = (word: string) =>
    years.map((y) => `${word} ${y}: ${found.get(y)!.join(", ")}`).join("; ");
  return new CliError({
    vi: `Các tệp thuộc nhiều năm đánh giá khác nhau (${list("năm")}). Mỗi lần tổng hợp chỉ cho một năm: hãy tách các tệp theo năm và tổng hợp riêng, hoặc chỉ rõ năm bằng --settings (khi đó tệp của năm khác bị bỏ qua).`,
    en: `The files belong to different review periods (${list("")}). Each consolidation covers one period: split the files by year, or name the period with --settings (files of other years are then left out).`,
  });
}

/**
 * The settings of a run: --settings FILE, else those of the period the files were made for
 * (their `_meta`): the shipped settings of that year, or the defaults moved to it with the rule
 * set valid for it. Files of several periods are refused.
 */
export async function settingsOfRun(
  settingsPath: string | undefined,
  files: string[]
): Promise<{ settings: PeriodSettings; note: LocalizedText | null }> {
  if (settingsPath) return { settings: await settingsFrom(settingsPath), note: null };
  const found = await periodsOfFiles(files);
  if (found.size > 1) throw mixedPeriodsError(found);
  if (found.size === 0) return { settings: await settingsFrom(undefined), note: null };
  const period = [...found.keys()][0]!;
  const settings = { ...settingsForPeriod(period) };
  if (!SHIPPED_SETTINGS[period]) {
    const rs = ruleSetForPeriod(period);
    if (rs) settings.ruleSetId = rs.id;
  }
  if (period === 2019) return { settings, note: null };
  const rules = titleOf({ name: ruleSetNameOf(getRuleSet(settings.ruleSetId), settings) });
  return {
    settings,
    note: {
      vi: `Năm đánh giá ${period} lấy theo năm ghi trong ${HIDDEN_INFO_SHEET.vi} của các tệp (không có --settings); dùng bộ quy tắc ${rules.vi}.`,
      en: `Period ${period} taken from the year in the files' ${HIDDEN_INFO_SHEET.en} (no --settings); using the rule set ${rules.en}.`,
    },
  };
}

export const consolidateCommand: Command = {
  name: "consolidate",
  summary: {
    vi: "Tổng hợp các tệp đã điền thành bảng tổng hợp xếp loại",
    en: "Consolidate filled files into the master classification workbook",
  },
  usage:
    "consolidate FILE... --master OUT.xlsx [--json] [--deadline YYYY-MM-DD] [--error-policy dropErroneousRows|takeMarked|dropFile] [--settings FILE] [--units FILE] [--rules FILE] [--templates DIR] [--force]",
  options: [
    {
      name: "master",
      value: true,
      placeholder: "OUT.xlsx",
      help: {
        vi: "Tệp bảng tổng hợp (tạo mới hoặc cập nhật, giữ các cột nhập tay)",
        en: "Master workbook (created or updated; hand-filled columns kept)",
      },
    },
    { name: "json", value: false, help: { vi: "Xuất JSON", en: "Print JSON" } },
    {
      name: "deadline",
      value: true,
      placeholder: "YYYY-MM-DD",
      help: {
        vi: "Hạn nộp cho lần này (mặc định theo cấu hình: 25/12)",
        en: "Deadline for this run (default from settings)",
      },
    },
    {
      name: "error-policy",
      value: true,
      placeholder: "POLICY",
      help: {
        vi: "Khi tệp có lỗi: dropErroneousRows (mặc định, bỏ dòng lỗi), takeMarked (lấy và đánh dấu), dropFile (bỏ cả tệp)",
        en: "Files with errors: dropErroneousRows (default), takeMarked, dropFile",
      },
    },
    {
      name: "settings",
      value: true,
      placeholder: "FILE",
      help: { vi: "Tệp cấu hình kỳ đánh giá (JSON)", en: "Period settings (JSON)" },
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
      name: "rules",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Bộ quy tắc xếp loại dạng JSON (mặc định: theo ruleSetId trong cấu hình, hoặc bộ quy tắc của năm đánh giá)",
        en: "Classification rule set as JSON (default: ruleSetId of the settings, or the rule set of the period)",
      },
    },
    TEMPLATES_OPTION,
    {
      name: "force",
      value: false,
      help: {
        vi: "Vẫn dùng bộ quy tắc hoặc bộ mẫu biểu ngoài các năm nó áp dụng (ghi cảnh báo vào bảng tổng hợp)",
        en: "Use a rule set or template set outside its periods anyway (a warning goes on the master)",
      },
    },
    {
      name: "now",
      value: true,
      placeholder: "ISO",
      help: {
        vi: "Thời điểm ghi vào nhật ký (để chạy lặp lại cho cùng kết quả)",
        en: "Time recorded in the log (for reproducible runs)",
      },
    },
  ],
  async run(args, ctx: CliContext) {
    const master = stringOpt(args, "master");
    if (!master)
      throw new CliError({
        vi: "Thiếu --master OUT.xlsx: tệp bảng tổng hợp cần ghi.",
        en: "Missing --master OUT.xlsx.",
      });
    if (args.positionals.length === 0)
      throw new CliError({
        vi: "Thiếu tệp cần tổng hợp: xeploai consolidate TỆP.xlsx … --master OUT.xlsx",
        en: "No file to consolidate.",
      });
    const now = stringOpt(args, "now") ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(now)))
      throw new CliError({
        vi: `--now phải là thời điểm ISO; nhận được "${now}".`,
        en: `--now must be an ISO time; got "${now}".`,
      });
    const { files, repeated, lockFiles } = inputFiles(args.positionals);
    for (const f of lockFiles) ctx.io.err(ctx.t(lockFileNote(f)));
    for (const f of repeated) ctx.io.err(ctx.t(repeatedFileNote(f)));
    const { settings, note } = await settingsOfRun(stringOpt(args, "settings"), files);
    if (note) ctx.io.err(ctx.t(note));
    const register = await registerFrom(stringOpt(args, "units"), settings);
    const force = args.options.force === true;
    const runWarnings: LocalizedText[] = [];
    // A template set or rule set outside its periods: refused, or used with --force and a warning.
    const { set, explicit } = await templateSetOf(stringOpt(args, "templates"), settings);
    const forPeriod = templateSetForRun(set, settings.period, force);
    let catalog = set.specs;
    if (forPeriod.ok) {
      catalog = forPeriod.catalog;
      if (forPeriod.warning) runWarnings.push(forPeriod.warning);
    } else if (explicit) throw new CliError(forPeriod.message);
    const ruleSet = await ruleSetFrom(stringOpt(args, "rules"), settings);
    const ruleCheck = ruleSetForRun(ruleSet, settings.period, force);
    if (!ruleCheck.ok) throw new CliError(ruleCheck.message);
    if (ruleCheck.warning) runWarnings.push(ruleCheck.warning);
    const { json } = await consolidateFiles({
      files,
      master,
      settings,
      register,
      catalog,
      ruleSet,
      runWarnings,
      errorPolicy: errorPolicyOpt(stringOpt(args, "error-policy")),
      deadline: deadlineOpt(stringOpt(args, "deadline")),
      now,
      lang: ctx.lang,
    });
    if (args.options.json) ctx.io.out(JSON.stringify(json, null, 2));
    else if (json.written) ctx.io.out(consolidateSummary(json, ctx.lang));
    else ctx.io.err(consolidateSummary(json, ctx.lang));
    return json.exitCode;
  },
};
