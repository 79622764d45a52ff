/**
 * matchUnit looks names up in an index built once per register. These tests check that the
 * index gives what walking the register gives, on a register far larger than the shipped one,
 * and that a new register (a new units array) is indexed anew.
 */
import { defaultRegister, matchUnit, unitByCodeOfKinds } from "../../../src/core/units";
import type { Unit, UnitRegister } from "../../../src/core/units";

function bigRegister(extra: number): UnitRegister {
  const base = defaultRegister();
  const units: Unit[] = [...base.units];
  for (let i = 1; i <= extra; i++) {
    units.push({
      code: `tccs-syn-${i}`,
      name: `Chi bộ Cơ quan thử nghiệm số ${i}`,
      kind: "tccs",
      loaiHinh: "CO_QUAN",
      tccsForm: "chiBo",
      order: 1000 + i,
    });
  }
  return { ...base, id: `big-${extra}`, units };
}

describe("matchUnit over an index of a large register", () => {
  const big = bigRegister(1000);

  it("finds every unit by name, by code and without its prefix", () => {
    for (const u of big.units) {
      const byName = matchUnit(big, u.name, [u.kind]);
      expect(byName.ok && byName.unit.code).toBe(u.code);
      const byCode = matchUnit(big, u.code.toUpperCase());
      expect(byCode.ok && byCode.unit.code).toBe(u.code);
    }
    const bare = matchUnit(big, "Cơ quan thử nghiệm số 777", ["tccs"]);
    expect(bare.ok && bare.unit.code).toBe("tccs-syn-777");
  });

  it("suggests the closest names for an unknown one, as before", () => {
    const m = matchUnit(big, "Chi bo Co quan thu nghiem so 12", ["tccs"]);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.reason).toBe("unknown");
      expect(m.candidates[0].code).toBe("tccs-syn-12");
      expect(m.candidates.length).toBeLessThanOrEqual(3);
    }
  });

  it("limits lookups by code to the kinds asked for", () => {
    expect(unitByCodeOfKinds(big, "tccs-syn-5", ["tccs"])?.name).toBe(
      "Chi bộ Cơ quan thử nghiệm số 5"
    );
    expect(unitByCodeOfKinds(big, "tccs-syn-5", ["phuong", "xa"])).toBeUndefined();
    expect(unitByCodeOfKinds(big, "tccs-syn-5")?.code).toBe("tccs-syn-5");
  });

  it("indexes a changed register anew", () => {
    const small = defaultRegister();
    expect(matchUnit(small, "Chi bộ Cơ quan thử nghiệm số 3", ["tccs"]).ok).toBe(false);
    const grown = bigRegister(3);
    expect(matchUnit(grown, "Chi bộ Cơ quan thử nghiệm số 3", ["tccs"]).ok).toBe(true);
    expect(matchUnit(small, "Chi bộ Cơ quan thử nghiệm số 3", ["tccs"]).ok).toBe(false);
  });
});
