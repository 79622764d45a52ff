import {
  agencies,
  defaultRegister,
  loadRegister,
  leadershipBodies,
  localities,
  matchUnit,
  tccs,
  unitsOfKind,
  unitByCode,
} from "../../../src/core/units";
import type { UnitRegister } from "../../../src/core/units";
import data from "../../../src/core/units/data/huong-thuy-2019.json";

const clone = (): UnitRegister => JSON.parse(JSON.stringify(data));

describe("defaultRegister (Hương Thủy 2019)", () => {
  const r = defaultRegister();

  it("is the 2019 register of thị xã Hương Thủy", () => {
    expect([r.id, r.period, r.name]).toEqual(["huong-thuy-2019", 2019, "Thị xã Hương Thủy"]);
  });

  it("lists the 5 phường then the 7 xã, in order", () => {
    expect(localities(r).map((u) => [u.code, u.name, u.kind])).toEqual([
      ["phuong-phu-bai", "Phường Phú Bài", "phuong"],
      ["phuong-thuy-chau", "Phường Thủy Châu", "phuong"],
      ["phuong-thuy-duong", "Phường Thủy Dương", "phuong"],
      ["phuong-thuy-luong", "Phường Thủy Lương", "phuong"],
      ["phuong-thuy-phuong", "Phường Thủy Phương", "phuong"],
      ["xa-duong-hoa", "Xã Dương Hòa", "xa"],
      ["xa-phu-son", "Xã Phú Sơn", "xa"],
      ["xa-thuy-bang", "Xã Thủy Bằng", "xa"],
      ["xa-thuy-phu", "Xã Thủy Phù", "xa"],
      ["xa-thuy-tan", "Xã Thủy Tân", "xa"],
      ["xa-thuy-thanh", "Xã Thủy Thanh", "xa"],
      ["xa-thuy-van", "Xã Thủy Vân", "xa"],
    ]);
  });

  it("has no Thủy Xuân (a phường of Huế)", () => {
    expect(r.units.some((u) => u.name.includes("Xuân"))).toBe(false);
  });

  it("has one Đảng bộ per xã/phường, linked to it, with the right loại hình", () => {
    for (const loc of localities(r)) {
      const db = r.units.filter((u) => u.localityCode === loc.code);
      expect(db).toHaveLength(1);
      expect(db[0]).toMatchObject({
        code: `db-${loc.code}`,
        kind: "tccs",
        tccsForm: "dangBo",
        loaiHinh: loc.kind === "phuong" ? "DB_PHUONG" : "DB_XA",
        name: loc.name.replace(/^Phường/, "Đảng bộ phường").replace(/^Xã/, "Đảng bộ xã"),
      });
      expect(db[0].sample).toBeFalsy();
    }
  });

  it("marks the agency TCCS and the agencies as sample", () => {
    const agencyTccs = tccs(r).filter((u) => !u.localityCode);
    expect(agencyTccs.map((u) => [u.code, u.loaiHinh, u.tccsForm])).toEqual([
      ["tccs-quan-su", "LLVT", "dangBo"],
      ["tccs-cong-an", "LLVT", "dangBo"],
      ["tccs-co-quan-chinh-quyen", "CO_QUAN", "dangBo"],
      ["tccs-co-quan-dang-doan-the", "CO_QUAN", "dangBo"],
      ["tccs-thpt-huong-thuy", "SU_NGHIEP", "chiBo"],
      ["tccs-trung-tam-y-te", "SU_NGHIEP", "chiBo"],
      ["tccs-det-may-phu-hoa-an", "DOANH_NGHIEP", "chiBo"],
    ]);
    expect(agencyTccs.every((u) => u.sample === true)).toBe(true);
    expect(agencies(r)).toHaveLength(8);
    expect(agencies(r).every((u) => u.sample === true && u.kind === "coQuan")).toBe(true);
    expect(agencies(r)[0]).toMatchObject({ code: "cq-noi-vu", name: "Phòng Nội vụ" });
  });

  it("tccs() lists the 12 Đảng bộ xã/phường before the agency TCCS", () => {
    const list = tccs(r);
    expect(list).toHaveLength(19);
    expect(list.slice(0, 12).every((u) => u.localityCode)).toBe(true);
  });

  it("unitsOfKind groups localities, then TCCS, then agencies, whatever order kinds are given", () => {
    const list = unitsOfKind(r, ["coQuan", "xa", "phuong"]);
    expect(list.map((u) => u.kind).slice(0, 5)).toEqual(["phuong", "phuong", "phuong", "phuong", "phuong"]);
    expect(list.slice(-8).every((u) => u.kind === "coQuan")).toBe(true);
    expect(list).toHaveLength(20);
  });

  it("has the bodies the plan (III.1.2) reviews as leadership collectives, marked sample, never TCCS", () => {
    const bodies = leadershipBodies(r);
    expect(bodies.map((u) => u.name)).toEqual([
      "Thường trực HĐND thị xã",
      "Ủy ban nhân dân thị xã",
      "Ban Tổ chức Thị ủy",
      "Ủy ban Kiểm tra Thị ủy",
      "Ban Tuyên giáo Thị ủy",
      "Ban Dân vận Thị ủy",
      "Văn phòng Thị ủy",
      "Ủy ban MTTQ Việt Nam thị xã",
      "Thị đoàn Hương Thủy",
      "Hội Liên hiệp Phụ nữ thị xã",
      "Hội Nông dân thị xã",
      "Hội Cựu chiến binh thị xã",
      "Liên đoàn Lao động thị xã",
      "Trung tâm Bồi dưỡng chính trị thị xã",
      "Trung tâm Văn hóa, Thông tin và Thể thao thị xã",
      "Ban Quản lý dự án đầu tư xây dựng thị xã",
    ]);
    for (const u of bodies) {
      expect(u).toMatchObject({ kind: "tapThe", sample: true });
      expect(u.loaiHinh ?? u.tccsForm ?? u.localityCode).toBeUndefined();
    }
    expect(tccs(r).some((u) => u.kind === "tapThe")).toBe(false);
    expect(agencies(r).some((u) => u.kind === "tapThe")).toBe(false);
  });

  it("each body's name and every alias find that body and no other unit", () => {
    for (const u of leadershipBodies(r))
      for (const form of [u.name, ...(u.aliases ?? [])]) {
        const m = matchUnit(r, form);
        expect([form, m.ok && m.unit.code]).toEqual([form, u.code]);
      }
    // What people type: "UBND thị xã", "Hội CCB thị xã", "Thị đoàn".
    for (const [typed, code] of [
      ["UBND thị xã", "tt-ubnd"],
      ["hội ccb thị xã", "tt-hoi-ccb"],
      ["Thị đoàn", "tt-thi-doan"],
      ["Ủy ban Kiểm tra Thị uỷ", "tt-ubkt"],
    ])
      expect(matchUnit(r, typed)).toMatchObject({ ok: true, unit: { code } });
  });

  it("unitByCode", () => {
    expect(unitByCode(r, "xa-thuy-van")?.name).toBe("Xã Thủy Vân");
    expect(unitByCode(r, "xa-thuy-xuan")).toBeUndefined();
  });

  it("all names are NFC", () => {
    for (const u of r.units) expect(u.name).toBe(u.name.normalize("NFC"));
  });
});

describe("loadRegister", () => {
  it("accepts the shipped data", () => {
    expect(loadRegister(clone()).ok).toBe(true);
  });

  type Case = [string, (r: UnitRegister) => unknown, RegExp];
  it.each<Case>([
    [
      "duplicate code",
      (r) => { r.units[1].code = r.units[0].code; return r; },
      /phuong-phu-bai.*bị trùng/,
    ],
    [
      "duplicate name (case and accent form ignored)",
      (r) => { r.units[1].name = "PHƯỜNG PHÚ BÀI".normalize("NFD"); return r; },
      /Tên đơn vị .* bị trùng/,
    ],
    [
      "TCCS pointing to an unknown locality",
      (r) => { r.units.find((u) => u.code === "db-phuong-phu-bai")!.localityCode = "phuong-thuy-xuan"; return r; },
      /phuong-thuy-xuan.*không có trong sổ đơn vị/,
    ],
    [
      "TCCS pointing to a non-locality",
      (r) => { r.units.find((u) => u.code === "db-phuong-phu-bai")!.localityCode = "cq-noi-vu"; return r; },
      /cq-noi-vu/,
    ],
    [
      "bad code format (upper case, accents, spaces)",
      (r) => { r.units[0].code = "Phường Phú Bài"; return r; },
      /không đúng dạng/,
    ],
    [
      "bad code format (double hyphen)",
      (r) => { r.units[0].code = "phuong--phu-bai"; return r; },
      /không đúng dạng/,
    ],
    [
      "TCCS without loại hình",
      (r) => { delete r.units.find((u) => u.code === "tccs-quan-su")!.loaiHinh; return r; },
      /loaiHinh/,
    ],
    [
      "a body of the town given a loại hình (it is not a TCCS)",
      (r) => { r.units.find((u) => u.code === "tt-ubnd")!.loaiHinh = "CO_QUAN"; return r; },
      /Ủy ban nhân dân thị xã.*không phải tổ chức cơ sở đảng/,
    ],
    [
      "a body of the town tied to a locality",
      (r) => { r.units.find((u) => u.code === "tt-mttq")!.localityCode = "xa-thuy-tan"; return r; },
      /Ủy ban MTTQ Việt Nam thị xã.*không thuộc một xã\/phường/,
    ],
    [
      "unknown kind",
      (r) => { (r.units[0] as { kind: string }).kind = "thon"; return r; },
      /sai cấu trúc tại "units\.0\.kind"/,
    ],
    [
      "unknown loại hình",
      (r) => { (r.units[12] as { loaiHinh: string }).loaiHinh = "DB_THON"; return r; },
      /units\.12\.loaiHinh/,
    ],
    [
      "misspelt field",
      (r) => { (r.units[0] as unknown as Record<string, unknown>).localitycode = "x"; return r; },
      /units\.0/,
    ],
    ["missing units", (r) => ({ ...r, units: undefined }), /units/],
    ["not an object", () => "hello", /sai cấu trúc/],
    ["empty name", (r) => { r.units[0].name = "  "; return r; }, /units\.0\.name/],
  ])("rejects %s", (_label, mutate, pattern) => {
    const result = loadRegister(mutate(clone()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.map((e) => e.vi).join("\n")).toMatch(pattern);
    for (const e of result.errors) expect(e.en.length).toBeGreaterThan(10);
  });

  it("lists every problem, not only the first", () => {
    const r = clone();
    r.units[0].code = "BAD CODE";
    r.units[2].code = r.units[1].code;
    const result = loadRegister(r);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThanOrEqual(2);
  });
});
