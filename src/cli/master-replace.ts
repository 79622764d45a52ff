/**
 * Replacing the master on disk so that it is never lost: a read-only master is refused, the new
 * bytes go to a temporary file beside it (with the original's permissions) that is flushed to disk
 * before it is renamed over the master, and the folder is flushed after. Temporary files left by a
 * run that was killed midway are removed by the next run.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { LocalizedText } from "../core/i18n";
import { processAlive } from "./master-lock";

/** A temporary file older than this is stale even when its process id is in use again. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** `.master.xlsx.<pid>.tmp` beside the master. */
export function tempPathFor(master: string, pid: number = process.pid): string {
  return path.join(path.dirname(master), `.${path.basename(master)}.${pid}.tmp`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Removes the temporary files a killed run of this program left beside the master (named
 * `.master.xlsx.<pid>.tmp`, whose process is gone or which are older than an hour). Called while
 * holding the master's lock, so no live run of this version is writing one. Returns what it removed.
 */
export async function removeStaleTemps(
  master: string,
  nowMs = Date.now()
): Promise<LocalizedText[]> {
  const dir = path.dirname(master);
  const pattern = new RegExp(`^\\.${escapeRe(path.basename(master))}\\.(\\d+)\\.tmp$`);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const notes: LocalizedText[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const p = path.join(dir, name);
    try {
      const st = await fs.lstat(p);
      if (!st.isFile()) continue;
      const old = nowMs - st.mtimeMs > STALE_TEMP_MS;
      if (pid === process.pid || (processAlive(pid) && !old)) continue;
      await fs.unlink(p);
      notes.push({
        vi: `Đã xóa tệp tạm "${name}" do một lần chạy trước bị dừng giữa chừng để lại (bảng tổng hợp không bị ảnh hưởng).`,
        en: `Removed the temporary file "${name}" left by an earlier run that was stopped midway (the master was not affected).`,
      });
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return notes;
}

/** The master's permission bits when it exists, or null. */
export async function masterMode(master: string): Promise<number | null> {
  try {
    return (await fs.stat(master)).mode & 0o7777;
  } catch {
    return null;
  }
}

/** A message when the master exists and is read-only (no write permission bit for its owner). */
export function readOnlyRefusal(master: string, mode: number | null): LocalizedText | null {
  if (mode === null || (mode & 0o200) !== 0) return null;
  return {
    vi: `Tệp "${master}" đang để chỉ đọc (read-only), nên không ghi đè. Nếu muốn cập nhật, bỏ thuộc tính chỉ đọc (Windows: chuột phải → Properties → bỏ chọn Read-only; Linux/macOS: chmod u+w) rồi chạy lại, hoặc chọn tên tệp khác cho --master.`,
    en: `"${master}" is read-only, so it is not overwritten. To update it, clear the read-only attribute (chmod u+w) and run again, or choose another --master file.`,
  };
}

/** Writes bytes to a new file with the given permissions and flushes them to disk. */
export async function writeDurable(p: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const fh = await fs.open(p, "w", mode ?? 0o666);
  try {
    await fh.writeFile(bytes);
    // open() applies the umask: set the original's permissions exactly.
    if (mode !== undefined) await fh.chmod(mode);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Renames over the target, then flushes the folder so the rename itself survives a power cut. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await fs.rename(from, to);
  let dir: Awaited<ReturnType<typeof fs.open>> | null = null;
  try {
    dir = await fs.open(path.dirname(to), "r");
    await dir.sync();
  } catch {
    /* folders cannot be opened or flushed on some platforms (Windows): the rename stands */
  } finally {
    await dir?.close().catch(() => undefined);
  }
}
