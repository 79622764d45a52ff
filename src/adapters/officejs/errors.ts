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

/** The code of an Office.js error (RichApi.Error), or "Unknown". */
export function officeErrorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e
    ? String((e as { code: unknown }).code)
    : "Unknown";
}

/** Why Excel answered AccessDenied: each case needs a different step from the person. */
export type AccessDeniedCase =
  "read-only" | "workbook-structure" | "sheet-password" | "sheet-protected" | "unknown";

export const ACCESS_DENIED: Record<AccessDeniedCase, (sheet?: string) => LocalizedText> = {
  "read-only": () => ({
    vi: "Sổ tính đang mở ở chế độ chỉ đọc nên Excel không cho ghi. Hãy bấm “Bật chỉnh sửa” (Enable Editing) hoặc lưu một bản sao (Tệp → Lưu bản sao), mở bản sao đó rồi thử lại.",
    en: "The workbook is open read-only, so Excel refused the change. Click Enable Editing or save a copy (File → Save a Copy), open it and try again.",
  }),
  "workbook-structure": () => ({
    vi: "Cấu trúc sổ tính đang được bảo vệ (Xem lại → Bảo vệ sổ làm việc) nên không thêm, xoá, đổi tên hay ẩn trang được. Hãy bỏ bảo vệ sổ làm việc rồi thử lại.",
    en: "The workbook structure is protected (Review → Protect Workbook), so sheets cannot be added, deleted, renamed or hidden. Unprotect the workbook and try again.",
  }),
  "sheet-password": (sheet) => ({
    vi: `Trang “${sheet ?? ""}” được bảo vệ bằng mật khẩu nên XếpLoại không bỏ bảo vệ thay bạn. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính, nhập mật khẩu) rồi thử lại; XếpLoại không đổi mật khẩu của bạn.`,
    en: `Sheet “${sheet ?? ""}” is protected with a password, so XếpLoại does not unprotect it for you. Unprotect it (Review → Unprotect Sheet, enter the password) and try again; XếpLoại leaves your password alone.`,
  }),
  "sheet-protected": (sheet) => ({
    vi: `Trang${sheet ? ` “${sheet}”` : " tính"} đang được bảo vệ nên Excel không cho ghi. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.`,
    en: `The sheet${sheet ? ` “${sheet}”` : ""} is protected, so Excel refused the change. Unprotect it (Review → Unprotect Sheet) and try again.`,
  }),
  unknown: () => ({
    vi: "Excel không cho ghi (sổ tính chỉ đọc, trang hoặc sổ làm việc đang được bảo vệ). Hãy bỏ bảo vệ hoặc bật chỉnh sửa rồi thử lại.",
    en: "Excel refused the change (read-only workbook, or a protected sheet or workbook). Unprotect it or enable editing and try again.",
  }),
};

/** Office.js errors carry a `code` (RichApi.Error); map the ones people can act on. */
export function describeOfficeError(
  e: unknown,
  doing: LocalizedText,
  access: AccessDeniedCase = "sheet-protected",
  sheet?: string
): OfficeAdapterError {
  if (e instanceof OfficeAdapterError) return e;
  const code = officeErrorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const known: Record<string, LocalizedText> = {
    AccessDenied: ACCESS_DENIED[access](sheet),
    InvalidOperationInCellEditMode: {
      vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter (hoặc Esc) để kết thúc việc sửa ô rồi thử lại.",
      en: "Excel is in cell-edit mode. Press Enter (or Esc) to finish editing the cell and try again.",
    },
    InvalidArgument: {
      vi: `Excel không nhận dữ liệu XếpLoại gửi sang (tên trang, địa chỉ ô hoặc công thức không hợp lệ). Hãy kiểm tra tên các trang tính rồi thử lại; nếu vẫn lỗi, hãy báo cho người quản trị kèm chi tiết: ${detail}`,
      en: `Excel did not accept what XếpLoại sent (an invalid sheet name, cell address or formula). Check the sheet names and try again; if it persists, report it with this detail: ${detail}`,
    },
    InvalidOperation: {
      vi: "Excel không cho làm thao tác này lúc này (ví dụ trang đang ẩn, ô đã gộp, hoặc ô đã có chú thích). Hãy đóng các hộp thoại đang mở trong Excel rồi thử lại.",
      en: "Excel does not allow this operation right now (e.g. a hidden sheet, merged cells, or a cell that already has a comment). Close any open Excel dialogs and try again.",
    },
    ItemAlreadyExists: {
      vi: "Sổ tính đã có một trang tính hoặc một tên cùng tên. Hãy đổi tên trang (hoặc xoá tên) đó rồi thử lại.",
      en: "The workbook already has a sheet or a name with that name. Rename that sheet (or delete the name) and try again.",
    },
    GeneralException: {
      vi: "Excel gặp lỗi nội bộ khi xử lý yêu cầu. Hãy lưu sổ tính, đợi một lát rồi thử lại; nếu dùng Excel trên web với sổ tính lớn, hãy thử trên Excel cho máy tính.",
      en: "Excel hit an internal error. Save the workbook, wait a moment and try again; with a large workbook in Excel on the web, try desktop Excel.",
    },
    Conflict: {
      vi: "Sổ tính vừa được sửa cùng lúc ở nơi khác (người dùng chung hoặc đang đồng bộ). Hãy đợi đồng bộ xong rồi thử lại.",
      en: "The workbook was changed elsewhere at the same time (co-authoring or syncing). Wait for syncing to finish and try again.",
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

/**
 * Finds out why Excel answered AccessDenied (read-only file, workbook-structure protection, or the
 * sheet's protection), in one extra batch; "unknown" when that cannot be told.
 */
export async function accessDeniedCase(
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>,
  isSetSupported: (name: string, v: string) => boolean,
  sheet?: string
): Promise<AccessDeniedCase> {
  try {
    return await run(async (ctx) => {
      const wb = ctx.workbook;
      const canReadOnly = isSetSupported("ExcelApi", "1.8");
      if (canReadOnly) wb.load("readOnly");
      const structure = isSetSupported("ExcelApi", "1.7") ? wb.protection.load("protected") : null;
      const ws = sheet ? wb.worksheets.getItemOrNullObject(sheet) : null;
      await ctx.sync();
      if (canReadOnly && wb.readOnly) return "read-only";
      if (structure?.protected) return "workbook-structure";
      if (!ws || ws.isNullObject) return "unknown";
      ws.protection.load("protected");
      await ctx.sync();
      return ws.protection.protected ? "sheet-protected" : "unknown";
    });
  } catch {
    return "unknown";
  }
}

/**
 * describeOfficeError, after finding out which AccessDenied case it is. Use in the catch of every
 * operation that writes.
 */
export async function describeWriteError(
  env: {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
    isSetSupported(name: string, v: string): boolean;
  },
  e: unknown,
  doing: LocalizedText,
  sheet?: string
): Promise<OfficeAdapterError> {
  if (e instanceof OfficeAdapterError) return e;
  if (officeErrorCode(e) !== "AccessDenied") return describeOfficeError(e, doing);
  const why = await accessDeniedCase(env.run, env.isSetSupported, sheet);
  return describeOfficeError(e, doing, why, sheet);
}
