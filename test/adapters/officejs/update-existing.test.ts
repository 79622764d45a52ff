/**
 * writeModel with updateExisting: the model's cells go into sheets that exist, and nothing else on
 * them changes (other cells, styles, merges, visibility); a protected sheet is unprotected for the
 * write and protected again with its own options. Same number of syncs as any write (3).
 */
import type { SheetModel } from "../../../src/core/sheet/model";
import { setup } from "./setup";

const sheet = (over: Partial<SheetModel>): SheetModel => ({
  name: "Báo cáo",
  visibility: "visible",
  blocks: [],
  styles: [],
  merges: [],
  columnWidths: [],
  validations: [],
  protect: false,
  ...over,
});

/** A printed sheet as the master writes it: a merged heading, data, a signature; protected. */
const original = sheet({
  blocks: [
    { top: 1, left: 1, cells: [["THỊ ỦY HƯƠNG THỦY"]] },
    { top: 3, left: 1, cells: [["TT", "Đơn vị", "Quyết định"]] },
    { top: 4, left: 1, cells: [[1, "Phường Phú Bài", null]] },
    { top: 6, left: 2, cells: [["Nguyễn Văn A"]] },
  ],
  styles: [
    { range: { top: 1, left: 1, bottom: 1, right: 2 }, style: { bold: true, fontSize: 14 } },
    { range: { top: 4, left: 3, bottom: 4, right: 3 }, style: { locked: false } },
  ],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 2 },
    { top: 6, left: 2, bottom: 6, right: 3 },
  ],
  columnWidths: [6, 30, 14],
  protect: true,
});

const patch = (rows: number) =>
  sheet({
    blocks: [
      { top: 1, left: 1, cells: [["ĐẢNG BỘ TỈNH"]] },
      { top: 6, left: 2, cells: [["Lê Văn Bình"]] },
      ...Array.from({ length: rows }, (_, i) => ({ top: 20 + i, left: 5, cells: [[`x${i}`]] })),
    ],
  });

describe("writeModel updateExisting", () => {
  test("writes only the model's cells into a protected sheet and keeps the rest", async () => {
    const { fake, port } = setup();
    await port.writeModel({ sheets: [original] });
    // What staff typed in the unlocked column, and a cell a person formatted.
    expect((await fake.userEdit("Báo cáo", "C4", "HTXSNV")).accepted).toBe(true);
    const optionsBefore = { ...fake.protection("Báo cáo").options };
    const mergesBefore = JSON.stringify(fake.findSheet("Báo cáo")!.merges);

    const report = await port.writeModel({ sheets: [patch(0)] }, { updateExisting: true });

    expect(fake.value("Báo cáo", "A1")).toBe("ĐẢNG BỘ TỈNH");
    expect(fake.value("Báo cáo", "B6")).toBe("Lê Văn Bình");
    expect(fake.values("Báo cáo", "A3:C4")).toEqual([
      ["TT", "Đơn vị", "Quyết định"],
      [1, "Phường Phú Bài", "HTXSNV"],
    ]);
    expect(fake.cell("Báo cáo", "A1")).toMatchObject({ bold: true, fontSize: 14 });
    expect(fake.cell("Báo cáo", "C4")?.locked).toBe(false);
    expect(JSON.stringify(fake.findSheet("Báo cáo")!.merges)).toBe(mergesBefore);
    expect(fake.protection("Báo cáo")).toEqual({ protected: true, options: optionsBefore });
    expect(fake.findSheet("Báo cáo")!.visibility).toBe("Visible");
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["Báo cáo"]));
    expect(report.syncs).toBe(3);
  });

  test("the number of syncs does not grow with the cells written", async () => {
    const { port } = setup();
    await port.writeModel({ sheets: [original] });
    const small = await port.writeModel({ sheets: [patch(1)] }, { updateExisting: true });
    const large = await port.writeModel({ sheets: [patch(500)] }, { updateExisting: true });
    expect(large.syncs).toBe(small.syncs);
  });

  test("an unprotected sheet stays unprotected; a hidden one stays hidden", async () => {
    const { fake, port } = setup();
    await port.writeModel({
      sheets: [{ ...original, protect: false, visibility: "veryHidden" }],
    });
    await port.writeModel(
      { sheets: [{ ...patch(0), protect: true, visibility: "visible" }] },
      { updateExisting: true }
    );
    expect(fake.protection("Báo cáo").protected).toBe(false);
    expect(fake.findSheet("Báo cáo")!.visibility).toBe("VeryHidden");
    expect(fake.value("Báo cáo", "B6")).toBe("Lê Văn Bình");
  });

  test("a sheet that does not exist yet is added as usual", async () => {
    const { fake, port } = setup();
    await port.writeModel({ sheets: [original] });
    await port.writeModel(
      { sheets: [patch(0), { ...original, name: "Mới" }] },
      { updateExisting: true }
    );
    expect(fake.value("Mới", "A1")).toBe("THỊ ỦY HƯƠNG THỦY");
    expect(fake.protection("Mới").protected).toBe(true);
    expect(fake.value("Báo cáo", "A1")).toBe("ĐẢNG BỘ TỈNH");
  });

  test("without updateExisting an existing sheet is still refused", async () => {
    const { port } = setup();
    await port.writeModel({ sheets: [original] });
    await expect(port.writeModel({ sheets: [patch(0)] })).rejects.toThrow(/đã có trang/);
  });
});
