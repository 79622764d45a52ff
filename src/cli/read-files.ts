/**
 * Reading submission files from disk for CLI commands (validate, and consolidate/demo later):
 * bytes → XlsxReader → readSubmissions. A missing file or an unreadable one becomes a refusal, so
 * one bad file never stops the others.
 */
import { constants as fsConstants, promises as fs, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import * as path from "node:path";
import type { XlsxReader } from "../adapters/xlsx/read-types";

/**
 * The lean reader with Node's zlib (the CLI's only reader of submissions), loaded on first use:
 * its modules and fflate's tables cost every command's start-up, --help included, otherwise.
 */
let cachedReader: Promise<XlsxReader> | null = null;
const nodeReader = (): Promise<XlsxReader> =>
  (cachedReader ??= import("../adapters/xlsx/lean/node-reader").then((m) =>
    m.createNodeXlsxReader()
  ));
import { readSubmissions } from "../core/submission/read";
import type { ReadOutcome } from "../core/submission/types";
import type { TemplateSpec } from "../core/templates/spec";
import type { UnitRegister } from "../core/units/types";

export interface FileOutcome {
  /** The path as given on the command line. */
  path: string;
  outcome: ReadOutcome;
}

export interface ReadFilesOptions {
  register: UnitRegister;
  period?: number;
  catalog?: TemplateSpec[];
  /** Files above this size are refused before reading (default MAX_INPUT_FILE_BYTES). */
  maxBytes?: number;
}

/**
 * Files above this size are refused before reading: a returned template is well under 1 MB, and the
 * reader's parse memory is bounded, but the bytes themselves are held whole.
 */
export const MAX_INPUT_FILE_BYTES = 100 * 1024 * 1024;

const refusal = (filePath: string, reason: string, vi: string, en: string): FileOutcome => ({
  path: filePath,
  outcome: { ok: false, refused: { file: filePath, reason, message: { vi, en } } },
});

/** "3,2 GB", "120 MB": sizes as an official reads them. */
function sizeText(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${gb.toFixed(1).replace(".", ",")} GB`;
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** What a path is when it is not a regular file (or null), in both languages. */
function notAFile(st: Stats): { vi: string; en: string } | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return { vi: "là một thư mục", en: "is a folder" };
  if (st.isFIFO()) return { vi: "là một đường ống (FIFO)", en: "is a pipe (FIFO)" };
  if (st.isCharacterDevice() || st.isBlockDevice())
    return { vi: "là một thiết bị", en: "is a device" };
  if (st.isSocket()) return { vi: "là một socket", en: "is a socket" };
  return { vi: "không phải tệp thông thường", en: "is not a regular file" };
}

/**
 * The file's bytes, or a refusal. The path is opened without blocking (a FIFO would otherwise hang)
 * and looked at first: folders, pipes, devices and files above MAX_INPUT_FILE_BYTES are refused
 * before a byte is read, and no more than the limit is ever read.
 */
async function readBounded(
  filePath: string,
  limit: number
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; refused: FileOutcome }> {
  let fh: FileHandle;
  try {
    fh = await fs.open(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    if (code === "ENOENT")
      return {
        ok: false,
        refused: refusal(
          filePath,
          "not-found",
          `Không thấy tệp ${filePath}.`,
          `File ${filePath} not found.`
        ),
      };
    if (code === "EISDIR")
      return {
        ok: false,
        refused: refusal(
          filePath,
          "not-a-file",
          `${filePath} là một thư mục, không phải tệp mẫu biểu .xlsx; bỏ qua. Hãy chỉ ra các tệp trong thư mục, ví dụ "${filePath}/*.xlsx".`,
          `${filePath} is a folder, not an .xlsx file; skipped. Name the files inside, e.g. "${filePath}/*.xlsx".`
        ),
      };
    return {
      ok: false,
      refused: refusal(
        filePath,
        "unreadable",
        `Không đọc được tệp ${filePath} (${code}). Hãy kiểm tra quyền đọc tệp.`,
        `Cannot read file ${filePath} (${code}). Check that the file can be read.`
      ),
    };
  }
  try {
    const st = await fh.stat();
    const what = notAFile(st);
    if (what)
      return {
        ok: false,
        refused: refusal(
          filePath,
          "not-a-file",
          `${filePath} ${what.vi}, không phải tệp mẫu biểu .xlsx; không đọc. Hãy chỉ ra tệp .xlsx đã điền.`,
          `${filePath} ${what.en}, not an .xlsx file; not read. Name the filled .xlsx file.`
        ),
      };
    if (st.size > limit)
      return {
        ok: false,
        refused: refusal(
          filePath,
          "too-large",
          `Tệp ${filePath} quá lớn (${sizeText(st.size)}; mẫu biểu đã điền thường dưới 1 MB, giới hạn ${sizeText(limit)}); không đọc. Hãy kiểm tra đã chọn đúng tệp.`,
          `File ${filePath} is too large (${sizeText(st.size)}; a filled template is usually under 1 MB, the limit is ${sizeText(limit)}); not read. Check that this is the right file.`
        ),
      };
    // Never more than the limit, even if the file grows while it is read.
    const buf = new Uint8Array(Math.min(st.size, limit) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n >= buf.length) break;
    }
    if (n > limit)
      return {
        ok: false,
        refused: refusal(
          filePath,
          "too-large",
          `Tệp ${filePath} quá lớn (trên ${sizeText(limit)}); không đọc.`,
          `File ${filePath} is too large (over ${sizeText(limit)}); not read.`
        ),
      };
    return { ok: true, bytes: buf.subarray(0, n) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return {
      ok: false,
      refused: refusal(
        filePath,
        "unreadable",
        `Không đọc được tệp ${filePath} (${code}).`,
        `Cannot read file ${filePath} (${code}).`
      ),
    };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

export async function readSubmissionFile(
  filePath: string,
  opts: ReadFilesOptions
): Promise<FileOutcome> {
  const name = path.basename(filePath);
  const got = await readBounded(filePath, opts.maxBytes ?? MAX_INPUT_FILE_BYTES);
  if (!got.ok) return got.refused;
  const bytes = got.bytes;
  const read = await (await nodeReader()).read(bytes, name);
  if (!read.ok) return { path: filePath, outcome: { ok: false, refused: read.refused } };
  return {
    path: filePath,
    outcome: readSubmissions(read.grids, {
      register: opts.register,
      period: opts.period,
      catalog: opts.catalog,
    }),
  };
}

export async function readSubmissionFiles(
  paths: string[],
  opts: ReadFilesOptions
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const p of paths) out.push(await readSubmissionFile(p, opts)); // one at a time: bounded memory
  return out;
}

/**
 * The same file named twice on the command line (a shell glob and a typed name, say) is read once:
 * otherwise every row would be reported as a conflict of the file with itself.
 */
export function distinctFiles(paths: string[]): { files: string[]; repeated: string[] } {
  const seen = new Set<string>();
  const files: string[] = [];
  const repeated: string[] = [];
  for (const p of paths) {
    const key = path.resolve(p);
    if (seen.has(key)) repeated.push(p);
    else {
      seen.add(key);
      files.push(p);
    }
  }
  return { files, repeated };
}

/**
 * Excel's owner files (`~$name.xlsx`, a few bytes saying who has name.xlsx open) are caught by a glob
 * like *.xlsx: they are skipped with a note, not refused as broken templates.
 */
export function withoutOfficeLockFiles(paths: string[]): { files: string[]; lockFiles: string[] } {
  const isLock = (p: string) => /^~\$.*\.xls[xm]?$/i.test(path.basename(p));
  return { files: paths.filter((p) => !isLock(p)), lockFiles: paths.filter(isLock) };
}

/** The files named on the command line, without Excel lock files and without repeats. */
export function inputFiles(paths: string[]): {
  files: string[];
  repeated: string[];
  lockFiles: string[];
} {
  const { files: named, lockFiles } = withoutOfficeLockFiles(paths);
  return { ...distinctFiles(named), lockFiles };
}

export function lockFileNote(file: string): { vi: string; en: string } {
  const original = path.join(path.dirname(file), path.basename(file).slice(2));
  return {
    vi: `Bỏ qua ${file}: đây là tệp khóa Excel tạo ra khi có người đang mở ${original}, không phải mẫu biểu.`,
    en: `Skipped ${file}: an Excel lock file (someone has ${original} open), not a template.`,
  };
}

export function repeatedFileNote(file: string): { vi: string; en: string } {
  return {
    vi: `Tệp ${file} được đưa vào nhiều lần; chỉ đọc một lần.`,
    en: `File ${file} was given more than once; it is read once.`,
  };
}
