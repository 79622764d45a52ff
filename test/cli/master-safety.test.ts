/**
 * The master file cannot be lost or silently overwritten: runs at once on one master take turns,
 * a master open in Excel or made read-only is refused and left byte-identical, a killed run leaves
 * the previous master intact and its leftovers are cleaned by the next run.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import * as path from "node:path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { excelOwnerName, ownLockPath } from "../../src/cli/master-lock";
import { tempPathFor } from "../../src/cli/master-replace";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, openMaster, writeDemoFiles } from "./cli-fixtures";
import { tempDir } from "../temp-dirs";

jest.setTimeout(180_000);

const dir = tempDir("xeploai-master-safety-");
const register = defaultRegister();
const settings = DEFAULT_SETTINGS_2019;
let files: string[] = [];
let firstMaster = "";
const digest = (p: string) =>
  createHash("sha256").update(readFileSync(p, "latin1"), "latin1").digest("hex");
const run = (master: string, now: string, lockWaitMs?: number) =>
  consolidateFiles({ files, master, settings, register, now, lockWaitMs });

/** The times in column A of "Nhật ký": one entry per run. */
async function logTimes(master: string): Promise<string[]> {
  const { wb } = await openMaster(master);
  const times: string[] = [];
  wb.getWorksheet("Nhật ký")!.eachRow((r) => times.push(String(r.getCell(1).value)));
  return times;
}

/** A fresh copy of a master made by one run, in its own folder. */
function masterCopy(name: string): string {
  const d = mkdtempSync(path.join(dir, `${name}-`));
  const p = path.join(d, "master.xlsx");
  copyFileSync(firstMaster, p);
  return p;
}

/** An Excel owner file as Excel writes it for `user`: length, code-page name, spaces, length, UTF-16LE name. */
function excelOwnerFile(user: string): Uint8Array {
  const b = new Uint8Array(165).fill(0x20);
  b[0] = user.length;
  for (let i = 0; i < user.length; i++) b[1 + i] = user.charCodeAt(i) & 0xff;
  b[55] = user.length;
  b[56] = 0;
  for (let i = 0; i < user.length; i++) {
    b[57 + 2 * i] = user.charCodeAt(i) & 0xff;
    b[58 + 2 * i] = user.charCodeAt(i) >> 8;
  }
  return b;
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

beforeAll(async () => {
  files = await writeDemoFiles(
    dir,
    ["3.14-db-phuong-thuy-chau.xlsx", "3.14-db-xa-thuy-phu.xlsx", "3.8-dan-van.xlsx"],
    register,
    settings
  );
  firstMaster = path.join(dir, "first.xlsx");
  const r = await run(firstMaster, "2019-12-30T01:00:00.000Z");
  expect(r.json.written).toBe(true);
});

describe("runs at once on one master", () => {
  test("never lose an update: each run reads the master the other wrote, every log entry stays", async () => {
    const master = masterCopy("concurrent");
    const nows = [
      "2019-12-31T01:00:00.000Z",
      "2019-12-31T02:00:00.000Z",
      "2019-12-31T03:00:00.000Z",
    ];
    const results = await Promise.all(nows.map((now) => run(master, now)));
    expect(results.map((r) => r.json.exitCode)).toEqual([0, 0, 0]);
    const log = await logTimes(master);
    for (const now of ["2019-12-30T01:00:00.000Z", ...nows]) expect(log).toContain(now);
    expect(existsSync(ownLockPath(master))).toBe(false);
    expect(readdirSync(path.dirname(master)).sort()).toEqual(["master.xlsx"]);
  });

  test("a run that cannot get the lock in time exits 2 with a clear message, the master untouched", async () => {
    const master = masterCopy("busy");
    const before = digest(master);
    // Another live run holds the lock (this very process, as far as the lock file says).
    const lock = ownLockPath(master);
    writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: "x",
        token: "other",
      })
    );
    const r = await run(master, "2020-01-01T00:00:00.000Z", 300);
    expect(r.json.exitCode).toBe(2);
    expect(r.json.written).toBe(false);
    expect(r.json.error!.vi).toContain("đang được một lần chạy khác cập nhật");
    expect(r.json.error!.vi).toContain(`tiến trình ${process.pid}`);
    expect(digest(master)).toBe(before);
    expect(existsSync(lock)).toBe(true); // not ours to remove
  });
});

describe("a master in use or protected is refused, byte-identical", () => {
  test("open in Excel: refused, and the message says by whom (exit 2)", async () => {
    const master = masterCopy("excel");
    const before = digest(master);
    writeFileSync(
      path.join(path.dirname(master), "~$master.xlsx"),
      excelOwnerFile("Nguyen Van An")
    );
    const r = await cli(
      "consolidate",
      ...files,
      "--master",
      master,
      "--now",
      "2020-01-01T00:00:00Z"
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("đang mở trong Excel");
    expect(r.err).toContain("Nguyen Van An");
    expect(digest(master)).toBe(before);
    expect(readdirSync(path.dirname(master)).sort()).toEqual(["master.xlsx", "~$master.xlsx"]);
  });

  test("the owner's name is read from the lock file's UTF-16 copy (full Vietnamese name)", () => {
    const b = excelOwnerFile("Trần Thị Bình");
    expect(excelOwnerName(b)).toBe("Trần Thị Bình");
    expect(excelOwnerName(new Uint8Array([0, 1, 2]))).toBeNull();
  });

  test("read-only (chmod 444): refused, byte-identical, still read-only", async () => {
    const master = masterCopy("readonly");
    chmodSync(master, 0o444);
    const before = digest(master);
    const r = await cli(
      "consolidate",
      ...files,
      "--master",
      master,
      "--now",
      "2020-01-01T00:00:00Z"
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("chỉ đọc");
    expect(digest(master)).toBe(before);
    expect(statSync(master).mode & 0o777).toBe(0o444);
  });

  test("replacing keeps the original's permissions", async () => {
    const master = masterCopy("mode");
    chmodSync(master, 0o640);
    const r = await run(master, "2020-01-02T00:00:00.000Z");
    expect(r.json.written).toBe(true);
    expect(statSync(master).mode & 0o777).toBe(0o640);
  });
});

describe("a run killed midway", () => {
  test("leaves the previous master intact; the next run removes its temporary file and lock, and says so", async () => {
    const master = masterCopy("killed");
    const before = digest(master);
    // What a run killed while writing leaves: a half-written temporary file and its lock.
    const pid = deadPid();
    const tmp = tempPathFor(master, pid);
    writeFileSync(tmp, "PK\u0003\u0004 half a zip");
    writeFileSync(
      ownLockPath(master),
      JSON.stringify({ pid, host: hostname(), since: "x", token: "dead" })
    );
    expect(digest(master)).toBe(before); // the rename never happened: the master is the old one
    expect((await logTimes(master)).length).toBeGreaterThan(0);

    const r = await run(master, "2020-01-03T00:00:00.000Z");
    expect(r.json.written).toBe(true);
    expect(r.json.notes.join("\n")).toContain(path.basename(tmp));
    expect(r.json.notes.join("\n")).toContain("bị dừng giữa chừng");
    expect(readdirSync(path.dirname(master)).sort()).toEqual(["master.xlsx"]);
    expect(await logTimes(master)).toContain("2020-01-03T00:00:00.000Z");
  });

  test("a temporary file of a live run, or another file, is left alone", async () => {
    const master = masterCopy("live");
    const d = path.dirname(master);
    const live = tempPathFor(master, process.ppid); // the parent of this process is alive
    const other = path.join(d, ".other.xlsx.1.tmp");
    writeFileSync(live, "x");
    writeFileSync(other, "x");
    const r = await run(master, "2020-01-04T00:00:00.000Z");
    expect(r.json.written).toBe(true);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
