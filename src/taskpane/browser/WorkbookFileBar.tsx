/**
 * The browser mode's file bar: which .xlsx file is "the open workbook", a button to open one and
 * one to download the result (with the invalid cells marked after Kiểm tra). The four parts above
 * it are the same components as in Excel; they reach the file through the FileWorkbookPort.
 */
import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LocalizedText } from "../../core/i18n";
import type { FileWorkbookPort } from "../../adapters/file/file-workbook-port";
import { useStrings } from "../i18n/lang-context";
import { describeError, pickedFromBlob } from "../state/pane-controller";
import { BROWSER_STRINGS as B } from "./strings";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere" },
});

/** "bao-cao.xlsx" → "bao-cao-xeploai.xlsx"; a workbook started here → "xeploai.xlsx". */
export function downloadName(opened: string | null): string {
  if (!opened) return "xeploai.xlsx";
  const stem = opened.replace(/\.xlsx$/i, "");
  return `${stem}-xeploai.xlsx`;
}

export function WorkbookFileBar({
  port,
  download,
}: {
  port: FileWorkbookPort;
  download: (fileName: string, bytes: Uint8Array) => Promise<void> | void;
}) {
  const styles = useStyles();
  const { l } = useStrings();
  const input = React.useRef<HTMLInputElement>(null);
  const [, refresh] = React.useReducer((n: number) => n + 1, 0);
  const [busy, setBusy] = React.useState(false);
  const [problem, setProblem] = React.useState<LocalizedText | null>(null);
  React.useEffect(() => port.subscribe(refresh), [port]);

  const name = port.fileName();
  const marked = port.markedCells();

  async function open(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const bytes = await pickedFromBlob(file).bytes();
      const opened = await port.open(file.name, bytes);
      if (!opened.ok) setProblem(opened.refused.message);
    } catch (err) {
      setProblem(describeError(err, B.actionOpen));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function save() {
    setBusy(true);
    setProblem(null);
    try {
      const bytes = await port.save();
      if (bytes) await download(downloadName(name), bytes);
    } catch (err) {
      setProblem(describeError(err, B.actionSave));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.bar} aria-label={l(B.barLabel)}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{l(B.title)}</MessageBarTitle>
          {l(B.explain)}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Body1 className={styles.name} data-testid="browser-workbook">
          {name === null
            ? l(B.noFile)
            : `${l(B.workbook)}: ${name || l(B.newWorkbook)}${marked ? ` — ${marked === 1 ? l(B.markedOne) : l(B.marked).replace("{n}", String(marked))}` : ""}`}
        </Body1>
      </div>
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="browser-open-input"
          onChange={(e) => void open(e.currentTarget.files)}
        />
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {l(B.open)}
        </Button>
        <Button
          size="small"
          appearance="primary"
          disabled={busy || name === null}
          onClick={() => void save()}
        >
          {l(marked ? B.downloadMarked : B.download)}
        </Button>
        <Button size="small" disabled={busy || name === null} onClick={() => port.close()}>
          {l(B.close)}
        </Button>
      </div>
      {problem ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{l(problem)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
