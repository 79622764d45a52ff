/** Text shown to people: Vietnamese first (NFC, full diacritics), English second. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export type Lang = "vi" | "en";

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

export function localize(
  text: LocalizedText,
  params: Record<string, string | number> = {}
): LocalizedText {
  return { vi: fill(text.vi, params).normalize("NFC"), en: fill(text.en, params) };
}

/** Vietnamese number display: 1.234,5 */
export function formatNumberVi(n: number, maxFractionDigits = 2): string {
  // Whole numbers (counts: most of what the master shows) are grouped by hand when this runtime's
  // Intl groups them that way; Intl.NumberFormat.format costs far more than the grouping.
  if (Number.isSafeInteger(n) && !Object.is(n, -0) && integersGroupedByDot())
    return groupedByDot(n);
  let f = VI_FORMATS.get(maxFractionDigits);
  if (!f) {
    f = {
      format: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxFractionDigits }),
      seen: new Map(),
    };
    VI_FORMATS.set(maxFractionDigits, f);
  }
  // Fractions (shares, percentages) repeat across units: each is formatted once (-0 is not kept:
  // a Map takes it for 0, and Intl prints it "-0").
  if (Object.is(n, -0)) return f.format.format(n);
  let text = f.seen.get(n);
  if (text === undefined) {
    text = f.format.format(n);
    if (f.seen.size >= 10_000) f.seen.clear();
    f.seen.set(n, text);
  }
  return text;
}
/** One formatter per number of fraction digits (making one costs far more than formatting). */
const VI_FORMATS = new Map<number, { format: Intl.NumberFormat; seen: Map<number, string> }>();

/** "1234567" → "1.234.567", "-1234" → "-1.234" (a safe integer). */
function groupedByDot(n: number): string {
  const digits = String(n < 0 ? -n : n);
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += "." + digits.slice(i, i + 3);
  return n < 0 ? "-" + out : out;
}

let dotGrouping: boolean | null = null;
/** Whether Intl's vi-VN prints whole numbers as groupedByDot does (checked once, on this runtime). */
function integersGroupedByDot(): boolean {
  if (dotGrouping === null) {
    const f = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
    const samples = [0, 7, 12, 999, 1000, 1234, 12345, 123456, 1234567, -1, -1234, -9876543210];
    dotGrouping = samples.every((x) => f.format(x) === groupedByDot(x));
  }
  return dotGrouping;
}
