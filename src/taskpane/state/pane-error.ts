/** The pane's error type and the one function that turns anything thrown into a readable message. */
import type { LocalizedText } from "../../core/i18n";
import { text } from "../i18n/strings";

/** An error with a message people can read, in both languages. */
export class PaneError extends Error {
  constructor(
    readonly text: LocalizedText,
    options?: { cause?: unknown }
  ) {
    super(text.en, options);
    this.name = "PaneError";
  }
}

function detailOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === "string" ? err : JSON.stringify(err);
}

/** Turns anything thrown into a bilingual message that says what failed. */
export function describeError(err: unknown, action: LocalizedText): LocalizedText {
  if (err instanceof PaneError) return err.text;
  const detail = detailOf(err);
  return {
    vi: text("vi", "failed", { action: action.vi, detail }),
    en: text("en", "failed", { action: action.en, detail }),
  };
}
