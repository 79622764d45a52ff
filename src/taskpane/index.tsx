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
import {
  OFFICE_READY_TIMEOUT_MS,
  isDarkOfficeTheme,
  isRunningInExcel,
  parsePanePart,
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

/** Told when the pane is opened outside Excel (plain browser, Office.js not loaded). */
function NotInExcelBanner() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Không chạy trong Excel</MessageBarTitle>
        Hãy mở XếpLoại từ thẻ XếpLoại trên dải băng của Excel; ở đây chưa đọc hay ghi được sổ tính.
        <br />
        <i>
          Not running inside Excel: open XếpLoại from the XếpLoại ribbon tab; no workbook is
          available here.
        </i>
      </MessageBarBody>
    </MessageBar>
  );
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

function render(inExcel: boolean) {
  const theme = isDarkOfficeTheme(readOfficeTheme()) ? webDarkTheme : webLightTheme;
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {inExcel ? null : <NotInExcelBanner />}
      <PaneErrorBoundary>
        <App initialPart={initialPart} />
      </PaneErrorBoundary>
    </FluentProvider>
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or the page opened from a plain server without the CDN).
  render(false);
} else {
  let ready = false;
  // Outside Office, onReady may be slow or never fire; show the pane anyway, with the banner.
  const fallback = window.setTimeout(() => {
    if (!ready) render(false);
  }, OFFICE_READY_TIMEOUT_MS);
  Office.onReady((info) => {
    ready = true;
    window.clearTimeout(fallback);
    render(isRunningInExcel(info, Office.HostType?.Excel));
  });
}
