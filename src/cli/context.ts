/** What every command gets: output streams, language, and shared loaders (units, settings). */
import { promises as fs } from "node:fs";
import type { Lang, LocalizedText } from "../core/i18n";
import { loadSettings, DEFAULT_SETTINGS_2019 } from "../core/settings/defaults";
import type { PeriodSettings } from "../core/settings/types";
import { defaultRegister, loadRegister } from "../core/units/register";
import type { UnitRegister } from "../core/units/types";
import { CliError } from "./args";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  io: CliIO;
  lang: Lang;
  /** Picks the message in the chosen language (Vietnamese NFC by default). */
  t(text: LocalizedText): string;
}

export function makeContext(io: CliIO, lang: Lang): CliContext {
  return { io, lang, t: (text) => (lang === "en" ? text.en : text.vi.normalize("NFC")) };
}

export async function readFileOrFail(path: string, what: LocalizedText): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? { vi: "không tồn tại", en: "does not exist" }
        : code === "EISDIR"
          ? { vi: "là một thư mục", en: "is a directory" }
          : {
              vi: `không đọc được (${code ?? String(e)})`,
              en: `cannot be read (${code ?? String(e)})`,
            };
    throw new CliError({
      vi: `${what.vi} "${path}" ${why.vi}.`,
      en: `${what.en} "${path}" ${why.en}.`,
    });
  }
}

/** The register from --units FILE, else the shipped 2019 register of Hương Thủy. */
export async function registerFrom(path: string | undefined): Promise<UnitRegister> {
  if (!path) return defaultRegister();
  const bytes = await readFileOrFail(path, { vi: "Tệp danh mục đơn vị", en: "Unit register file" });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new CliError({
      vi: `Tệp danh mục đơn vị "${path}" không phải JSON hợp lệ (${(e as Error).message}).`,
      en: `Unit register file "${path}" is not valid JSON (${(e as Error).message}).`,
    });
  }
  const r = loadRegister(json);
  if (!r.ok) {
    throw new CliError({
      vi: r.errors.map((m) => m.vi).join("\n"),
      en: r.errors.map((m) => m.en).join("\n"),
    });
  }
  return r.register;
}

/** Settings from --settings FILE (missing fields from the 2019 defaults), else the defaults. */
export async function settingsFrom(path: string | undefined): Promise<PeriodSettings> {
  if (!path) return DEFAULT_SETTINGS_2019;
  const bytes = await readFileOrFail(path, { vi: "Tệp cấu hình", en: "Settings file" });
  const r = loadSettings(new TextDecoder().decode(bytes));
  if (!r.ok) throw new CliError({ vi: `${path}: ${r.message.vi}`, en: `${path}: ${r.message.en}` });
  return r.settings;
}
