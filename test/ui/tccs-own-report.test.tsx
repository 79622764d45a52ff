/**
 * @jest-environment jsdom
 *
 * Mẫu biểu for a TCCS secretary: choosing the TCCS report (3.14) offers "Tổ chức cơ sở đảng báo
 * cáo"; picking one's own organisation inserts a template with only its row, recorded in _meta
 * (the same core BuildOptions.units as `templates --unit`). Over the Office.js adapter and the
 * in-memory Excel fake.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { createOfficeWorkbookPort } from "../../src/adapters/officejs";
import type { ExcelRunner } from "../../src/adapters/officejs";
import { defaultRegister } from "../../src/core/units";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { renderPane } from "./helpers";

jest.setTimeout(90_000);

function paneOverFake() {
  const fake = new FakeWorkbook({}, ["Sheet1"]);
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
  const controller = new PaneController(port, createCoreServices(), { debounceMs: 50 });
  renderPane({ controller, initialPart: "templates" });
  return { fake };
}

function metaOf(fake: FakeWorkbook): Map<string, unknown> {
  return new Map(fake.values("_meta", "A1:B60").map(([k, v]) => [String(k), v]));
}

function chooseTemplate(name: RegExp) {
  fireEvent.click(screen.getByRole("combobox", { name: /^Mẫu biểu/ }));
  fireEvent.click(screen.getByRole("option", { name }));
}

const unitBox = () => screen.getByRole("combobox", { name: /^Tổ chức cơ sở đảng báo cáo/ });

/** Opens the unit list and types into it, as a person does. */
function typeUnit(value: string) {
  fireEvent.click(unitBox());
  fireEvent.change(unitBox(), { target: { value } });
}
const tccsCount = defaultRegister().units.filter((u) => u.kind === "tccs").length;

/** The unit names written in column `letter` of the data rows (from firstDataRow on). */
function listedUnits(fake: FakeWorkbook, sheet: string, letter: string, first: number): string[] {
  return fake
    .values(sheet, `${letter}${first}:${letter}${first + tccsCount + 5}`)
    .map(([v]) => String(v ?? ""))
    .filter((v) => v !== "");
}

describe("Mẫu biểu: a TCCS reports only itself", () => {
  it("is offered for the TCCS report only, labelled, defaulting to every TCCS", () => {
    paneOverFake();
    chooseTemplate(/^3\.1a\. /);
    expect(screen.queryByRole("combobox", { name: /^Tổ chức cơ sở đảng báo cáo/ })).toBeNull();

    chooseTemplate(/^3\.14\. /);
    const box = unitBox() as HTMLInputElement;
    expect(box.value).toBe("Tất cả TCCS");
    fireEvent.click(box);
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toContain("Đảng bộ xã Thủy Tân");
    expect(options).toHaveLength(tccsCount + 1); // every TCCS of the register, and "Tất cả TCCS"
  });

  it("finds one's organisation typed without diacritics and inserts a template with its one row", async () => {
    const { fake } = paneOverFake();
    chooseTemplate(/^3\.14\. /);
    typeUnit("thuy tan");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Đảng bộ xã Thủy Tân",
    ]);
    fireEvent.click(screen.getByRole("option", { name: "Đảng bộ xã Thủy Tân" }));
    expect((unitBox() as HTMLInputElement).value).toBe("Đảng bộ xã Thủy Tân");

    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    expect(
      await screen.findByText(/^Đã chèn mẫu .* của Đảng bộ xã Thủy Tân vào trang/, undefined, {
        timeout: 20_000,
      })
    ).toBeTruthy();

    const meta = metaOf(fake);
    expect(meta.get("templateId")).toBe("tccs-bao-cao");
    expect(meta.get("units")).toBe("db-xa-thuy-tan");
    const sheet = String(meta.get("sheet"));
    const rows = listedUnits(
      fake,
      sheet,
      String(meta.get("column:unitName")),
      Number(meta.get("firstDataRow"))
    );
    expect(rows).toEqual(["Đảng bộ xã Thủy Tân"]);
  });

  it("with “Tất cả TCCS” the template lists every TCCS, as before", async () => {
    const { fake } = paneOverFake();
    chooseTemplate(/^3\.14\. /);
    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    await screen.findByText(/^Đã chèn mẫu “/, undefined, { timeout: 20_000 });
    const meta = metaOf(fake);
    expect(meta.has("units")).toBe(false);
    const sheet = String(meta.get("sheet"));
    const rows = listedUnits(
      fake,
      sheet,
      String(meta.get("column:unitName")),
      Number(meta.get("firstDataRow"))
    );
    expect(rows).toHaveLength(tccsCount);
  });

  it("says so when nothing matches what was typed, and choosing another template resets the choice", () => {
    paneOverFake();
    chooseTemplate(/^3\.14\. /);
    typeUnit("zzz");
    expect(screen.getByText("Không có TCCS nào có tên như vậy.")).toBeTruthy();
    expect(unitBox().getAttribute("aria-describedby")).toBeTruthy();
    fireEvent.change(unitBox(), { target: { value: "phu bai" } }); // the list is still open
    fireEvent.click(screen.getByRole("option", { name: /Phú Bài/ }));
    chooseTemplate(/^3\.1a\. /);
    chooseTemplate(/^3\.14\. /);
    expect((unitBox() as HTMLInputElement).value).toBe("Tất cả TCCS");
  });
});
