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
  let f = VI_FORMATS.get(maxFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxFractionDigits });
    VI_FORMATS.set(maxFractionDigits, f);
  }
  return f.format(n);
}
/** One formatter per number of fraction digits (making one costs far more than formatting). */
const VI_FORMATS = new Map<number, Intl.NumberFormat>();
