/** What the browser mode's file bar says, Vietnamese first (NFC, full diacritics), then English. */
import type { LocalizedText } from "../../core/i18n";

export const BROWSER_STRINGS = {
  barLabel: { vi: "Tệp đang làm việc", en: "Workbook file" },
  title: { vi: "Chế độ trình duyệt (ngoài Excel)", en: "Browser mode (outside Excel)" },
  explain: {
    vi: "XếpLoại làm việc trên tệp .xlsx ngay trong trình duyệt; tệp không rời khỏi máy này. Mẫu biểu: tải các mẫu trống (hoặc chèn một mẫu rồi bấm Tải về). Kiểm tra: mở tệp đã điền, bấm Kiểm tra ngay, rồi Đánh dấu ô lỗi và tải bản có đánh dấu. Tổng hợp: mở bảng tổng hợp lần trước nếu có (để giữ các cột đã điền tay), chọn các tệp gửi về, tổng hợp, ghi rồi tải về. In: áp dụng bố cục in rồi tải về.",
    en: "XếpLoại works on .xlsx files inside the browser; files never leave this machine. Templates: download the blank templates (or insert one and press Download). Check: open a filled file, press Check now, then Mark invalid cells and download the marked copy. Consolidate: open the earlier master if there is one (to keep its hand-filled columns), pick the returned files, consolidate, write, then download. Print: apply the print layout, then download.",
  },
  noFile: {
    vi: "Chưa mở tệp nào (các phần sẽ ghi vào một sổ làm việc mới).",
    en: "No file open (the parts write into a new workbook).",
  },
  workbook: { vi: "Sổ làm việc", en: "Workbook" },
  newWorkbook: { vi: "sổ làm việc mới", en: "new workbook" },
  marked: { vi: "{n} ô được đánh dấu", en: "{n} cells marked" },
  markedOne: { vi: "1 ô được đánh dấu", en: "1 cell marked" },
  open: { vi: "Mở tệp .xlsx…", en: "Open an .xlsx file…" },
  download: { vi: "Tải về", en: "Download" },
  downloadMarked: { vi: "Tải bản có đánh dấu", en: "Download the marked copy" },
  close: { vi: "Đóng tệp", en: "Close the file" },
  actionOpen: { vi: "Mở tệp", en: "Opening the file" },
  actionSave: { vi: "Tải tệp về", en: "Downloading the file" },
} satisfies Record<string, LocalizedText>;
