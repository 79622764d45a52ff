/**
 * @jest-environment jsdom
 *
 * Tổng hợp with 60 returned files: one summary line, refused files first, each file once, a
 * status decided when the file is read (another year's template refused, an empty one "trống"),
 * reading that can be stopped, and a drop zone that rests while reading.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Submission } from "../../src/core/submission/types";
import { requireTemplate } from "../../src/core/templates/catalog";
import type { PaneServices, XlsxTools } from "../../src/taskpane/state/services";
import { editPeriod, mockPort, renderPane, testServices } from "./helpers";

const SPEC = requireTemplate("quan-su");
const DATA_KEY = SPEC.columns.find((c) => !c.identity && !c.computed && c.key !== "ghiChu")!.key;

/** A submission of "quan-su" for `period`, with one figure typed unless `empty`. */
function submission(file: string, period: number, empty: boolean): Submission {
  return {
    file,
    sheet: SPEC.sheetName,
    templateId: SPEC.id,
    templateVersion: 1,
    period,
    generatedAt: null,
    modifiedAt: null,
    recognizedBy: "meta",
    layout: {} as Submission["layout"],
    validation: {
      rows: [{ rowNumber: 5, unitCode: "u1", values: { [DATA_KEY]: empty ? null : 3 } }],
      issues: [],
    },
  };
}

/**
 * 60 files: "hong-*" unreadable (4), "trong-*" returned empty (2), "cu-*" a 2018 template (3),
 * the rest filled in for 2019. `gate` (when given) holds each read until released.
 */
function sixtyFiles(gate?: () => Promise<void>) {
  const names = Array.from({ length: 60 }, (_, i) => {
    if (i < 4) return `hong-${i}.xlsx`;
    if (i < 6) return `trong-${i}.xlsx`;
    if (i < 9) return `cu-${i}.xlsx`;
    return `don-vi-${String(i).padStart(2, "0")}.xlsx`;
  });
  const xlsx: XlsxTools = {
    read: jest.fn(async (_bytes: Uint8Array, name: string) => {
      if (gate) await gate();
      if (name.startsWith("hong-"))
        return {
          ok: false as const,
          refused: {
            file: name,
            reason: "not-xlsx",
            message: { vi: "không phải tệp .xlsx", en: "not .xlsx" },
          },
        };
      return { ok: true as const, grids: { source: name, sheets: [] } };
    }),
    write: jest.fn(async () => new Uint8Array()),
  };
  const services: PaneServices = testServices({
    loadXlsx: jest.fn(async () => xlsx),
    readSubmissions: jest.fn((grids) => ({
      ok: true as const,
      issues: [],
      submissions: [
        submission(
          grids.source,
          grids.source.startsWith("cu-") ? 2018 : 2019,
          grids.source.startsWith("trong-")
        ),
      ],
    })),
  });
  const files = names.map((n) => new File([new Uint8Array([1])], n));
  return { names, services, files };
}

function pick(files: File[]) {
  const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
  fireEvent.change(input, { target: { files } });
}

const summary = () => screen.getByTestId("consolidate-summary").textContent;

describe("Tổng hợp for 60 files", () => {
  jest.setTimeout(60_000);

  it("one summary line, refused first, each file once; statuses decided when read", async () => {
    const { services, files } = sixtyFiles();
    renderPane({ port: mockPort(), services, initialPart: "consolidate" });
    pick(files);
    await waitFor(() => expect(summary()).toBe("đã nhận 51 · bị từ chối 7 · trống 2"));

    const result = screen.getByTestId("consolidation-result");
    const headers = within(result)
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.textContent);
    expect(headers).toEqual(["Bị từ chối (7)", "Trống (chưa nhập số liệu) (2)", "Đã nhận (51)"]);
    // Refused and empty open (to chase), the 51 taken folded away.
    expect(result.querySelectorAll('li[data-state="refused"]')).toHaveLength(7);
    expect(result.querySelectorAll('li[data-state="empty"]')).toHaveLength(2);
    expect(result.querySelectorAll('li[data-state="taken"]')).toHaveLength(0);
    expect(result.textContent).toMatch(/cu-6\.xlsx.*mẫu của năm 2018, không phải kỳ đánh giá 2019/);

    fireEvent.click(within(result).getByRole("button", { name: "Đã nhận (51)" }));
    const states = [...result.querySelectorAll("li[data-state]")].map((li) =>
      li.getAttribute("data-state")
    );
    expect(states).toHaveLength(60);
    const empty = result.querySelectorAll('li[data-state="empty"]');
    expect(empty[0]!.textContent).toMatch(/trống/);

    // Consolidating takes the 51 files only; the empty ones are not submissions.
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await waitFor(() => expect(services.consolidate).toHaveBeenCalled());
    const [subs] = (services.consolidate as jest.Mock).mock.calls[0] as [Submission[]];
    expect(subs).toHaveLength(51);
    // The confirmation and the next action sit in the sticky bar.
    const bar = screen.getByTestId("consolidate-actions");
    expect(
      within(bar).getByRole("button", { name: "Ghi bảng tổng hợp vào sổ làm việc" })
    ).toBeTruthy();
  });

  it("another year for the period re-decides the files the same way", async () => {
    const { services, files } = sixtyFiles();
    renderPane({ port: mockPort(), services, initialPart: "consolidate" });
    pick(files);
    await waitFor(() => expect(summary()).toBe("đã nhận 51 · bị từ chối 7 · trống 2"));
    await editPeriod({ "Năm đánh giá": "2018" });
    await waitFor(() => expect(summary()).toBe("đã nhận 3 · bị từ chối 57"));
  });

  it("reading can be stopped; the drop zone rests while reading", async () => {
    let release: (() => void) | null = null;
    let stopped = false;
    // Each read waits to be released; once the official has stopped, nothing waits any more.
    const gate = () => (stopped ? Promise.resolve() : new Promise<void>((r) => (release = r)));
    const { services, files } = sixtyFiles(gate);
    renderPane({ port: mockPort(), services, initialPart: "consolidate" });
    pick(files);
    const zone = screen.getByTestId("drop-zone");
    await waitFor(() => expect(zone.getAttribute("aria-disabled")).toBe("true"));
    expect(screen.getByRole("progressbar", { name: "Đã đọc 0/60 tệp" })).toBeTruthy();

    // A second drop while reading is ignored (it would race the first).
    fireEvent.drop(zone, {
      dataTransfer: { files: [new File([new Uint8Array([1])], "them.xlsx")] },
    });
    await act(async () => release?.());
    fireEvent.click(screen.getByRole("button", { name: "Dừng đọc" }));
    stopped = true;
    await act(async () => release?.());

    await waitFor(() => expect(screen.getByText(/Đã dừng: đọc xong \d+\/60 tệp/)).toBeTruthy());
    expect(zone.getAttribute("aria-disabled")).toBeNull();
    const read = (await (services.loadXlsx as jest.Mock).mock.results[0]!.value) as XlsxTools;
    const count = (read.read as jest.Mock).mock.calls.length;
    expect(count).toBeLessThan(60);
    expect(screen.queryByText("them.xlsx")).toBeNull();
    expect(summary()).toBe(`đã nhận 0 · bị từ chối ${count}`);
  });
});
