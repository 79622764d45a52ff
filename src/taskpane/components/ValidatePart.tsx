/** Kiểm tra: check the template in the open workbook, list issues by severity and row, jump to cells. */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckView, IssueEntry, PaneController } from "../state/pane-controller";
import { describeError, issueTarget } from "../state/pane-controller";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both } from "../i18n/strings";
import { FeedbackBar, formatTime, useAction, usePartStyles } from "./common";
import { useWorkbookEvents } from "./use-workbook-events";

const useStyles = makeStyles({
  countLine: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke1,
    paddingLeft: tokens.spacingHorizontalS,
  },
  rowError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  rowWarning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  issueLink: { textAlign: "start", overflowWrap: "anywhere" },
  related: {
    display: "block",
    paddingLeft: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
});

const ROWS_SHOWN = 25;

export interface ValidatePartProps {
  controller: PaneController;
}

export function ValidatePart({ controller }: ValidatePartProps) {
  const part = usePartStyles();
  const styles = useStyles();
  const { t, l, lang } = useStrings();
  const [view, setView] = React.useState<CheckView | null>(null);
  const [live, setLive] = React.useState(true);
  // A blank template can hold hundreds of issues: show the first rows of each severity, then more on demand.
  const [shownRows, setShownRows] = React.useState<Record<string, number>>({});
  const { busy, feedback, setFeedback, run } = useAction();

  // Live checking: subscribe while the switch is on; the controller debounces the edits.
  React.useEffect(() => {
    if (!live) return undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    controller
      .startLiveCheck(
        (next) => {
          if (!cancelled) setView(next);
        },
        (message) => {
          if (!cancelled) setFeedback({ intent: "error", text: message });
        }
      )
      .then(
        (stop) => {
          if (cancelled) void stop().catch(() => undefined);
          else unsubscribe = stop;
        },
        (err: unknown) => {
          if (!cancelled) {
            setFeedback({
              intent: "warning",
              text: both("liveCheckOff", {
                detail: err instanceof Error ? err.message : String(err),
              }),
            });
          }
        }
      );
    return () => {
      cancelled = true;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [controller, live, setFeedback]);

  // What this part says stays true: a template inserted (here or by hand), a sheet deleted or
  // another workbook opened gives a fresh check; so does switching sheets while it says "no template".
  const viewRef = React.useRef(view);
  viewRef.current = view;
  useWorkbookEvents(
    controller,
    (event) =>
      viewRef.current !== null &&
      (event.kind === "added" ||
        event.kind === "deleted" ||
        event.kind === "reloaded" ||
        (event.kind === "activated" && viewRef.current.kind === "no-template")),
    () => {
      controller
        .checkWorkbook()
        .then(setView, (err: unknown) =>
          setFeedback({ intent: "error", text: describeError(err, STRINGS.actionCheck) })
        );
    }
  );

  const checkNow = () =>
    run(STRINGS.actionCheck, async () => {
      setView(await controller.checkWorkbook());
      return null;
    });

  const markNow = () =>
    run(STRINGS.actionMark, async () => {
      const next = await controller.markInvalidCells();
      setView(next);
      return next.kind === "checked"
        ? both("markedCells", { errors: next.errors, warnings: next.warnings })
        : null;
    });

  const goTo = (entry: IssueEntry) =>
    run(STRINGS.actionGoTo, async () => {
      await controller.goTo(entry);
      return null;
    });

  const unitName = (code: string | null | undefined) =>
    code ? (controller.register.units.find((u) => u.code === code)?.name ?? null) : null;

  // "N dòng chưa nhập": the same line beside "no wrong values" and beside the issue count.
  const untouchedRowsLine =
    view?.kind === "checked" && view.untouchedRows ? (
      <Caption1 data-testid="untouched-rows">
        {t("untouchedRows", { count: view.untouchedRows })}
      </Caption1>
    ) : null;

  return (
    <section className={part.part} aria-labelledby="validate-title">
      <h2 id="validate-title" className={part.visuallyHidden}>
        {t("tabValidate")}
      </h2>
      <Body1 className={part.intro}>{t("validateIntro")}</Body1>
      <div className={part.actions}>
        <Button appearance="primary" disabled={busy} onClick={checkNow}>
          {t("validateNow")}
        </Button>
        <Button disabled={busy} onClick={markNow}>
          {t("markNow")}
        </Button>
        <Switch
          checked={live}
          label={t("liveCheck")}
          onChange={(_e, data) => setLive(data.checked)}
        />
      </div>
      <Caption1>{t("markHelp")}</Caption1>
      {busy ? <ProgressBar aria-label={t("working")} /> : null}
      <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
      <div aria-live="polite" className={styles.countLine} data-testid="issue-count">
        {view === null ? (
          <Caption1>{t("notCheckedYet")}</Caption1>
        ) : view.kind === "no-template" ? (
          <Body1 role="status">{l(view.message)}</Body1>
        ) : view.errors + view.warnings === 0 ? (
          <>
            <Badge appearance="tint" color="success">
              {t(view.untouchedRows ? "noWrongValues" : "noIssues")}
            </Badge>
            {untouchedRowsLine}
          </>
        ) : (
          <>
            <Badge appearance="filled" color={view.errors ? "danger" : "warning"}>
              {t("issueCount", { errors: view.errors, warnings: view.warnings })}
            </Badge>
            {untouchedRowsLine}
            <Caption1>{t("checkedAt", { time: formatTime(view.checkedAt, lang) })}</Caption1>
          </>
        )}
      </div>
      {view?.kind === "checked"
        ? view.groups.map((group) => (
            <div
              key={group.severity}
              className={styles.group}
              role="group"
              aria-label={t(group.severity === "error" ? "severityError" : "severityWarning")}
            >
              <Subtitle2 as="h3">
                {t(group.severity === "error" ? "severityError" : "severityWarning")} ({group.count}
                )
              </Subtitle2>
              {group.rows.slice(0, shownRows[group.severity] ?? ROWS_SHOWN).map((row) => {
                const unit = unitName(row.entries.find((e) => e.issue.unitCode)?.issue.unitCode);
                const heading =
                  row.row === 0
                    ? t("sheetLevel")
                    : `${t("rowLabel", { row: row.row })}${unit ? ` · ${unit}` : ""}`;
                return (
                  <div
                    key={`${row.sheet}:${row.row}`}
                    className={`${styles.row} ${group.severity === "error" ? styles.rowError : styles.rowWarning}`}
                  >
                    <Caption1>
                      {row.sheet ? `${row.sheet} · ` : ""}
                      {heading}
                    </Caption1>
                    <ul className={part.list}>
                      {row.entries.map((entry, i) => {
                        const target = issueTarget(entry);
                        const message = l(entry.issue.message);
                        return (
                          <li key={i}>
                            {target ? (
                              <Link
                                as="button"
                                className={styles.issueLink}
                                onClick={() => void goTo(entry)}
                                title={t("goToCell", { cell: target.address, sheet: target.sheet })}
                              >
                                {entry.issue.cell && !message.includes(entry.issue.cell)
                                  ? `${entry.issue.cell}: `
                                  : ""}
                                {message}
                              </Link>
                            ) : (
                              <Body1>{message}</Body1>
                            )}
                            {entry.related?.length ? (
                              <Caption1 className={styles.related} data-testid="related-rules">
                                {t("relatedRules", {
                                  list: entry.related.map((r) => l(r.message)).join("; "),
                                })}
                              </Caption1>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
              {group.rows.length > (shownRows[group.severity] ?? ROWS_SHOWN) ? (
                <Button
                  appearance="subtle"
                  onClick={() =>
                    setShownRows((prev) => ({
                      ...prev,
                      [group.severity]: (prev[group.severity] ?? ROWS_SHOWN) + ROWS_SHOWN,
                    }))
                  }
                >
                  {t("showMore", {
                    count: Math.min(
                      ROWS_SHOWN,
                      group.rows.length - (shownRows[group.severity] ?? ROWS_SHOWN)
                    ),
                  })}
                </Button>
              ) : null}
            </div>
          ))
        : null}
    </section>
  );
}
