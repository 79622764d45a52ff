/** A command of the `xeploai` CLI. Commands live in src/cli/commands/, one per file, listed in commands/index.ts. */
import type { LocalizedText } from "../core/i18n";
import type { OptionSpec, ParsedArgs } from "./args";
import type { CliContext } from "./context";

export interface Command {
  name: string;
  summary: LocalizedText;
  /** e.g. "validate FILE... [--json] [--units FILE]" */
  usage: string;
  options: OptionSpec[];
  /** Returns the exit code: 0 ok, 1 findings (e.g. validation errors), 2 bad call or unreadable input. */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: "help", value: false, help: { vi: "Hiện hướng dẫn", en: "Show help" } },
  {
    name: "lang",
    value: true,
    placeholder: "vi|en",
    help: { vi: "Ngôn ngữ thông báo (vi mặc định, en)", en: "Message language (vi default, en)" },
  },
];
