/**
 * Excel formulas for computed columns (ComputedSpec). The core recomputes every computed value when
 * reading, so these formulas only serve the person filling the sheet; they must agree with
 * validate's computeRow (rates "n/a" when the denominator is 0, rounded to the spec's decimals).
 */
import type { ComputedSpec, EnumSpec } from "../templates/spec";
import { columnNumber } from "../sheet/model";

/** Resolves a column key to its A1 reference on the current row (undefined when the key is absent). */
export type RefOf = (key: string) => string | undefined;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function refs(keys: string[], refOf: RefOf): string[] {
  return keys.map(refOf).filter((r): r is string => r !== undefined);
}

/** "F7:H7" when the references are consecutive columns of one row, else null. */
function asRange(list: string[]): string | null {
  if (list.length < 2) return null;
  const parsed = list.map((r) => /^([A-Z]+)(\d+)$/.exec(r));
  if (parsed.some((p) => !p)) return null;
  const row = parsed[0]![2];
  for (let i = 1; i < parsed.length; i++) {
    const p = parsed[i]!;
    if (p[2] !== row || columnNumber(p[1]) !== columnNumber(parsed[i - 1]![1]) + 1) return null;
  }
  return `${list[0]}:${list[list.length - 1]}`;
}

function sumOf(list: string[]): string {
  if (list.length === 0) return "0";
  return `SUM(${asRange(list) ?? list.join(",")})`;
}

/** How many of the cells hold one of `labels`. */
function countLabels(list: string[], labels: string[]): string {
  const crit = labels.length === 1 ? quote(labels[0]!) : `{${labels.map(quote).join(",")}}`;
  const range = asRange(list);
  const parts = range ? [range] : list;
  const counts = parts.map((p) =>
    labels.length === 1 ? `COUNTIF(${p},${crit})` : `SUMPRODUCT(COUNTIF(${p},${crit}))`
  );
  return counts.length === 1 ? counts[0]! : counts.join("+");
}

/** COUNT over the cells (numbers only), using a range when they are consecutive. */
export function countNumbers(list: string[]): string {
  return `COUNT(${asRange(list) ?? list.join(",")})`;
}

function countFilled(list: string[]): string {
  const range = asRange(list);
  return range ? `COUNTA(${range})` : list.map((r) => `COUNTA(${r})`).join("+");
}

/**
 * The formula (without "=") for a computed column on one row, or null when an input column is
 * missing. `getEnum` resolves enum ids; labels are the Vietnamese ones written in cells.
 */
export function computedFormula(
  c: ComputedSpec,
  refOf: RefOf,
  getEnum: (id: string) => EnumSpec,
  enumIdOf: (key: string) => string | undefined
): string | null {
  switch (c.kind) {
    case "percent": {
      const num = refs(c.numerator, refOf);
      const den = refs(c.denominator, refOf);
      const minus = refs(c.minus ?? [], refOf);
      if (num.length === 0 || den.length === 0) return null;
      const decimals = c.decimals ?? 2;
      const top = minus.length > 0 ? `(${sumOf(num)}-${sumOf(minus)})` : sumOf(num);
      // Like the core (validate/compute.ts): blank until every input is filled, "n/a" when Σden = 0.
      const all = [...num, ...minus, ...den];
      return `IF(${countNumbers(all)}<${all.length},"",IF(${sumOf(den)}=0,"n/a",ROUND(${top}/${sumOf(den)}*100,${decimals})))`;
    }
    case "sum": {
      const list = refs(c.keys, refOf);
      if (list.length === 0) return null;
      return `IF(${countNumbers(list)}<${list.length},"",${sumOf(list)})`;
    }
    case "countEquals": {
      const list = refs(c.keys, refOf);
      if (list.length === 0) return null;
      const enumId = enumIdOf(c.keys[0]!);
      const label =
        (enumId && getEnum(enumId).values.find((v) => v.code === c.code)?.label.vi) || c.code;
      return `IF(${countFilled(list)}=0,"",${countLabels(list, [label])})`;
    }
    case "atLeast": {
      const r = refOf(c.key);
      if (!r) return null;
      return `IF(ISNUMBER(${r}),IF(${r}>=${c.threshold},"Có","Không"),"")`;
    }
    case "allAtLeast": {
      const list = refs(c.keys, refOf);
      if (list.length === 0) return null;
      const e = getEnum(c.enumId);
      const floor = e.values.find((v) => v.code === c.code)?.rank ?? 0;
      const good = e.values.filter((v) => (v.rank ?? 0) >= floor).map((v) => v.label.vi);
      const filled = countFilled(list);
      return `IF(${filled}=0,"",IF(${countLabels(list, good)}=${filled},"Có","Không"))`;
    }
  }
}
