/**
 * `xeploai templates --out DIR [--period YYYY] [--units FILE] [--settings FILE] [--templates DIR]
 * [--template ID [--unit CODE]]`. With --unit, the template lists only that unit (a TCCS's own 3.14
 * report: one row) and is written as `<templateId>-<code>.xlsx`.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { loadNodeXlsxWriter } from "../../adapters/xlsx/node-writer";
import { buildTemplateWorkbook, templateUnits } from "../../core/template-sheet/build";
import { CliError, stringOpt, yearOpt, TEMPLATES_OPTION } from "../args";
import { catalogOf, registerFrom, settingsFrom } from "../context";
import { templatesJsonSchema, type TemplatesJson } from "../json-schemas";
import { templateName } from "../plain-words";
import type { Command } from "../registry";
import type { TemplateSpec } from "../../core/templates/spec";
import type { UnitRegister } from "../../core/units/types";

export const templatesCommand: Command = {
  name: "templates",
  summary: {
    vi: "Tạo các tệp mẫu biểu .xlsx trống (mỗi mẫu một tệp <templateId>.xlsx)",
    en: "Write blank .xlsx templates (one <templateId>.xlsx per template)",
  },
  usage:
    "templates --out DIR [--period YYYY] [--units FILE] [--settings FILE] [--templates DIR] [--template ID [--unit CODE]] [--json]",
  options: [
    {
      name: "out",
      value: true,
      placeholder: "DIR",
      help: { vi: "Thư mục ghi tệp (tạo nếu chưa có)", en: "Output folder (created if missing)" },
    },
    {
      name: "period",
      value: true,
      placeholder: "YYYY",
      help: {
        vi: "Năm đánh giá (mặc định theo cấu hình: 2019)",
        en: "Review year (default from settings: 2019)",
      },
    },
    {
      name: "units",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Danh mục đơn vị JSON (mặc định: Hương Thủy 2019)",
        en: "Unit register JSON (default: Hương Thủy 2019)",
      },
    },
    {
      name: "settings",
      value: true,
      placeholder: "FILE",
      help: { vi: "Cấu hình kỳ đánh giá JSON", en: "Period settings JSON" },
    },
    TEMPLATES_OPTION,
    {
      name: "template",
      value: true,
      placeholder: "ID",
      help: { vi: "Chỉ tạo một mẫu biểu", en: "Only this template" },
    },
    {
      name: "unit",
      value: true,
      placeholder: "CODE",
      help: {
        vi: "Cùng --template: mẫu chỉ có dòng của đơn vị này (mỗi TCCS một tệp báo cáo 3.14), tệp <mẫu>-<mã>.xlsx",
        en: "With --template: the template lists only this unit (one 3.14 report per TCCS), file <template>-<code>.xlsx",
      },
    },
    { name: "json", value: false, help: { vi: "Xuất JSON", en: "Print JSON" } },
  ],
  async run(args, ctx) {
    const out = stringOpt(args, "out");
    if (!out)
      throw new CliError({
        vi: "Thiếu --out DIR: thư mục để ghi các mẫu biểu.",
        en: "Missing --out DIR: the folder to write the templates to.",
      });
    if (args.positionals.length > 0) {
      throw new CliError({
        vi: `Tham số thừa: ${args.positionals.join(" ")}.`,
        en: `Unexpected arguments: ${args.positionals.join(" ")}.`,
      });
    }
    const register = await registerFrom(stringOpt(args, "units"));
    const settings = { ...(await settingsFrom(stringOpt(args, "settings"))) };
    const period = yearOpt(args, "period");
    if (period !== undefined) settings.period = period;
    const only = stringOpt(args, "template");
    const catalog = await catalogOf(stringOpt(args, "templates"), settings);
    const specs = only ? catalog.filter((s) => s.id === only) : catalog;
    if (specs.length === 0) {
      throw new CliError({
        vi: `Không có mẫu biểu "${only}". Các mẫu: ${catalog.map((s) => s.id).join(", ")}.`,
        en: `No template "${only}". Templates: ${catalog.map((s) => s.id).join(", ")}.`,
      });
    }
    const unitArg = stringOpt(args, "unit");
    let units: string[] | undefined;
    if (unitArg !== undefined) units = [unitFor(unitArg, only, specs, register)];
    try {
      await fs.mkdir(out, { recursive: true });
    } catch (e) {
      throw new CliError({
        vi: `Không tạo được thư mục "${out}" (${(e as NodeJS.ErrnoException).code}).`,
        en: `Cannot create folder "${out}" (${(e as NodeJS.ErrnoException).code}).`,
      });
    }
    const writer = await loadNodeXlsxWriter();
    const generatedAt = new Date().toISOString();
    const result: TemplatesJson = { outDir: out, period: settings.period, files: [] };
    for (const spec of specs) {
      const bytes = await writer.write(
        buildTemplateWorkbook(spec, register, settings, {
          generatedAt,
          ...(units ? { units } : {}),
        })
      );
      const file = path.join(out, units ? `${spec.id}-${units[0]}.xlsx` : `${spec.id}.xlsx`);
      try {
        await fs.writeFile(file, bytes);
      } catch (e) {
        throw new CliError({
          vi: `Không ghi được "${file}" (${(e as NodeJS.ErrnoException).code}).`,
          en: `Cannot write "${file}" (${(e as NodeJS.ErrnoException).code}).`,
        });
      }
      result.files.push({ templateId: spec.id, path: file, bytes: bytes.length });
      if (!args.options.json)
        ctx.io.out(
          `${ctx.lang === "en" ? "Written" : "Đã ghi"} ${file}  (${spec.section} ${ctx.t(spec.title)})`
        );
    }
    if (args.options.json) ctx.io.out(JSON.stringify(templatesJsonSchema.parse(result), null, 2));
    else
      ctx.io.out(
        ctx.lang === "en"
          ? `${result.files.length} template(s) for ${settings.period}.`
          : `${result.files.length} mẫu biểu cho năm ${settings.period}.`
      );
    return 0;
  },
};

/** The register code --unit names, among the units the one template (--template) lists. */
function unitFor(
  arg: string,
  only: string | undefined,
  specs: TemplateSpec[],
  register: UnitRegister
): string {
  const spec = specs[0];
  if (!only || !spec)
    throw new CliError({
      vi: "--unit đi cùng --template: ví dụ --template tccs-bao-cao --unit db-xa-thuy-tan.",
      en: "--unit goes with --template: e.g. --template tccs-bao-cao --unit db-xa-thuy-tan.",
    });
  const listed = templateUnits(spec, register);
  if (spec.rowSet === "PEOPLE" || listed.length === 0)
    throw new CliError({
      vi: `Mẫu ${templateName(spec.id, specs)} không liệt kê sẵn đơn vị theo dòng nên không dùng được --unit.`,
      en: `Template ${templateName(spec.id, specs)} does not list units row by row, so --unit does not apply.`,
    });
  const code = arg.trim().toLowerCase();
  const unit = listed.find((u) => u.code.toLowerCase() === code);
  if (!unit) {
    const some = listed
      .slice(0, 5)
      .map((u) => `${u.code} (${u.name})`)
      .join(", ");
    throw new CliError({
      vi: `Mẫu ${templateName(spec.id, specs)} không có đơn vị mã "${arg}" trong danh mục ${register.name}. Hãy dùng mã đơn vị trong danh mục, ví dụ: ${some}${listed.length > 5 ? ", …" : ""}.`,
      en: `Template ${templateName(spec.id, specs)} has no unit coded "${arg}" in the register ${register.name}. Use a unit code from the register, e.g. ${some}${listed.length > 5 ? ", …" : ""}.`,
    });
  }
  return unit.code;
}
