import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import App from "./components/App";
import { BrowserModeApp } from "./browser/BrowserModeApp";
import {
  bootPane,
  isDarkOfficeTheme,
  parsePanePart,
  type HostState,
  type OfficeStartLike,
  type OfficeThemeLike,
} from "./startup";

const rootElement = document.getElementById("container");
if (!rootElement) throw new Error('taskpane.html has no <div id="container">');
const root = createRoot(rootElement);
const initialPart = parsePanePart(window.location.search);

/** Office.context.officeTheme, or undefined outside Office (or in a host/fake without it). */
function readOfficeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a render error from leaving a blank pane: says what happened, in Vietnamese first. */
class PaneErrorBoundary extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>XếpLoại gặp lỗi khi hiển thị</MessageBarTitle>
          Hãy đóng rồi mở lại ngăn tác vụ. Chi tiết: {this.state.error.message}
          <br />
          <i>XếpLoại failed to display. Close and reopen the task pane.</i>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

function render(host: HostState) {
  const theme = isDarkOfficeTheme(readOfficeTheme()) ? webDarkTheme : webLightTheme;
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <PaneErrorBoundary>
        {/* Outside Excel the same parts work on .xlsx files (browser mode, src/taskpane/browser). */}
        {host === "not-in-excel" ? (
          <BrowserModeApp initialPart={initialPart} />
        ) : (
          <App initialPart={initialPart} host={host} />
        )}
      </PaneErrorBoundary>
    </FluentProvider>
  );
}

// Without office.js (offline, or a plain server without the CDN) the pane says "not in Excel" at
// once; when onReady is slow it shows "waiting" after a few seconds and renders again, with the
// requirement check, when Office is ready.
bootPane(
  typeof Office === "undefined" ? undefined : (Office as unknown as OfficeStartLike),
  render
);
