import type { LocalizedText } from "../i18n";

/** The outcome of reading one raw value: a value, empty, or a reason a person can act on. */
export type Parsed<T> =
  | { ok: true; value: T; note?: LocalizedText }
  | { ok: true; value: null; empty: true }
  | { ok: false; reason: "invalid" | "ambiguous" | "error-value"; message: LocalizedText };
