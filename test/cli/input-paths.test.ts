/**
 * Every input path gets a bounded, clear answer before its bytes are read: folders, pipes and
 * devices are refused (a FIFO used to hang, /dev/zero to grow memory without limit), files above the
 * size limit are refused in Vietnamese, and Excel's `~$…xlsx` lock files caught by a glob are
 * skipped with a note, not counted as refused.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { MAX_INPUT_FILE_BYTES, readSubmissionFile } from "../../src/cli/read-files";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, writeDemoFiles } from "./cli-fixtures";
import { tempDir } from "../temp-dirs";

jest.setTimeout(120_000);

const dir = tempDir("xeploai-input-paths-");
const register = defaultRegister();
const refusedOf = async (p: string, maxBytes?: number) => {
  const r = await readSubmissionFile(p, { register, maxBytes });
  if (r.outcome.ok) throw new Error(`${p} was read`);
  return r.outcome.refused;
};

describe("input paths are looked at before they are read", () => {
  test("a folder is refused, saying it is a folder", async () => {
    const folder = path.join(dir, "mot-thu-muc.xlsx");
    mkdirSync(folder);
    const r = await refusedOf(folder);
    expect(r.reason).toBe("not-a-file");
    expect(r.message.vi).toContain("là một thư mục");
  });

  const fifoMade =
    process.platform !== "win32" && spawnSync("mkfifo", [path.join(dir, "ong.xlsx")]).status === 0;
  (fifoMade ? test : test.skip)("a FIFO is refused at once, never waited on", async () => {
    const r = await refusedOf(path.join(dir, "ong.xlsx"));
    expect(r.reason).toBe("not-a-file");
    expect(r.message.vi).toContain("đường ống");
  });

  (existsSync("/dev/zero") ? test : test.skip)(
    "a device such as /dev/zero is refused",
    async () => {
      const r = await refusedOf("/dev/zero");
      expect(r.reason).toBe("not-a-file");
      expect(r.message.vi).toContain("thiết bị");
    }
  );

  test("a file above the limit is refused before reading, in Vietnamese with its size", async () => {
    // A sparse 3 GB file: its size is real, its blocks are not written.
    const huge = path.join(dir, "qua-lon.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 3 * 1024 ** 3);
    expect(MAX_INPUT_FILE_BYTES).toBeLessThan(3 * 1024 ** 3);
    const r = await cli("validate", huge, "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as {
      files: { refused: { reason: string; messages: { vi: string } } }[];
    };
    expect(json.files[0]!.refused.reason).toBe("too-large");
    expect(json.files[0]!.refused.messages.vi).toContain("quá lớn (3,0 GB");
    expect(r.out).not.toContain("ERR_FS_FILE_TOO_LARGE");
  });

  test("the limit holds for a small limit too (never more than the limit is read)", async () => {
    const f = path.join(dir, "nho.xlsx");
    writeFileSync(f, new Uint8Array(4096));
    expect((await refusedOf(f, 1024)).reason).toBe("too-large");
  });

  test("a missing file is still 'not found'", async () => {
    expect((await refusedOf(path.join(dir, "khong-co.xlsx"))).reason).toBe("not-found");
  });
});

describe("Excel lock files caught by a glob", () => {
  test("are skipped with a note and not counted as refused", async () => {
    const [file] = await writeDemoFiles(dir, ["3.8-dan-van.xlsx"], register, DEFAULT_SETTINGS_2019);
    const lock = path.join(dir, "~$3.8-dan-van.xlsx");
    writeFileSync(lock, new Uint8Array(165).fill(0x20));
    const r = await cli("validate", lock, file!, "--json");
    const json = JSON.parse(r.out) as { summary: { files: number; refused: number } };
    expect(json.summary.refused).toBe(0);
    expect(json.summary.files).toBe(1);
    expect(r.err).toContain("tệp khóa Excel");
    expect(r.err).toContain("~$3.8-dan-van.xlsx");
  });
});
