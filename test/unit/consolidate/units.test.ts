import { RowIndex } from "../../../src/core/consolidate/query";
import type { Consolidation, ConsolidatedRow } from "../../../src/core/consolidate/types";
import { unitName, unitNamer } from "../../../src/core/consolidate/units";
import { sourceInWords } from "../../../src/core/rules/source-words";
import { defaultRegister } from "../../../src/core/units";
import type { UnitRegister } from "../../../src/core/units/types";

describe("unitNamer", () => {
  it("names every code as unitName does, the first unit of a code winning", () => {
    const base = defaultRegister();
    const twin = { ...base.units[0]!, name: "Bản sao" };
    const register: UnitRegister = { ...base, units: [...base.units, twin] };
    const nameOf = unitNamer(register);
    for (const u of register.units) expect(nameOf(u.code)).toBe(unitName(register, u.code));
    expect(nameOf(twin.code)).toBe(base.units[0]!.name);
    expect(nameOf("KHONG-CO")).toBe("KHONG-CO");
  });
});

describe("RowIndex", () => {
  const row = (templateId: string, unitCode: string, rowNumber: number) =>
    ({ templateId, unitCode, rowNumber }) as ConsolidatedRow;
  const rows = [row("a", "X", 1), row("a", "X", 2), row("b", "X", 3), row("a", "Y", 4)];
  const idx = new RowIndex({ rows } as Consolidation);
  it("finds the first row of a unit in a template, and all of them", () => {
    expect(idx.get("a", "X")?.rowNumber).toBe(1);
    expect(idx.all("a", "X").map((r) => r.rowNumber)).toEqual([1, 2]);
    expect(idx.get("b", "X")?.rowNumber).toBe(3);
    expect(idx.get("b", "Y")).toBeNull();
    expect(idx.get("c", "X")).toBeNull();
    expect(idx.get("a", null)).toBeNull();
    expect(idx.all("c", "X")).toEqual([]);
  });
});

describe("sourceInWords (kept per source)", () => {
  it("gives the same words each time, in a new object the caller may change", () => {
    const src = "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật) [M]";
    const a = sourceInWords(src);
    a.vi = "đã đổi";
    const b = sourceInWords(src);
    expect(b).toEqual({
      vi: "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); tham số do Ban Tổ chức quyết định",
      en: "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); a parameter set by the Organization Committee",
    });
  });
});
