/**
 * The `_meta` sheet: key/value rows (column A = key, column B = value) that identify a template
 * file when it comes back. Very hidden so officials do not edit it by accident; both ExcelJS and
 * Office.js can read it. Column keys are stored as rows "column:<key>" → letter.
 */
import type { LocalizedText } from "../i18n";
import { metadataSheet, type SheetModel } from "../sheet/model";
import type { SheetGrid, TemplateMeta } from "../submission/types";
import type { RawCell } from "../validate/types";

export const META_SHEET = "_meta";
export const META_COLUMN_PREFIX = "column:";

/** The `_meta` sheet as a SheetModel (veryHidden, protected, text cells). */
export function writeMeta(meta: TemplateMeta): SheetModel {
  const rows: (string | number)[][] = [
    ["key", "value"],
    ["templateId", meta.templateId],
    ["templateVersion", meta.templateVersion],
    ["period", meta.period],
    ["department", meta.department],
    ["generatedAt", meta.generatedAt],
    ["sheet", meta.sheet],
    ["firstDataRow", meta.firstDataRow],
  ];
  if (meta.registerId) rows.push(["registerId", meta.registerId]);
  if (meta.units) rows.push(["units", meta.units.join(",")]);
  for (const [key, letter] of Object.entries(meta.columns))
    rows.push([META_COLUMN_PREFIX + key, letter]);
  return metadataSheet(META_SHEET, rows);
}

export type MetaParse = { ok: true; meta: TemplateMeta } | { ok: false; message: LocalizedText };

function cellText(c: RawCell): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString();
  if (typeof c === "object") return "";
  return String(c).trim();
}

/** Reads a `_meta` grid back; unknown keys are ignored so later versions may add rows. */
export function parseMeta(grid: SheetGrid): MetaParse {
  const kv = new Map<string, string>();
  const columns: Record<string, string> = {};
  for (const row of grid.rows) {
    const key = cellText(row?.[0]);
    if (!key || key === "key") continue;
    const value = cellText(row?.[1]);
    if (key.startsWith(META_COLUMN_PREFIX)) {
      const colKey = key.slice(META_COLUMN_PREFIX.length);
      if (/^[A-Z]{1,3}$/.test(value.toUpperCase())) columns[colKey] = value.toUpperCase();
    } else kv.set(key, value);
  }
  const missing = ["templateId", "templateVersion", "sheet", "firstDataRow"].filter(
    (k) => !kv.get(k)
  );
  if (missing.length > 0 || Object.keys(columns).length === 0) {
    const WORDS: Record<string, [string, string]> = {
      templateId: ["mẫu biểu", "template"],
      templateVersion: ["phiên bản mẫu", "template version"],
      sheet: ["tên trang", "sheet name"],
      firstDataRow: ["dòng bắt đầu số liệu", "first data row"],
      columns: ["vị trí các cột", "column positions"],
    };
    const gone = [...missing, ...(Object.keys(columns).length === 0 ? ["columns"] : [])];
    const what = gone.map((k) => WORDS[k]![0]).join(", ");
    const whatEn = gone.map((k) => WORDS[k]![1]).join(", ");
    return {
      ok: false,
      message: {
        vi: `Phần nhận dạng ẩn của mẫu biểu bị thiếu hoặc đã bị sửa (${what}); không nhận dạng được mẫu biểu từ phần đó.`,
        en: `The template's hidden identification is incomplete or was edited (${whatEn}); the template cannot be recognised from it.`,
      },
    };
  }
  const version = Number(kv.get("templateVersion"));
  const firstDataRow = Number(kv.get("firstDataRow"));
  const period = Number(kv.get("period"));
  if (!Number.isInteger(version) || !Number.isInteger(firstDataRow) || firstDataRow < 1) {
    return {
      ok: false,
      message: {
        vi: `Phần nhận dạng ẩn của mẫu biểu đã bị sửa (phiên bản mẫu hoặc dòng bắt đầu số liệu không hợp lệ).`,
        en: `The template's hidden identification was edited (the template version or first data row is not valid).`,
      },
    };
  }
  const meta: TemplateMeta = {
    templateId: kv.get("templateId")!,
    templateVersion: version,
    period: Number.isInteger(period) ? period : NaN,
    department: kv.get("department") ?? "",
    generatedAt: kv.get("generatedAt") ?? "",
    columns,
    sheet: kv.get("sheet")!,
    firstDataRow,
  };
  const registerId = kv.get("registerId");
  if (registerId) meta.registerId = registerId;
  const units = (kv.get("units") ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (units.length > 0) meta.units = units;
  return { ok: true, meta };
}
