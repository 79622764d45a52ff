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
    await waitFor(() => expect(screen.getByText("Đã đọc 1/1 tệp")).toBeTruthy(), {
      timeout: 20_000,
    });

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    let result = await screen.findByTestId("consolidation-result");
    expect(within(result).getByText("Đã nhận (1)")).toBeTruthy();
    expect(within(result).getByText("Dòng bị loại (1)")).toBeTruthy();
    expect(result.textContent).toMatch(/Thủy Dương/);

    fireEvent.change(screen.getByLabelText("Dòng có lỗi trong tệp gửi về"), {
      target: { value: "dropFile" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    result = await screen.findByTestId("consolidation-result");
    expect(within(result).getByText("Đã nhận (0)")).toBeTruthy();
    expect(within(result).getByText("Bị từ chối (1)")).toBeTruthy();
  });

  it("the deadline field starts at the period's deadline", () => {
    renderPane({ port: mockPort(), services: createCoreServices(), initialPart: "consolidate" });
    expect((screen.getByLabelText("Hạn nộp (để đánh dấu trễ hạn)") as HTMLInputElement).value).toBe(
      "2019-12-25"
    );
  });
});
