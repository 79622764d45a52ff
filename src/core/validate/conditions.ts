/** Evaluating rule conditions on a row's values. */
import type { Condition } from "../templates/spec";
import type { Value } from "./types";

const isFilled = (v: Value | undefined) => v !== null && v !== undefined && v !== "";

/**
 * true / false, or null when the condition cannot be decided (a numeric comparison on an empty
 * cell): the caller then skips the rule rather than report a guess.
 */
export function evalCondition(c: Condition, values: Record<string, Value>): boolean | null {
  const v = values[c.key];
  switch (c.op) {
    case "filled":
      return isFilled(v);
    case "empty":
      return !isFilled(v);
    case "true":
      return v === true;
    case "false":
      return v === false;
    case "eq":
      return v === c.value;
    case "ne":
      return v !== c.value;
    case "gte":
    case "lte":
    case "gt":
    case "lt": {
      if (typeof v !== "number") return null;
      if (c.op === "gte") return v >= c.value;
      if (c.op === "lte") return v <= c.value;
      if (c.op === "gt") return v > c.value;
      return v < c.value;
    }
  }
}

/** true when every condition holds; null when one is undecidable and none is false. */
export function evalAll(
  conds: Condition[] | undefined,
  values: Record<string, Value>
): boolean | null {
  let undecided = false;
  for (const c of conds ?? []) {
    const r = evalCondition(c, values);
    if (r === false) return false;
    if (r === null) undecided = true;
  }
  return undecided ? null : true;
}
