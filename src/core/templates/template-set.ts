/**
 * Template sets: the templates of one period's review, as JSON documents. A set is a folder of
 * template specs (one JSON file each, validated by the spec schema and `checkSpec`) with an optional
 * `set.json` naming it. Each spec carries the periods it serves (validFrom/validTo); the catalog of
 * a period is the set's specs whose range includes it. Pure: the caller reads the files.
 */
import { z } from "zod";
import type { LocalizedText } from "../i18n";
import { checkSpec } from "./check";
import type { TemplateSpec } from "./spec";
import { parseTemplateSpec } from "./spec-schema";

/** The name of the file that describes a set (every other .json of the folder is a template). */
export const TEMPLATE_SET_FILE = "set.json";

const year = z.number().int().min(1990).max(2100);

/** set.json: the set's id and name, its periods, and optionally the order of its templates. */
export const templateSetInfoSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  validFrom: year.optional(),
  validTo: year.optional(),
  /** Template ids in the order they are listed (default: by section, 3.1a … 3.15). */
  order: z.array(z.string()).optional(),
});
export type TemplateSetInfo = z.infer<typeof templateSetInfoSchema>;

export interface TemplateSet {
  id: string;
  name: LocalizedText;
  /** First and last period served (absent = open); from set.json, else the specs' widest range. */
  validFrom?: number;
  validTo?: number;
  specs: TemplateSpec[];
}

export type TemplateSetLoad =
  { ok: true; set: TemplateSet } | { ok: false; problems: LocalizedText[] };

/** Does the template (or set) serve this period? */
export function servesPeriod(r: { validFrom?: number; validTo?: number }, period: number): boolean {
  return (r.validFrom ?? -Infinity) <= period && period <= (r.validTo ?? Infinity);
}

/** "2019–2024", "từ 2025", "mọi năm": a validity range as an official reads it. */
export function rangeText(r: { validFrom?: number; validTo?: number }): LocalizedText {
  if (r.validFrom !== undefined && r.validTo !== undefined)
    return r.validFrom === r.validTo
      ? { vi: `năm ${r.validFrom}`, en: `${r.validFrom}` }
      : { vi: `${r.validFrom}–${r.validTo}`, en: `${r.validFrom}–${r.validTo}` };
  if (r.validFrom !== undefined) return { vi: `từ ${r.validFrom}`, en: `from ${r.validFrom}` };
  if (r.validTo !== undefined) return { vi: `đến ${r.validTo}`, en: `until ${r.validTo}` };
  return { vi: "mọi năm", en: "every year" };
}

/** "cho các năm 2019–2024", "từ năm 2025": where a set applies, inside a sentence. */
function appliesText(r: { validFrom?: number; validTo?: number }): LocalizedText {
  if (r.validFrom !== undefined && r.validTo !== undefined)
    return { vi: `cho các năm ${r.validFrom}–${r.validTo}`, en: `${r.validFrom}–${r.validTo}` };
  if (r.validFrom !== undefined) return { vi: `từ năm ${r.validFrom}`, en: `from ${r.validFrom}` };
  if (r.validTo !== undefined) return { vi: `đến năm ${r.validTo}`, en: `until ${r.validTo}` };
  return { vi: "cho mọi năm", en: "every year" };
}

/** The set's templates that serve the period, in the set's order. */
export function catalogForPeriod(set: TemplateSet, period: number): TemplateSpec[] {
  return set.specs.filter((s) => servesPeriod(s, period));
}

const bySection = (a: TemplateSpec, b: TemplateSpec) =>
  a.section.localeCompare(b.section, "en", { numeric: true }) || a.id.localeCompare(b.id);

/**
 * Builds a set from its documents: `{ file, data }` per JSON file (already parsed; a file that is
 * not JSON is the caller's message). `set.json` (by file name) describes the set; every other
 * document must be a template spec. Every problem is listed, each naming its file.
 */
export function parseTemplateSet(
  docs: { file: string; data: unknown }[],
  fallback: { id: string; name?: LocalizedText }
): TemplateSetLoad {
  const problems: LocalizedText[] = [];
  let info: TemplateSetInfo | null = null;
  const specs: TemplateSpec[] = [];
  const baseName = (f: string) => f.split(/[\\/]/).pop() ?? f;
  for (const d of docs) {
    if (baseName(d.file) === TEMPLATE_SET_FILE) {
      const r = templateSetInfoSchema.safeParse(d.data);
      if (r.success) info = r.data;
      else {
        const detail = r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        problems.push({
          vi: `Tệp ${d.file}: mô tả bộ mẫu biểu có giá trị sai (${detail}). Hãy sửa tệp.`,
          en: `File ${d.file}: the template set description has invalid values (${detail}). Fix the file.`,
        });
      }
      continue;
    }
    const r = parseTemplateSpec(d.data, checkSpec);
    if (r.ok) specs.push(r.spec);
    else
      problems.push({
        vi: `Tệp ${d.file}: mẫu biểu không hợp lệ (${r.problems.join("; ")}). Hãy sửa tệp JSON của mẫu biểu.`,
        en: `File ${d.file}: invalid template (${r.problems.join("; ")}). Fix the template's JSON file.`,
      });
  }
  const seen = new Map<string, TemplateSpec>();
  for (const s of specs) {
    if (seen.has(s.id))
      problems.push({
        vi: `Bộ mẫu biểu có hai mẫu cùng mã "${s.id}". Mỗi mẫu biểu chỉ một tệp.`,
        en: `The template set has two templates with the id "${s.id}". One file per template.`,
      });
    seen.set(s.id, s);
  }
  const sheets = new Map<string, string>();
  for (const s of specs) {
    const other = sheets.get(s.sheetName);
    if (other && other !== s.id)
      problems.push({
        vi: `Mẫu "${other}" và "${s.id}" cùng tên trang "${s.sheetName}"; hãy đặt tên trang khác nhau.`,
        en: `Templates "${other}" and "${s.id}" share the sheet name "${s.sheetName}"; make them differ.`,
      });
    sheets.set(s.sheetName, s.id);
  }
  if (specs.length === 0 && problems.length === 0)
    problems.push({
      vi: "Bộ mẫu biểu không có mẫu nào (cần ít nhất một tệp JSON mẫu biểu).",
      en: "The template set holds no template (at least one template JSON file is needed).",
    });
  for (const id of info?.order ?? [])
    if (!seen.has(id))
      problems.push({
        vi: `${TEMPLATE_SET_FILE}: thứ tự nêu mẫu "${id}" nhưng không có tệp mẫu biểu đó.`,
        en: `${TEMPLATE_SET_FILE}: the order names "${id}" but no such template file exists.`,
      });
  if (problems.length) return { ok: false, problems };
  const order = info?.order;
  const ordered = order
    ? [
        ...order.map((id) => seen.get(id)!),
        ...specs.filter((s) => !order.includes(s.id)).sort(bySection),
      ]
    : [...specs].sort(bySection);
  const froms = specs.map((s) => s.validFrom);
  const tos = specs.map((s) => s.validTo);
  const set: TemplateSet = {
    id: info?.id ?? fallback.id,
    name: info?.name ?? fallback.name ?? { vi: fallback.id, en: fallback.id },
    specs: ordered,
  };
  const from =
    info?.validFrom ??
    (froms.some((f) => f === undefined) ? undefined : Math.min(...(froms as number[])));
  const to =
    info?.validTo ??
    (tos.some((t) => t === undefined) ? undefined : Math.max(...(tos as number[])));
  if (from !== undefined) set.validFrom = from;
  if (to !== undefined) set.validTo = to;
  return { ok: true, set };
}

/**
 * The catalog a run uses for a period, or the reason it cannot: a set that does not serve the
 * period is refused (unless `force`, which keeps every template and says so in `warning`).
 */
export function catalogFor(
  set: TemplateSet,
  period: number,
  force = false
):
  | { ok: true; catalog: TemplateSpec[]; warning: LocalizedText | null }
  | { ok: false; message: LocalizedText } {
  const range = appliesText(set);
  const catalog = catalogForPeriod(set, period);
  if (servesPeriod(set, period) && catalog.length > 0) return { ok: true, catalog, warning: null };
  const message = {
    vi: `Bộ mẫu biểu "${set.id}" áp dụng ${range.vi}, không dùng cho năm ${period}. Hãy chọn bộ mẫu biểu của năm ${period} (--templates hoặc templateSetId trong cấu hình), hoặc thêm --force nếu chắc chắn muốn dùng.`,
    en: `Template set "${set.id}" serves ${range.en}, not ${period}. Choose the ${period} template set (--templates or templateSetId in the settings), or add --force if you are sure.`,
  };
  if (!force) return { ok: false, message };
  return {
    ok: true,
    catalog: set.specs,
    warning: {
      vi: `Bộ mẫu biểu "${set.id}" (áp dụng ${range.vi}) được dùng cho năm ${period} theo yêu cầu (--force).`,
      en: `Template set "${set.id}" (for ${range.en}) used for ${period} as asked (--force).`,
    },
  };
}
