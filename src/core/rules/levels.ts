/** Comparing levels of the four-level scale by their rank in the "level4" enum (data). */
import { getEnum } from "../templates/enums";
import type { LevelCode } from "./types";

const LEVEL4 = getEnum("level4");

export const LEVEL_CODES: LevelCode[] = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

export function rankOf(code: string): number {
  const v = LEVEL4.values.find((x) => x.code === code);
  if (v?.rank !== undefined) return v.rank;
  // Civil-servant level 2 (HTNV_HC) ranks with HTNV.
  if (code === "HTNV_HC") return 2;
  return 0;
}

export function isLevel(code: unknown): code is LevelCode {
  return typeof code === "string" && (LEVEL_CODES as string[]).includes(code);
}

/** The lower of two levels. */
export function lowerOf(a: LevelCode, b: LevelCode): LevelCode {
  return rankOf(a) <= rankOf(b) ? a : b;
}

export function levelLabel(code: string): string {
  return LEVEL4.values.find((v) => v.code === code)?.label.vi ?? code;
}
