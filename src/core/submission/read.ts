/**
 * Reading returned workbooks (as WorkbookGrids from any adapter) into validated submissions:
 * recognise the template (from `_meta`, else from the header row), map columns by key, extract the
 * raw rows (title, header and subtotal rows skipped; trailing empty rows ignored; the footer with
 * the place/date line and signatures ends the table) and validate them.
 * Computed columns are never read: the validator recomputes them from the inputs.
 */
import { masterRefusal, unknownWorkbookMessage } from "./not-a-template";
import type { LocalizedText } from "../i18n";
import { canonicalVietnamese } from "../normalize/text";
import { columnNumber } from "../sheet/model";
import { isFooterText } from "../template-sheet/document";
import { META_SHEET, parseMeta } from "../template-sheet/meta";
import { CATALOG } from "../templates/catalog";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import type { RawCell, RawRow, SheetLayout, ValidationIssue } from "../validate/types";
import { validate } from "../validate/validate";
import { cellText, firstDataRowAfter, mapColumns, nameKey, recognizeByHeader } from "./recognize";
import type {
  ReadOutcome,
  RefusedFile,
  SheetGrid,
  Submission,
  TemplateMeta,
  WorkbookGrids,
} from "./types";

export interface ReadContext {
  register: UnitRegister;
  catalog?: TemplateSpec[];
  /** The period being reviewed; a file made for another year gets a warning. */
  period?: number;
}

/** Labels of subtotal / total rows (template 3.7 and hand-made forms): never data. */
const SUBTOTAL_KEYS = new Set(
  [
    "Khu vực thành thị",
    "Khu vực nông thôn",
    "Tổng cộng",
    "Tổng số",
    "Cộng",
    "Tổng",
    "Toàn thị xã",
  ].map((s) => canonicalVietnamese(s))
);
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.?$/;

const fileIssue = (
  severity: "error" | "warning",
  rule: string,
  message: LocalizedText
): ValidationIssue => ({
  severity,
  rule,
  row: 0,
  column: null,
  cell: null,
  message,
});

function refused(file: string, reason: string, vi: string, en: string): ReadOutcome {
  const r: RefusedFile = { file, reason, message: { vi: vi.normalize("NFC"), en } };
  return { ok: false, refused: r };
}

function isEmpty(c: RawCell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Raw rows from a sheet, keyed by column key. */
export function extractRows(spec: TemplateSpec, sheet: SheetGrid, layout: SheetLayout): RawRow[] {
  const computed = new Set(spec.columns.filter((c) => c.computed).map((c) => c.key));
  const entries = Object.entries(layout.columnLetters)
    .filter(([key]) => !computed.has(key))
    .map(([key, letter]) => [key, columnNumber(letter) - 1] as const);
  const content = entries.filter(([key]) => key !== "stt");
  const name = nameKey(spec);
  const out: RawRow[] = [];
  for (let r = layout.firstDataRow; r <= sheet.rows.length; r++) {
    const row = sheet.rows[r - 1] ?? [];
    if (content.every(([, i]) => isEmpty(row[i]))) continue; // empty (trailing or in between)
    const nameCol = layout.columnLetters[name];
    const nameText = nameCol ? cellText(row[columnNumber(nameCol) - 1]) : "";
    // The template's footer (place and date, "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"): the table
    // ends above it, and what is typed under it (the signers' names) is not data.
    if (!nameText.trim() && row.some((c) => typeof c === "string" && isFooterText(c))) break;
    const sttCol = layout.columnLetters.stt;
    const sttText = sttCol ? cellText(row[columnNumber(sttCol) - 1]).trim() : "";
    if (SUBTOTAL_KEYS.has(canonicalVietnamese(nameText)) || ROMAN.test(sttText)) continue;
    const cells: Record<string, RawCell> = {};
    for (const [key, i] of entries) cells[key] = row[i] ?? null;
    out.push({ rowNumber: r, cells });
  }
  return out;
}

function findSheet(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  return (
    grids.sheets.find((s) => s.name === name) ??
    grids.sheets.find((s) => canonicalVietnamese(s.name) === canonicalVietnamese(name))
  );
}

function visibleDataSheets(grids: WorkbookGrids): SheetGrid[] {
  return grids.sheets.filter((s) => s.visibility === "visible" && !s.name.startsWith("_"));
}

interface Located {
  spec: TemplateSpec;
  sheet: SheetGrid;
  layout: SheetLayout;
  recognizedBy: "meta" | "header";
  meta: TemplateMeta | null;
  notes: ValidationIssue[];
}

export function readSubmissions(grids: WorkbookGrids, ctx: ReadContext): ReadOutcome {
  const catalog = ctx.catalog ?? CATALOG;
  const file = grids.source;
  const located: Located[] = [];
  const notes: ValidationIssue[] = [];

  const metaGrid = grids.sheets.find((s) => s.name === META_SHEET);
  // The master passed as a submission: say what it is (a template sheet beside it is read).
  const isMaster = metaGrid ? null : masterRefusal(grids);
  if (isMaster) return refused(file, "is-master", isMaster.vi, isMaster.en);
  const metaParse = metaGrid ? parseMeta(metaGrid) : null;
  if (metaParse && !metaParse.ok)
    notes.push(
      fileIssue("warning", "meta.invalid", {
        vi: `${file}: ${metaParse.message.vi}`,
        en: `${file}: ${metaParse.message.en}`,
      })
    );

  if (metaParse?.ok) {
    const meta = metaParse.meta;
    const spec = catalog.find((s) => s.id === meta.templateId);
    if (!spec) {
      return refused(
        file,
        "unknown-template",
        `Tệp ${file}: mẫu biểu mà tệp ghi là mình thuộc về không có trong danh mục mẫu biểu của kỳ này (có thể là mẫu của năm khác hoặc mẫu đã thay). Hãy dùng mẫu biểu do Ban Tổ chức phát hành.`,
        `File ${file}: the template this file says it belongs to is not in this period's template list (perhaps another year's or a replaced template). Use a template issued by the Organization Committee.`
      );
    }
    let renames: Record<string, string> = {};
    if (meta.templateVersion > spec.version) {
      return refused(
        file,
        "newer-version",
        `Tệp ${file}: mẫu biểu "${spec.title.vi}" phiên bản ${meta.templateVersion} mới hơn phiên bản phần mềm đọc được (${spec.version}). Hãy cập nhật phần mềm XếpLoại.`,
        `File ${file}: template "${spec.title.en}" version ${meta.templateVersion} is newer than this software reads (${spec.version}). Update XếpLoại.`
      );
    }
    if (meta.templateVersion < spec.version) {
      const how = spec.readableVersions?.[meta.templateVersion];
      if (!how) {
        return refused(
          file,
          "old-version",
          `Tệp ${file}: mẫu biểu "${spec.title.vi}" phiên bản cũ ${meta.templateVersion} không còn đọc được (phiên bản hiện hành ${spec.version}). Hãy nhập lại số liệu vào mẫu biểu mới.`,
          `File ${file}: template "${spec.title.en}" old version ${meta.templateVersion} can no longer be read (current version ${spec.version}). Enter the data into the new template.`
        );
      }
      renames = how.renames ?? {};
    }
    const sheetNotes: ValidationIssue[] = [];
    let sheet = findSheet(grids, meta.sheet);
    if (!sheet) {
      const visible = visibleDataSheets(grids);
      if (visible.length === 1) {
        sheet = visible[0]!;
        sheetNotes.push(
          fileIssue("warning", "sheet.renamed", {
            vi: `Tệp ${file}: không thấy trang "${meta.sheet}"; đã đọc trang "${sheet.name}" (có lẽ đã đổi tên).`,
            en: `File ${file}: sheet "${meta.sheet}" not found; read sheet "${sheet.name}" instead (probably renamed).`,
          })
        );
      } else {
        return refused(
          file,
          "sheet-missing",
          `Tệp ${file}: không thấy trang "${meta.sheet}" của mẫu biểu. Đừng đổi tên hoặc xóa trang này.`,
          `File ${file}: the template sheet "${meta.sheet}" is missing. Do not rename or delete it.`
        );
      }
    }
    // Letters from _meta, with keys of an older version renamed; then trust the header row where
    // it shows the columns were moved since the template was generated.
    const fromMeta: Record<string, string> = {};
    for (const [k, letter] of Object.entries(meta.columns)) {
      const key = renames[k] ?? k;
      if (spec.columns.some((c) => c.key === key)) fromMeta[key] = letter;
    }
    const headerRow = findHeaderRowAbove(spec, sheet, meta.firstDataRow);
    const fromHeader = headerRow ? mapColumns(spec, sheet.rows, headerRow) : {};
    // A column deleted by hand shifts its neighbours left: its _meta letter now heads another
    // column. Never read that neighbour's data under the deleted column's name.
    const claimed = new Set(Object.values(fromHeader));
    for (const [key, letter] of Object.entries(fromMeta))
      if (!fromHeader[key] && claimed.has(letter)) delete fromMeta[key];
    const columnLetters = { ...fromMeta, ...fromHeader };
    located.push({
      spec,
      sheet,
      layout: { columnLetters, firstDataRow: meta.firstDataRow },
      recognizedBy: "meta",
      meta,
      notes: sheetNotes,
    });
  } else {
    for (const sheet of visibleDataSheets(grids)) {
      const m = recognizeByHeader(sheet, catalog);
      if (!m) continue;
      const firstDataRow = firstDataRowAfter(m.spec, sheet.rows, m.headerRow);
      located.push({
        spec: m.spec,
        sheet,
        layout: { columnLetters: m.columnLetters, firstDataRow },
        recognizedBy: "header",
        meta: null,
        notes: [
          fileIssue("warning", "recognized.header", {
            vi: `Tệp ${file}, trang "${sheet.name}": không còn phần nhận dạng ẩn của mẫu biểu (tệp được lưu lại bằng chương trình khác hoặc chép sang tệp mới); đã nhận dạng mẫu biểu "${m.spec.title.vi}" theo dòng tiêu đề (dòng ${m.headerRow}).`,
            en: `File ${file}, sheet "${sheet.name}": the template's hidden identification is gone (saved again by another program or copied into a new file); recognised template "${m.spec.title.en}" by its header row (row ${m.headerRow}).`,
          }),
        ],
      });
    }
    if (located.length === 0) {
      const what = unknownWorkbookMessage(grids);
      return refused(file, "unknown-template", what.vi, what.en);
    }
  }

  const submissions: Submission[] = [];
  for (const loc of located) {
    const { spec, sheet, layout } = loc;
    const missingRequired = spec.columns.filter(
      (c) => c.required && !c.computed && !layout.columnLetters[c.key]
    );
    if (missingRequired.length > 0) {
      const list = missingRequired.map((c) => `"${c.header.vi}"`).join(", ");
      const listEn = missingRequired.map((c) => `"${c.header.en}"`).join(", ");
      return refused(
        file,
        "missing-column",
        `Tệp ${file}, trang "${sheet.name}": thiếu cột bắt buộc ${list}. Hãy dùng lại mẫu biểu gốc, không xóa cột.`,
        `File ${file}, sheet "${sheet.name}": required column(s) ${listEn} missing. Use the original template without deleting columns.`
      );
    }
    const missingOptional = spec.columns.filter(
      (c) =>
        !c.required &&
        !c.computed &&
        !layout.columnLetters[c.key] &&
        c.key !== "unitCode" &&
        c.key !== "unitType" &&
        c.key !== "stt"
    );
    const sheetIssues: ValidationIssue[] = [...loc.notes];
    if (missingOptional.length > 0) {
      sheetIssues.push(
        fileIssue("warning", "column.missing", {
          vi: `Tệp ${file}, trang "${sheet.name}": không thấy cột ${missingOptional.map((c) => `"${c.header.vi}"`).join(", ")}; các cột này được coi là để trống.`,
          en: `File ${file}, sheet "${sheet.name}": column(s) ${missingOptional.map((c) => `"${c.header.en}"`).join(", ")} not found; treated as empty.`,
        })
      );
    }
    const period = loc.meta && Number.isFinite(loc.meta.period) ? loc.meta.period : null;
    if (ctx.period !== undefined && period !== null && period !== ctx.period) {
      sheetIssues.push(
        fileIssue("error", "period.mismatch", {
          vi: `Tệp ${file}, trang "${sheet.name}": mẫu biểu này lập cho năm ${period}, không phải năm ${ctx.period} đang tổng hợp; khi tổng hợp, cả tệp sẽ bị bỏ qua. Hãy gửi đơn vị mẫu của năm ${ctx.period} để điền lại (hoặc chọn đúng năm trong cấu hình nếu đang tổng hợp năm ${period}).`,
          en: `File ${file}, sheet "${sheet.name}": this template was made for ${period}, not ${ctx.period} being consolidated; consolidation leaves the whole file out. Send the unit the ${ctx.period} template to fill in (or set the period in the settings if ${period} is being consolidated).`,
        })
      );
    }
    if (loc.meta?.registerId && loc.meta.registerId !== ctx.register.id) {
      sheetIssues.push(
        fileIssue("warning", "register.mismatch", {
          vi: `Tệp ${file}: mẫu biểu lập theo một danh mục đơn vị khác với danh mục đang dùng (${ctx.register.name}); hãy kiểm tra tên các đơn vị.`,
          en: `File ${file}: the template was made from another unit register than the one in use (${ctx.register.name}); check the unit names.`,
        })
      );
    }
    if (sheet.truncatedAfterRow !== undefined) {
      sheetIssues.push(
        fileIssue("warning", "sheet.truncated", {
          vi: `Tệp ${file}, trang "${sheet.name}": chỉ đọc đến dòng ${sheet.truncatedAfterRow}; các dòng sau đó bị bỏ qua. Hãy xóa nội dung thừa ở cuối trang hoặc chia số liệu ra nhiều tệp.`,
          en: `File ${file}, sheet "${sheet.name}": read up to row ${sheet.truncatedAfterRow} only; later rows were skipped. Delete stray content at the bottom of the sheet or split the data into several files.`,
        })
      );
    }
    const rawRows = extractRows(spec, sheet, layout);
    const merged = mergedDataCells(spec, sheet, layout, rawRows);
    if (merged.length > 0) {
      const list = merged.slice(0, 8).join(", ") + (merged.length > 8 ? ", …" : "");
      sheetIssues.push(
        fileIssue("warning", "cells.merged", {
          vi: `Tệp ${file}, trang "${sheet.name}": các ô ${list} đã bị gộp (Merge) với ô phía trên hoặc bên trái nên được coi là trống, dù trên màn hình vẫn thấy giá trị của ô gộp. Hãy bỏ gộp ô (Trang đầu → Gộp và căn giữa) và nhập giá trị cho từng dòng.`,
          en: `File ${file}, sheet "${sheet.name}": cells ${list} are merged into a cell above or to the left, so they count as empty even though the merged value shows on screen. Unmerge them (Home → Merge & Center) and enter a value on every row.`,
        })
      );
    }
    const validation = validate(spec, rawRows, {
      register: ctx.register,
      layout,
      ...(loc.meta?.units ? { onlyUnits: loc.meta.units } : {}),
    });
    validation.issues = [...sheetIssues, ...validation.issues];
    submissions.push({
      file,
      sheet: sheet.name,
      templateId: spec.id,
      templateVersion: loc.meta?.templateVersion ?? spec.version,
      period: period ?? null,
      generatedAt: loc.meta?.generatedAt || null,
      modifiedAt: grids.modifiedAt ?? null,
      recognizedBy: loc.recognizedBy,
      layout,
      validation,
    });
  }
  return { ok: true, submissions, issues: notes };
}

/** Input cells of data rows that a merge covers (their value is the merge's, not their own). */
function mergedDataCells(
  spec: TemplateSpec,
  sheet: SheetGrid,
  layout: SheetLayout,
  rows: RawRow[]
): string[] {
  if (!sheet.mergedInto) return [];
  const identity = new Set(spec.columns.filter((c) => c.identity || c.computed).map((c) => c.key));
  const letters = Object.entries(layout.columnLetters)
    .filter(([key]) => !identity.has(key))
    .map(([, letter]) => letter);
  // From the merged cells (a few, mostly in the heading) rather than every data cell.
  const rowOrder = new Map(rows.map((r, i) => [r.rowNumber, i]));
  const letterOrder = new Map(letters.map((l, i) => [l, i]));
  const found: { address: string; row: number; letter: number }[] = [];
  for (const cell of mergedCells(sheet.mergedInto)) {
    const row = rowOrder.get(cell.row);
    if (row === undefined) continue;
    const letter = letterOrder.get(cell.letters);
    if (letter !== undefined) found.push({ address: cell.address, row, letter });
  }
  found.sort((a, b) => a.row - b.row || a.letter - b.letter);
  return found.map((f) => f.address);
}

interface MergedCell {
  address: string;
  row: number;
  letters: string;
}

/** Split addresses of a merge map; the readers share one map between files of one template. */
const MERGED_CELLS = new WeakMap<Record<string, string>, MergedCell[]>();

/** The covered cells with a plain address ("AB12": upper-case letters, then digits). */
function mergedCells(mergedInto: Record<string, string>): MergedCell[] {
  const hit = MERGED_CELLS.get(mergedInto);
  if (hit) return hit;
  const out: MergedCell[] = [];
  for (const address of Object.keys(mergedInto)) {
    // "AB12" → "AB", 12 (upper-case letters then digits, nothing else).
    let split = address.length;
    let row = 0;
    let scale = 1;
    while (split > 0) {
      const c = address.charCodeAt(split - 1);
      if (c < 48 || c > 57) break;
      row += (c - 48) * scale;
      scale *= 10;
      split--;
    }
    if (split === 0 || split === address.length) continue;
    let letters = true;
    for (let k = 0; k < split && letters; k++) {
      const c = address.charCodeAt(k);
      letters = c >= 65 && c <= 90;
    }
    if (letters) out.push({ address, row, letters: address.slice(0, split) });
  }
  MERGED_CELLS.set(mergedInto, out);
  return out;
}

/** The header row just above the data (below an optional units row), found by matching headers. */
function findHeaderRowAbove(
  spec: TemplateSpec,
  sheet: SheetGrid,
  firstDataRow: number
): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let r = firstDataRow - 1; r >= Math.max(1, firstDataRow - 4); r--) {
    const n = Object.keys(mapColumns(spec, sheet.rows, r)).length;
    if (n > bestCount) {
      bestCount = n;
      best = r;
    }
  }
  return bestCount >= Math.ceil(spec.columns.length / 2) ? best : null;
}
