/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { writeMasterMeta } from "../../src/core/master";
import { PERIOD_STATE } from "../../src/taskpane/state/pane-controller";
import { editPeriod, mockPort, renderPane, testServices } from "./helpers";

const PARTS = ["Mẫu biểu", "Kiểm tra", "Tổng hợp", "In"];

describe("Kỳ đánh giá: one review period for every part", () => {
  it("the year changed once is seen on every part, its deadlines follow, and it is kept in the workbook", async () => {
    const port = mockPort();
    const services = testServices();
    renderPane({ port, services, initialPart: "templates" });
    await editPeriod({ "Năm đánh giá": "2024" });

    for (const part of PARTS) {
      fireEvent.click(screen.getByRole("tab", { name: part }));
      const header = screen.getByTestId("period-header");
      expect(header.textContent).toContain("Kỳ đánh giá 2024");
      expect(header.textContent).toContain("Hạn nộp 25/12/2024");
      expect(header.textContent).toContain("15/01/2025");
      expect(header.textContent).not.toContain("2019");
    }
    expect(port.saveState).toHaveBeenCalledWith(
      PERIOD_STATE,
      expect.objectContaining({
        period: 2024,
        deadline: "2024-12-25",
        reportDeadline: "2025-01-15",
        templateDeadlines: { "dan-van": "2024-11-20" },
      })
    );
    expect(await screen.findByText(/Đã lưu kỳ đánh giá 2024 vào sổ làm việc này/)).toBeTruthy();

    // Tổng hợp consolidates with that period's deadline (no field of its own to go stale).
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    // Mẫu biểu builds templates for that year.
    fireEvent.click(screen.getByRole("tab", { name: "Mẫu biểu" }));
    fireEvent.click(screen.getByRole("button", { name: "Tải tất cả mẫu (.xlsx)" }));
    await waitFor(() => expect(services.download).toHaveBeenCalled());
    expect((services.download as jest.Mock).mock.calls[0][0]).toMatch(/-2024\.xlsx$/);
  });

  it("an edited deadline stays when the year changes again", async () => {
    renderPane({ initialPart: "consolidate" });
    await editPeriod({ "Hạn nộp": "28/12/2019" });
    await editPeriod({ "Năm đánh giá": "2021" });
    const header = screen.getByTestId("period-header");
    expect(header.textContent).toContain("Hạn nộp 28/12/2019");
    expect(header.textContent).toContain("15/01/2022");
  });

  it("a date not in dd/mm/yyyy is refused where it is typed", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Sửa kỳ đánh giá" }));
    const form = screen.getByRole("form", { name: "Sửa kỳ đánh giá" });
    fireEvent.change(within(form).getByLabelText(/^Hạn nộp/), { target: { value: "12/31/2024" } });
    expect(within(form).getByText(/dd\/mm\/yyyy, ví dụ 25\/12\/2024/)).toBeTruthy();
    expect((within(form).getByRole("button", { name: "Lưu" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });

  it("a pane opened on a workbook with a saved period starts from it, never from the 2019 defaults", async () => {
    const port = mockPort();
    port.loadState.mockImplementation(async (key: string) =>
      key === PERIOD_STATE
        ? {
            ...DEFAULT_SETTINGS_2019,
            period: 2024,
            signer: { ...DEFAULT_SETTINGS_2019.signer, name: "Trần Thị B" },
          }
        : null
    );
    renderPane({ port, initialPart: "print" });
    await waitFor(() =>
      expect(screen.getByTestId("period-header").textContent).toContain("Kỳ đánh giá 2024")
    );
    expect(screen.getByTestId("print-details").textContent).toContain("Trần Thị B");
  });

  it("a master written elsewhere (no saved period) gives its own signature block, not the defaults", async () => {
    const port = mockPort();
    const recorded = {
      ...DEFAULT_SETTINGS_2019,
      period: 2023,
      place: "Phú Bài",
      signer: { ...DEFAULT_SETTINGS_2019.signer, name: "Hoàng Văn C" },
    };
    const meta = writeMasterMeta({
      period: 2023,
      ruleSetId: "HD21-2019",
      registerId: "x",
      generatedAt: "",
      masterSheet: "Tổng hợp",
      firstDataRow: 5,
      lastDataRow: 6,
      columns: {},
      logSheet: "Nhật ký",
      logFirstRow: 2,
      settings: recorded,
    });
    port.sheetNames.mockResolvedValue(["Tổng hợp", "_meta_master"]);
    port.readGrids.mockResolvedValue({
      source: "x",
      sheets: [{ name: "_meta_master", visibility: "veryHidden", rows: meta.blocks[0]!.cells }],
    });
    renderPane({ port, initialPart: "print" });
    await waitFor(() =>
      expect(screen.getByTestId("print-details").textContent).toContain("Hoàng Văn C")
    );
    expect(screen.getByTestId("print-details").textContent).toContain("Phú Bài");
    expect(screen.getByTestId("period-header").textContent).toContain("Kỳ đánh giá 2023");
  });
});
