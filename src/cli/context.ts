/** What every command gets: output streams, language, and shared loaders (units, settings). */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Lang, LocalizedText } from "../core/i18n";
import { loadSettings, DEFAULT_SETTINGS_2019 } from "../core/settings/defaults";
import type { PeriodSettings } from "../core/settings/types";
import { defaultRegister, loadRegister, shippedRegister } from "../core/units/register";
import type { UnitRegister } from "../core/units/types";
import {
  HD21_2019_TEMPLATES,
  TEMPLATE_SETS,
  getTemplateSet,
  templateSetForPeriod,
} from "../core/templates/shipped-sets";
import type { TemplateSpec } from "../core/templates/spec";
import {
  catalogForPeriod,
  parseTemplateSet,
  type TemplateSet,
} from "../core/templates/template-set";
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

/**
 * The register from --units FILE, else the shipped one the settings name (registerId), else the
 * shipped 2019 register of Hương Thủy.
 */
export async function registerFrom(
  path: string | undefined,
  settings?: PeriodSettings
): Promise<UnitRegister> {
  if (!path) return (settings ? shippedRegister(settings.registerId) : null) ?? defaultRegister();
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

/**
 * A template set from a folder of JSON files (--templates DIR): every `*.json` is a template spec,
 * except `set.json`, which names the set. Every problem is reported, each naming its file.
 */
export async function templateSetFrom(dir: string): Promise<TemplateSet> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.toLowerCase().endsWith(".json")).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError({
      vi: `Không đọc được thư mục mẫu biểu "${dir}" (${code === "ENOENT" ? "không tồn tại" : code === "ENOTDIR" ? "không phải thư mục" : code}). --templates cần một thư mục chứa các tệp JSON mẫu biểu.`,
      en: `Cannot read the template folder "${dir}" (${code}). --templates needs a folder of template JSON files.`,
    });
  }
  const docs: { file: string; data: unknown }[] = [];
  const problems: LocalizedText[] = [];
  for (const n of names) {
    const file = path.join(dir, n);
    const bytes = await readFileOrFail(file, { vi: "Tệp mẫu biểu", en: "Template file" });
    try {
      docs.push({ file, data: JSON.parse(new TextDecoder().decode(bytes)) });
    } catch (e) {
      problems.push({
        vi: `Tệp ${file} không phải JSON hợp lệ (${(e as Error).message}).`,
        en: `File ${file} is not valid JSON (${(e as Error).message}).`,
      });
    }
  }
  const r = parseTemplateSet(docs, { id: path.basename(path.resolve(dir)) });
  if (!r.ok) problems.push(...r.problems);
  if (problems.length || !r.ok)
    throw new CliError({
      vi: `Bộ mẫu biểu "${dir}" không dùng được:\n${problems.map((p) => `  ${p.vi}`).join("\n")}`,
      en: `The template set "${dir}" cannot be used:\n${problems.map((p) => `  ${p.en}`).join("\n")}`,
    });
  return r.set;
}

/**
 * The template set of a run: --templates DIR, else the settings' templateSetId (a shipped set),
 * else the shipped set serving the period, else the 2019 set. `explicit` says whether a person
 * chose it (a chosen set outside its periods is refused; the fallback is not).
 */
export async function templateSetOf(
  dir: string | undefined,
  settings: PeriodSettings
): Promise<{ set: TemplateSet; explicit: boolean }> {
  if (dir) return { set: await templateSetFrom(dir), explicit: true };
  if (settings.templateSetId) {
    const set = getTemplateSet(settings.templateSetId);
    if (!set)
      throw new CliError({
        vi: `Không có bộ mẫu biểu "${settings.templateSetId}" (có: ${Object.keys(TEMPLATE_SETS).join(", ")}). Hãy sửa templateSetId trong tệp cấu hình, hoặc dùng --templates THƯ_MỤC.`,
        en: `No template set "${settings.templateSetId}" (known: ${Object.keys(TEMPLATE_SETS).join(", ")}). Fix templateSetId in the settings, or use --templates DIR.`,
      });
    return { set, explicit: true };
  }
  return { set: templateSetForPeriod(settings.period) ?? HD21_2019_TEMPLATES, explicit: false };
}

/** The templates of a run for its period (see templateSetOf); lenient: never refuses. */
export async function catalogOf(
  dir: string | undefined,
  settings: PeriodSettings
): Promise<TemplateSpec[]> {
  const { set } = await templateSetOf(dir, settings);
  const forPeriod = catalogForPeriod(set, settings.period);
  return forPeriod.length ? forPeriod : set.specs;
}
