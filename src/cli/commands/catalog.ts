/** `xeploai catalog [--json]`: the templates, their columns, types, ranges and rules. */
import { CATALOG } from "../../core/templates/catalog";
import { getEnum } from "../../core/templates/enums";
import type { ColumnSpec, TemplateSpec } from "../../core/templates/spec";
import { stringOpt, TEMPLATES_OPTION } from "../args";
import { catalogOf, settingsFrom } from "../context";
import { catalogJsonSchema, type CatalogJson } from "../json-schemas";
import type { Command } from "../registry";

const TYPE_VI: Record<ColumnSpec["type"], string> = {
  int: "số nguyên",
  number: "số",
  percent: "phần trăm",
  text: "văn bản",
  enum: "danh sách",
  boolean: "có/không",
  year: "năm",
};

export function catalogJson(catalog: TemplateSpec[] = CATALOG): CatalogJson {
  return catalogJsonSchema.parse({
    templates: catalog.map((s) => ({
      id: s.id,
      version: s.version,
      section: s.section,
      title: s.title,
      department: s.department,
      sheetName: s.sheetName,
      rowSet: s.rowSet,
      orientation: s.orientation,
      columns: s.columns.map((c) => ({
        key: c.key,
        header: c.header,
        ...(c.group ? { group: c.group } : {}),
        type: c.type,
        required: !!c.required,
        ...(c.min !== undefined ? { min: c.min } : {}),
        ...(c.max !== undefined ? { max: c.max } : {}),
        ...(c.unitOfMeasure ? { unitOfMeasure: c.unitOfMeasure } : {}),
        ...(c.enumId
          ? {
              enumId: c.enumId,
              values: getEnum(c.enumId).values.map((v) => ({ code: v.code, label: v.label })),
            }
          : {}),
        ...(c.computed ? { computed: { ...c.computed } } : {}),
        identity: !!c.identity,
      })),
      rules: s.rules.map((r) => ({
        id: r.id,
        kind: r.kind,
        severity: r.severity,
        message: r.message,
        ...(r.source ? { source: r.source } : {}),
      })),
    })),
  });
}

function range(c: ColumnSpec, en: boolean): string {
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return en ? "" : "";
}

export const catalogCommand: Command = {
  name: "catalog",
  summary: {
    vi: "Liệt kê các mẫu biểu: cột, kiểu, phạm vi và quy tắc kiểm tra",
    en: "List the templates: columns, types, ranges and rules",
  },
  usage: "catalog [--json] [--settings FILE] [--templates DIR]",
  options: [
    {
      name: "json",
      value: false,
      help: { vi: "Xuất JSON (xem README)", en: "Print JSON (see README)" },
    },
    TEMPLATES_OPTION,
    {
      name: "settings",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Cấu hình kỳ đánh giá JSON (chọn bộ mẫu theo năm)",
        en: "Period settings JSON (picks the period's set)",
      },
    },
  ],
  async run(args, ctx) {
    const catalog = await catalogOf(
      stringOpt(args, "templates"),
      await settingsFrom(stringOpt(args, "settings"))
    );
    const json = catalogJson(catalog);
    if (args.options.json) {
      ctx.io.out(JSON.stringify(json, null, 2));
      return 0;
    }
    const en = ctx.lang === "en";
    const lines: string[] = [];
    for (const s of catalog) {
      lines.push(`${s.section}  ${s.id} (v${s.version}) — ${ctx.t(s.title)}`);
      lines.push(
        `    ${en ? "Department" : "Đơn vị"}: ${ctx.t(s.department.name)}; ${en ? "sheet" : "trang"} "${s.sheetName}"; ${en ? "rows" : "dòng"}: ${s.rowSet}`
      );
      for (const c of s.columns) {
        const parts = [
          en ? c.type : TYPE_VI[c.type],
          range(c, en),
          c.required ? (en ? "required" : "bắt buộc") : "",
          c.computed ? (en ? `computed (${c.computed.kind})` : `tự tính (${c.computed.kind})`) : "",
          c.enumId
            ? getEnum(c.enumId)
                .values.map((v) => ctx.t(v.label))
                .join(" / ")
            : "",
          c.unitOfMeasure ? ctx.t(c.unitOfMeasure) : "",
        ].filter(Boolean);
        const group = c.group ? `${ctx.t(c.group)} › ` : "";
        lines.push(`      ${c.key.padEnd(16)} ${group}${ctx.t(c.header)} [${parts.join("; ")}]`);
      }
      for (const r of s.rules) {
        const sev = r.severity === "error" ? (en ? "error" : "lỗi") : en ? "warning" : "cảnh báo";
        lines.push(`      ${en ? "rule" : "quy tắc"} ${r.id} (${sev}): ${ctx.t(r.message)}`);
      }
      lines.push("");
    }
    ctx.io.out(lines.join("\n"));
    return 0;
  },
};
