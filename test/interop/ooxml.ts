/**
 * Hand-made .xlsx files, written part by part as other programs (or attackers) write them: inline
 * strings, no styles or shared strings, formula strings, errors, odd dimensions, entity bombs.
 * The tests build every file they read with these helpers; nothing comes from Excel or ExcelJS.
 */
import { columnLetter } from "../../src/core/sheet/model";
import { makeZip, type ZipEntry } from "../adapters/xlsx/zip";

/** One cell as written: a JS value picks the OOXML type; `xml` is written verbatim inside <c>. */
export type MiniCell =
  | string
  | number
  | boolean
  | null
  | { error: string }
  | { formula: string; cached?: string | number; type?: "str" | "n" | "e" | "b" }
  | { shared: string }
  | { xml: string; t?: string };

export interface MiniSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** rows[0] is row 1. A row may be sparse (`[, , "x"]`). */
  rows: MiniCell[][];
  /** Extra rows placed anywhere: [row, col, cell] (1-based). */
  extra?: [number, number, MiniCell][];
  /** `<dimension ref>`; omitted when absent. */
  dimension?: string;
  /** Merged ranges, "A13:B14". */
  merges?: string[];
  /** 1-based rows written with hidden="1". */
  hiddenRows?: number[];
  /** Write empty cells as <c/> and empty rows as <row/> (writers that omit references must). */
  dense?: boolean;
}

export interface MiniWorkbook {
  sheets: MiniSheet[];
  /** Shared strings table (cells `{ shared }` refer to it by text). Omitted when empty. */
  sharedStringsXml?: string;
  /** Replace xl/workbook.xml entirely. */
  workbookXml?: string;
  /** Extra zip entries, appended as given (duplicates, traversal names…). */
  extraEntries?: ZipEntry[];
  /** <definedNames> inner XML. */
  definedNames?: string;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

function cellXml(ref: string, c: MiniCell, shared: string[], dense = false): string {
  if (c === null || c === undefined) return dense ? `<c r="${ref}"/>` : "";
  if (typeof c === "string")
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`;
  if (typeof c === "number") return `<c r="${ref}" t="n"><v>${c}</v></c>`;
  if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if ("error" in c) return `<c r="${ref}" t="e"><v>${escapeXml(c.error)}</v></c>`;
  if ("formula" in c) {
    const t = c.type ?? (typeof c.cached === "number" ? "n" : "str");
    const v = c.cached === undefined ? "" : `<v>${escapeXml(String(c.cached))}</v>`;
    return `<c r="${ref}" t="${t}"><f>${escapeXml(c.formula)}</f>${v}</c>`;
  }
  if ("shared" in c) {
    let i = shared.indexOf(c.shared);
    if (i < 0) i = shared.push(c.shared) - 1;
    return `<c r="${ref}" t="s"><v>${i}</v></c>`;
  }
  return `<c r="${ref}"${c.t ? ` t="${c.t}"` : ""}>${c.xml}</c>`;
}

function sheetXml(s: MiniSheet, shared: string[]): string {
  const byRow = new Map<number, Map<number, MiniCell>>();
  s.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c === undefined) return;
      if (!byRow.has(r + 1)) byRow.set(r + 1, new Map());
      byRow.get(r + 1)!.set(k + 1, c);
    })
  );
  for (const [r, k, c] of s.extra ?? []) {
    if (!byRow.has(r)) byRow.set(r, new Map());
    byRow.get(r)!.set(k, c);
  }
  const hidden = new Set(s.hiddenRows ?? []);
  if (s.dense) {
    const last = Math.max(0, ...byRow.keys());
    for (let r = 1; r <= last; r++) if (!byRow.has(r)) byRow.set(r, new Map());
    for (const cells of byRow.values()) {
      const width = Math.max(0, ...cells.keys());
      for (let k = 1; k <= width; k++) if (!cells.has(k)) cells.set(k, null);
    }
  }
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = [...byRow.get(r)!.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, c]) => cellXml(`${columnLetter(k)}${r}`, c, shared, s.dense))
        .join("");
      return `<row r="${r}"${hidden.has(r) ? ' hidden="1"' : ""}>${cells}</row>`;
    })
    .join("");
  const dim = s.dimension ? `<dimension ref="${s.dimension}"/>` : "";
  const merges = s.merges?.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${dim}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The bytes of a minimal .xlsx: no styles.xml, no theme, no docProps. */
export function miniXlsx(wb: MiniWorkbook): Uint8Array {
  const shared: string[] = [];
  const sheetParts = wb.sheets.map((s) => sheetXml(s, shared));
  const sheetsList = wb.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
    )
    .join("");
  const names = wb.definedNames ? `<definedNames>${wb.definedNames}</definedNames>` : "";
  const workbook =
    wb.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${sheetsList}</sheets>${names}</workbook>`;
  const sst =
    wb.sharedStringsXml ??
    (shared.length
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("")}</sst>`
      : null);
  const rels = wb.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .join("");
  const sstRel = sst
    ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
    : "";
  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    wb.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
      )
      .join("") +
    (sst
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
      : "") +
    `</Types>`;
  const entries: ZipEntry[] = [
    { name: "[Content_Types].xml", data: utf8(types) },
    {
      name: "_rels/.rels",
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
      ),
    },
    { name: "xl/workbook.xml", data: utf8(workbook) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sstRel}</Relationships>`
      ),
    },
    ...sheetParts.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: utf8(x) })),
  ];
  if (sst) entries.push({ name: "xl/sharedStrings.xml", data: utf8(sst) });
  entries.push(...(wb.extraEntries ?? []));
  return makeZip(entries);
}
