/**
 * Fewer, larger style ranges with the same result. Models often style row by row (a red status
 * cell per unit); sent as-is, a 2,000-unit master would need thousands of range actions. Layers
 * apply in order, so a layer joins an earlier identical one only when no layer in between touches
 * the cells it covers — the rendered cells are exactly the same.
 */
import type { Rect, StyledRange } from "../../core/sheet/model";

const overlaps = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** How far back a layer may look for an identical one to join (keeps this linear in practice). */
const LOOKBACK = 64;

function styleKey(s: StyledRange["style"]): string {
  return JSON.stringify(
    Object.keys(s)
      .sort()
      .map((k) => [k, (s as Record<string, unknown>)[k]])
  );
}

/** True when b continues a downwards (same columns) or rightwards (same rows). */
function adjacent(a: Rect, b: Rect): Rect | null {
  if (a.left === b.left && a.right === b.right && b.top === a.bottom + 1)
    return { ...a, bottom: b.bottom };
  if (a.top === b.top && a.bottom === b.bottom && b.left === a.right + 1)
    return { ...a, right: b.right };
  return null;
}

export function coalesceStyles(styles: StyledRange[]): StyledRange[] {
  const out: { range: Rect; style: StyledRange["style"]; key: string }[] = [];
  for (const s of styles) {
    const key = styleKey(s.style);
    let joined = false;
    for (let i = out.length - 1; i >= 0 && i >= out.length - LOOKBACK; i--) {
      const e = out[i]!;
      if (e.key === key) {
        const grown = adjacent(e.range, s.range);
        if (grown) {
          let clear = true;
          for (let j = i + 1; j < out.length && clear; j++)
            if (overlaps(out[j]!.range, s.range)) clear = false;
          if (clear) {
            e.range = grown;
            joined = true;
            break;
          }
        }
      }
      // A layer that overlaps the new one fixes the order: nothing before it may absorb it.
      if (overlaps(e.range, s.range)) break;
    }
    if (!joined) out.push({ range: { ...s.range }, style: s.style, key });
  }
  return out.map(({ range, style }) => ({ range, style }));
}

/**
 * The cells every styled range covers, as few rectangles as possible (for the default font, set
 * before any layer so order does not matter): column bands with their row intervals merged.
 */
export function coverRects(rects: Rect[]): Rect[] {
  const bands = new Map<string, Rect[]>();
  for (const r of rects) {
    const k = `${r.left}:${r.right}`;
    bands.set(k, [...(bands.get(k) ?? []), r]);
  }
  const out: Rect[] = [];
  for (const list of bands.values()) {
    list.sort((a, b) => a.top - b.top);
    let cur: Rect | null = null;
    for (const r of list) {
      if (cur && r.top <= cur.bottom + 1) cur.bottom = Math.max(cur.bottom, r.bottom);
      else {
        if (cur) out.push(cur);
        cur = { ...r };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}
