/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadXlsx } from "../../src/adapters/xlsx";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { mockPort, renderPane } from "./helpers";

// jsdom lacks TextDecoder/TextEncoder, which the .xlsx reader uses (browsers have them).
Object.assign(globalThis, { TextDecoder, TextEncoder });

/** The demo's 3.1b file: one row (Phường Thủy Dương) whose level counts do not add up. */
async function fileWithOneBadRow(): Promise<File> {
  const register = defaultRegister();
  const plan = generateDemo(CATALOG, register, DEFAULT_SETTINGS_2019);
  const f = plan.files.find((x) => x.templateId === "noi-vu-cbcc")!;
  const spec = requireTemplate(f.templateId);
  const model = fillTemplate(buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019), spec, f);
  const { writer } = await loadXlsx();
  return new File([(await writer.write(model)) as BlobPart], f.fileName);
}

describe("Tổng hợp: what to do with rows that have errors, chosen per run", () => {
  jest.setTimeout(30_000);

  it("leaves out only the bad row by default and lists it; 'Bỏ cả tệp có lỗi' leaves out the file", async () => {
    renderPane({ port: mockPort(), services: createCoreServices(), initialPart: "consolidate" });
    const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
    fireEvent.change(input, { target: { files: [await fileWithOneBadRow()] } });
    const summary = await screen.findByTestId("consolidate-summary", undefined, {
      timeout: 20_000,
    });
    await waitFor(() => expect(summary.textContent).toBe("đã nhận 1 · bị từ chối 0"), {
      timeout: 20_000,
    });

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await waitFor(() => expect(summary.textContent).toMatch(/^đã nhận 1 · bị từ chối 0 · trùng/));
    const result = screen.getByTestId("consolidation-result");
    fireEvent.click(within(result).getByRole("button", { name: "Dòng bị loại (1)" }));
    expect(result.textContent).toMatch(/Thủy Dương/);

    fireEvent.change(screen.getByLabelText("Dòng có lỗi trong tệp gửi về"), {
      target: { value: "dropFile" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    // The same file, once: now refused, with the policy's reason on its own line.
    await waitFor(() => expect(summary.textContent).toMatch(/^đã nhận 0 · bị từ chối 1 · /));
    const refused = screen.getByTestId("consolidation-result").querySelectorAll("li[data-state]");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.getAttribute("data-state")).toBe("refused");
    expect(refused[0]!.textContent).toMatch(/bỏ cả tệp có lỗi/);
  });

  it("the deadline is the review period's, shown in the header", () => {
    renderPane({ port: mockPort(), services: createCoreServices(), initialPart: "consolidate" });
    expect(screen.getByTestId("period-header").textContent).toContain("Hạn nộp 25/12/2019");
    expect(screen.queryByLabelText(/Hạn nộp \(để đánh dấu trễ hạn\)/)).toBeNull();
  });
});
