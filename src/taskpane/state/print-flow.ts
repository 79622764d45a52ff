/** In: the print layout and the settings' heading and signature on the master's printed sheets. */
import type { LocalizedText } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import { both } from "../i18n/strings";
import { writeMasterModel } from "./consolidate-flow";
import { PaneError } from "./pane-error";
import { PERIOD_STATE } from "./period-flow";
import type { PaneSession } from "./session";
import type { PrintTarget } from "./services";

/** What the In part did. */
export interface PrintResult {
  /** Sheets given the print layout. */
  sheets: string[];
  /** True when the whole master was rewritten (consolidated in this session). */
  rewritten: boolean;
  /** Sheets whose heading and signature now show the settings. */
  headingUpdated: string[];
  /** Why some sheets' heading and signature were left as they were. */
  headingSkipped: LocalizedText[];
}

const NO_MASTER = (): LocalizedText => both("noMasterSheets");

/**
 * Applies the print layout to the master and summary sheets, with the settings (bodies, place,
 * date, signer) in their heading and signature block. When this session consolidated, the
 * master is rewritten; otherwise (a master written earlier) only the heading and signature
 * cells are rewritten in place (the data and hand-filled columns are not touched), then the
 * existing sheets get their page setup.
 */
export async function applyPrint(
  session: PaneSession,
  settings: PeriodSettings
): Promise<PrintResult> {
  const { port, services } = session;
  let targets: PrintTarget[];
  if (session.lastConsolidated) {
    const { model } = await writeMasterModel(session, session.lastConsolidated, settings);
    targets = services.printTargets(model);
    if (targets.length === 0) throw new PaneError(NO_MASTER());
    const sheets = targets.map((t) => t.sheet);
    for (const target of targets) await port.applyPrintLayout(target.sheet, target.layout);
    return { sheets, rewritten: true, headingUpdated: sheets, headingSkipped: [] };
  }
  const printable = services.printableSheets();
  const wanted = services.headingSheets();
  const names = await port.sheetNames();
  const present = names.filter((n) => printable.includes(n));
  if (present.length === 0) throw new PaneError(NO_MASTER());
  const grids = await port.readGrids({
    sheets: names.filter((n) => printable.includes(n) || wanted.includes(n)),
  });
  targets = grids.sheets
    .filter((g) => present.includes(g.name))
    .map((g) => ({ sheet: g.name, layout: services.pageSetupFor(settings, g) }));
  if (targets.length === 0) throw new PaneError(NO_MASTER());
  const update = services.headingUpdate(settings, grids);
  if (update && update.model.sheets.length > 0)
    await port.writeModel(update.model, { updateExisting: true });
  for (const target of targets) await port.applyPrintLayout(target.sheet, target.layout);
  // Printed with these settings: a pane opened later starts from them (never the defaults).
  await port.saveState(PERIOD_STATE, settings).catch(() => undefined);
  return {
    sheets: targets.map((t) => t.sheet),
    rewritten: false,
    headingUpdated: update?.sheets ?? [],
    headingSkipped: update?.skipped.map((s) => s.message) ?? [],
  };
}
