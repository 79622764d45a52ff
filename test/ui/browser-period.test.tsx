/**
 * @jest-environment jsdom
 *
 * Browser mode: the review period saved in the header survives a reload of the page (the app
 * mounted again over the browser's localStorage).
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BrowserModeApp } from "../../src/taskpane/browser/BrowserModeApp";
import { editPeriod } from "./helpers";

jest.setTimeout(60_000);

function mount() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <BrowserModeApp initialPart="templates" />
    </FluentProvider>
  );
}

beforeEach(() => window.localStorage.clear());

it("a reload shows the period saved before it", async () => {
  const first = mount();
  await screen.findByText("Kỳ đánh giá 2019");
  await editPeriod({ "Năm đánh giá": "2024" });
  await screen.findByText("Kỳ đánh giá 2024");
  first.unmount();

  mount();
  expect(await screen.findByText("Kỳ đánh giá 2024")).toBeTruthy();
  expect(screen.queryByText("Kỳ đánh giá 2019")).toBeNull();
});
