/**
 * Printing to PDF with LibreOffice (headless), where it is installed. A private profile per run
 * keeps a running LibreOffice or a locked profile from blocking the conversion; with
 * `recalculate`, that profile tells LibreOffice to recalculate every formula on load, so a file
 * whose cells were changed without recalculation (typed decisions, a file written by ExcelJS)
 * prints what its formulas give now rather than the cached results.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** Finds an executable on PATH (no shell). */
export async function which(cmd: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      await fs.access(p, 1 /* X_OK */);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

/** LibreOffice's binary, or null when it is not installed. */
export async function findSoffice(): Promise<string | null> {
  return (await which("soffice")) ?? (await which("libreoffice"));
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts an .xlsx to PDF; resolves to the PDF path (outDir/<name>.pdf) or an error text. */
export async function toPdf(
  xlsx: string,
  outDir: string,
  opts: { recalculate?: boolean } = {}
): Promise<{ ok: true; pdf: string } | { ok: false; why: string }> {
  const soffice = await findSoffice();
  if (!soffice) return { ok: false, why: "không tìm thấy soffice (LibreOffice) trên PATH" };
  // A fresh temporary folder: nothing of the user's is ever removed afterwards. As a file:// URL,
  // properly encoded (a space, "#" or "%" in the path would otherwise break it).
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "xeploai-lo-profile-"));
  if (opts.recalculate) {
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  }
  return new Promise((resolve) => {
    execFile(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        xlsx,
      ],
      { timeout: 180_000 },
      async (err, _stdout, stderr) => {
        await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
        const pdf = path.join(outDir, path.basename(xlsx).replace(/\.xlsx$/i, ".pdf"));
        if (err) return resolve({ ok: false, why: `${err.message}${stderr ? `: ${stderr}` : ""}` });
        try {
          await fs.access(pdf);
          resolve({ ok: true, pdf });
        } catch {
          resolve({ ok: false, why: `LibreOffice không tạo ra ${pdf}` });
        }
      }
    );
  });
}
