/**
 * A rule's source as a department official reads it. The rule data cite the document, and say in
 * words when a threshold is the Ban Tổ chức's own parameter ("tham số do Ban Tổ chức quyết định").
 * Rule files written by hand (or by an older `xeploai defaults`) may still carry the research tags
 * "[M]", "[P]" or "[V S2]": they never reach a message; an [M] or [P] becomes those words.
 */
import type { LocalizedText } from "../i18n";

export const LOCAL_PARAMETER: LocalizedText = {
  vi: "tham số do Ban Tổ chức quyết định",
  en: "a parameter set by the Organization Committee",
};

/** "[M]", "[P]", "[V]", "[V S1]", "[M S4, S2]": a research tag, never shown. */
const TAG = /\[\s*[MPV](?:\s*[,;]?\s*S\d+)*(?:\s*[,;]\s*S\d+)*\s*\]/g;
const LOCAL_TAG = /\[\s*[MP](?:[\s,;]*S\d+)*\s*\]/;

/** Whether the source says the threshold is the Ban Tổ chức's parameter (tag or words). */
export function isLocalParameter(source: string): boolean {
  return (
    LOCAL_TAG.test(source) ||
    source.normalize("NFC").toLowerCase().includes(LOCAL_PARAMETER.vi.toLowerCase())
  );
}

/**
 * "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật) [M]" → vi "HD 21-HD/BTCTW (tổ chức đảng
 * bị thi hành kỷ luật); tham số do Ban Tổ chức quyết định", en "…; a parameter set by the
 * Organization Committee". The cited document stays as written (its name is Vietnamese).
 */
export function sourceInWords(source: string): LocalizedText {
  let words = IN_WORDS.get(source);
  if (!words) {
    words = inWords(source);
    // Rule sets hold a few dozen sources; the bound only keeps a hostile rule file from growing it.
    if (IN_WORDS.size < 1024) IN_WORDS.set(source, words);
  }
  return { vi: words.vi, en: words.en };
}

/**
 * sourceInWords per source text, worked out once: classification words the same few sources for
 * every TCCS and every cap, and the master cites them again on every row.
 */
const IN_WORDS = new Map<string, LocalizedText>();

function inWords(source: string): LocalizedText {
  const local = isLocalParameter(source);
  const localVi = LOCAL_PARAMETER.vi.toLowerCase();
  const docs = source
    .normalize("NFC")
    .replace(TAG, "")
    .split(";")
    .map((p) =>
      p
        .replace(/\s+/g, " ")
        .replace(/\s+([),:.])/g, "$1")
        .trim()
    )
    .map((p) => p.replace(/^[:,.\s]+|[:,\s]+$/g, ""))
    .filter((p) => p !== "" && p.toLowerCase() !== localVi);
  const withLocal = (words: string) => [...docs, ...(local ? [words] : [])].join("; ");
  return {
    vi: withLocal(LOCAL_PARAMETER.vi) || LOCAL_PARAMETER.vi,
    en: withLocal(LOCAL_PARAMETER.en) || LOCAL_PARAMETER.en,
  };
}
