/** How a raw value is quoted back in messages ("abc", 12,5, TRUE, 20/12/2019). */
import type { LocalizedText } from "../i18n";
import type { RawCell } from "../validate/types";

const MAX_QUOTE = 60;

export function describeRaw(raw: RawCell): LocalizedText {
  if (raw === null || raw === undefined) return { vi: "(trống)", en: "(empty)" };
  if (typeof raw === "string") {
    // A pasted paragraph is quoted by its start only: the message must stay readable.
    const t = raw.length > MAX_QUOTE ? `${raw.slice(0, MAX_QUOTE)}…` : raw;
    return { vi: `"${t.normalize("NFC")}"`, en: `"${t}"` };
  }
  if (typeof raw === "number") return { vi: String(raw).replace(".", ","), en: String(raw) };
  if (typeof raw === "boolean")
    return raw ? { vi: "TRUE (đúng)", en: "TRUE" } : { vi: "FALSE (sai)", en: "FALSE" };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { vi: "một ngày không hợp lệ", en: "an invalid date" };
    const d = `${pad(raw.getUTCDate())}/${pad(raw.getUTCMonth() + 1)}/${raw.getUTCFullYear()}`;
    return { vi: `ngày ${d}`, en: `the date ${d}` };
  }
  if ("error" in raw)
    return raw.error === UNCALCULATED_FORMULA
      ? { vi: "(công thức chưa có kết quả)", en: "(a formula without a result)" }
      : { vi: raw.error, en: raw.error };
  const points = fractionToPoints(raw.percentFraction);
  return { vi: `${String(points).replace(".", ",")} %`, en: `${points}%` };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 0.125 → 12.5, without the binary noise of 0.07 × 100 = 7.000000000000001. */
export function fractionToPoints(f: number): number {
  return Number((f * 100).toPrecision(12));
}

/** What each Excel error value means, so the message says more than its code. */
const EXCEL_ERRORS: Record<string, LocalizedText> = {
  "#REF!": {
    vi: "tham chiếu tới ô không còn tồn tại",
    en: "a reference to a cell that no longer exists",
  },
  "#DIV/0!": { vi: "phép chia cho 0", en: "a division by zero" },
  "#VALUE!": { vi: "sai kiểu dữ liệu trong công thức", en: "a wrong data type in the formula" },
  "#N/A": { vi: "không tìm thấy giá trị", en: "a value that was not found" },
  "#NAME?": { vi: "tên hàm hoặc tên vùng không đúng", en: "an unknown function or range name" },
  "#NUM!": { vi: "số không hợp lệ", en: "an invalid number" },
  "#NULL!": { vi: "hai vùng không giao nhau", en: "ranges that do not intersect" },
  "#SPILL!": { vi: "kết quả mảng bị chặn", en: "a blocked array result" },
  "#CALC!": { vi: "lỗi tính toán", en: "a calculation error" },
};

/**
 * Not an Excel error: the code a reader gives a formula cell saved without its result (files made
 * by programs that do not calculate). Its value is unknown, so it is reported, never read as empty.
 */
export const UNCALCULATED_FORMULA = "#UNCALCULATED";

export function excelErrorMessage(code: string): LocalizedText {
  if (code === UNCALCULATED_FORMULA)
    return {
      vi: "Ô có công thức nhưng chưa có kết quả: mở tệp trong Excel, lưu lại rồi gửi lại (chương trình đã tạo tệp không tính công thức).",
      en: "The cell has a formula but no result yet: open the file in Excel, save it and send it again (the program that made the file did not calculate its formulas).",
    };
  const known = EXCEL_ERRORS[code.toUpperCase()];
  const whyVi = known ? ` (${known.vi})` : "";
  const whyEn = known ? ` (${known.en})` : "";
  return {
    vi: `Ô chứa lỗi Excel ${code}${whyVi}. Hãy sửa công thức hoặc nhập trực tiếp giá trị.`,
    en: `The cell holds the Excel error ${code}${whyEn}. Fix the formula or type the value.`,
  };
}
