/**
 * A copy of a workbook for printing: the same file with every sheet except the named ones
 * hidden, so LibreOffice's PDF export prints only those. Nothing is removed (the printed sheets'
 * formulas still read the working sheets). The original file is never changed.
 */
import type ExcelJSNs from "exceljs";
import { PRINT_SHEETS } from "../../core/master/documents";
import { sectionBreaks } from "../../core/master/documents/departments";

type ExcelJSModule = typeof ExcelJSNs;

export interface PrintCopy {
  bytes: Uint8Array;
  /** The named sheets that exist, in workbook order. */
  printed: string[];
}

export async function printCopy(
  ExcelJS: ExcelJSModule,
  input: Uint8Array,
  sheets: readonly string[]
): Promise<PrintCopy> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    input as unknown as ExcelJSNs.Buffer,
    {
      // Validation ranges expand cell by cell in ExcelJS and are not printed anyway.
      ignoreNodes: ["dataValidations"],
    } as ExcelJSNs.XlsxReadOptions
  );
  const printed: string[] = [];
  wb.eachSheet((ws) => {
    if (sheets.includes(ws.name)) {
      ws.state = "visible";
      printed.push(ws.name);
      // ExcelJS does not read manual page breaks back: Phụ lục 3's are found again from its
      // section titles (one department per page).
      if (ws.name === PRINT_SHEETS.annexDepartments) {
        const first: unknown[] = [];
        ws.getColumn(1).eachCell({ includeEmpty: true }, (c, r) => (first[r - 1] = c.value));
        for (const r of sectionBreaks(first)) ws.getRow(r).addPageBreak();
      }
    } else if (ws.state === "visible") ws.state = "hidden";
  });
  const first = wb.worksheets.findIndex((ws) => ws.name === printed[0]);
  if (first >= 0)
    wb.views = [
      { ...(wb.views?.[0] ?? {}), activeTab: first, firstSheet: first } as ExcelJSNs.WorkbookView,
    ];
  const buf = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buf as ArrayBuffer), printed };
}
