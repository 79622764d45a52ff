import type { WorkbookEvent } from "../../../src/ports/workbook-port";
import { setup, wideModel } from "./setup";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("onWorkbookEvent", () => {
  test("names the sheets a person adds and activates and the cells they edit; nothing after unsubscribe", async () => {
    const { fake, port } = setup({ ExcelApi: "1.12" });
    const seen: WorkbookEvent[] = [];
    const off = await port.onWorkbookEvent((e) => seen.push(e));

    // The adapter's own writes run with events off (the pane tells its parts itself).
    await port.writeModel(wideModel(3, 4), { activate: "Tổng hợp" });
    await tick();
    expect(seen).toEqual([]);

    await fake.userAddSheet("Trang mới");
    await fake.userActivate("Tổng hợp");
    await fake.userEdit("Tổng hợp", "C5", 42);
    expect(seen).toEqual([
      { kind: "added", sheet: "Trang mới" },
      { kind: "activated", sheet: "Trang mới" },
      { kind: "activated", sheet: "Tổng hợp" },
      { kind: "changed", sheet: "Tổng hợp", address: "C5" },
    ]);

    await off();
    seen.length = 0;
    await fake.userAddSheet("Sau khi hủy");
    await fake.userEdit("Tổng hợp", "C6", 1);
    expect(seen).toEqual([]);
    expect(fake.handlers).toHaveLength(0);
  });

  test("an Excel without the events says so in words (no requirement-set names)", async () => {
    const { port } = setup({ ExcelApi: "1.6" });
    await expect(port.onWorkbookEvent(() => undefined)).rejects.toThrow(
      /^Không theo dõi được các trang tính của sổ làm việc: Phiên bản Excel này chưa hỗ trợ/
    );
  });
});
