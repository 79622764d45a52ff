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
 * The register normalised once: every lookup key of every unit computed when the register is
 * first matched against, so matching a row costs a few map look-ups whatever the register's size.
 * Lists keep register order (what `pool.filter` gave before), so results are the same.
 */
export interface RegisterIndex {
  units: readonly Unit[];
  byCode: Map<string, Unit[]>;
  /** baseKey of the name and each alias, prefixes included. */
  byFull: Map<string, Unit[]>;
  /** unitKey(...).core of the name and each alias. */
  byCore: Map<string, Unit[]>;
  /** Per unit, for suggestions only: per form [stripped core, stripped full key]. */
  fuzzy: Map<Unit, [string, string][]>;
  /**
   * Results already computed, by kinds and typed text: the same names come back in every file
   * (each department lists the same units), so most rows cost one look-up. Bounded.
   */
  memo: Map<string, MatchUnitResult>;
}

/** Beyond this many remembered names the memo starts again (a hostile file cannot grow it). */
const MEMO_LIMIT = 20_000;

/**
 * Built on first use per `units` array and kept while that array lives (a WeakMap: no leak).
 * Registers are treated as immutable values; an array whose length changed is re-indexed.
 */
const INDEXES = new WeakMap<readonly Unit[], RegisterIndex>();

function addTo(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (list[list.length - 1] !== unit) list.push(unit);
}

function buildIndex(units: readonly Unit[]): RegisterIndex {
  const index: RegisterIndex = {
    units,
    byCode: new Map(),
    byFull: new Map(),
    byCore: new Map(),
    fuzzy: new Map(),
    memo: new Map(),
  };
  for (const u of units) {
    addTo(index.byCode, u.code, u);
    const forms: [string, string][] = [];
    for (const f of unitForms(u)) {
      const full = baseKey(f);
      const core = unitKey(f).core;
      addTo(index.byFull, full, u);
      addTo(index.byCore, core, u);
      forms.push([stripDiacritics(core), stripDiacritics(full)]);
    }
    index.fuzzy.set(u, forms);
  }
  return index;
}

/** The register's index (built once, then reused by every row of every file). */
export function registerIndex(register: UnitRegister): RegisterIndex {
  const cached = INDEXES.get(register.units);
  if (cached && cached.units.length === register.units.length) return cached;
  const built = buildIndex(register.units);
  INDEXES.set(register.units, built);
  return built;
}

function inKinds(units: readonly Unit[] | undefined, kinds?: readonly UnitKind[]): Unit[] {
  if (!units) return [];
  return kinds ? units.filter((u) => kinds.includes(u.kind)) : [...units];
}

/**
 * The unit with this code (exact, lower case) among `kinds`, through the register's index.
 * Same as `register.units.find(...)` restricted to `kinds`, without walking the register.
 */
export function unitByCodeOfKinds(
  register: UnitRegister,
  code: string,
  kinds?: readonly UnitKind[]
): Unit | undefined {
  return inKinds(registerIndex(register).byCode.get(code), kinds)[0];
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
  if (typeof raw !== "string" && typeof raw !== "number")
    return matchUncached(register, raw, kinds);
  const memo = registerIndex(register).memo;
  const key = `${kinds ? kinds.join(",") : "*"}\u0000${typeof raw}\u0000${raw}`;
  const known = memo.get(key);
  if (known) return known;
  const result = matchUncached(register, raw, kinds);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

function matchUncached(
  register: UnitRegister,
  raw: RawCell,
  kinds?: readonly UnitKind[]
): MatchUnitResult {
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
    const first = kinds ? register.units.find((u) => kinds.includes(u.kind)) : register.units[0];
    const example = first?.name ?? "Phường Phú Bài";
    return {
      ok: false,
      reason: "empty",
      candidates: [],
      message: {
        vi: `Chưa nhập tên đơn vị. Hãy nhập tên đơn vị, ví dụ "${example}".`,
        en: `The unit name is empty. Type the unit's name, e.g. "${example}".`,
      },
    };
  }
  const index = registerIndex(register);

  // 1. The stable code itself.
  const byCode = inKinds(index.byCode.get(text.toLowerCase()), kinds)[0];
  if (byCode) return { ok: true, unit: byCode };

  // 2. The full name or an alias, prefixes included ("Đảng bộ phường Phú Bài").
  const full = baseKey(text);
  const exact = inKinds(index.byFull.get(full), kinds);
  if (exact.length === 1) return { ok: true, unit: exact[0] };
  if (exact.length > 1) return ambiguous(text, exact);

  // 3. Without prefixes; the input's own prefix ("P.", "Đảng bộ") picks among same-name units.
  const key = unitKey(text);
  const same = inKinds(index.byCore.get(key.core), kinds);
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
  // 4. No match: only now walk the register, for suggestions (pre-normalised forms).
  return unknown(register, text, full, key.core, index, kinds);
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
  full: string,
  core: string,
  index: RegisterIndex,
  kinds?: readonly UnitKind[]
): MatchUnitResult {
  const suggestions = suggest(full, core, index, kinds);
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
function suggest(
  full: string,
  core: string,
  index: RegisterIndex,
  kinds?: readonly UnitKind[]
): Unit[] {
  // Compare without prefixes, and also with them: an unaccented "Phuong Phu Bai" keeps its prefix.
  const targets = [stripDiacritics(core), stripDiacritics(full)];
  const limits = targets.map((t) => Math.max(2, Math.floor(t.length / 3)));
  const distance = (u: Unit): number => {
    let best = Infinity;
    for (const forms of index.fuzzy.get(u) ?? []) {
      forms.forEach((g, i) => {
        // The length difference is a lower bound of the distance: skip hopeless pairs cheaply.
        if (Math.abs([...g].length - [...targets[i]].length) > limits[i]) return;
        const d = editDistance(targets[i], g);
        if (d <= limits[i]) best = Math.min(best, d);
      });
    }
    return best;
  };
  return inKinds(index.units, kinds)
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
