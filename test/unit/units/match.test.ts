import { defaultRegister, editDistance, matchUnit } from "../../../src/core/units";
import type { UnitKind } from "../../../src/core/units";

const r = defaultRegister();
const LOC: UnitKind[] = ["phuong", "xa"];
const NBSP = "\u00A0";

describe("matchUnit: tolerated forms", () => {
  it.each<[string, UnitKind[] | undefined, string]>([
    ["Phường Phú Bài", LOC, "phuong-phu-bai"],
    ["phú bài", LOC, "phuong-phu-bai"],
    ["P. Phú Bài", LOC, "phuong-phu-bai"],
    ["P.Phú Bài", LOC, "phuong-phu-bai"],
    ["P Phú Bài", LOC, "phuong-phu-bai"],
    ["PHƯỜNG PHÚ BÀI", LOC, "phuong-phu-bai"],
    ["Phường Phú Bài".normalize("NFD"), LOC, "phuong-phu-bai"],
    ["Phuờng Phú Bài".normalize("NFD"), LOC, "phuong-phu-bai"],
    [`  Phường${NBSP}Phú   Bài `, LOC, "phuong-phu-bai"],
    ["Thuỷ Dương", LOC, "phuong-thuy-duong"],
    ["Thủy Dương", LOC, "phuong-thuy-duong"],
    ["Dương Hoà", LOC, "xa-duong-hoa"],
    ["Xã Thủy Vân", LOC, "xa-thuy-van"],
    ["X. Thủy Vân", LOC, "xa-thuy-van"],
    ["xã thuỷ vân", LOC, "xa-thuy-van"],
    ["phuong-phu-bai", LOC, "phuong-phu-bai"],
    ["PHUONG-PHU-BAI", LOC, "phuong-phu-bai"],
    ["Phú Bài", ["tccs"], "db-phuong-phu-bai"],
    ["Đảng bộ phường Phú Bài", ["tccs"], "db-phuong-phu-bai"],
    ["Đảng bộ Phú Bài", ["tccs"], "db-phuong-phu-bai"],
    ["ĐB Phú Bài", ["tccs"], "db-phuong-phu-bai"],
    ["ĐB phường Phú Bài", ["tccs"], "db-phuong-phu-bai"],
    ["đảng bộ xã thuỷ thanh", ["tccs"], "db-xa-thuy-thanh"],
    ["Đảng bộ Quân sự thị xã", ["tccs"], "tccs-quan-su"],
    ["Đảng bộ Quân sự", ["tccs"], "tccs-quan-su"],
    ["Chi bộ Trường THPT Hương Thủy", ["tccs"], "tccs-thpt-huong-thuy"],
    ["Trường THPT Hương Thuỷ", ["tccs"], "tccs-thpt-huong-thuy"],
    ["Đảng bộ cơ quan Đảng - Đoàn thể thị xã", ["tccs"], "tccs-co-quan-dang-doan-the"],
    ["Phòng Nội vụ", ["coQuan"], "cq-noi-vu"],
    ["Phòng Tài chính - Kế hoạch", ["coQuan"], "cq-tai-chinh-ke-hoach"],
    ["Phòng TC-KH", ["coQuan"], "cq-tai-chinh-ke-hoach"],
    ["Phòng GD&ĐT", ["phuong", "xa", "coQuan"], "cq-giao-duc-dao-tao"],
    // The input's own prefix picks between a locality and its Đảng bộ.
    ["Phường Phú Bài", ["phuong", "tccs"], "phuong-phu-bai"],
    ["P. Phú Bài", ["phuong", "tccs"], "phuong-phu-bai"],
    ["Đảng bộ phường Phú Bài", ["phuong", "tccs"], "db-phuong-phu-bai"],
    ["ĐB Phú Bài", ["phuong", "tccs"], "db-phuong-phu-bai"],
    ["Xã Phú Sơn", undefined, "xa-phu-son"],
  ])("%j (kinds %j) → %s", (raw, kinds, code) => {
    const m = matchUnit(r, raw, kinds);
    expect(m).toMatchObject({ ok: true, unit: { code } });
  });

  it("a xã/phường prefix that contradicts the unit is accepted with a note", () => {
    const m = matchUnit(r, "Xã Phú Bài", LOC);
    expect(m).toMatchObject({ ok: true, unit: { code: "phuong-phu-bai" } });
    expect(m.ok && m.note?.vi).toContain("Phường Phú Bài");
  });

  it("a matching prefix gives no note", () => {
    const m = matchUnit(r, "P. Phú Bài", LOC);
    expect(m.ok && m.note).toBeFalsy();
  });
});

describe("matchUnit: refused", () => {
  it("Thủy Xuân (a phường of Huế) is unknown, with close names suggested", () => {
    const m = matchUnit(r, "Phường Thủy Xuân", LOC);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.reason).toBe("unknown");
    expect(m.candidates.length).toBeGreaterThan(0);
    expect(m.candidates.length).toBeLessThanOrEqual(3);
    expect(m.candidates.map((u) => u.code)).toContain("xa-thuy-van");
    expect(m.message.vi).toContain('"Phường Thủy Xuân" không có trong danh sách đơn vị');
    expect(m.message.vi).toContain("Xã Thủy Vân");
    expect(m.message.en).toContain("Did you mean");
  });

  it.each([
    ["Thuy Duong", "phuong-thuy-duong"],
    ["Phuong Phu Bai", "phuong-phu-bai"],
    ["Thủy Dươn", "phuong-thuy-duong"],
  ])("%j is not guessed but suggests %s first", (raw, code) => {
    const m = matchUnit(r, raw, LOC);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.reason).toBe("unknown");
    expect(m.candidates[0].code).toBe(code);
  });

  it.each([["Hà Nội"], ["Phòng"], ["Phường"], ["Xã"]])("%j is unknown", (raw) => {
    const m = matchUnit(r, raw, LOC);
    expect(m).toMatchObject({ ok: false, reason: "unknown" });
  });

  it("a unit of another kind is not matched", () => {
    expect(matchUnit(r, "Phòng Nội vụ", LOC)).toMatchObject({ ok: false, reason: "unknown" });
    expect(matchUnit(r, "Phường Phú Bài", ["coQuan"])).toMatchObject({ ok: false, reason: "unknown" });
  });

  it.each<[string, UnitKind[] | undefined, string[]]>([
    ["Phú Bài", ["phuong", "tccs"], ["phuong-phu-bai", "db-phuong-phu-bai"]],
    ["Thuỷ Vân", ["xa", "tccs"], ["xa-thuy-van", "db-xa-thuy-van"]],
    ["Thủy Tân", undefined, ["xa-thuy-tan", "db-xa-thuy-tan"]],
  ])("%j (kinds %j) is ambiguous", (raw, kinds, codes) => {
    const m = matchUnit(r, raw, kinds);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.reason).toBe("ambiguous");
    expect(m.candidates.map((u) => u.code).sort()).toEqual([...codes].sort());
    expect(m.message.vi).toContain("khớp với nhiều đơn vị");
    for (const u of m.candidates) expect(m.message.vi).toContain(u.name);
  });

  it.each([[""], ["   "], [NBSP]])("%j is empty", (raw) => {
    const m = matchUnit(r, raw, LOC);
    expect(m).toMatchObject({ ok: false, reason: "empty", candidates: [] });
    expect(!m.ok && m.message.vi).toContain("Chưa nhập tên đơn vị");
  });
});

describe("matchUnit: non-text cells", () => {
  it.each([[null], [undefined]])("%p is empty", (raw) => {
    expect(matchUnit(r, raw, LOC)).toMatchObject({ ok: false, reason: "empty" });
  });
  it("an Excel error names the error", () => {
    const m = matchUnit(r, { error: "#REF!" }, LOC);
    expect(m).toMatchObject({ ok: false, reason: "unknown" });
    expect(!m.ok && m.message.vi).toContain("#REF!");
  });
  it.each([[true], [new Date(0)], [{ percentFraction: 0.5 }], [12]])("%p is not a unit name", (raw) => {
    expect(matchUnit(r, raw, LOC)).toMatchObject({ ok: false, reason: "unknown" });
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["thuy xuan", "thuy van", 2],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%j ↔ %j = %p", (a, b, d) => {
    expect(editDistance(a as string, b as string)).toBe(d);
  });
});
