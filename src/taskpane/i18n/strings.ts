/**
 * Every string the task pane shows, Vietnamese first (NFC, full diacritics) and English second.
 * Components pick a language with `useStrings()`; `{name}` placeholders are filled with fill().
 */
import type { Lang, LocalizedText } from "../../core/i18n";
import { fill } from "../../core/i18n";

const S = {
  appTitle: { vi: "XếpLoại", en: "XếpLoại" },
  appSubtitle: {
    vi: "Kiểm điểm, đánh giá, xếp loại chất lượng",
    en: "Yearly review and quality classification",
  },
  languageSwitch: { vi: "English", en: "Tiếng Việt" },
  languageSwitchLabel: { vi: "Chuyển sang tiếng Anh", en: "Switch to Vietnamese" },
  partsLabel: { vi: "Các phần của XếpLoại", en: "XếpLoại parts" },
  tabTemplates: { vi: "Mẫu biểu", en: "Templates" },
  tabValidate: { vi: "Kiểm tra", en: "Check" },
  tabConsolidate: { vi: "Tổng hợp", en: "Consolidate" },
  tabPrint: { vi: "In", en: "Print" },
  dismiss: { vi: "Đóng", en: "Dismiss" },
  errorTitle: { vi: "Có lỗi xảy ra", en: "Something went wrong" },
  working: { vi: "Đang xử lý…", en: "Working…" },

  requirementsTitle: { vi: "Excel của bạn quá cũ", en: "Your Excel is too old" },
  requirementsBody: {
    vi: "Phiên bản Excel này chưa có các chức năng XếpLoại cần dùng. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật) hoặc dùng Excel trên web.",
    en: "This Excel lacks features XếpLoại needs. Update Office (File → Account → Update Options) or use Excel on the web.",
  },

  requirementsBrowserMode: {
    vi: "Không cập nhật được? Mở {url} bằng Edge, Chrome hoặc Cốc Cốc: chế độ trình duyệt làm đủ bốn phần trên tệp .xlsx.",
    en: "Cannot update? Open {url} in Edge, Chrome or Cốc Cốc: the browser mode does all four parts on .xlsx files.",
  },

  noExcelTitle: { vi: "Chưa kết nối với Excel", en: "Not connected to Excel" },
  noExcelBody: {
    vi: "XếpLoại không đọc được sổ làm việc: hãy mở phần bổ trợ từ thẻ XếpLoại trong Excel.",
    en: "XếpLoại cannot reach the workbook: open the add-in from the XếpLoại tab in Excel.",
  },

  // Names of actions, used in "… không thành công: <why>" messages
  actionStart: { vi: "Khởi động XếpLoại", en: "Starting XếpLoại" },
  actionInsert: { vi: "Chèn mẫu", en: "Inserting the template" },
  actionDownload: { vi: "Tải mẫu", en: "Downloading templates" },
  actionCheck: { vi: "Kiểm tra", en: "Checking" },
  actionGoTo: { vi: "Đi tới ô", en: "Going to the cell" },
  actionMark: { vi: "Đánh dấu ô lỗi", en: "Marking invalid cells" },
  actionReadFiles: { vi: "Đọc tệp", en: "Reading files" },
  actionConsolidate: { vi: "Tổng hợp", en: "Consolidating" },
  actionWriteMaster: { vi: "Ghi bảng tổng hợp", en: "Writing the master" },
  actionApplyPrint: { vi: "Áp dụng bố cục in", en: "Applying the print layout" },
  failed: { vi: "{action} không thành công: {detail}", en: "{action} failed: {detail}" },
  liveCheckOff: {
    vi: "Không bật được kiểm tra tự động: {detail}",
    en: "Could not turn on live checking: {detail}",
  },

  // Mẫu biểu
  templatesIntro: {
    vi: "Chọn mẫu biểu của phòng, ban rồi chèn vào sổ làm việc này, hoặc tải các mẫu trống để gửi đi. Năm và hạn nộp lấy theo kỳ đánh giá ở trên.",
    en: "Choose a department's template and insert it into this workbook, or download blank templates to send out. The year and deadlines come from the review period above.",
  },
  templateLabel: { vi: "Mẫu biểu", en: "Template" },
  templatePlaceholder: { vi: "Chọn mẫu biểu…", en: "Choose a template…" },
  periodLabel: { vi: "Năm đánh giá", en: "Year reviewed" },
  periodInvalid: {
    vi: "Năm phải là số từ 1990 đến 2100.",
    en: "The year must be a number from 1990 to 2100.",
  },
  insertTemplate: { vi: "Chèn mẫu vào sổ làm việc", en: "Insert template into the workbook" },
  downloadAll: { vi: "Tải tất cả mẫu (.xlsx)", en: "Download all templates (.xlsx)" },
  chooseTemplateFirst: { vi: "Hãy chọn một mẫu biểu trước.", en: "Choose a template first." },
  inserted: {
    vi: "Đã chèn mẫu “{title}” vào trang “{sheet}”. Hãy điền số liệu rồi dùng phần “Kiểm tra”.",
    en: "Inserted “{title}” into sheet “{sheet}”. Fill in the data, then use “Check”.",
  },
  reportingUnitLabel: {
    vi: "Tổ chức cơ sở đảng báo cáo",
    en: "Grassroots organisation reporting",
  },
  reportingUnitAll: { vi: "Tất cả TCCS", en: "All grassroots organisations" },
  reportingUnitHint: {
    vi: "Bí thư một TCCS chọn tổ chức của mình: mẫu chỉ có một dòng của tổ chức đó. Gõ vài chữ của tên để tìm.",
    en: "A TCCS secretary picks their own organisation: the template then holds only its row. Type part of the name to find it.",
  },
  reportingUnitNoMatch: {
    vi: "Không có TCCS nào có tên như vậy.",
    en: "No grassroots organisation has that name.",
  },
  insertedForUnit: {
    vi: "Đã chèn mẫu “{title}” của {unit} vào trang “{sheet}” (chỉ có dòng của tổ chức này). Hãy điền số liệu rồi dùng phần “Kiểm tra”.",
    en: "Inserted “{title}” for {unit} into sheet “{sheet}” (only that organisation's row). Fill in the data, then use “Check”.",
  },
  unitNotInTemplate: {
    vi: "Tổ chức đã chọn không có trong danh mục của mẫu này. Hãy chọn lại tổ chức cơ sở đảng báo cáo.",
    en: "The organisation chosen is not in this template's register. Choose the reporting organisation again.",
  },
  downloading: { vi: "Đang tạo tệp {done}/{total}…", en: "Creating file {done}/{total}…" },
  downloaded: { vi: "Đã tạo {count} tệp mẫu .xlsx.", en: "Created {count} template .xlsx files." },

  // Kiểm tra
  validateIntro: {
    vi: "Kiểm tra số liệu của mẫu biểu trong sổ làm việc này. Ô nhập sai tự hiện nền đỏ nhạt ngay khi bạn gõ hoặc dán (quy tắc có sẵn trong mẫu); khi bật kiểm tra tự động, danh sách lỗi bên dưới cập nhật sau mỗi lần sửa. Kiểm tra không ghi gì vào sổ tính, nên Ctrl+Z vẫn hoàn tác được thao tác của bạn.",
    en: "Check the template data in this workbook. Invalid cells turn light red as you type or paste (rules built into the template); with live checking on, the list below updates after each edit. Checking writes nothing to the workbook, so Ctrl+Z still undoes your own edits.",
  },
  validateNow: { vi: "Kiểm tra ngay", en: "Check now" },
  restoredConsolidation: {
    vi: "Kết quả lần tổng hợp trước (bảng tổng hợp ghi lúc {time}), lưu trong sổ làm việc này. Các tệp đã chọn không được giữ khi XếpLoại mở lại; muốn tổng hợp lại, hãy chọn lại tệp.",
    en: "The previous consolidation (master written at {time}), kept in this workbook. Picked files are not kept when XếpLoại reopens; to consolidate again, pick them again.",
  },
  restoredFiles: { vi: "Tệp đã dùng: {files}", en: "Files used: {files}" },
  markNow: { vi: "Đánh dấu ô lỗi", en: "Mark invalid cells" },
  markHelp: {
    vi: "“Đánh dấu ô lỗi” tô màu và ghi chú nội dung lỗi vào từng ô sai (bỏ đánh dấu ở ô đã sửa). Việc này ghi vào sổ tính, nên sau đó Excel không hoàn tác (Ctrl+Z) được các thao tác trước.",
    en: "“Mark invalid cells” fills each invalid cell and adds a note with the problem (and unmarks fixed cells). It writes to the workbook, so Excel can no longer undo (Ctrl+Z) earlier edits afterwards.",
  },
  markedCells: {
    vi: "Đã đánh dấu các ô lỗi ({errors} lỗi, {warnings} cảnh báo).",
    en: "Invalid cells marked ({errors} errors, {warnings} warnings).",
  },
  liveCheck: { vi: "Kiểm tra tự động khi sửa ô", en: "Check automatically on edit" },
  noTemplate: {
    vi: "Sổ làm việc đang mở không có mẫu biểu XếpLoại nào. Hãy chèn một mẫu ở phần “Mẫu biểu” hoặc mở tệp mẫu đã điền.",
    en: "The open workbook holds no XếpLoại template. Insert one in “Templates” or open a filled template file.",
  },
  issueCount: {
    vi: "{errors} lỗi, {warnings} cảnh báo",
    en: "{errors} errors, {warnings} warnings",
  },
  noIssues: { vi: "Không có lỗi. Số liệu hợp lệ.", en: "No errors. The data is valid." },
  notCheckedYet: { vi: "Chưa kiểm tra.", en: "Not checked yet." },
  severityError: { vi: "Lỗi", en: "Errors" },
  severityWarning: { vi: "Cảnh báo", en: "Warnings" },
  rowLabel: { vi: "Dòng {row}", en: "Row {row}" },
  sheetLevel: { vi: "Chung cho cả trang", en: "Whole sheet" },
  goToCell: { vi: "Đi tới ô {cell} trên trang {sheet}", en: "Go to cell {cell} on sheet {sheet}" },
  checkedAt: { vi: "Kiểm tra lúc {time}", en: "Checked at {time}" },

  // Tổng hợp
  consolidateIntro: {
    vi: "Chọn hoặc kéo thả các tệp .xlsx các đơn vị đã gửi về. XếpLoại đọc từng tệp ngay trong ngăn này, rồi tổng hợp.",
    en: "Pick or drop the returned .xlsx files. XếpLoại reads each file right here in the pane, then consolidates.",
  },
  pickFiles: { vi: "Chọn tệp .xlsx", en: "Pick .xlsx files" },
  dropZone: { vi: "Kéo thả tệp .xlsx vào đây", en: "Drop .xlsx files here" },
  filesProgress: { vi: "Đã đọc {done}/{total} tệp", en: "Read {done}/{total} files" },
  fileReading: { vi: "đang đọc", en: "reading" },
  fileTaken: { vi: "đã nhận", en: "taken" },
  fileRefused: { vi: "bị từ chối", en: "refused" },
  runConsolidate: { vi: "Tổng hợp", en: "Consolidate" },
  errorPolicyLabel: {
    vi: "Dòng có lỗi trong tệp gửi về",
    en: "Rows with errors in a returned file",
  },
  policyDropErroneousRows: {
    vi: "Bỏ riêng các dòng có lỗi (mặc định)",
    en: "Leave out only the rows with errors (default)",
  },
  policyTakeMarked: {
    vi: "Vẫn lấy, đánh dấu để xem lại",
    en: "Take them, marked for review",
  },
  policyDropFile: {
    vi: "Bỏ cả tệp có lỗi",
    en: "Leave out the whole file",
  },
  deadlineLabel: { vi: "Hạn nộp (để đánh dấu trễ hạn)", en: "Deadline (to mark late files)" },
  deadlineOwn: {
    vi: "Hạn riêng theo cấu hình: {list}.",
    en: "Own deadlines in the settings: {list}.",
  },
  reportDeadline: {
    vi: "Báo cáo Ban Thường vụ cấp trên trước {date}.",
    en: "Report to the superior Standing Committee by {date}.",
  },
  resultExcludedRows: { vi: "Dòng bị loại ({count})", en: "Rows left out ({count})" },
  clearFiles: { vi: "Xóa danh sách tệp", en: "Clear the file list" },
  resultTaken: { vi: "Đã nhận ({count})", en: "Taken ({count})" },
  resultRefused: { vi: "Bị từ chối ({count})", en: "Refused ({count})" },
  resultConflicts: { vi: "Trùng lặp, mâu thuẫn ({count})", en: "Conflicts ({count})" },
  resultMissing: { vi: "Chưa nộp ({count})", en: "Not submitted ({count})" },
  resultIssues: { vi: "Lỗi trong số liệu ({count})", en: "Data errors ({count})" },
  rowsTaken: { vi: "lấy {rows} dòng", en: "{rows} rows taken" },
  writeMaster: {
    vi: "Ghi bảng tổng hợp vào sổ làm việc",
    en: "Write the master into the workbook",
  },
  masterWritten: { vi: "Đã ghi các trang {sheets}.", en: "Wrote sheets {sheets}." },
  showMore: { vi: "Hiện thêm {count} dòng", en: "Show {count} more rows" },
  noFilesYet: { vi: "Chưa chọn tệp nào.", en: "No files picked yet." },
  nothingTaken: {
    vi: "Chưa có tệp hợp lệ nào để tổng hợp.",
    en: "No valid file to consolidate yet.",
  },
  consolidateFirst: {
    vi: "Hãy tổng hợp trước khi ghi bảng tổng hợp.",
    en: "Consolidate before writing the master.",
  },

  // Tổng hợp: the evidence parameters (read only)
  evidenceParamsTitle: {
    vi: "Căn cứ đối chiếu số liệu các ban (chỉ xem)",
    en: "Evidence checks against the departments' figures (read only)",
  },
  evidenceParamsIntro: {
    vi: "Bộ quy tắc {ruleSet}. TCCS tự đánh giá một tiêu chí “xuất sắc” mà số liệu của ban tương ứng không đạt thì hệ thống đề xuất không cao hơn mức ghi bên dưới. Các ngưỡng này không sửa ở đây: Ban Tổ chức quyết định và đổi chúng trong tệp cấu hình quy tắc xếp loại; cán bộ công nghệ thông tin giúp sửa tệp đó và dùng nó khi tổng hợp bằng dòng lệnh.",
    en: "Rule set {ruleSet}. When a TCCS claims a criterion “excellent” and the department's figure does not hold, the suggestion is at most the level below. These thresholds are not changed here: the Organization Committee decides them and changes them in the classification rules settings file; the IT staff help edit that file and use it when consolidating from the command line.",
  },
  evidenceParamsCriterion: { vi: "Tiêu chí “{criterion}”", en: "Criterion “{criterion}”" },
  evidenceParamsFailsWhen: { vi: "Không đạt khi {test}", en: "Fails when {test}" },
  evidenceParamsThen: { vi: "→ {consequence}", en: "→ {consequence}" },
  evidenceParamsAppliesTo: { vi: "Áp dụng cho: {list}", en: "Applies to: {list}" },
  evidenceParamsSource: { vi: "Nguồn: {source}", en: "Source: {source}" },
  evidenceParamsLocal: { vi: "Ban Tổ chức quyết định", en: "Set by the Committee" },
  evidenceParamsDocument: { vi: "Theo văn bản", en: "From a document" },
  evidenceParamsMembers: { vi: "Đảng viên bị kỷ luật", en: "Members disciplined" },
  evidenceParamsNone: {
    vi: "Bộ quy tắc này không đối chiếu số liệu các ban.",
    en: "This rule set checks no department figures.",
  },

  // In
  printIntro: {
    vi: "Phần đầu văn bản và chữ ký lấy theo kỳ đánh giá (thể thức văn bản của Đảng). Sau khi áp dụng bố cục, nhấn Ctrl+P trong Excel để in: phần bổ trợ không thể tự in.",
    en: "The heading and signature come from the review period (Party document format). After applying the layout, press Ctrl+P in Excel to print: add-ins cannot print by themselves.",
  },
  parentBody: { vi: "Cơ quan cấp trên", en: "Parent body" },
  issuingBody: { vi: "Cơ quan ban hành", en: "Issuing body" },
  place: { vi: "Địa danh", en: "Place" },
  documentDate: { vi: "Ngày ban hành", en: "Document date" },
  signerName: { vi: "Họ tên người ký", en: "Signer's name" },
  signerPosition: { vi: "Chức vụ người ký", en: "Signer's position" },
  signerOnBehalfOf: { vi: "Thay mặt", en: "On behalf of" },
  applyPrint: { vi: "Áp dụng bố cục in", en: "Apply print layout" },
  printApplied: {
    vi: "Đã áp dụng bố cục in cho: {sheets}. Nhấn Ctrl+P trong Excel để in.",
    en: "Applied the print layout to: {sheets}. Press Ctrl+P in Excel to print.",
  },
  printHeadingUpdated: {
    vi: "Đã cập nhật phần đầu văn bản và chữ ký (cơ quan, địa danh, ngày tháng, người ký) trên: {sheets}; số liệu và các cột nhập tay giữ nguyên.",
    en: "Updated the heading and signature (bodies, place, date, signer) on: {sheets}; the data and hand-filled columns are unchanged.",
  },
  printHeadingNotRecorded: {
    vi: "Bảng tổng hợp này được ghi bằng phiên bản XếpLoại cũ, chưa lưu vị trí phần đầu văn bản và chữ ký, nên các ô đó chưa đổi. Hãy tổng hợp và ghi lại bảng tổng hợp một lần; từ đó về sau phần In cập nhật được các ô này.",
    en: "This master was written by an older XếpLoại that did not record where its heading and signature are, so those cells were not changed. Consolidate and write the master once more; from then on the Print part can update them.",
  },
  noMasterSheets: {
    vi: "Sổ làm việc chưa có bảng tổng hợp. Hãy tổng hợp và ghi bảng tổng hợp ở phần “Tổng hợp” trước.",
    en: "The workbook has no master yet. Consolidate and write the master in “Consolidate” first.",
  },
  fieldRequired: { vi: "Không được để trống.", en: "Required." },
  // Messages of the pane's flows (state/*-flow.ts)
  actionLiveCheck: { vi: "Kiểm tra tự động", en: "Live checking" },
  actionReadFile: { vi: "Đọc tệp", en: "Reading the file" },
  templateNotFound: { vi: "Không tìm thấy mẫu biểu “{id}”.", en: "Template “{id}” not found." },
  periodNotValid: {
    vi: "Năm “{period}” không hợp lệ. Hãy nhập một năm từ 1990 đến 2100.",
    en: "Year “{period}” is not valid. Enter a year from 1990 to 2100.",
  },
  templateAlreadyHere: {
    vi: "Sổ làm việc này đã có mẫu “{name}” (trang “{sheet}”). Chèn lại sẽ xóa số liệu đã nhập, nên XếpLoại không ghi đè. Muốn làm lại từ đầu, hãy xóa trang “{sheet}” hoặc mở một sổ làm việc mới (Ctrl+N) rồi chèn mẫu.",
    en: "This workbook already holds template “{name}” (sheet “{sheet}”). Inserting it again would erase the data entered, so XếpLoại does not overwrite it. To start over, delete sheet “{sheet}” or open a new workbook (Ctrl+N) and insert the template there.",
  },
  otherTemplateHere: {
    vi: "Sổ làm việc này đã có mẫu “{name}”. Mỗi mẫu biểu được gửi về trong một tệp riêng: hãy mở một sổ làm việc mới (Ctrl+N) rồi chèn mẫu “{wanted}”.",
    en: "This workbook already holds template “{name}”. Each template goes back in its own file: open a new workbook (Ctrl+N) and insert template “{wanted}” there.",
  },
  fileHoldsNoTemplate: {
    vi: "Tệp “{file}” không chứa mẫu biểu XếpLoại nào.",
    en: "File “{file}” holds no XếpLoại template.",
  },
  fileTakenSheets: { vi: "Trang {sheets}", en: "Sheet {sheets}" },
  fileTakenWithErrors: {
    vi: "Trang {sheets} — {errors} lỗi trong số liệu",
    en: "Sheet {sheets} — {errors} data errors",
  },
  fileCancelled: {
    vi: "Đã hủy: tệp “{file}” chưa được đọc. Hãy chọn lại tệp nếu cần tổng hợp.",
    en: "Cancelled: “{file}” was not read. Pick it again to consolidate it.",
  },
  consolidationCancelled: {
    vi: "Đã hủy tổng hợp. Bấm Tổng hợp để làm lại.",
    en: "Consolidation cancelled. Press Consolidate to run it again.",
  },
  backgroundFailed: {
    vi: "Lỗi khi xử lý trong nền: {detail}. Hãy thử lại; nếu vẫn lỗi, hãy báo cho người quản trị.",
    en: "Background processing failed: {detail}. Try again; if it fails again, tell the administrator.",
  },
  nothingToConsolidate: {
    vi: "Chưa có tệp hợp lệ nào để tổng hợp. Hãy chọn các tệp mẫu biểu đã điền.",
    en: "No valid file to consolidate. Pick the filled template files.",
  },
  partCrashedTitle: {
    vi: "Phần này tạm thời không dùng được",
    en: "This part is unavailable for now",
  },
  partCrashedBody: {
    vi: "Phần “{part}” gặp sự cố; các phần khác vẫn dùng bình thường. Bấm “Thử lại”; nếu vẫn lỗi, hãy đóng và mở lại XếpLoại.",
    en: "The “{part}” part ran into a problem; the other parts still work. Press “Try again”; if it persists, close and reopen XếpLoại.",
  },
  partRetry: { vi: "Thử lại", en: "Try again" },
  // Kỳ đánh giá (the review period, shown on every part)
  periodTitle: { vi: "Kỳ đánh giá {year}", en: "Review period {year}" },
  periodRegion: { vi: "Kỳ đánh giá", en: "Review period" },
  periodDeadlines: {
    vi: "Hạn nộp {deadline} · Báo cáo cấp trên trước {report}",
    en: "Submissions by {deadline} · Report due {report}",
  },
  periodOwnDeadlines: { vi: "Hạn riêng: {list}", en: "Own deadlines: {list}" },
  periodEdit: { vi: "Sửa", en: "Edit" },
  periodEditLabel: { vi: "Sửa kỳ đánh giá", en: "Edit the review period" },
  periodSave: { vi: "Lưu", en: "Save" },
  periodCancel: { vi: "Hủy", en: "Cancel" },
  periodSaved: {
    vi: "Đã lưu kỳ đánh giá {year} vào sổ làm việc này; mọi phần dùng thông tin mới.",
    en: "Saved review period {year} in this workbook; every part uses it now.",
  },
  periodNotSaved: {
    vi: "Chưa lưu được kỳ đánh giá vào sổ làm việc ({detail}); thông tin mới vẫn dùng cho lần làm việc này.",
    en: "Could not keep the review period in the workbook ({detail}); the new details are used for this session.",
  },
  periodYear: { vi: "Năm đánh giá", en: "Year reviewed" },
  periodDeadline: { vi: "Hạn nộp", en: "Submission deadline" },
  periodReportDeadline: { vi: "Hạn báo cáo cấp trên", en: "Report deadline" },
  periodDerivedHint: {
    vi: "Tự theo năm đánh giá cho đến khi bạn sửa.",
    en: "Follows the year until you change it.",
  },
  reportNumber: {
    vi: "Số văn bản (để trống nếu chưa có số)",
    en: "Document number (blank if none yet)",
  },
  dateFormatHint: { vi: "dd/mm/yyyy", en: "dd/mm/yyyy" },
  dateInvalid: {
    vi: "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/12/2024.",
    en: "Enter the date as dd/mm/yyyy, e.g. 25/12/2024.",
  },
  printSummaryTitle: { vi: "Thông tin in trên văn bản", en: "What the documents show" },
  printEditDetails: { vi: "Sửa thông tin in", en: "Edit the printed details" },
  notSet: { vi: "(để trống)", en: "(blank)" },
  fileOtherYear: {
    vi: "Tệp “{file}” là mẫu của năm {year}, không phải kỳ đánh giá {period}: không lấy số liệu. Hãy đề nghị đơn vị điền mẫu năm {period}, hoặc sửa năm của kỳ đánh giá nếu chọn nhầm.",
    en: "File “{file}” is a template of {year}, not of review period {period}: its figures are not taken. Ask the unit to fill the {period} template, or correct the period's year if it was chosen by mistake.",
  },
  fileEmpty: {
    vi: "Trang {sheets} chưa nhập số liệu nào: coi như chưa nộp.",
    en: "Sheet {sheets} holds no figures: counted as not submitted.",
  },
  // Tổng hợp for many files
  dropZoneResting: {
    vi: "Đang đọc tệp: chờ đọc xong hoặc dừng lại rồi mới thêm tệp.",
    en: "Reading files: wait until done, or stop, before adding more.",
  },
  stopReading: { vi: "Dừng đọc", en: "Stop reading" },
  readingStopped: {
    vi: "Đã dừng: đọc xong {done}/{total} tệp. Các tệp chưa đọc không được thêm; muốn đọc, hãy chọn lại.",
    en: "Stopped: read {done} of {total} files. The files not read were not added; pick them again to read them.",
  },
  fileEmptyBadge: { vi: "trống", en: "empty" },
  summaryTaken: { vi: "đã nhận {count}", en: "{count} taken" },
  summaryRefused: { vi: "bị từ chối {count}", en: "{count} refused" },
  summaryEmpty: { vi: "trống {count}", en: "{count} empty" },
  summaryConflicts: { vi: "trùng {count}", en: "{count} conflicting" },
  summaryMissing: { vi: "chưa nộp {count}", en: "{count} not submitted" },
  sectionRefused: { vi: "Bị từ chối", en: "Refused" },
  sectionEmpty: { vi: "Trống (chưa nhập số liệu)", en: "Empty (no figures)" },
  sectionTaken: { vi: "Đã nhận", en: "Taken" },
  sectionReading: { vi: "Đang đọc", en: "Reading" },
  sectionConflicts: { vi: "Trùng lặp, mâu thuẫn", en: "Conflicts" },
  sectionExcludedRows: { vi: "Dòng bị loại", en: "Rows left out" },
  sectionMissing: { vi: "Chưa nộp", en: "Not submitted" },
  untouchedRows: {
    vi: "{count} dòng chưa nhập",
    en: "{count} rows not filled in yet",
  },
  noWrongValues: { vi: "Chưa có số liệu sai.", en: "No wrong values so far." },
  relatedRules: { vi: "Cùng ô này: {list}", en: "Same cell: {list}" },
} satisfies Record<string, LocalizedText>;

export type StringKey = keyof typeof S;
export const STRINGS: Record<StringKey, LocalizedText> = S;

/**
 * English nouns the pane counts, with the words that may stand between the count and the noun;
 * "1 errors", "1 more rows", "1 data errors" become singular (Vietnamese has no plural form).
 */
const COUNTED =
  /(^|[^\d.,])1 ((?:more |data |template \.xlsx )?)(error|warning|file|row|sheet|template|item|cell)s\b/g;

/** The text of `key` in `lang`, placeholders filled, English counts in the singular for 1. */
export function text(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const filled = fill(STRINGS[key][lang], params).normalize("NFC");
  return lang === "en" ? filled.replace(COUNTED, "$11 $2$3") : filled;
}

/** The text of `key` in both languages (for messages kept as LocalizedText until shown). */
export function both(key: StringKey, params?: Record<string, string | number>): LocalizedText {
  return { vi: text("vi", key, params), en: text("en", key, params) };
}

/** A LocalizedText (from the core) in the chosen language. */
export function pick(lang: Lang, t: LocalizedText): string {
  return t[lang];
}
