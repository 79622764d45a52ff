/** Looking rows up in a consolidation. */
import type { ConsolidatedRow, Consolidation } from "./types";

export class RowIndex {
  private readonly map = new Map<string, ConsolidatedRow[]>();
  constructor(c: Consolidation) {
    for (const r of c.rows) {
      const k = `${r.templateId}\u0000${r.unitCode}`;
      const list = this.map.get(k);
      if (list) list.push(r);
      else this.map.set(k, [r]);
    }
  }
  /** The row of a unit in a template (the first, for templates with one row per unit). */
  get(templateId: string, unitCode: string | undefined | null): ConsolidatedRow | null {
    if (!unitCode) return null;
    return this.map.get(`${templateId}\u0000${unitCode}`)?.[0] ?? null;
  }
  all(templateId: string, unitCode: string): ConsolidatedRow[] {
    return this.map.get(`${templateId}\u0000${unitCode}`) ?? [];
  }
}

export function rowsOf(c: Consolidation, templateId: string): ConsolidatedRow[] {
  return c.rows.filter((r) => r.templateId === templateId);
}
