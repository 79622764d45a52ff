/**
 * The .xlsx reader of submissions (CLI and task pane): the same WorkbookGrids the former ExcelJS
 * reader gave (the differential test keeps ExcelJS as its oracle), from fflate (inflate; Node's
 * zlib in the CLI, node-reader.ts) and a strict XML tokenizer of our own (tokenize.ts) instead of
 * ExcelJS's object model: many times faster and a fraction of its size in the task pane. ExcelJS
 * is only used for writing. The checks of the bytes are the same and
 * come first (sniff.ts: not a zip, old .xls, encrypted, truncated, zip bombs, duplicate members;
 * then the inflated sizes, in the same pass that inflates the parts; then bound.ts's parse
 * limits: huge shared strings or sheets refused, an oversized sheet cut after a complete row).
 * Only the parts that hold cells are parsed; drawings, styles beyond number formats, data
 * validations and the like are never read.
 */
import type { SheetGrid, WorkbookGrids } from "../../../core/submission/types";
import {
  cutSheetXml,
  declaredSizeRefusal,
  isSheetPart,
  PARSE_LIMITS,
  tooLargeSheetsMessage,
} from "../bound";
import type { XlsxReader } from "../read-types";
import { sniffXlsx } from "../sniff";
import { inflateMembers, MemberCache, type NativeInflateRaw } from "./inflate";
import { parseModified, parseRels, parseSharedStrings, parseStyles, parseWorkbook } from "./parts";
import { parseSheet } from "./sheet";
import { utf8 } from "./xml";

/** The parts that hold what WorkbookGrids needs. */
function needed(name: string): boolean {
  return (
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "xl/sharedStrings.xml" ||
    name === "xl/styles.xml" ||
    name === "docProps/core.xml" ||
    isSheetPart(name)
  );
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function corrupt(fileName: string, why: string) {
  return {
    ok: false as const,
    refused: {
      file: fileName,
      reason: "corrupt" as const,
      message: {
        vi: `Không đọc được tệp ${fileName}: tệp .xlsx bị hỏng (${why}). Hãy mở tệp trong Excel, lưu lại rồi gửi lại.`,
        en: `Could not read ${fileName}: the .xlsx file is damaged (${why}). Open it in Excel, save it again and resend.`,
      },
    },
  };
}

export interface LeanReaderOptions {
  /** Node's zlib (node-reader.ts) where there is one; fflate otherwise (the task pane). */
  nativeInflateRaw?: NativeInflateRaw;
}

/**
 * The last few results of a parser that depends on a part's text alone: the files of one round
 * come from the same templates, so their styles and relationships are very often identical, and an
 * identical text (already checked when first parsed) gives the identical result.
 */
function memoByText<T>(parse: (xml: string) => T, size = 8): (xml: string) => T {
  const seen = new Map<string, T>();
  return (xml) => {
    const hit = seen.get(xml);
    if (hit !== undefined) return hit;
    const out = parse(xml);
    if (seen.size >= size) seen.delete(seen.keys().next().value!);
    seen.set(xml, out);
    return out;
  };
}

export function createLeanXlsxReader(
  limits = PARSE_LIMITS,
  options: LeanReaderOptions = {}
): XlsxReader {
  // Read-only results (nothing downstream changes them), shared between files.
  const stylesOf = memoByText(parseStyles);
  const relsOf = memoByText(parseRels);
  const workbookOf = memoByText(parseWorkbook);
  const members = new MemberCache();
  return {
    async read(bytes, fileName) {
      const sniff = sniffXlsx(bytes, fileName);
      if (!sniff.ok)
        return {
          ok: false,
          refused: { file: fileName, reason: sniff.reason, message: sniff.message },
        };
      const wantRels = (name: string) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(name);
      // A sheet over the parse budget is cut after a complete row within its first
      // maxSheetChars characters: at most 3 UTF-8 bytes per character hold them.
      const bigSheets = new Set(
        sniff.members
          .filter((m) => isSheetPart(m.name) && m.uncompressed > limits.maxSheetChars)
          .map((m) => m.name)
      );
      const inflated = inflateMembers(
        bytes,
        sniff.members,
        fileName,
        (n) =>
          bigSheets.has(n) ? 3 * limits.maxSheetChars : needed(n) || wantRels(n) ? Infinity : 0,
        options.nativeInflateRaw,
        members
      );
      if (!inflated.ok)
        return {
          ok: false,
          refused: {
            file: fileName,
            reason: inflated.refused.reason,
            message: inflated.refused.message,
          },
        };
      const refusal = declaredSizeRefusal(sniff.members, fileName, limits);
      if (refusal)
        return { ok: false, refused: { file: fileName, reason: "too-large", message: refusal } };
      if (inflated.damaged) return corrupt(fileName, inflated.damaged.why);
      const parts = inflated.parts;
      const cached = inflated.cached;
      // A member met before gives the very same text (one string, so the memos above find it at once).
      const text = (name: string): string | null => {
        const b = parts.get(name);
        if (!b) return null;
        const derived = cached.get(name)?.derived;
        let t = derived?.get("text") as string | undefined;
        if (t === undefined) {
          t = utf8(b);
          derived?.set("text", t);
        }
        return t;
      };
      try {
        const workbook = workbookOf(text("xl/workbook.xml") ?? "");
        const relsXml = text("xl/_rels/workbook.xml.rels");
        const rels = relsXml ? relsOf(relsXml) : new Map<string, string>();
        const sstXml = text("xl/sharedStrings.xml");
        const stylesXml = text("xl/styles.xml");
        const ctxBase = {
          sharedStrings: sstXml !== null ? parseSharedStrings(sstXml) : null,
          numFmts: stylesXml !== null ? stylesOf(stylesXml) : null,
          date1904: workbook.date1904,
        };
        const sheets: SheetGrid[] = [];
        for (const entry of workbook.sheets) {
          const target = entry.rId !== undefined ? rels.get(entry.rId) : undefined;
          if (target === undefined) continue;
          // Any worksheet part the workbook names (other writers call them as they like).
          const part = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
          if (!isSheetPart(part)) continue;
          let xml = text(part);
          if (xml === null) continue;
          let cutAfter: number | undefined;
          if (bigSheets.has(part)) {
            const cut = cutSheetXml(xml.slice(0, limits.maxSheetChars), limits.maxSheetChars);
            if (!cut)
              return {
                ok: false,
                refused: {
                  file: fileName,
                  reason: "too-large",
                  message: tooLargeSheetsMessage(fileName),
                },
              };
            xml = cut.xml;
            cutAfter = cut.lastRow;
          }
          const sheetRelsXml = text(relsPathOf(part));
          const grid: SheetGrid = {
            name: entry.name,
            visibility:
              entry.state === "hidden" || entry.state === "veryHidden" ? entry.state : "visible",
            ...parseSheet(xml, {
              ...ctxBase,
              rels: sheetRelsXml !== null ? relsOf(sheetRelsXml) : null,
            }),
          };
          if (cutAfter !== undefined)
            grid.truncatedAfterRow = Math.min(grid.truncatedAfterRow ?? cutAfter, cutAfter);
          sheets.push(grid);
        }
        const coreXml = text("docProps/core.xml");
        const modifiedAt = coreXml !== null ? parseModified(coreXml) : null;
        const grids: WorkbookGrids = { source: fileName, sheets, modifiedAt };
        return { ok: true, grids };
      } catch (e) {
        return corrupt(fileName, e instanceof Error ? e.message : String(e));
      }
    },
  };
}
