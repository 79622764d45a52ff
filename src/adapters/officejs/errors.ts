/**
 * Errors the Office.js adapter raises: a Vietnamese message first (Error.message), the English one
 * in `text.en`, and a machine code the task pane can switch on.
 */
import type { LocalizedText } from "../../core/i18n";

export class OfficeAdapterError extends Error {
  readonly code: string;
  readonly text: LocalizedText;
  override readonly cause?: unknown;
  constructor(code: string, text: LocalizedText, cause?: unknown) {
    super(text.vi);
    this.name = "OfficeAdapterError";
    this.code = code;
    this.text = text;
    this.cause = cause;
  }
}

/** Office.js errors carry a `code` (RichApi.Error); map the ones people can act on. */
export function describeOfficeError(e: unknown, doing: LocalizedText): OfficeAdapterError {
  if (e instanceof OfficeAdapterError) return e;
  const code =
    typeof e === "object" && e !== null && "code" in e
      ? String((e as { code: unknown }).code)
      : "Unknown";
  const detail = e instanceof Error ? e.message : String(e);
  const known: Record<string, LocalizedText> = {
    AccessDenied: {
      vi: "Trang tính đang được bảo vệ nên Excel không cho ghi. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.",
      en: "The sheet is protected, so Excel refused the change. Unprotect it (Review → Unprotect Sheet) and try again.",
    },
    RequestPayloadSizeLimitExceeded: {
      vi: "Dữ liệu gửi sang Excel quá lớn cho một lần ghi. Hãy thử lại; nếu vẫn lỗi, hãy ghi từng phần.",
      en: "The data sent to Excel was too large for one request. Try again; if it still fails, write it in parts.",
    },
    ResponsePayloadSizeLimitExceeded: {
      vi: "Trang tính quá lớn để đọc trong một lần. Hãy xoá bớt các dòng trống thừa rồi thử lại.",
      en: "The sheet is too large to read at once. Delete unused rows and try again.",
    },
    ApiNotFound: {
      vi: "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (Microsoft 365) hoặc dùng Excel trên web.",
      en: "This version of Excel lacks a feature the add-in needs. Update Excel (Microsoft 365) or use Excel on the web.",
    },
    ItemNotFound: {
      vi: "Không tìm thấy trang tính hoặc ô cần dùng (có thể đã bị xoá hoặc đổi tên).",
      en: "The sheet or cell was not found (it may have been deleted or renamed).",
    },
  };
  const k = known[code];
  const text: LocalizedText = k
    ? { vi: `${doing.vi}: ${k.vi}`, en: `${doing.en}: ${k.en}` }
    : {
        vi: `${doing.vi}: Excel báo lỗi (${code}: ${detail}).`,
        en: `${doing.en}: Excel reported an error (${code}: ${detail}).`,
      };
  return new OfficeAdapterError(code, text, e);
}
