/**
 * @jest-environment jsdom
 *
 * Office.onReady later than the pane's fallback (issue #15, item 3): the pane first says it is not
 * (yet) connected to Excel — not "update Excel" — and checks the requirement sets again, for real,
 * once Office is ready.
 */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/components/App";
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import { bootPane, type HostState, type OfficeStartLike } from "../../src/taskpane/startup";
import { FakeWorkbook, fakeRun, installFakeOffice } from "../fakes/fake-excel";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

test("a slow Office.onReady: 'waiting' first, then the pane with a fresh requirement check", async () => {
  const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } });
  const { ready } = installFakeOffice(globalThis, fake, { deferReady: true });
  const office = (globalThis as unknown as { Office: OfficeStartLike & { context?: unknown } })
    .Office;
  expect(office.context).toBeUndefined();

  // The real adapter asks Office.context.requirements (no test hook): undefined until ready.
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner);
  const controller = new PaneController(port, createCoreServices());
  const renders: HostState[] = [];
  let fire: (() => void) | null = null;
  const view = render(<div />);
  const show = (host: HostState) => {
    renders.push(host);
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <App controller={controller} host={host} />
      </FluentProvider>
    );
  };
  act(() =>
    bootPane(office, show, {
      set: (fn) => ((fire = fn), 1),
      clear: () => (fire = null),
    })
  );
  // The fallback fires before Office is ready.
  act(() => fire?.());
  expect(renders).toEqual(["waiting"]);
  expect(screen.getByRole("alert").textContent).toMatch(/Chưa kết nối với Excel/);
  expect(screen.queryByText(/Excel của bạn quá cũ/)).toBeNull();

  await act(async () => {
    await ready();
  });
  expect(renders).toEqual(["waiting", "excel"]);
  expect(screen.queryByRole("alert")).toBeNull();
  expect(screen.getByRole("tablist")).toBeTruthy();
});

test("without Office.js the pane says 'not in Excel' at once", () => {
  const renders: HostState[] = [];
  bootPane(undefined, (h) => renders.push(h));
  expect(renders).toEqual(["not-in-excel"]);
});
