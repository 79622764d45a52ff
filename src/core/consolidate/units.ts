/** Register helpers used by consolidation, classification and the master sheet. */
import type { RowSet } from "../templates/spec";
import type { Unit, UnitKind, UnitRegister } from "../units/types";

const KIND_ORDER: Record<UnitKind, number> = { phuong: 0, xa: 1, coQuan: 2, tccs: 3, tapThe: 4 };

export function sortedUnits(register: UnitRegister, kinds?: UnitKind[]): Unit[] {
  return register.units
    .filter((u) => !kinds || kinds.includes(u.kind))
    .slice()
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.order - b.order || a.code.localeCompare(b.code)
    );
}

/** Position of every unit code in register order (unknown codes sort last, by code). */
export function unitOrder(register: UnitRegister): (code: string) => number {
  const m = new Map(sortedUnits(register).map((u, i) => [u.code, i]));
  return (code) => m.get(code) ?? Number.MAX_SAFE_INTEGER;
}

export function compareUnitCodes(register: UnitRegister): (a: string, b: string) => number {
  const order = unitOrder(register);
  return (a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The units a template lists, in register order; PEOPLE templates have no fixed set. */
export function expectedUnits(register: UnitRegister, rowSet: RowSet): Unit[] {
  switch (rowSet) {
    case "DB":
      return sortedUnits(register, ["phuong", "xa"]);
    case "XA":
      return sortedUnits(register, ["xa"]);
    case "DB_CQ":
      return sortedUnits(register, ["phuong", "xa", "coQuan"]);
    case "TCCS":
      return sortedUnits(register, ["tccs"]);
    case "PEOPLE":
      return [];
  }
}

export function unitName(register: UnitRegister, code: string): string {
  return register.units.find((u) => u.code === code)?.name ?? code;
}

/**
 * unitName for many codes of one register: the register is indexed once (the first unit of a code
 * wins, as in unitName), so naming every row of a large register is not a search per row.
 */
export function unitNamer(register: UnitRegister): (code: string) => string {
  const names = new Map<string, string>();
  for (const u of register.units) if (!names.has(u.code)) names.set(u.code, u.name);
  return (code) => names.get(code) ?? code;
}
