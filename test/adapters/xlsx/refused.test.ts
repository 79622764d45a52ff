import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx, type XlsxReadResult } from "../../../src/adapters/xlsx";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { makeZip } from "./zip";
import { sameInCli } from "../../interop/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "xeploai-refused-"));

/** Writes the bytes to a real file, reads it back from disk, and hands it to the reader. */
async function readFile(name: string, bytes: Uint8Array): Promise<XlsxReadResult> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const { reader } = await loadXlsx();
  const read = await reader.read(new Uint8Array(readFileSync(file) as never), name);
  // The CLI's reader (Node's zlib instead of fflate) refuses the same files for the same reason.
  await sameInCli(read, new Uint8Array(readFileSync(file) as never), name);
  return read;
}

function utf16(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "utf16le") as never);
}

/** An OLE2 compound file: header signature, then a directory sector naming the streams. */
function ole2(streams: string[]): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const view = new DataView(out.buffer);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3
  view.setUint16(28, 0xfffe, true); // little-endian byte order mark
  // Directory sector (sector 0 starts at byte 512): 128-byte entries, names in UTF-16LE.
  ["Root Entry", ...streams].forEach((name, i) => out.set(utf16(name), 512 + i * 128));
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

async function templateBytes(): Promise<Uint8Array> {
  const { writer } = await loadXlsx();
  return writer.write(
    buildTemplateWorkbook(requireTemplate("y-te"), defaultRegister(), DEFAULT_SETTINGS_2019)
  );
}

function refusal(r: XlsxReadResult) {
  if (r.ok) throw new Error("expected a refusal");
  return r.refused;
}

describe("XlsxReader refuses what is not a readable .xlsx, before parsing", () => {
  test("an old binary .xls (OLE2) → save it as .xlsx", async () => {
    const r = refusal(
      await readFile("bao-cao.xls", ole2(["Workbook", "\u0005SummaryInformation"]))
    );
    expect(r).toMatchObject({ file: "bao-cao.xls", reason: "xls-old" });
    expect(r.message.vi).toContain("tệp .xls cũ");
    expect(r.message.vi).toContain("hãy lưu lại dạng .xlsx");
  });

  test("a password-protected workbook (OLE2 with EncryptedPackage)", async () => {
    const r = refusal(
      await readFile(
        "mat-khau.xlsx",
        ole2(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"])
      )
    );
    expect(r.reason).toBe("encrypted");
    expect(r.message.vi).toContain("mật khẩu");
  });

  test("a CSV renamed .xlsx", async () => {
    const csv = text("TT;Xã, phường;Dân số\n1;Phường Phú Bài;25000\n");
    const r = refusal(await readFile("y-te.xlsx", csv));
    expect(r.reason).toBe("not-xlsx");
    expect(r.message.vi).toContain("CSV");
  });

  test("an empty file", async () => {
    const r = refusal(await readFile("rong.xlsx", new Uint8Array(0)));
    expect(r.reason).toBe("empty");
    expect(r.message.vi).toContain("rỗng");
  });

  test("a truncated .xlsx (download cut short)", async () => {
    const full = await templateBytes();
    const r = refusal(await readFile("cut.xlsx", full.subarray(0, Math.floor(full.length / 2))));
    expect(r.reason).toBe("truncated");
    expect(r.message.vi).toContain("không trọn vẹn");
  });

  test("a zip that is not a workbook", async () => {
    const r = refusal(
      await readFile("tai-lieu.xlsx", makeZip([{ name: "word/document.xml", data: text("<w/>") }]))
    );
    expect(r.reason).toBe("not-xlsx");
  });

  test("a zip bomb: 24 MB of zeros deflated to a few kB is refused before decompression", async () => {
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/workbook.xml", data: text("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(24 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const r = refusal(await readFile("bomb.xlsx", bomb));
    expect(r.reason).toBe("too-large");
    expect(r.message.vi).toMatch(/giải nén sẽ chiếm \d+ MB/);
  });

  test("a zip declaring a huge uncompressed size is refused", async () => {
    const liar = makeZip([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/workbook.xml", data: text("<workbook/>"), declaredSize: 3_000_000_000 },
    ]);
    expect(refusal(await readFile("liar.xlsx", liar)).reason).toBe("too-large");
  });

  test("a zip bomb that understates its sizes is caught while inflating, before the parser", async () => {
    const sneaky = makeZip([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/workbook.xml", data: text("<workbook/>") },
      {
        name: "xl/worksheets/sheet1.xml",
        data: new Uint8Array(24 * 1024 * 1024),
        declaredSize: 2000,
      },
    ]);
    const r = refusal(await readFile("sneaky.xlsx", sneaky));
    expect(r.reason).toBe("too-large");
    expect(r.message.vi).toContain("xl/worksheets/sheet1.xml");
  });

  test("a damaged workbook that passes the byte checks is refused as corrupt, not a crash", async () => {
    const broken = makeZip([
      { name: "[Content_Types].xml", data: text("<Types") },
      { name: "xl/workbook.xml", data: text("<<<not xml") },
    ]);
    const r = await readFile("broken.xlsx", broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refused.reason).toBe("corrupt");
      expect(r.refused.message.vi).toContain("bị hỏng");
    }
  });

  test("a real template is accepted", async () => {
    const r = await readFile("y-te.xlsx", await templateBytes());
    expect(r.ok).toBe(true);
  });
});
