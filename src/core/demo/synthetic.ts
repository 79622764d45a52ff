/**
 * A register grown by N synthetic grassroots organisations (agency chi bộ), so the whole job can be
 * tried, and measured, at any size: `xeploai demo --tccs N`, `npm run bench`. Entries are marked
 * `sample` and coded "tccs-thu-nghiem-0001"…, so they never pass for real units.
 */
import type { LoaiHinh, Unit, UnitRegister } from "../units/types";

const KINDS: LoaiHinh[] = ["CO_QUAN", "SU_NGHIEP", "DOANH_NGHIEP"];

export function withSyntheticTccs(register: UnitRegister, count: number): UnitRegister {
  if (count <= 0) return register;
  const lastOrder = register.units.reduce((n, u) => Math.max(n, u.order), 0);
  const units: Unit[] = [...register.units];
  for (let i = 1; i <= count; i++) {
    units.push({
      code: `tccs-thu-nghiem-${String(i).padStart(4, "0")}`,
      name: `Chi bộ Cơ quan thử nghiệm số ${i}`,
      kind: "tccs",
      loaiHinh: KINDS[i % KINDS.length]!,
      tccsForm: "chiBo",
      sample: true,
      order: lastOrder + i,
    });
  }
  return { ...register, id: `${register.id}-tn${count}`, units };
}
