/**
 * `xeploai defaults --out DIR`: writes the shipped defaults as editable JSON — the period settings,
 * the unit register, every classification rule set and every template set (templates/<set>/) — so
 * the Organization Committee changes data, not code, and passes the files back with --settings,
 * --units, --rules and --templates.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { RULE_SETS } from "../../core/rules";
import { DEFAULT_SETTINGS_2019 } from "../../core/settings/defaults";
import { TEMPLATE_SET_FOLDERS, TEMPLATE_SETS } from "../../core/templates/shipped-sets";
import { rangeText, TEMPLATE_SET_FILE } from "../../core/templates/template-set";
import { defaultRegister } from "../../core/units/register";
import { CliError, stringOpt } from "../args";
import { titleOf } from "../plain-words";
import type { Command } from "../registry";

export interface DefaultFile {
  /** Path inside the output folder ("settings.json", "templates/hd21-2019/y-te.json"). */
  file: string;
  what: { vi: string; en: string };
  data: unknown;
  /** Files of one folder (a template set) are reported once, on the folder's first file. */
  folder?: string;
}

/** Every shipped template set as a folder templates/<set>/ of JSON files (use with --templates). */
function templateSetFiles(): DefaultFile[] {
  return Object.values(TEMPLATE_SETS).flatMap((set) => {
    const folder = `templates/${TEMPLATE_SET_FOLDERS[set.id] ?? set.id}`;
    const what = {
      vi: `bộ mẫu biểu ${titleOf(set).vi} (${set.specs.length} mẫu, ${rangeText(set).vi}; dùng với --templates ${folder})`,
      en: `template set ${titleOf(set).en} (${set.specs.length} templates, ${rangeText(set).en}; use with --templates ${folder})`,
    };
    const info = {
      id: set.id,
      name: set.name,
      ...(set.validFrom !== undefined ? { validFrom: set.validFrom } : {}),
      ...(set.validTo !== undefined ? { validTo: set.validTo } : {}),
      order: set.specs.map((s) => s.id),
    };
    return [
      { file: `${folder}/${TEMPLATE_SET_FILE}`, what, data: info, folder },
      ...set.specs.map((spec) => ({ file: `${folder}/${spec.id}.json`, what, data: spec, folder })),
    ];
  });
}

/** The files `defaults` writes, in order. */
export function defaultFiles(): DefaultFile[] {
  return [
    {
      file: "settings.json",
      what: {
        vi: "cấu hình kỳ đánh giá (dùng với --settings)",
        en: "period settings (use with --settings)",
      },
      data: DEFAULT_SETTINGS_2019,
    },
    {
      file: "units.json",
      what: { vi: "danh mục đơn vị (dùng với --units)", en: "unit register (use with --units)" },
      data: defaultRegister(),
    },
    ...Object.values(RULE_SETS).map((r) => ({
      file: `rules-${r.id}.json`,
      what: {
        vi: `bộ quy tắc xếp loại ${titleOf(r).vi} (dùng với --rules)`,
        en: `classification rule set ${titleOf(r).en} (use with --rules)`,
      },
      data: r,
    })),
    ...templateSetFiles(),
  ];
}

export const defaultsCommand: Command = {
  name: "defaults",
  summary: {
    vi: "Ghi các giá trị mặc định ra tệp JSON để sửa: cấu hình kỳ, danh mục đơn vị, bộ quy tắc, bộ mẫu biểu",
    en: "Write the defaults as editable JSON: period settings, unit register, rule sets, template sets",
  },
  usage: "defaults --out DIR",
  options: [
    {
      name: "out",
      value: true,
      placeholder: "DIR",
      help: { vi: "Thư mục ghi tệp (tạo nếu chưa có)", en: "Output folder (created if missing)" },
    },
  ],
  async run(args, ctx) {
    const out = stringOpt(args, "out");
    if (!out)
      throw new CliError({
        vi: "Thiếu --out DIR: thư mục để ghi các tệp JSON.",
        en: "Missing --out DIR: the folder to write the JSON files to.",
      });
    try {
      await fs.mkdir(out, { recursive: true });
      const reported = new Set<string>();
      for (const f of defaultFiles()) {
        const p = path.join(out, f.file);
        await fs.mkdir(path.dirname(p), { recursive: true });
        // Never overwrite a file someone may already have edited.
        await fs.writeFile(p, `${JSON.stringify(f.data, null, 2)}\n`, { flag: "wx" });
        if (f.folder && reported.has(f.folder)) continue;
        const shown = f.folder ? path.join(out, f.folder) : p;
        if (f.folder) reported.add(f.folder);
        ctx.io.out(`${ctx.lang === "en" ? "Written" : "Đã ghi"} ${shown}: ${ctx.t(f.what)}`);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      const p = (e as NodeJS.ErrnoException).path ?? out;
      throw new CliError(
        code === "EEXIST"
          ? {
              vi: `Tệp "${p}" đã có; XếpLoại không ghi đè. Hãy chọn thư mục khác hoặc xóa tệp cũ.`,
              en: `"${p}" already exists; XếpLoại does not overwrite it. Choose another folder or delete the old file.`,
            }
          : { vi: `Không ghi được vào "${p}" (${code}).`, en: `Cannot write to "${p}" (${code}).` }
      );
    }
    return 0;
  },
};
