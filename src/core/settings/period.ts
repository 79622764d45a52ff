/**
 * The review period ("Kỳ đánh giá") as one settings object: its deadlines follow the year unless
 * someone edited them. Pure; the pane and the CLI share the PeriodSettings type.
 */
import { DEFAULT_SETTINGS_2019 } from "./defaults";
import type { PeriodSettings } from "./types";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2019-12-25" moved by `years` ("2024-12-25"); 29 February becomes 28 February in a common year. */
export function shiftIsoYear(iso: string, years: number): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]) + years;
  let day = m[3]!;
  if (m[2] === "02" && day === "29" && !isLeapYear(year)) day = "28";
  return `${String(year).padStart(4, "0")}-${m[2]}-${day}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export interface PeriodDeadlines {
  deadline: string;
  reportDeadline: string;
  templateDeadlines: Record<string, string>;
}

/**
 * The deadlines of `year` as the plan sets them every year: the same days as in `pattern`
 * (by default the 2019 plan: 20/11 for MTTQ and đoàn thể, 25/12 for the rest, 15/01 next year
 * for the report to the province), moved to that year.
 */
export function derivedDeadlines(
  year: number,
  pattern: PeriodSettings = DEFAULT_SETTINGS_2019
): PeriodDeadlines {
  const by = year - pattern.period;
  const templateDeadlines: Record<string, string> = {};
  for (const [id, d] of Object.entries(pattern.templateDeadlines ?? {}))
    templateDeadlines[id] = shiftIsoYear(d, by);
  return {
    deadline: shiftIsoYear(pattern.deadline, by),
    reportDeadline: shiftIsoYear(pattern.reportDeadline, by),
    templateDeadlines,
  };
}

/**
 * `settings` for another year. A deadline that is the one derived for the old year follows the
 * new year; one that someone edited (any other date) is kept as they set it.
 */
export function withYear(
  settings: PeriodSettings,
  year: number,
  pattern: PeriodSettings = DEFAULT_SETTINGS_2019
): PeriodSettings {
  if (year === settings.period) return settings;
  const before = derivedDeadlines(settings.period, pattern);
  const after = derivedDeadlines(year, pattern);
  const follow = (current: string, was: string | undefined, now: string | undefined) =>
    was !== undefined && now !== undefined && current === was ? now : current;
  const templateDeadlines: Record<string, string> = {};
  for (const [id, d] of Object.entries(settings.templateDeadlines ?? {}))
    templateDeadlines[id] = follow(d, before.templateDeadlines[id], after.templateDeadlines[id]);
  return {
    ...settings,
    period: year,
    deadline: follow(settings.deadline, before.deadline, after.deadline),
    reportDeadline: follow(settings.reportDeadline, before.reportDeadline, after.reportDeadline),
    ...(settings.templateDeadlines ? { templateDeadlines } : {}),
  };
}

/** True when the deadline is the one the year gives (not edited by hand). */
export function isDerivedDeadline(
  settings: PeriodSettings,
  which: "deadline" | "reportDeadline",
  pattern: PeriodSettings = DEFAULT_SETTINGS_2019
): boolean {
  return derivedDeadlines(settings.period, pattern)[which] === settings[which];
}

/** "25/12/2019" → "2019-12-25"; null when it is not a real date in dd/mm/yyyy (d/m/yyyy accepted). */
export function parseViDate(input: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(input);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
