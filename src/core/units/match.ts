/**
 * Matching a typed unit name to a register unit. Tolerates what people really type (case, NFD,
 * old/new tone placement, "P."/"Phường"/"Xã"/"Đảng bộ" prefixes, dash styles) but never guesses:
 * an unknown or ambiguous name is an error with suggestions, and missing diacritics are not
 * repaired ("Thuy Duong" is unknown, with "Thủy Dương" suggested).
 */
import type { LocalizedText } from "../i18n";
import { describeRaw, excelErrorMessage } from "../normalize/describe";
import { canonicalVietnamese, normalizeText, stripDiacritics } from "../normalize/text";
import type { RawCell } from "../validate/types";
import type { Unit, UnitKind, UnitRegister } from "./types";

export type MatchUnitResult =
  | { ok: true; unit: Unit; note?: LocalizedText }
  | {
      ok: false;
      reason: "unknown" | "ambiguous" | "empty";
      candidates: Unit[];
      message: LocalizedText;
    };

/** Unified dash style so "Tài chính - Kế hoạch" equals "Tài chính – Kế hoạch". */
function baseKey(s: string): string {
  return canonicalVietnamese(s).replace(/\s*[-\u2010-\u2015]\s*/g, "-");
}

/**
 * Leading prefixes and the unit kind each one names. Long forms first ("đảng bộ phường" before
 * "đảng bộ"); a short form needs a "." or a space after it so "Phòng" is not read as "P".
 * "Phuờng" (u instead of ư, a frequent typing slip) is accepted as the prefix only.
 */
const PREFIX =
  /^(?:(đảng bộ ph[ưu]ờng|đảng bộ xã|đảng bộ|chi bộ|ph[ưu]ờng|xã)(?![\p{L}\p{M}\p{N}])|(đb|p|x)(?:\.|(?= )))\s*/u;

function prefixKind(prefix: string): UnitKind {
  if (prefix.startsWith("đảng bộ") || prefix === "chi bộ" || prefix === "đb") return "tccs";
  if (prefix.startsWith("ph") || prefix === "p") return "phuong";
  return "xa";
}

interface Key {
  /** Without prefixes. */
  core: string;
  /** Kind named by the outermost prefix, if any. */
  hint?: UnitKind;
}

/** Drops prefixes repeatedly ("ĐB phường Phú Bài" → "phú bài"), never down to nothing. */
export function unitKey(s: string): Key {
  let core = baseKey(s);
  let hint: UnitKind | undefined;
  for (;;) {
    const m = PREFIX.exec(core);
    if (!m) break;
    const rest = core.slice(m[0].length);
    if (rest === "") break;
    hint ??= prefixKind(m[1] ?? m[2]);
    core = rest;
  }
  return { core, hint };
}

function unitForms(u: Unit): string[] {
  return [u.name, ...(u.aliases ?? [])];
}

function quoteNames(units: Unit[]): string {
  return units.map((u) => `"${u.name}"`).join(", ");
}

/**
 * Finds the unit a person meant. `kinds` limits the search to the row set of the template
 * (e.g. ["phuong","xa"] for DB rows); all units when omitted.
 */
export function matchUnit(
  register: UnitRegister,
  raw: RawCell,
  kinds?: readonly UnitKind[]
): MatchUnitResult {
  const pool = kinds ? register.units.filter((u) => kinds.includes(u.kind)) : register.units;
  if (typeof raw === "object" && raw !== null && !(raw instanceof Date) && "error" in raw) {
    return { ok: false, reason: "unknown", candidates: [], message: excelErrorMessage(raw.error) };
  }
  if (
    typeof raw === "boolean" ||
    raw instanceof Date ||
    (typeof raw === "object" && raw !== null)
  ) {
    const d = describeRaw(raw);
    return {
      ok: false,
      reason: "unknown",
      candidates: [],
      message: {
        vi: `${d.vi} không phải là tên đơn vị. Hãy nhập tên đơn vị.`,
        en: `${d.en} is not a unit name. Type the unit's name.`,
      },
    };
  }
  const text = normalizeText(raw === null || raw === undefined ? "" : String(raw));
  if (text === "") {
    return {
      ok: false,
      reason: "empty",
      candidates: [],
      message: {
        vi: `Chưa nhập tên đơn vị. Hãy nhập tên đơn vị, ví dụ "${pool[0]?.name ?? "Phường Phú Bài"}".`,
        en: `The unit name is empty. Type the unit's name, e.g. "${pool[0]?.name ?? "Phường Phú Bài"}".`,
      },
    };
  }

  // 1. The stable code itself.
  const byCode = pool.find((u) => u.code === text.toLowerCase());
  if (byCode) return { ok: true, unit: byCode };

  // 2. The full name or an alias, prefixes included ("Đảng bộ phường Phú Bài").
  const full = baseKey(text);
  const exact = pool.filter((u) => unitForms(u).some((f) => baseKey(f) === full));
  if (exact.length === 1) return { ok: true, unit: exact[0] };
  if (exact.length > 1) return ambiguous(text, exact);

  // 3. Without prefixes; the input's own prefix ("P.", "Đảng bộ") picks among same-name units.
  const key = unitKey(text);
  const same = pool.filter((u) => unitForms(u).some((f) => unitKey(f).core === key.core));
  const hinted = key.hint ? same.filter((u) => u.kind === key.hint) : [];
  const chosen = hinted.length > 0 ? hinted : same;
  if (chosen.length > 1) return ambiguous(text, chosen);
  if (chosen.length === 1) {
    const unit = chosen[0];
    const mismatch =
      (key.hint === "phuong" && unit.kind === "xa") ||
      (key.hint === "xa" && unit.kind === "phuong");
    return mismatch
      ? {
          ok: true,
          unit,
          note: {
            vi: `"${text}" được hiểu là "${unit.name}" (tiền tố xã/phường không khớp). Hãy ghi đúng "${unit.name}".`,
            en: `"${text}" was read as "${unit.name}" (the xã/phường prefix did not match). Write "${unit.name}".`,
          },
        }
      : { ok: true, unit };
  }
  return unknown(register, text, key.core, pool);
}

function ambiguous(text: string, candidates: Unit[]): MatchUnitResult {
  const list = quoteNames(candidates);
  return {
    ok: false,
    reason: "ambiguous",
    candidates,
    message: {
      vi: `"${text}" khớp với nhiều đơn vị: ${list}. Hãy ghi đầy đủ tên, ví dụ "${candidates[0].name}".`,
      en: `"${text}" matches several units: ${list}. Write the full name, e.g. "${candidates[0].name}".`,
    },
  };
}

function unknown(
  register: UnitRegister,
  text: string,
  core: string,
  pool: Unit[]
): MatchUnitResult {
  const suggestions = suggest(text, core, pool);
  const where = `${register.name} (${register.period})`;
  const list = quoteNames(suggestions);
  return {
    ok: false,
    reason: "unknown",
    candidates: suggestions,
    message: suggestions.length
      ? {
          vi: `"${text}" không có trong danh sách đơn vị của ${where}. Có phải ý bạn là: ${list}? Hãy nhập đúng tên đơn vị (có dấu).`,
          en: `"${text}" is not in the unit register of ${where}. Did you mean: ${list}? Type the unit's exact name (with diacritics).`,
        }
      : {
          vi: `"${text}" không có trong danh sách đơn vị của ${where}. Hãy nhập đúng tên một đơn vị trong danh sách.`,
          en: `"${text}" is not in the unit register of ${where}. Type the name of a unit in the register.`,
        },
  };
}

/** Up to 3 units whose names are closest (edit distance on base letters). Suggestions only. */
function suggest(text: string, core: string, pool: Unit[]): Unit[] {
  // Compare without prefixes, and also with them: an unaccented "Phuong Phu Bai" keeps its prefix.
  const targets = [stripDiacritics(core), stripDiacritics(baseKey(text))];
  const limits = targets.map((t) => Math.max(2, Math.floor(t.length / 3)));
  const distance = (u: Unit): number => {
    let best = Infinity;
    for (const f of unitForms(u)) {
      const forms = [stripDiacritics(unitKey(f).core), stripDiacritics(baseKey(f))];
      forms.forEach((g, i) => {
        const d = editDistance(targets[i], g);
        if (d <= limits[i]) best = Math.min(best, d);
      });
    }
    return best;
  };
  return pool
    .map((u) => ({ u, d: distance(u) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d || a.u.order - b.u.order)
    .slice(0, 3)
    .map((x) => x.u);
}

/** Levenshtein distance (code points). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}
