/**
 * The internal tokens a person must never read, shared by the pane's plain-words test and the
 * command line's: research tags, "_meta", rule, rule-set, template, template-set ids, unit codes,
 * column keys, enum codes, ISO dates. The pane also never names a command or an option; the
 * command line may (`commandLine: true`): "dùng --force để …" tells its user what to type.
 */
import { COMMANDS } from "../../../src/cli/commands";
import { ENUMS } from "../../../src/core/templates/enums";
import { defaultRegister, sampleRegister2025 } from "../../../src/core/units/register";
import { RULE_SETS, TEMPLATE_SETS, type Shown } from "./collect";

const LEVELS = new Set(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole-token matcher for a set of identifiers (a neighbour letter, digit, _ or - makes no token). */
export function tokens(ids: Iterable<string>): RegExp {
  const list = [...new Set(ids)].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\d_&-])(?:${list.map(escape).join("|")})(?![\\p{L}\\d_&-])`, "u");
}

export interface TokenCheck {
  name: string;
  re: RegExp;
}

export function internalTokens(opts: { commandLine?: boolean } = {}): TokenCheck[] {
  const commands = [...COMMANDS.map((c) => c.name), "run", "start", "test"].join("|");
  const specs = TEMPLATE_SETS.flatMap((s) => s.specs);
  const units = [...defaultRegister().units, ...sampleRegister2025().units];
  const enumCodes = Object.values(ENUMS)
    .flatMap((e) => e.values.map((v) => v.code))
    .filter((c) => !LEVELS.has(c));
  const ruleIds = RULE_SETS.flatMap((r) => [
    ...r.caps.map((c) => c.id),
    ...r.evidence.rules.map((e) => e.id),
  ]);
  const specRuleIds = specs.flatMap((s) =>
    ((s as { rules?: { id?: string }[] }).rules ?? []).map((r) => r.id ?? "")
  );
  const keys = specs
    .flatMap((s) => s.columns.map((c) => c.key))
    .filter((k) => /[A-Z_]/.test(k) || /\d/.test(k));
  const paneOnly: TokenCheck[] = [
    { name: "command-line option", re: /(?<![\p{L}\d])--[a-z]/u },
    // An official is told who changes what, in words: "xeploai defaults", "npx …", "`consolidate`"
    // are for the IT staff (the deployment guide), never on the pane or in a message.
    {
      name: "command name",
      re: new RegExp(`(?<![\\p{L}\\d])(?:xeploai|npx|npm(?: run)?)\\s+(?:${commands})\\b`, "iu"),
    },
    { name: "command name", re: new RegExp(`[(\`](?:${commands})[\\s)\`]`, "u") },
  ];
  return [
    { name: "research tag", re: /\[\s*[MPV](?:[\s,;]*S\d+)*\s*\]/ },
    { name: "hidden sheet name", re: /_meta/ },
    { name: "requirement set", re: /ExcelApi/ },
    ...(opts.commandLine ? [] : paneOnly),
    { name: "ISO date", re: /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/ },
    { name: "rule id", re: tokens([...ruleIds, ...specRuleIds]) },
    { name: "rule set id", re: tokens(RULE_SETS.map((r) => r.id)) },
    {
      name: "template or template set id",
      re: tokens([...specs.map((s) => s.id), ...TEMPLATE_SETS.map((s) => s.id)]),
    },
    { name: "unit code", re: tokens(units.map((u) => u.code)) },
    { name: "column key", re: tokens(keys) },
    { name: "enum code", re: tokens(enumCodes) },
  ];
}

/** The text as checked: the official's own file names and run-time placeholders taken out. */
export function checkedPart(text: string): string {
  return text
    .replace(/[^\s“”"'(),;:›]+\.(?:xlsx|xlsm|xls|xlsb|ods|csv)\b/gi, "‹tệp›")
    .replace(/\{[A-Za-z]+\}/g, "‹…›");
}

/** Each internal token found, with where it was shown (empty: all plain words). */
export function offenders(
  shown: Shown[],
  opts: { commandLine?: boolean; extra?: TokenCheck[]; prepare?: (t: string) => string } = {}
): string[] {
  const checks = [...internalTokens(opts), ...(opts.extra ?? [])];
  const out = new Set<string>();
  for (const s of shown) {
    const t = checkedPart(opts.prepare ? opts.prepare(s.text) : s.text);
    for (const { name, re } of checks) {
      const m = t.match(re);
      if (m) out.add(`${name} “${m[0]}” in ${s.where}: ${s.text.slice(0, 160)}`);
    }
  }
  return [...out];
}
