/** Mẫu biểu: the catalogue by department, inserting one template here, downloading them all. */
import type { LocalizedText } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import type { TemplateSpec } from "../../core/templates/spec";
import type { WriteReport } from "../../ports/workbook-port";
import type { Unit } from "../../core/units/types";
import { templateUnits } from "../../core/template-sheet/build";
import { META_SHEET, parseMeta } from "../../core/template-sheet/meta";
import { both } from "../i18n/strings";
import { PaneError } from "./pane-error";
import type { PaneSession } from "./session";

export interface TemplateGroup {
  department: LocalizedText;
  code: string;
  templates: TemplateSpec[];
}

/** Templates grouped by department, in catalogue order. */
export function groupTemplates(templates: TemplateSpec[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const spec of templates) {
    const code = spec.department.code;
    let group = groups.get(code);
    if (!group) {
      group = { department: spec.department.name, code, templates: [] };
      groups.set(code, group);
    }
    group.templates.push(spec);
  }
  return [...groups.values()];
}

export function isValidPeriod(period: number): boolean {
  return Number.isInteger(period) && period >= 1990 && period <= 2100;
}

/** A template of the period's set (`settings`; default: the default settings'). */
export function findTemplate(
  session: PaneSession,
  id: string,
  settings?: PeriodSettings
): TemplateSpec {
  const spec = session.services.templates(settings).find((s) => s.id === id);
  if (!spec) throw new PaneError(both("templateNotFound", { id }));
  return spec;
}

/** `base` (the pane's review period, else the defaults) for the year `period`. */
export function settingsFor(
  session: PaneSession,
  period: number,
  base?: PeriodSettings
): PeriodSettings {
  if (!isValidPeriod(period)) throw new PaneError(both("periodNotValid", { period }));
  return { ...(base ?? session.services.defaultSettings()), period };
}

/**
 * The units that may each insert a copy of the template listing only their own row (a TCCS's own
 * 3.14: the spec says `eachUnitReports`), in register order; empty for every other template.
 */
export function unitChoices(
  session: PaneSession,
  templateId: string,
  settings?: PeriodSettings
): Unit[] {
  const spec = findTemplate(session, templateId, settings);
  return spec.eachUnitReports ? templateUnits(spec, session.register) : [];
}

/**
 * Builds the template and writes it into the open workbook (replacing an earlier copy). `unit`
 * (a register code among unitChoices): the template lists only that unit, as the command line's
 * `templates --unit` writes it (the same core BuildOptions.units).
 */
export async function insertTemplate(
  session: PaneSession,
  templateId: string,
  period: number,
  base?: PeriodSettings,
  unit?: string
): Promise<{ spec: TemplateSpec; report: WriteReport; unit: Unit | null }> {
  const settings = settingsFor(session, period, base);
  const spec = findTemplate(session, templateId, settings);
  const only = unit
    ? unitChoices(session, templateId, settings).find((u) => u.code === unit)
    : null;
  if (unit && !only) throw new PaneError(both("unitNotInTemplate"));
  await refuseIfTemplatePresent(session, spec);
  const model = only
    ? session.services.buildTemplate(spec, session.register, settings, { units: [only.code] })
    : session.services.buildTemplate(spec, session.register, settings);
  const report = await session.port.writeModel(model, {
    replaceExisting: true,
    activate: spec.sheetName,
  });
  session.lastCheck = null; // a new template sheet: live checking must look at every sheet again
  session.notify({ kind: "added", sheet: spec.sheetName });
  return { spec, report, unit: only ?? null };
}

/**
 * One template per workbook: its hidden sheets identify the file when it comes back, and
 * re-inserting over a filled template would wipe what the official typed. So a workbook that
 * already holds a template is left untouched, with a message saying what to do.
 */
async function refuseIfTemplatePresent(session: PaneSession, spec: TemplateSpec): Promise<void> {
  const grids = await session.port.readGrids({ sheets: [META_SHEET] });
  const metaGrid = grids.sheets.find((g) => g.name === META_SHEET);
  const parsed = metaGrid ? parseMeta(metaGrid) : null;
  if (!parsed?.ok) return;
  // The official deleted the template sheet: the stale hidden sheets may be replaced.
  if (!(await session.port.sheetNames()).includes(parsed.meta.sheet)) return;
  const present = session.services.templates().find((t) => t.id === parsed.meta.templateId);
  const name = present ? `${present.section} ${present.sheetName}` : parsed.meta.templateId;
  if (parsed.meta.templateId === spec.id) {
    throw new PaneError(both("templateAlreadyHere", { name, sheet: parsed.meta.sheet }));
  }
  throw new PaneError(
    both("otherTemplateHere", { name, wanted: `${spec.section} ${spec.sheetName}` })
  );
}

/** Writes every template as an .xlsx and hands each to the browser as a download. */
export async function downloadAllTemplates(
  session: PaneSession,
  period: number,
  onProgress?: (done: number, total: number) => void,
  base?: PeriodSettings
): Promise<number> {
  const settings = settingsFor(session, period, base);
  const specs = session.services.templates(settings);
  const xlsx = await session.services.loadXlsx();
  let done = 0;
  onProgress?.(done, specs.length);
  for (const spec of specs) {
    const bytes = await xlsx.write(
      session.services.buildTemplate(spec, session.register, settings)
    );
    await session.services.download(session.services.templateFileName(spec, period), bytes);
    done += 1;
    onProgress?.(done, specs.length);
  }
  return done;
}
