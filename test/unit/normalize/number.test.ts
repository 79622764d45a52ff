import { parseNumber, parsePercent } from "../../../src/core/normalize";
import type { Parsed } from "../../../src/core/normalize";
import type { RawCell } from "../../../src/core/validate/types";

const NBSP = "\u00A0";

function expectValue(p: Parsed<number>, value: number): void {
  expect(p).toMatchObject({ ok: true, value });
}

function expectFailure(p: Parsed<number>, reason: "invalid" | "ambiguous" | "error-value"): void {
  expect(p.ok).toBe(false);
  if (p.ok) return;
  expect(p.reason).toBe(reason);
  // Vietnamese with diacritics first, English second, both non-empty.
  expect(p.message.vi).toMatch(/[ăâđêôơưàáảãạ]/);
  expect(p.message.en.length).toBeGreaterThan(10);
  expect(p.message.vi).toBe(p.message.vi.normalize("NFC"));
}

describe("parseNumber: accepted forms", () => {
  it.each<[RawCell, number]>([
    [42, 42],
    [-3.5, -3.5],
    [0, 0],
    ["0", 0],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1.234.567,89", 1234567.89],
    ["1,234,567.89", 1234567.89],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["0,123", 0.123],
    ["1234,567", 1234.567],
    ["12,3456", 12.3456],
    ["1 234", 1234],
    [`1${NBSP}234`, 1234],
    ["1 234 567,5", 1234567.5],
    ["+5", 5],
    ["-5", -5],
    ["\u22125", -5],
    ["  17  ", 17],
    [",5", 0.5],
    ["1234", 1234],
  ])("%j → %p", (raw, value) => {
    expectValue(parseNumber(raw), value);
  });
});

describe("parseNumber: empty", () => {
  it.each<[RawCell]>([[""], ["   "], [`${NBSP}`], [null], [undefined], ["\t\n"]])("%j is empty", (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: null, empty: true });
    expect(parseNumber(raw, { integer: true })).toEqual({ ok: true, value: null, empty: true });
  });
});

describe("parseNumber: rejected forms", () => {
  it.each<[RawCell]>([
    ["abc"],
    ["12abc"],
    ["1,2,3.4.5"],
    ["--5"],
    ["+-5"],
    ["1e3"],
    ["5."],
    ["1.23.4"],
    ["12,34,5"],
    ["1 23"],
    ["1.234,5,6"],
    ["0x10"],
    ["12 abc"],
    [NaN],
    [Infinity],
    [-Infinity],
    [true],
    [false],
    [new Date(Date.UTC(2019, 11, 20))],
  ])("%p is invalid", (raw) => {
    expectFailure(parseNumber(raw), "invalid");
  });

  it.each<[RawCell]>([["12%"], ["12,5 %"], ["50 %"], [{ percentFraction: 0.5 }]])(
    "%p is a percentage, not a count",
    (raw) => {
      const p = parseNumber(raw);
      expectFailure(p, "invalid");
      if (!p.ok) expect(p.message.vi).toContain("phần trăm");
    }
  );

  it("never returns a silent zero for garbage", () => {
    for (const raw of ["abc", "-", ".", ",", "x"]) {
      expect(parseNumber(raw).ok).toBe(false);
    }
  });
});

describe("parseNumber: ambiguous one-separator-three-digits", () => {
  it.each<[string, number, number]>([
    ["1.234", 1234, 1.234],
    ["1,234", 1234, 1.234],
    ["12.345", 12345, 12.345],
    ["-123,456", -123456, -123.456],
  ])("%j is ambiguous for a number", (raw, thousands, decimal) => {
    const p = parseNumber(raw);
    expectFailure(p, "ambiguous");
    if (!p.ok) {
      expect(p.message.vi).toContain(String(thousands));
      expect(p.message.en).toContain(String(decimal));
    }
  });

  it.each<[string, number]>([
    ["1.234", 1234],
    ["1,234", 1234],
    ["12.345", 12345],
  ])("%j with integer:true reads %p and says so in a note", (raw, value) => {
    const p = parseNumber(raw, { integer: true });
    expect(p).toMatchObject({ ok: true, value });
    if (p.ok && p.value !== null) {
      expect("note" in p && p.note?.vi).toContain(String(value));
    }
  });
});

describe("parseNumber: integer option", () => {
  it.each<[RawCell, number]>([
    [12, 12],
    ["12", 12],
    ["1.234.567", 1234567],
    ["1 234", 1234],
    [3.0, 3],
    ["-5", -5],
  ])("%p → %p", (raw, value) => {
    expectValue(parseNumber(raw, { integer: true }), value);
  });

  it.each<[RawCell]>([["12,5"], ["12.5"], [3.7], ["1.234,5"], ["0,5"]])("%p is not a whole number", (raw) => {
    const p = parseNumber(raw, { integer: true });
    expectFailure(p, "invalid");
    if (!p.ok) expect(p.message.vi).toContain("số nguyên");
  });
});

describe("parseNumber / parsePercent: Excel error values", () => {
  it.each(["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#SOMETHING!"])("%s", (code) => {
    for (const p of [parseNumber({ error: code }), parsePercent({ error: code })]) {
      expectFailure(p, "error-value");
      if (!p.ok) {
        expect(p.message.vi).toContain(code);
        expect(p.message.vi).toContain("công thức");
        expect(p.message.en).toContain("formula");
      }
    }
  });
});

describe("parsePercent: accepted forms (percentage points)", () => {
  it.each<[RawCell, number]>([
    ["12%", 12],
    ["12 %", 12],
    ["12,5 %", 12.5],
    ["12,5%", 12.5],
    ["12.5%", 12.5],
    [`12,5${NBSP}%`, 12.5],
    ["100%", 100],
    ["0%", 0],
    ["0,5 %", 0.5], // explicit "%": half a percent, not 50
    [{ percentFraction: 0.125 }, 12.5],
    [{ percentFraction: 0.07 }, 7],
    [{ percentFraction: 1 }, 100],
    [{ percentFraction: 0 }, 0],
    [12, 12],
    [12.5, 12.5],
    [1, 1],
    [100, 100],
    ["12", 12],
    ["12,5", 12.5],
    [0, 0],
    ["0", 0],
    [-5, -5],
    ["-5%", -5],
    [150, 150], // range checks belong to the validator
  ])("%p → %p", (raw, value) => {
    const p = parsePercent(raw);
    expectValue(p, value);
    expect(p.ok && "note" in p && p.note).toBeFalsy();
  });

  it.each<[RawCell, number]>([
    [0.125, 12.5],
    [0.5, 50],
    [0.07, 7],
    ["0,125", 12.5],
    ["0.5", 50],
  ])("%p between 0 and 1 is read as a fraction → %p, with a note", (raw, value) => {
    const p = parsePercent(raw);
    expectValue(p, value);
    const note = p.ok && "note" in p ? p.note : undefined;
    expect(note?.vi).toContain("được hiểu là");
    expect(note?.en).toContain("read as");
  });

  it.each<[RawCell]>([[""], ["  "], [null], [undefined]])("%j is empty", (raw) => {
    expect(parsePercent(raw)).toEqual({ ok: true, value: null, empty: true });
  });
});

describe("parsePercent: rejected forms", () => {
  it.each<[RawCell]>([
    ["abc"],
    ["%"],
    ["12%%"],
    ["%12"],
    ["12%5"],
    ["12 phần trăm"],
    ["--5%"],
    [NaN],
    [Infinity],
    [true],
    [new Date(Date.UTC(2019, 0, 1))],
    [{ percentFraction: NaN }],
  ])("%p is invalid", (raw) => {
    expectFailure(parsePercent(raw), "invalid");
  });

  it.each(["1.234%", "1,234"])("%j is ambiguous", (raw) => {
    expectFailure(parsePercent(raw), "ambiguous");
  });
});
