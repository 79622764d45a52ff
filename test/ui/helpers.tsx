/**
 * Shared set-up for the task pane tests: a jest mock WorkbookPort (with a way to fire user edits),
 * services over the real catalogue, register and settings (each overridable), and a render helper
 * that wraps the pane in a FluentProvider as index.tsx does.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App, { type AppProps } from "../../src/taskpane/components/App";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import type { PaneServices, XlsxTools } from "../../src/taskpane/state/services";
import type { CellChange, WorkbookEvent, WorkbookPort } from "../../src/ports/workbook-port";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import type { PrintLayout, WorkbookModel } from "../../src/core/sheet/model";

export type MockPort = { [K in keyof WorkbookPort]: jest.Mock } & {
  /** Fires the handler registered with onUserChange, as a user edit would. */
  emitChange(change: CellChange): void;
  /** Fires every handler registered with onWorkbookEvent (a sheet added, activated…). */
  emitWorkbookEvent(event: WorkbookEvent): void;
  unsubscribed: jest.Mock;
};

export function mockPort(): MockPort {
  let handler: ((c: CellChange) => void) | null = null;
  const eventHandlers = new Set<(e: WorkbookEvent) => void>();
  const unsubscribed = jest.fn(async () => undefined);
  const port = {
    checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
    writeModel: jest.fn(async (model: WorkbookModel) => ({
      syncs: 3,
      sheets: model.sheets.map((s) => s.name),
    })),
    readGrids: jest.fn(async () => ({ source: "Sổ làm việc hiện tại", sheets: [] })),
    markIssues: jest.fn(async () => undefined),
    goTo: jest.fn(async () => undefined),
    applyPrintLayout: jest.fn(async () => undefined),
    onUserChange: jest.fn(async (h: (c: CellChange) => void) => {
      handler = h;
      return async () => {
        handler = null;
        await unsubscribed();
      };
    }),
    onWorkbookEvent: jest.fn(async (h: (e: WorkbookEvent) => void) => {
      eventHandlers.add(h);
      return async () => {
        eventHandlers.delete(h);
      };
    }),
    sheetNames: jest.fn(async () => [] as string[]),
    saveState: jest.fn(async () => undefined),
    loadState: jest.fn(async () => null as unknown),
    emitChange(change: CellChange) {
      handler?.(change);
    },
    emitWorkbookEvent(event: WorkbookEvent) {
      for (const h of [...eventHandlers]) h(event);
    },
    unsubscribed,
  };
  return port as unknown as MockPort;
}

/** A tiny model standing in for a built sheet (tests check what reaches the port). */
export function modelFor(name: string): WorkbookModel {
  return {
    sheets: [
      {
        name,
        visibility: "visible",
        blocks: [{ top: 1, left: 1, cells: [[name]] }],
        styles: [],
        merges: [],
        columnWidths: [],
        validations: [],
        protect: true,
      },
    ],
  };
}

export const TEST_LAYOUT: PrintLayout = {
  paperSize: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 },
  centerHorizontally: true,
};

export function testServices(overrides: Partial<PaneServices> = {}): PaneServices {
  const xlsx: XlsxTools = {
    read: jest.fn(async () => ({
      ok: false as const,
      refused: {
        file: "?",
        reason: "not-xlsx",
        message: { vi: "không đọc được", en: "unreadable" },
      },
    })),
    write: jest.fn(async () => new Uint8Array([1, 2, 3])),
  };
  return {
    templates: () => CATALOG,
    register: () => defaultRegister(),
    defaultSettings: () => DEFAULT_SETTINGS_2019,
    buildTemplate: jest.fn((spec) => modelFor(spec.sheetName)),
    templateFileName: (spec, period) => `${spec.section}-${spec.id}-${period}.xlsx`,
    readSubmissions: jest.fn(() => ({
      ok: false as const,
      refused: {
        file: "",
        reason: "unknown-template",
        message: { vi: "không có mẫu", en: "no template" },
      },
    })),
    loadXlsx: jest.fn(async () => xlsx),
    consolidate: jest.fn(() => ({
      view: { taken: [], refused: [], conflicts: [], excludedRows: [], missing: [], issueCount: 0 },
      result: null,
    })),
    buildMaster: jest.fn(() => modelFor("Tổng hợp")),
    masterSheetNames: () => ["Tổng hợp", "_meta"],
    printableSheets: () => ["Tổng hợp", "Chỉ tiêu & tổng hợp"],
    printTargets: jest.fn((model: WorkbookModel) =>
      model.sheets.map((s) => ({ sheet: s.name, layout: TEST_LAYOUT }))
    ),
    headingSheets: () => ["Tổng hợp", "Chỉ tiêu & tổng hợp", "_meta_master"],
    headingUpdate: jest.fn(() => null),
    pageSetupFor: jest.fn(() => TEST_LAYOUT),
    download: jest.fn(),
    ...overrides,
  };
}

export function renderPane(
  props: AppProps & { port?: WorkbookPort; services?: PaneServices } = {}
) {
  const { port = mockPort(), services = testServices(), ...rest } = props;
  const controller = props.controller ?? new PaneController(port, services, { debounceMs: 500 });
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App controller={controller} {...rest} />
    </FluentProvider>
  );
  return { ...utils, controller, port, services };
}

/**
 * Edits the review period in the header shown on every part: opens "Sửa kỳ đánh giá", types each
 * value into the field of that label (dates as dd/mm/yyyy), and saves.
 */
export async function editPeriod(values: Record<string, string>): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Sửa kỳ đánh giá" }));
  const form = await screen.findByRole("form", { name: "Sửa kỳ đánh giá" });
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(within(form).getByLabelText(new RegExp(`^${label}`)), {
      target: { value },
    });
  }
  fireEvent.click(within(form).getByRole("button", { name: "Lưu" }));
  await waitFor(() => expect(screen.queryByRole("form", { name: "Sửa kỳ đánh giá" })).toBeNull());
}
