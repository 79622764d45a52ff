/**
 * Reading submission files from disk for CLI commands (validate, and consolidate/demo later):
 * bytes → XlsxReader → readSubmissions. A missing file or an unreadable one becomes a refusal, so
 * one bad file never stops the others.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { loadXlsx } from "../adapters/xlsx";
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
}

export async function readSubmissionFile(
  filePath: string,
  opts: ReadFilesOptions
): Promise<FileOutcome> {
  const name = path.basename(filePath);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(filePath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    const missing = code === "ENOENT";
    return {
      path: filePath,
      outcome: {
        ok: false,
        refused: {
          file: filePath,
          reason: missing ? "not-found" : "unreadable",
          message: missing
            ? { vi: `Không thấy tệp ${filePath}.`, en: `File ${filePath} not found.` }
            : {
                vi: `Không đọc được tệp ${filePath} (${code}).`,
                en: `Cannot read file ${filePath} (${code}).`,
              },
        },
      },
    };
  }
  const { reader } = await loadXlsx();
  const read = await reader.read(bytes, name);
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

export function repeatedFileNote(file: string): { vi: string; en: string } {
  return {
    vi: `Tệp ${file} được đưa vào nhiều lần; chỉ đọc một lần.`,
    en: `File ${file} was given more than once; it is read once.`,
  };
}
