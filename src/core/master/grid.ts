/** A small helper to lay out a SheetModel cell by cell. */
import type {
  Block,
  Cell,
  CellStyle,
  DataValidation,
  Rect,
  SheetModel,
  StyledRange,
} from "../sheet/model";

export class SheetBuilder {
  private readonly grid = new Map<number, Cell[]>();
  readonly styles: StyledRange[] = [];
  readonly merges: Rect[] = [];
  readonly validations: DataValidation[] = [];
  readonly notes: { row: number; col: number; text: string }[] = [];
  readonly rowHeights: Record<number, number> = {};
  maxRow = 0;
  maxCol = 0;

  put(row: number, col: number, v: Cell): void {
    let r = this.grid.get(row);
    if (!r) this.grid.set(row, (r = []));
    while (r.length < col - 1) r.push(null);
    r[col - 1] = v;
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom < top || right < left) return;
    this.styles.push({ range: { top, left, bottom, right }, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  blocks(): Block[] {
    return [...this.grid.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => ({ top: row, left: 1, cells: [cells] }));
  }

  sheet(
    name: string,
    columnWidths: (number | undefined)[],
    extra: Partial<SheetModel> = {}
  ): SheetModel {
    return {
      name,
      visibility: "visible",
      blocks: this.blocks(),
      styles: [
        {
          range: {
            top: 1,
            left: 1,
            bottom: Math.max(1, this.maxRow),
            right: Math.max(1, this.maxCol, columnWidths.length),
          },
          style: { fontName: "Times New Roman", fontSize: 12 },
        },
        ...this.styles,
      ],
      merges: this.merges,
      columnWidths,
      validations: this.validations,
      protect: false,
      notes: this.notes.length ? this.notes : undefined,
      rowHeights: this.rowHeights,
      ...extra,
    };
  }
}

export const HEADER_STYLE: CellStyle = {
  bold: true,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  fill: "DDEBF7",
  border: "thin",
  fontSize: 12,
};
export const BODY_STYLE: CellStyle = { border: "thin", vAlign: "middle", fontSize: 12 };
export const MANUAL_FILL = "FFF2CC";
export const LATE_FILL = "F8CBAD";
export const WARN_COLOR = "C00000";
