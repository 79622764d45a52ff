/**
 * The `xeploai` command line: `xeploai <command> [options]`. Human output is Vietnamese (NFC);
 * `--lang en` switches to English. User errors print a message, never a stack trace.
 * Exit codes: 0 ok, 1 findings (validation errors), 2 bad call or unreadable input.
 */
import "./zod-jitless"; // first: before any schema is parsed
import type { Lang } from "../core/i18n";
import { CliError, parseArgs, type OptionSpec } from "./args";
import { COMMANDS } from "./commands";
import { makeContext, type CliContext, type CliIO } from "./context";
import { COMMON_OPTIONS, type Command } from "./registry";

export const consoleIO: CliIO = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
};

/** --lang may appear anywhere; read it before anything else so even argument errors use it. */
function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
  }
  return "vi";
}

function optionLines(options: OptionSpec[], ctx: CliContext): string[] {
  return options.map(
    (o) =>
      `  --${o.name}${o.value ? ` ${o.placeholder ?? "VALUE"}` : ""}`.padEnd(26) + ctx.t(o.help)
  );
}

export function generalHelp(ctx: CliContext, commands: Command[] = COMMANDS): string {
  const en = ctx.lang === "en";
  return [
    en
      ? "XếpLoại: templates, validation and consolidation of the yearly classification."
      : "XếpLoại: mẫu biểu, kiểm tra và tổng hợp kết quả xếp loại hằng năm.",
    "",
    en ? "Usage: xeploai <command> [options]" : "Cách dùng: xeploai <lệnh> [tùy chọn]",
    "",
    en ? "Commands:" : "Các lệnh:",
    ...commands.map((c) => `  ${c.name.padEnd(12)}${ctx.t(c.summary)}`),
    "",
    en ? "Options for every command:" : "Tùy chọn chung:",
    ...optionLines(COMMON_OPTIONS, ctx),
    "",
    en
      ? "Exit codes: 0 all valid, 1 validation errors, 2 bad call or unreadable file."
      : "Mã thoát: 0 hợp lệ, 1 có lỗi số liệu, 2 gọi sai hoặc tệp không đọc được.",
    en
      ? "Help on a command: xeploai <command> --help"
      : "Hướng dẫn từng lệnh: xeploai <lệnh> --help",
  ].join("\n");
}

export function commandHelp(cmd: Command, ctx: CliContext): string {
  const en = ctx.lang === "en";
  return [
    `xeploai ${cmd.usage}`,
    "",
    ctx.t(cmd.summary),
    "",
    en ? "Options:" : "Tùy chọn:",
    ...optionLines([...cmd.options, ...COMMON_OPTIONS], ctx),
  ].join("\n");
}

/** Runs the CLI in-process; returns the exit code. */
export async function run(
  argv: string[],
  io: CliIO = consoleIO,
  commands: Command[] = COMMANDS
): Promise<number> {
  const ctx = makeContext(io, langOf(argv));
  const [name, ...rest] = argv;
  try {
    if (
      !name ||
      name === "--help" ||
      name === "-h" ||
      name === "help" ||
      name.startsWith("--lang")
    ) {
      io.out(generalHelp(ctx, commands));
      return name ? 0 : 2;
    }
    const cmd = commands.find((c) => c.name === name);
    if (!cmd) {
      throw new CliError({
        vi: `Không có lệnh "${name}". Các lệnh: ${commands.map((c) => c.name).join(", ")}. Xem xeploai --help.`,
        en: `No command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}. See xeploai --help.`,
      });
    }
    const args = parseArgs(rest, [...cmd.options, ...COMMON_OPTIONS]);
    const lang = args.options.lang;
    if (lang !== undefined && lang !== "vi" && lang !== "en") {
      throw new CliError({ vi: `--lang chỉ nhận vi hoặc en.`, en: `--lang takes vi or en.` });
    }
    if (args.options.help) {
      io.out(commandHelp(cmd, ctx));
      return 0;
    }
    return await cmd.run(args, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`${ctx.lang === "en" ? "Error" : "Lỗi"}: ${ctx.t(e.text)}`);
      return e.exitCode;
    }
    // An unexpected failure: one line, no stack (set XEPLOAI_DEBUG=1 to see it).
    const msg = e instanceof Error ? e.message : String(e);
    io.err(ctx.lang === "en" ? `Unexpected error: ${msg}` : `Lỗi không mong đợi: ${msg}`);
    if (process.env.XEPLOAI_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 2;
  }
}
