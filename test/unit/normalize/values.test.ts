import { parseBoolean, parseEnum, parseText } from "../../../src/core/normalize";
import type { Parsed } from "../../../src/core/normalize";
import { getEnum } from "../../../src/core/templates/enums";
import type { EnumSpec } from "../../../src/core/templates/spec";
import type { RawCell } from "../../../src/core/validate/types";

const EMPTY = { ok: true, value: null, empty: true };
const nfd = (s: string) => s.normalize("NFD");

function failure<T>(p: Parsed<T>): { reason: string; vi: string; en: string } {
  if (p.ok) throw new Error(`expected a failure, got ${JSON.stringify(p)}`);
  return { reason: p.reason, vi: p.message.vi, en: p.message.en };
}

describe("parseBoolean", () => {
  it.each<[RawCell]>([
    [true], [1], ["x"], ["X"], ["có"], ["Có"], ["CÓ"], [nfd("có")], ["c"], ["đạt"], ["Đạt"], [nfd("Đạt")],
    ["yes"], ["Yes"], ["y"], ["true"], ["TRUE"], ["1"], ["✓"], ["✔"], [" x "],
  ])("%p → true", (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: true });
  });

  it.each<[RawCell]>([
    [false], [0], ["không"], ["Không"], [nfd("không")], ["k"], ["K"], ["chưa đạt"], ["Chưa đạt"],
    ["không đạt"], ["Không Đạt"], ["no"], ["NO"], ["n"], ["false"], ["FALSE"], ["0"],
  ])("%p → false", (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: false });
  });

  it.each<[RawCell]>([[""], [" "], [null], [undefined]])("%j → empty", (raw) => {
    expect(parseBoolean(raw)).toEqual(EMPTY);
  });

  it.each<[RawCell]>([["có lẽ"], ["2"], [2], [0.5], ["ok"], ["xx"], ["dat"], [new Date(0)], [{ percentFraction: 1 }]])(
    "%p is invalid and lists the accepted forms",
    (raw) => {
      const f = failure(parseBoolean(raw));
      expect(f.reason).toBe("invalid");
      expect(f.vi).toContain('"x"');
      expect(f.vi).toContain('"không"');
      expect(f.en).toContain("yes/no");
    }
  );

  it("an Excel error is an error value", () => {
    expect(failure(parseBoolean({ error: "#N/A" })).reason).toBe("error-value");
  });
});

describe("parseText", () => {
  it.each<[RawCell, string]>([
    ["  Phú   Bài ", "Phú Bài"],
    [nfd("Thủy Dương"), "Thủy Dương"],
    ["a\u00A0b\nc", "a b c"],
    [12, "12"],
    [12.5, "12.5"],
    [true, "TRUE"],
    [new Date(Date.UTC(2019, 11, 20)), "20/12/2019"],
  ])("%p → %j", (raw, value) => {
    expect(parseText(raw)).toEqual({ ok: true, value });
  });

  it.each<[RawCell]>([[""], ["  \t"], [null], [undefined]])("%j → empty", (raw) => {
    expect(parseText(raw)).toEqual(EMPTY);
  });

  it("an Excel error is an error value", () => {
    const f = failure(parseText({ error: "#REF!" }));
    expect(f.reason).toBe("error-value");
    expect(f.vi).toContain("#REF!");
  });
});

describe("parseEnum: level4", () => {
  const level4 = getEnum("level4");
  it.each<[RawCell, string]>([
    ["HTXSNV", "HTXSNV"],
    ["htxsnv", "HTXSNV"],
    ["HTXSNV.", "HTXSNV"],
    ["HTXS", "HTXSNV"],
    ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    ["hoàn thành xuất sắc nhiệm vụ.", "HTXSNV"],
    ["HOÀN THÀNH XUẤT SẮC NHIỆM VỤ", "HTXSNV"],
    [nfd("Hoàn thành xuất sắc nhiệm vụ"), "HTXSNV"],
    ["  Hoàn  thành\u00A0xuất sắc nhiệm vụ ", "HTXSNV"],
    ["Excellently completed duties", "HTXSNV"],
    ["HTTNV", "HTTNV"],
    ["HTT", "HTTNV"],
    ["Hoàn thành tốt nhiệm vụ", "HTTNV"],
    ["HTNV", "HTNV"],
    ["HT", "HTNV"],
    ["Hoàn thành nhiệm vụ", "HTNV"],
    ["KHTNV", "KHTNV"],
    ["KHT", "KHTNV"],
    ["Không hoàn thành nhiệm vụ", "KHTNV"],
  ])("%p → %s", (raw, code) => {
    expect(parseEnum(raw, level4)).toEqual({ ok: true, value: code });
  });

  it.each<[RawCell]>([["Xuất sắc"], ["Hoàn thành"], ["HTXSNV NV"], ["Tốt"], ["5"], [4], [true], [{ percentFraction: 1 }]])(
    "%p is invalid and lists the allowed labels",
    (raw) => {
      const f = failure(parseEnum(raw, level4));
      expect(f.reason).toBe("invalid");
      expect(f.vi).toContain("Hoàn thành xuất sắc nhiệm vụ");
      expect(f.vi).toContain("Không hoàn thành nhiệm vụ");
      expect(f.en).toContain("Choose one of");
    }
  );

  it.each<[RawCell]>([[""], ["  "], [null], [undefined]])("%j → empty", (raw) => {
    expect(parseEnum(raw, level4)).toEqual(EMPTY);
  });

  it("an Excel error is an error value", () => {
    expect(failure(parseEnum({ error: "#VALUE!" }, level4)).reason).toBe("error-value");
  });
});

describe("parseEnum: other enums and tone placement", () => {
  it.each<[string, RawCell, string]>([
    ["datChuaDat", "Đạt", "DAT"],
    ["datChuaDat", "đạt", "DAT"],
    ["datChuaDat", "Chưa đạt", "CHUA_DAT"],
    ["datChuaDat", "CHUA_DAT", "CHUA_DAT"],
    ["datKhongDat", "không đạt", "KHONG_DAT"],
    ["level4Cbccvc", "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực", "HTNV_HC"],
    ["level4Cbccvc", "htnv_hc", "HTNV_HC"],
    ["loaiHinh", "LLVT", "LLVT"],
    ["loaiHinh", "Lực lượng vũ trang", "LLVT"],
    ["loaiHinh", "đảng bộ xã", "DB_XA"],
    ["thucHienChiThi", "TB", "TB"],
    ["thucHienChiThi", "Trung bình", "TB"],
    ["xepLoaiCchc", "Trung bình", "TRUNG_BINH"],
    ["xepLoaiCchc", "xuất sắc", "XUAT_SAC"],
    ["danhHieu", "Xã đạt chuẩn văn hoá nông thôn mới", "XA_VH_NTM"], // old-style "hoá"
    ["danhHieu", "Xã đạt chuẩn văn hóa NTM", "XA_VH_NTM"],
    ["danhHieu", "Phường đạt chuẩn văn minh đô thị", "PHUONG_VMDT"],
    ["xepLoaiQp", "HTXSNV", "HTXSNV"],
  ])("%s: %p → %s", (id, raw, code) => {
    expect(parseEnum(raw, getEnum(id))).toEqual({ ok: true, value: code });
  });

  it("a value matching two entries is ambiguous", () => {
    const spec: EnumSpec = {
      id: "t",
      name: { vi: "Thử", en: "Test" },
      values: [
        { code: "A", label: { vi: "Hòa", en: "Draw" } },
        { code: "B", label: { vi: "Khác", en: "Other" }, aliases: ["Hoà"] },
      ],
    };
    const f = failure(parseEnum("hoà", spec));
    expect(f.reason).toBe("ambiguous");
    expect(f.vi).toContain('"Hòa"');
    expect(f.vi).toContain('"Khác"');
  });
});
