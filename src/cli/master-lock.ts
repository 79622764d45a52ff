/**
 * Who else has the master: our own lock for the read-modify-write of `consolidate`, and the lock
 * files Excel (`~$master.xlsx`) and LibreOffice (`.~lock.master.xlsx#`) keep beside a file a person
 * has open.
 *
 * Our lock is `.master.xlsx.lock` beside the master, created exclusively (O_EXCL) and holding the
 * process id, host and start time. A second run waits a bounded time for it; a lock whose process
 * is gone (same host, a run that was killed) is taken over.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { LocalizedText } from "../core/i18n";
import { dateTimeWords } from "./plain-words";

/** How long a second run waits for the first by default (XEPLOAI_LOCK_WAIT_MS overrides it). */
export const DEFAULT_LOCK_WAIT_MS = 30_000;
const POLL_MS = 100;

export function ownLockPath(master: string): string {
  return path.join(path.dirname(master), `.${path.basename(master)}.lock`);
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  token: string;
}

/** True when a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(lock: string): Promise<LockOwner | null> {
  try {
    const o = JSON.parse(await fs.readFile(lock, "utf8")) as Partial<LockOwner>;
    if (typeof o.pid !== "number" || typeof o.host !== "string") return null;
    return { pid: o.pid, host: o.host, since: String(o.since ?? ""), token: String(o.token ?? "") };
  } catch {
    return null;
  }
}

export interface MasterLock {
  /** Removes the lock (only while it is still ours). */
  release(): Promise<void>;
  /** What happened on the way (a lock left by a killed run taken over). */
  notes: LocalizedText[];
}

export type LockResult = { ok: true; lock: MasterLock } | { ok: false; error: LocalizedText };

export function lockWaitFromEnv(): number {
  const v = Number(process.env.XEPLOAI_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_LOCK_WAIT_MS;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the master's lock, waiting up to `waitMs` for another run to finish. The lock covers the
 * whole read-modify-write, so two runs never both read the same master and both replace it.
 */
export async function acquireMasterLock(
  master: string,
  waitMs: number = lockWaitFromEnv()
): Promise<LockResult> {
  const lock = ownLockPath(master);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const notes: LocalizedText[] = [];
  const deadline = Date.now() + waitMs;
  let owner: LockOwner | null = null;
  for (;;) {
    try {
      const fh = await fs.open(lock, "wx", 0o644);
      try {
        await fh.writeFile(JSON.stringify(me));
      } finally {
        await fh.close();
      }
      return {
        ok: true,
        lock: {
          notes,
          async release() {
            const now = await readOwner(lock);
            if (now?.token === me.token) await fs.unlink(lock).catch(() => undefined);
          },
        },
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        return {
          ok: false,
          error: {
            vi: `Không tạo được tệp khóa "${lock}" bên cạnh bảng tổng hợp (${code ?? (e as Error).message}); không ghi gì. Hãy kiểm tra quyền ghi vào thư mục "${path.dirname(master)}".`,
            en: `Cannot create the lock file "${lock}" beside the master (${code ?? (e as Error).message}); nothing written. Check write permission on "${path.dirname(master)}".`,
          },
        };
      }
    }
    owner = await readOwner(lock);
    if (owner && owner.host === os.hostname() && !processAlive(owner.pid)) {
      // A run that was killed: its process is gone, so the lock protects nothing.
      await fs.unlink(lock).catch(() => undefined);
      notes.push({
        vi: `Đã gỡ tệp khóa "${path.basename(lock)}" do một lần chạy trước (tiến trình ${owner.pid}) bị dừng giữa chừng để lại.`,
        en: `Removed the lock "${path.basename(lock)}" left by an earlier run (process ${owner.pid}) that was stopped midway.`,
      });
      continue;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
  }
  const who = owner
    ? {
        vi: ` (tiến trình ${owner.pid} trên máy ${owner.host}, bắt đầu lúc ${dateTimeWords(owner.since)})`,
        en: ` (process ${owner.pid} on ${owner.host}, started ${dateTimeWords(owner.since)})`,
      }
    : { vi: "", en: "" };
  const secs = Math.round(waitMs / 1000);
  return {
    ok: false,
    error: {
      vi: `Bảng tổng hợp "${master}" đang được một lần chạy khác cập nhật${who.vi}; đã chờ ${secs} giây, không ghi gì. Hãy chờ lần chạy đó xong rồi chạy lại. Nếu chắc chắn không còn lần chạy nào, xóa tệp khóa "${lock}".`,
      en: `The master "${master}" is being updated by another run${who.en}; waited ${secs} s, nothing written. Wait for that run to finish, then run again. If you are sure no run is left, delete the lock file "${lock}".`,
    },
  };
}

/**
 * The user name in an Excel owner file (`~$name.xlsx`): one length byte and the name in the
 * Windows code page, padded with spaces to byte 54 or 55, then a 2-byte length and the name in
 * UTF-16LE. Returns null when the bytes do not look like one.
 */
export function excelOwnerName(bytes: Uint8Array): string | null {
  const n = bytes[0] ?? 0;
  if (n > 0 && n <= 52 && bytes.length >= 56) {
    for (const at of [55, 54]) {
      if (bytes[at] !== n || bytes[at + 1] !== 0 || bytes.length < at + 2 + 2 * n) continue;
      const name = Buffer.from(bytes.subarray(at + 2, at + 2 + 2 * n))
        .toString("utf16le")
        .trim();
      if (name && !name.includes("\u0000")) return name;
    }
  }
  if (n > 0 && n <= 52 && bytes.length > n) {
    const name = Buffer.from(bytes.subarray(1, 1 + n))
      .toString("latin1")
      .trim();
    if (/^[\x20-\x7e\u00a0-\u00ff]+$/.test(name)) return name;
  }
  return null;
}

/** The user name in a LibreOffice lock file (`.~lock.name#`): "," then the name, then ",host,…". */
function libreOfficeOwnerName(text: string): string | null {
  const fields = text.split(",");
  return fields[1]?.trim() || null;
}

/**
 * A message when a person has the master open in Excel or LibreOffice (their lock file sits beside
 * it), naming who when the lock file says; null otherwise.
 */
export async function openElsewhere(master: string): Promise<LocalizedText | null> {
  const dir = path.dirname(master);
  const name = path.basename(master);
  const excelLock = path.join(dir, `~$${name}`);
  try {
    const bytes = new Uint8Array(await fs.readFile(excelLock));
    const by = excelOwnerName(bytes);
    return {
      vi: `Bảng tổng hợp "${master}" đang mở trong Excel${by ? ` (người mở: ${by})` : ""}: có tệp khóa "~$${name}" bên cạnh. Không ghi đè, để không mất những gì đang sửa. Hãy đóng tệp trong Excel rồi chạy lại; nếu Excel đã đóng mà tệp khóa vẫn còn, xóa tệp "~$${name}".`,
      en: `The master "${master}" is open in Excel${by ? ` (by ${by})` : ""}: its lock file "~$${name}" is beside it. Not overwritten, so edits in progress are not lost. Close it in Excel and run again; if Excel is closed and the lock file remains, delete "~$${name}".`,
    };
  } catch {
    /* no Excel lock */
  }
  const loLock = path.join(dir, `.~lock.${name}#`);
  try {
    const by = libreOfficeOwnerName(await fs.readFile(loLock, "utf8"));
    return {
      vi: `Bảng tổng hợp "${master}" đang mở trong LibreOffice${by ? ` (người mở: ${by})` : ""}: có tệp khóa ".~lock.${name}#" bên cạnh. Không ghi đè. Hãy đóng tệp rồi chạy lại; nếu đã đóng mà tệp khóa vẫn còn, xóa tệp đó.`,
      en: `The master "${master}" is open in LibreOffice${by ? ` (by ${by})` : ""}: its lock file ".~lock.${name}#" is beside it. Not overwritten. Close it and run again; if it is closed and the lock file remains, delete it.`,
    };
  } catch {
    return null;
  }
}
