/**
 * The review period ("Kỳ đánh giá"): one PeriodSettings object (the CLI's settings) for the whole
 * pane, kept in the workbook. A pane opened on a workbook starts from, in this order: the period
 * saved by the pane (workbook settings), the one recorded in a master's `_meta_master`, the year of
 * a template found in `_meta` (deadlines derived from it), else the defaults.
 */
import type { PeriodSettings } from "../../core/settings/types";
import { loadSettings } from "../../core/settings/defaults";
import { withYear } from "../../core/settings/period";
import { readMasterSettings } from "../../core/master";
import { MASTER_META_SHEET } from "../../core/submission/not-a-template";
import { META_SHEET, parseMeta } from "../../core/template-sheet/meta";
import { PaneError } from "./pane-error";
import type { PaneSession } from "./session";

export const PERIOD_STATE = "period";

export type PeriodSource = "saved" | "master" | "template" | "defaults";

export interface LoadedPeriod {
  settings: PeriodSettings;
  from: PeriodSource;
}

export async function loadPeriod(session: PaneSession): Promise<LoadedPeriod> {
  const { port, services } = session;
  const defaults = services.defaultSettings();
  try {
    const saved = await port.loadState(PERIOD_STATE);
    if (saved !== null && saved !== undefined) {
      const loaded = loadSettings(saved, defaults);
      if (loaded.ok) return { settings: loaded.settings, from: "saved" };
    }
  } catch {
    // No record readable: look at the sheets.
  }
  try {
    const names = await port.sheetNames();
    const hidden = [MASTER_META_SHEET, META_SHEET].filter((n) => names.includes(n));
    if (hidden.length) {
      const grids = await port.readGrids({ sheets: hidden });
      const master = readMasterSettings(grids.sheets);
      if (master) return { settings: master, from: "master" };
      const metaGrid = grids.sheets.find((g) => g.name === META_SHEET);
      const parsed = metaGrid ? parseMeta(metaGrid) : null;
      if (parsed?.ok && Number.isInteger(parsed.meta.period))
        return { settings: withYear(defaults, parsed.meta.period), from: "template" };
    }
  } catch {
    // An unreadable workbook: the defaults, which the official can edit.
  }
  return { settings: defaults, from: "defaults" };
}

/** Keeps the period in the workbook (a write: only on the official's "Lưu", or with another write). */
export async function savePeriod(session: PaneSession, settings: PeriodSettings): Promise<void> {
  const loaded = loadSettings(settings, session.services.defaultSettings());
  if (!loaded.ok) throw new PaneError(loaded.message);
  await session.port.saveState(PERIOD_STATE, loaded.settings);
}
