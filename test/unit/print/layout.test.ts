import { applyPrintLayout, dateLine, DEFAULT_MARGINS, headerSplit } from "../../../src/core/print";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import type { Cell, SheetModel } from "../../../src/core/sheet/model";

const table: SheetModel = {
  name: "T",
  visibility: "visible",
  blocks: [
    {
      top: 1,
      left: 1,
      cells: [
        ["TT", "Tên", "Mức", "Ghi chú"],
        [1, "A", "HTTNV", ""],
        [2, "B", "HTNV", ""],
      ],
    },
  ],
  styles: [{ range: { top: 1, left: 1, bottom: 1, right: 4 }, style: { bold: true } }],
  merges: [{ top: 2, left: 3, bottom: 3, right: 3 }],
  columnWidths: [5, 30, 10, 20],
  validations: [
    {
      range: { top: 2, left: 3, bottom: 3, right: 3 },
      rule: { kind: "list", source: "=_l!$A$1:$A$4" },
      allowBlank: true,
    },
  ],
  protect: false,
  freeze: { row: 2, col: 2 },
};

function cellAt(s: SheetModel, row: number, col: number): Cell | undefined {
  let found: Cell | undefined;
  for (const b of s.blocks) {
    const r = b.cells[row - b.top];
    const v = r?.[col - b.left];
    if (v !== undefined && v !== null) found = v;
  }
  return found;
}
function styleAt(s: SheetModel, row: number, col: number) {
  return s.styles
    .filter(
      (x) =>
        x.range.top <= row && row <= x.range.bottom && x.range.left <= col && col <= x.range.right
    )
    .reduce((a, x) => ({ ...a, ...x.style }), {} as Record<string, unknown>);
}

describe("applyPrintLayout (HD 36)", () => {
  const settings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };
  const { sheet, spec } = applyPrintLayout(table, settings, {
    title: "Bảng tổng hợp",
    subtitle: ["kết quả năm 2019"],
    headerRows: { first: 1, last: 1 },
  });

  it("adds the header block: parent body 14 regular, issuing body 14 bold, '*', the Party's name 15 bold underlined, the date line in italics", () => {
    const { leftEnd, rightStart } = headerSplit([5, 30, 10, 20]);
    expect(cellAt(sheet, 1, 1)).toBe("ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ");
    expect(styleAt(sheet, 1, 1)).toMatchObject({ fontSize: 14, fontName: "Times New Roman" });
    expect(styleAt(sheet, 1, 1).bold).toBeUndefined();
    expect(cellAt(sheet, 2, 1)).toBe("THỊ ỦY HƯƠNG THỦY");
    expect(styleAt(sheet, 2, 1)).toMatchObject({ fontSize: 14, bold: true });
    expect(cellAt(sheet, 3, 1)).toBe("*");
    expect(cellAt(sheet, 1, rightStart)).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(styleAt(sheet, 1, rightStart)).toMatchObject({
      fontSize: 15,
      bold: true,
      underline: true,
    });
    expect(cellAt(sheet, 3, rightStart)).toBe("Hương Thủy, ngày 30 tháng 12 năm 2019");
    expect(styleAt(sheet, 3, rightStart)).toMatchObject({ italic: true });
    expect(sheet.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: leftEnd });
  });

  it("adds the title (upper case, bold 16) and the subject line, then moves the table down", () => {
    expect(cellAt(sheet, 5, 1)).toBe("BẢNG TỔNG HỢP");
    expect(styleAt(sheet, 5, 1)).toMatchObject({ bold: true, fontSize: 16 });
    expect(cellAt(sheet, 6, 1)).toBe("kết quả năm 2019");
    expect(spec.offset).toBe(7);
    expect(cellAt(sheet, 8, 2)).toBe("Tên");
    expect(cellAt(sheet, 10, 3)).toBe("HTNV");
    expect(sheet.merges).toContainEqual({ top: 9, left: 3, bottom: 10, right: 3 });
    expect(sheet.validations[0]!.range).toEqual({ top: 9, left: 3, bottom: 10, right: 3 });
    expect(sheet.freeze).toEqual({ row: 9, col: 2 });
    expect(styleAt(sheet, 8, 1)).toMatchObject({ bold: true });
  });

  it("adds the signature block after the table (T/M BAN THƯỜNG VỤ, position, blank lines, name), all bold", () => {
    const { rightStart } = headerSplit([5, 30, 10, 20]);
    expect(cellAt(sheet, 12, rightStart)).toBe("T/M BAN THƯỜNG VỤ");
    expect(cellAt(sheet, 13, rightStart)).toBe("PHÓ BÍ THƯ THƯỜNG TRỰC");
    for (const r of [14, 15, 16, 17]) expect(cellAt(sheet, r, rightStart)).toBeUndefined();
    expect(cellAt(sheet, 18, rightStart)).toBe("Nguyễn Tài Tuệ");
    for (const r of [12, 13, 18])
      expect(styleAt(sheet, r, rightStart)).toMatchObject({ bold: true, fontSize: 14 });
    expect(spec.lastRow).toBe(18);
  });

  it("sets up the page: A4 landscape, one page wide, repeated header rows, page numbers, HD 36 margins", () => {
    expect(sheet.print).toMatchObject({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { first: 8, last: 8 },
      printArea: { top: 1, left: 1, bottom: 18, right: 4 },
      margins: { ...DEFAULT_MARGINS, header: 10, footer: 8 },
      footer: "&CTrang &P/&N",
    });
  });

  it("takes bodies, signer, date and margins from the settings (another period needs no code)", () => {
    const s2026 = {
      ...DEFAULT_SETTINGS_2019,
      period: 2026,
      parentBody: "Đảng bộ thành phố Huế",
      issuingBody: "Đảng ủy phường Thủy Xuân",
      place: "Huế",
      documentDate: null,
      signer: { onBehalfOf: "T/M Đảng ủy", position: "Bí thư", name: "Trần Văn B" },
      printMargins: { top: 20, bottom: 20, left: 30, right: 15 },
    };
    const out = applyPrintLayout(table, s2026, {
      title: "Báo cáo",
      orientation: "portrait",
      signature: true,
    }).sheet;
    expect(cellAt(out, 1, 1)).toBe("ĐẢNG BỘ THÀNH PHỐ HUẾ");
    expect(cellAt(out, 2, 1)).toBe("ĐẢNG ỦY PHƯỜNG THỦY XUÂN");
    expect(dateLine(s2026)).toBe("Huế, ngày … tháng … năm …");
    expect(out.print!.orientation).toBe("portrait");
    expect(out.print!.margins.left).toBe(30);
    expect(out.blocks.some((b) => b.cells.flat().includes("T/M ĐẢNG ỦY"))).toBe(true);
  });

  it("can leave out the signature and limit the printed columns", () => {
    const out = applyPrintLayout(table, settings, {
      title: "x",
      signature: false,
      printColumns: 2,
    });
    expect(out.sheet.blocks.some((b) => b.cells.flat().includes("T/M BAN THƯỜNG VỤ"))).toBe(false);
    expect(out.sheet.print!.printArea!.right).toBe(2);
  });
});
