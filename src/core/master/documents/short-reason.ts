/**
 * The short reason printed beside a level: what the classification found, in the words of its
 * own message, without the figures, cell names, sources or "[M]"/"[P]" tags that stay on the
 * working sheets. A reason that carries its own short text (`short`) is used as it is.
 */
import type { LocalizedText } from "../../i18n";
import type { Reason } from "../../classify/types";

/** Markers and references that never go on paper. */
const INTERNAL = /\s*\[(?:M|P|V)[^\]]*\]/g;

/** Where a figure came from ("(3.1a-noi-vu-cchc.xlsx › Nội vụ - CCHC › G15)"): screen only. */
const PROVENANCE = /\s*\([^()]*(?:›|\.xlsx\b)[^()]*\)/g;
/** "(theo đề xuất của hệ thống)": how the working sheet got a level, not a reason on paper. */
const BASIS = /\s*\(theo [^()]*\)/g;

/** shorten per subject, then message: many units get the same reasons word for word. */
const SHORTENED = new Map<string, Map<string, string>>();

function shorten(message: string, subject?: string): string {
  let bySubject = SHORTENED.get(subject ?? "");
  if (!bySubject) {
    if (SHORTENED.size >= 1_000) SHORTENED.clear();
    SHORTENED.set(subject ?? "", (bySubject = new Map()));
  }
  let out = bySubject.get(message);
  if (out === undefined) {
    out = shortenNow(message, subject);
    if (bySubject.size >= 20_000) bySubject.clear();
    bySubject.set(message, out);
  }
  return out;
}

function shortenNow(message: string, subject?: string): string {
  let t = message
    .split(" → ")[0]!
    .split(" — ")[0]!
    .replace(PROVENANCE, "")
    .replace(BASIS, "")
    .replace(INTERNAL, "");
  t = t.trim();
  // "Lê Văn Cường: xếp loại CBCCVC là HTTNV, …": the subject is already on the row.
  if (subject && t.startsWith(`${subject}:`)) t = t.slice(subject.length + 1).trim();
  else {
    // "A rule (its definition): the figures" → the rule; "A finding: what was found" stays whole.
    const colon = t.indexOf(": ");
    const head = colon > 0 ? t.slice(0, colon) : "";
    if (head.includes("(")) t = head.replace(/\s*\([^()]*\)/g, "");
  }
  t = t.replace(/[.;,\s]+$/, "");
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : "";
}

/** The printed reasons of a classification: caps and missing data, one short clause each. */
export function shortReasons(reasons: readonly Reason[], subject?: string): string {
  const out: string[] = [];
  for (const r of reasons) {
    if (r.kind === "info") continue;
    const own = (r as Reason & { short?: LocalizedText }).short?.vi;
    const s = own ? own.replace(INTERNAL, "").trim() : shorten(r.message.vi, subject);
    if (s && !out.includes(s)) out.push(s);
  }
  return out.join("; ");
}
