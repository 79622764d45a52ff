/**
 * The style of every styled cell of a sheet model, as ExcelJS style objects: the model's style
 * layers folded cell by cell, and cells with the same result sharing ONE object. ExcelJS turns each
 * distinct style object into XML to find its style id, so one object per cell (what setting
 * cell.font, cell.fill … one by one gives) was the largest cost of writing a big sheet.
 */
import type ExcelJSNs from "exceljs";
import type { CellStyle, StyledRange } from "../../core/sheet/model";

const DEFAULT_FONT = "Times New Roman";

/** The style properties a layer sets (those not undefined), in a fixed order for keys. */
const STYLE_KEYS = [
  "fontName",
  "fontSize",
  "bold",
  "italic",
  "underline",
  "color",
  "fill",
  "hAlign",
  "vAlign",
  "wrap",
  "rotation",
  "border",
  "numFmt",
  "locked",
] as const satisfies readonly (keyof CellStyle)[];

/** Layer `s` over `base`, property by property (a property a layer leaves undefined is kept). */
function layered(base: CellStyle, s: CellStyle): CellStyle {
  const out: Record<string, unknown> = { ...base };
  for (const k of STYLE_KEYS) if (s[k] !== undefined) out[k] = s[k];
  return out as CellStyle;
}

function styleKey(s: CellStyle): string {
  return JSON.stringify(STYLE_KEYS.map((k) => s[k] ?? null));
}

/** What a layer sets, as a key: layers with equal keys fold any style alike. */
function layerKey(s: CellStyle): string {
  return JSON.stringify(STYLE_KEYS.map((k) => (s[k] === undefined ? 0 : [s[k]])));
}

/** The ExcelJS style of a cell whose layers fold to `s` (what setting them one by one gives). */
function excelStyle(s: CellStyle): Partial<ExcelJSNs.Style> {
  const font: Partial<ExcelJSNs.Font> = {};
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.underline !== undefined) font.underline = s.underline;
  if (s.color !== undefined) font.color = { argb: "FF" + s.color };
  const style: Partial<ExcelJSNs.Style> = { font };
  if (s.fill !== undefined)
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + s.fill } };
  if (
    s.hAlign !== undefined ||
    s.vAlign !== undefined ||
    s.wrap !== undefined ||
    s.rotation !== undefined
  ) {
    const al: Partial<ExcelJSNs.Alignment> = {};
    if (s.hAlign !== undefined) al.horizontal = s.hAlign;
    if (s.vAlign !== undefined) al.vertical = s.vAlign;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.rotation !== undefined) al.textRotation = s.rotation;
    style.alignment = al;
  }
  if (s.border !== undefined) {
    const side: Partial<ExcelJSNs.Border> = { style: "thin" };
    style.border = s.border === "thin" ? { top: side, left: side, bottom: side, right: side } : {};
  }
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  if (s.locked !== undefined) style.protection = { locked: s.locked };
  return style;
}

/** Cell key for maps: row and column in one number (columns are at most 16,384). */
export const COLUMNS = 16384;
export const cellKey = (row: number, col: number) => row * COLUMNS + col;

/**
 * Folds a sheet's style layers: the style a cell has after layer `layer`, given the style id it
 * had before (0 = none yet), as an id into `objects` (1 and up). Layers apply in order, later ones
 * override earlier ones property by property, and a cell without a font name gets the default font
 * before each layer. Equal results share one id and one ExcelJS style object.
 */
export class StyleFolder {
  /** Style id → the shared ExcelJS style object (index 0 unused: no style). */
  readonly objects: Partial<ExcelJSNs.Style>[] = [{}];
  private readonly folded: CellStyle[] = [{}];
  private readonly idOfKey = new Map<string, number>();
  private readonly next = new Map<number, number>();

  constructor(private readonly layers: readonly StyledRange[]) {
    this.sameAs = new Int32Array(layers.length).fill(-1);
  }

  /** Layer → the first layer with the same style (-1 = not known yet): equal layers fold alike. */
  private readonly sameAs: Int32Array;
  private readonly layerOfKey = new Map<string, number>();

  apply(prev: number, layer: number): number {
    let same = this.sameAs[layer]!;
    if (same < 0) {
      const key = layerKey(this.layers[layer]!.style);
      same = this.layerOfKey.get(key) ?? layer;
      this.layerOfKey.set(key, same);
      this.sameAs[layer] = same;
    }
    layer = same;
    const step = prev * this.layers.length + layer;
    let id = this.next.get(step);
    if (id === undefined) {
      let base = this.folded[prev]!;
      if (!base.fontName) base = { ...base, fontName: DEFAULT_FONT };
      const s = layered(base, this.layers[layer]!.style);
      const key = styleKey(s);
      id = this.idOfKey.get(key);
      if (id === undefined) {
        id = this.folded.length;
        this.folded.push(s);
        this.objects.push(excelStyle(s));
        this.idOfKey.set(key, id);
      }
      this.next.set(step, id);
    }
    return id;
  }
}

/** The style of every styled cell of a sheet (by cellKey); cells with the same result share one object. */
export function cellStyles(styles: readonly StyledRange[]): Map<number, Partial<ExcelJSNs.Style>> {
  const folder = new StyleFolder(styles);
  const idOfCell = new Map<number, number>();
  styles.forEach(({ range }, layer) => {
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        const cell = cellKey(r, c);
        idOfCell.set(cell, folder.apply(idOfCell.get(cell) ?? 0, layer));
      }
  });
  const out = new Map<number, Partial<ExcelJSNs.Style>>();
  for (const [cell, id] of idOfCell) out.set(cell, folder.objects[id]!);
  return out;
}
