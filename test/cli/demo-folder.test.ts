/**
 * `xeploai demo --out DIR` never deletes or overwrites a user's file: it writes into a new or empty
 * folder, or one an earlier demo made; the PDF step works on paths with a space, "#" and "%".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DEMO_MARKER, prepareDemoFolder, runDemo } from "../../src/cli/commands/demo";
import { cli } from "./cli-fixtures";
import { tempDir } from "../temp-dirs";

jest.setTimeout(300_000);

const base = tempDir("xeploai-demo-folder-");

describe("demo --out DIR", () => {
  test("a folder holding the user's files is refused (exit 2) and nothing in it changes", async () => {
    const out = path.join(base, "tai-lieu");
    mkdirSync(out);
    writeFileSync(path.join(out, "master.xlsx"), "bảng của tôi");
    mkdirSync(path.join(out, ".print"));
    writeFileSync(path.join(out, ".print", "ghi-chu.txt"), "đừng xóa");
    const r = await cli("demo", "--out", out, "--no-pdf");
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải do lệnh demo tạo");
    expect(readFileSync(path.join(out, "master.xlsx"), "utf8")).toBe("bảng của tôi");
    expect(readFileSync(path.join(out, ".print", "ghi-chu.txt"), "utf8")).toBe("đừng xóa");
    expect(readdirSync(out).sort()).toEqual([".print", "master.xlsx"]);
  });

  test("a file given as --out is refused", async () => {
    const f = path.join(base, "tep.txt");
    writeFileSync(f, "x");
    await expect(prepareDemoFolder(f)).rejects.toThrow("not a folder");
    expect(readFileSync(f, "utf8")).toBe("x");
  });

  test("a new folder is made and marked; running the demo again into it works", async () => {
    const out = path.join(base, "moi", "demo");
    await prepareDemoFolder(out);
    expect(readdirSync(out)).toEqual([DEMO_MARKER]);
    await prepareDemoFolder(out); // marked: accepted again
    const empty = path.join(base, "rong");
    mkdirSync(empty);
    await prepareDemoFolder(empty);
    expect(existsSync(path.join(empty, DEMO_MARKER))).toBe(true);
  });

  const soffice = ["soffice", "libreoffice"].some(
    (c) => spawnSync("sh", ["-c", `command -v ${c}`]).status === 0
  );
  const withLibreOffice = soffice && process.env.XEPLOAI_LIBREOFFICE === "1" ? test : test.skip;
  withLibreOffice(
    "the PDF is made in a folder whose path has a space, # and % (LibreOffice)",
    async () => {
      const out = path.join(base, "Kết quả #1 100% xong");
      const r = await runDemo(out, { pdf: true });
      expect(r.exitCode).toBe(0);
      expect(r.pdf).toBe(path.join(out, "master.pdf"));
      expect(existsSync(r.pdf!)).toBe(true);
      expect(readdirSync(out).sort()).toEqual([
        DEMO_MARKER,
        "master.pdf",
        "master.xlsx",
        "mau-bieu",
        "submissions",
      ]);
    }
  );
});
