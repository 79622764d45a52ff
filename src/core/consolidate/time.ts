/** Submission times and the deadline. Pure: never reads the clock. */

/** End of the deadline day in Vietnam (UTC+7), as epoch milliseconds. */
export function deadlineEnd(deadline: string): number {
  return Date.parse(`${deadline}T23:59:59.999+07:00`);
}
/** deadlineEnd per deadline (every file and every completeness entry asks again). */
function deadlineEndOf(deadline: string): number {
  let t = DEADLINE_ENDS.get(deadline);
  if (t === undefined) {
    t = deadlineEnd(deadline);
    if (DEADLINE_ENDS.size >= 1_000) DEADLINE_ENDS.clear();
    DEADLINE_ENDS.set(deadline, t);
  }
  return t;
}
const DEADLINE_ENDS = new Map<string, number>();

function parse(iso: string | null | undefined): number | null {
  if (!iso) return null;
  let t = PARSED.get(iso);
  if (t === undefined) {
    t = Date.parse(iso);
    if (PARSED.size >= 10_000) PARSED.clear();
    PARSED.set(iso, t);
  }
  return Number.isNaN(t) ? null : t;
}
/** Date.parse per text: a run compares and checks the same few submission times again and again. */
const PARSED = new Map<string, number>();

/**
 * The time a submission counts as handed in: the later of the template's `_meta` generatedAt and
 * the workbook's last-modified time (a file filled after it was generated counts from the filling).
 */
export function submittedAt(generatedAt: string | null, modifiedAt: string | null): string | null {
  const g = parse(generatedAt);
  const m = parse(modifiedAt);
  if (g === null && m === null) return null;
  if (g === null) return modifiedAt;
  if (m === null) return generatedAt;
  return m >= g ? modifiedAt : generatedAt;
}

export function isLate(at: string | null, deadline: string): boolean {
  const t = parse(at);
  return t !== null && t > deadlineEndOf(deadline);
}

/** A day of slack for time zones and slightly wrong clocks. */
const FUTURE_SLACK_MS = 24 * 3600_000;

/**
 * True when a submission's time is more than a day after the run (`now`): a wrong clock on the
 * machine that saved it, e.g. a file dated 2099. False when either time is unknown.
 */
export function isFuture(at: string | null, now: string | null | undefined): boolean {
  const t = parse(at);
  const n = parse(now);
  return t !== null && n !== null && t > n + FUTURE_SLACK_MS;
}

/** Negative when a is older than b; 0 when either is unknown or they are equal. */
export function compareTimes(a: string | null, b: string | null): number {
  const x = parse(a);
  const y = parse(b);
  if (x === null || y === null) return 0;
  return x - y;
}

/** "2019-12-27T08:30:00Z" → "27/12/2019 15:30" (Vietnam time) for messages. */
export function formatTimeVi(iso: string | null): string {
  const t = parse(iso);
  if (t === null) return "không rõ thời điểm";
  const d = new Date(t + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The same moment for an English message: dd/mm/yyyy HH:mm (Vietnam time), never an ISO string. */
export function formatTimeEn(iso: string | null): string {
  return parse(iso) === null ? "time unknown" : formatTimeVi(iso);
}
