/**
 * `xeploai defaults --out DIR`: writes the shipped defaults as editable JSON — the period settings,
 * the unit register and every classification rule set — so the Organization Committee changes
 * data, not code, and passes the files back with --settings, --units and --rules.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { RULE_SETS } from "../../core/rules";
import { DEFAULT_SETTINGS_2019 } from "../../core/settings/defaults";
import { defaultRegister } from "../../core/units/register";
import { CliError, stringOpt } from "../args";
import type { Command } from "../registry";

export interface DefaultFile {
  file: string;
  what: { vi: string; en: string };
  data: unknown;
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
        vi: `bộ quy tắc xếp loại ${r.id} (dùng với --rules)`,
        en: `classification rule set ${r.id} (use with --rules)`,
      },
      data: r,
    })),
  ];
}

export const defaultsCommand: Command = {
  name: "defaults",
  summary: {
    vi: "Ghi các giá trị mặc định ra tệp JSON để sửa: cấu hình kỳ, danh mục đơn vị, bộ quy tắc",
    en: "Write the defaults as editable JSON: period settings, unit register, rule sets",
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
      for (const f of defaultFiles()) {
        const p = path.join(out, f.file);
        // Never overwrite a file someone may already have edited.
        await fs.writeFile(p, `${JSON.stringify(f.data, null, 2)}\n`, { flag: "wx" });
        ctx.io.out(`${ctx.lang === "en" ? "Written" : "Đã ghi"} ${p}: ${ctx.t(f.what)}`);
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
