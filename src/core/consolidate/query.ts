/** Looking rows up in a consolidation. */
import type { ConsolidatedRow, Consolidation } from "./types";

export class RowIndex {
  /** Rows by template, then by unit code (two lookups, no key string built per lookup). */
  private readonly map = new Map<string, Map<string, ConsolidatedRow[]>>();
  constructor(c: Consolidation) {
    for (const r of c.rows) {
      let units = this.map.get(r.templateId);
      if (!units) this.map.set(r.templateId, (units = new Map()));
      const list = units.get(r.unitCode);
      if (list) list.push(r);
      else units.set(r.unitCode, [r]);
    }
  }
  /** The row of a unit in a template (the first, for templates with one row per unit). */
  get(templateId: string, unitCode: string | undefined | null): ConsolidatedRow | null {
    if (!unitCode) return null;
    return this.map.get(templateId)?.get(unitCode)?.[0] ?? null;
  }
  all(templateId: string, unitCode: string): ConsolidatedRow[] {
    return this.map.get(templateId)?.get(unitCode) ?? [];
  }
}

export function rowsOf(c: Consolidation, templateId: string): ConsolidatedRow[] {
  return c.rows.filter((r) => r.templateId === templateId);
}
