/** A tiny argv parser: positionals, `--flag`, `--opt value`, `--opt=value`. */
import type { LocalizedText } from "../core/i18n";

export interface OptionSpec {
  name: string;
  /** true: takes a value (`--out DIR`); false: a switch (`--json`). */
  value: boolean;
  help: LocalizedText;
  /** Shown in usage, e.g. "DIR". */
  placeholder?: string;
}

/** `--templates DIR`: a template set as JSON files (catalog, templates, validate, consolidate). */
export const TEMPLATES_OPTION: OptionSpec = {
  name: "templates",
  value: true,
  placeholder: "DIR",
  help: {
    vi: "Thư mục bộ mẫu biểu JSON (như của lệnh defaults); mặc định: bộ mẫu của năm đánh giá",
    en: "Folder of template JSON files (as written by `defaults`); default: the period's set",
  },
};

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

/** A user error: printed without a stack trace, exit code 2 unless said otherwise. */
export class CliError extends Error {
  constructor(
    public readonly text: LocalizedText,
    public readonly exitCode = 2
  ) {
    super(text.en);
  }
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("--") || a === "-") {
      if (a.startsWith("-") && a !== "-" && a !== "-h") {
        throw new CliError({
          vi: `Tùy chọn không hợp lệ: ${a}. Xem --help.`,
          en: `Invalid option: ${a}. See --help.`,
        });
      }
      if (a === "-h") out.options.help = true;
      else out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec)
      throw new CliError({
        vi: `Tùy chọn không có: --${name}. Xem --help.`,
        en: `Unknown option: --${name}. See --help.`,
      });
    if (!spec.value) {
      if (eq >= 0)
        throw new CliError({
          vi: `Tùy chọn --${name} không nhận giá trị.`,
          en: `Option --${name} takes no value.`,
        });
      out.options[name] = true;
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") {
      throw new CliError({
        vi: `Tùy chọn --${name} cần một giá trị (${spec.placeholder ?? "…"}).`,
        en: `Option --${name} needs a value (${spec.placeholder ?? "…"}).`,
      });
    }
    out.options[name] = value;
  }
  return out;
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === "string" ? v : undefined;
}

export function yearOpt(args: ParsedArgs, name: string): number | undefined {
  const v = stringOpt(args, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2100) {
    throw new CliError({
      vi: `--${name} phải là một năm (YYYY), ví dụ 2019; nhận được "${v}".`,
      en: `--${name} must be a year (YYYY), e.g. 2019; got "${v}".`,
    });
  }
  return Number(v);
}
