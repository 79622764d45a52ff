/**
 * Tổng hợp, built for 60 returned files in a 350 px pane: the options first, then the files
 * (picked or dropped; reading can be stopped, and the drop zone rests while reading), one summary
 * line, each file once in collapsible sections with the refused ones first, and a sticky action
 * bar holding the next action and its confirmation.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  ProgressBar,
  Select,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular, DismissCircleRegular } from "@fluentui/react-icons";
import type { LocalizedText } from "../../core/i18n";
import type { ErrorPolicy } from "../../core/consolidate/types";
import type { PeriodSettings } from "../../core/settings/types";
import type {
  FileOutcome,
  FileStatus,
  PaneController,
  PickedFile,
  SavedConsolidation,
} from "../state/pane-controller";
import { describeError, fileOutcomes, pickedFromBlob } from "../state/pane-controller";
import type { Consolidated } from "../state/services";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both, type StringKey } from "../i18n/strings";
import { FeedbackBar, formatDateTime, useAction, usePartStyles } from "./common";
import { EvidenceParameters } from "./EvidenceParameters";
import { ruleSetFor } from "../../core/master/pipeline";

const useStyles = makeStyles({
  drop: {
    ...shorthands.border(tokens.strokeWidthThick, "dashed", tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    padding: tokens.spacingVerticalS,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingHorizontalS,
    textAlign: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  dropResting: {
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    color: tokens.colorNeutralForegroundDisabled,
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  summary: { overflowWrap: "anywhere" },
  reading: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  fileHead: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    justifyContent: "space-between",
  },
  fileName: { overflowWrap: "anywhere", minWidth: 0 },
  /** A status stays one word-group in its pill beside a long file name ("bị từ chối"). */
  fileBadge: { flexShrink: 0, whiteSpace: "nowrap" },
  why: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  /** The next action stays in view however long the lists below are. */
  actionBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
  },
});

export interface ConsolidatePartProps {
  controller: PaneController;
  settings: PeriodSettings;
}

const STATE_BADGE: Record<
  FileOutcome["state"],
  { key: StringKey; color: "informative" | "success" | "danger" | "warning" }
> = {
  reading: { key: "fileReading", color: "informative" },
  taken: { key: "fileTaken", color: "success" },
  refused: { key: "fileRefused", color: "danger" },
  empty: { key: "fileEmptyBadge", color: "warning" },
};

export function ConsolidatePart({ controller, settings }: ConsolidatePartProps) {
  const part = usePartStyles();
  const styles = useStyles();
  const { t, l, lang } = useStrings();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<FileStatus[]>([]);
  const [reading, setReading] = React.useState(false);
  const abortRef = React.useRef<AbortController | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [consolidated, setConsolidated] = React.useState<Consolidated | null>(null);
  const [errorPolicy, setErrorPolicy] = React.useState<ErrorPolicy>("dropErroneousRows");
  const { busy, feedback, setFeedback, run } = useAction();
  // Another period (year, deadline) makes an earlier result stale, and re-decides each file's
  // status (a template of another year is refused) the way reading it would have.
  React.useEffect(() => {
    setConsolidated(null);
    setFiles((prev) => (prev.length ? controller.redecide(prev, settings) : prev));
  }, [settings, controller]);
  // A ribbon button reloads the pane: the last consolidation written into this workbook comes back.
  const [restored, setRestored] = React.useState<SavedConsolidation | null>(null);
  React.useEffect(() => {
    let cancelled = false;
    void controller.savedConsolidation().then((saved) => {
      if (!cancelled) setRestored(saved);
    });
    return () => {
      cancelled = true;
    };
  }, [controller]);

  const addFiles = async (picked: PickedFile[]) => {
    if (picked.length === 0 || reading) return;
    const offset = files.length;
    const abort = new AbortController();
    abortRef.current = abort;
    setConsolidated(null);
    setFeedback(null);
    setFiles((prev) => [
      ...prev,
      ...picked.map((f): FileStatus => ({ name: f.name, state: "reading", submissions: [] })),
    ]);
    setReading(true);
    try {
      const read = await controller.readFiles(
        picked,
        (index, status) =>
          setFiles((prev) => prev.map((f, i) => (i === offset + index ? status : f))),
        { settings, signal: abort.signal }
      );
      if (abort.signal.aborted) {
        // Files not read are not refused by anyone: they leave the list; picking them again reads them.
        const notRead = new Set(
          read.flatMap((s, i) => (s.refused?.reason === "cancelled" ? [offset + i] : []))
        );
        setFiles((prev) => prev.filter((_f, i) => !notRead.has(i)));
        setFeedback({
          intent: "info",
          text: both("readingStopped", {
            done: read.length - notRead.size,
            total: picked.length,
          }),
        });
      }
    } catch (err) {
      setFeedback({ intent: "error", text: describeError(err, STRINGS.actionReadFiles) });
    } finally {
      abortRef.current = null;
      setReading(false);
    }
  };

  const onPick = (event: React.ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(event.target.files ?? []);
    event.target.value = ""; // picking the same file again must fire change again
    void addFiles(list.map(pickedFromBlob));
  };

  const onDrop = (event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (reading) return; // one reading at a time: a second drop would race the first
    void addFiles(Array.from(event.dataTransfer?.files ?? []).map(pickedFromBlob));
  };

  const done = files.filter((f) => f.state !== "reading").length;
  const takenFiles = files.filter((f) => f.state === "taken").length;

  const consolidate = () =>
    run(STRINGS.actionConsolidate, async () => {
      setConsolidated(
        await controller.consolidateFiles(files, settings, {
          errorPolicy,
          deadline: settings.deadline,
        })
      );
      return null;
    });

  const writeMaster = () =>
    run(STRINGS.actionWriteMaster, async () => {
      if (!consolidated) return null;
      const report = await controller.writeMaster(consolidated, settings);
      // Hidden helper sheets (_meta, _lists…) are not news to the user.
      const sheets = report.sheets
        .filter((s) => !s.startsWith("_"))
        .map((s) => `“${s}”`)
        .join(", ");
      return both("masterWritten", { sheets });
    });

  const showRestored = !consolidated && files.length === 0 && restored !== null;
  const view = consolidated?.view ?? (showRestored ? restored.view : null);
  const outcomes: FileOutcome[] = showRestored
    ? restored.files.map((f) => ({
        name: f.name,
        state: f.state,
        ...(f.message ? { message: f.message } : {}),
      }))
    : fileOutcomes(files, consolidated?.view ?? null);
  const byState = (s: FileOutcome["state"]) => outcomes.filter((o) => o.state === s);
  const refused = byState("refused");
  const empty = byState("empty");
  const taken = byState("taken");
  const stillReading = byState("reading");

  const summaryParts = [
    t("summaryTaken", { count: taken.length }),
    t("summaryRefused", { count: refused.length }),
    ...(empty.length ? [t("summaryEmpty", { count: empty.length })] : []),
    ...(view
      ? [
          t("summaryConflicts", { count: view.conflicts.length }),
          t("summaryMissing", { count: view.missing.length }),
        ]
      : []),
  ];

  const fileList = (list: FileOutcome[]) => (
    <ul className={part.list}>
      {list.map((f, i) => {
        const badge = STATE_BADGE[f.state];
        return (
          <li key={`${f.name}-${i}`} className={styles.file} data-state={f.state}>
            <div className={styles.fileHead}>
              <Body1 className={styles.fileName}>{f.name}</Body1>
              <Badge appearance="tint" color={badge.color} className={styles.fileBadge}>
                {t(badge.key)}
              </Badge>
            </div>
            {f.message || f.rows !== undefined ? (
              <Caption1 className={styles.why}>
                {f.message ? l(f.message) : ""}
                {f.rows !== undefined
                  ? `${f.message ? " — " : ""}${t("rowsTaken", { rows: f.rows })}`
                  : ""}
              </Caption1>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  const lines = (list: LocalizedText[]) => (
    <ul className={part.list}>
      {list.map((x, i) => (
        <li key={i}>
          <Body1>{l(x)}</Body1>
        </li>
      ))}
    </ul>
  );

  // Sections in the order an official acts on them; refused (to chase) first and open.
  const sections: { id: string; title: string; count: number; body: React.ReactNode }[] = [
    { id: "refused", title: t("sectionRefused"), count: refused.length, body: fileList(refused) },
    { id: "empty", title: t("sectionEmpty"), count: empty.length, body: fileList(empty) },
    ...(view
      ? [
          {
            id: "conflicts",
            title: t("sectionConflicts"),
            count: view.conflicts.length,
            body: lines(view.conflicts),
          },
          {
            id: "excluded",
            title: t("sectionExcludedRows"),
            count: view.excludedRows.length,
            body: lines(view.excludedRows),
          },
          {
            id: "missing",
            title: t("sectionMissing"),
            count: view.missing.length,
            body: lines(view.missing),
          },
        ]
      : []),
    { id: "taken", title: t("sectionTaken"), count: taken.length, body: fileList(taken) },
    {
      id: "reading",
      title: t("sectionReading"),
      count: stillReading.length,
      body: fileList(stillReading),
    },
  ].filter((s) => s.count > 0);
  const [open, setOpen] = React.useState<string[]>(["refused", "empty"]);

  return (
    <section className={part.part} aria-labelledby="consolidate-title">
      <h2 id="consolidate-title" className={part.visuallyHidden}>
        {t("tabConsolidate")}
      </h2>
      <Field label={t("errorPolicyLabel")}>
        <Select
          value={errorPolicy}
          onChange={(_, data) => {
            setErrorPolicy(data.value as ErrorPolicy);
            setConsolidated(null);
          }}
        >
          <option value="dropErroneousRows">{t("policyDropErroneousRows")}</option>
          <option value="takeMarked">{t("policyTakeMarked")}</option>
          <option value="dropFile">{t("policyDropFile")}</option>
        </Select>
      </Field>
      <div
        className={mergeClasses(
          styles.drop,
          dragging && !reading && styles.dropActive,
          reading && styles.dropResting
        )}
        data-testid="drop-zone"
        aria-disabled={reading || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = reading ? "none" : "copy";
          if (!reading) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>{t(reading ? "dropZoneResting" : "dropZone")}</Body1>
        <input
          ref={inputRef}
          className={styles.hiddenInput}
          type="file"
          multiple
          tabIndex={-1}
          aria-hidden="true"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("pickFiles")}
          onChange={onPick}
        />
        <Button
          icon={<ArrowUploadRegular />}
          onClick={() => inputRef.current?.click()}
          disabled={reading}
        >
          {t("pickFiles")}
        </Button>
      </div>
      {reading ? (
        <div className={styles.reading}>
          <Field
            className={styles.grow}
            validationMessage={t("filesProgress", { done, total: files.length })}
            validationState="none"
          >
            <ProgressBar
              value={files.length ? done / files.length : 0}
              aria-label={t("filesProgress", { done, total: files.length })}
            />
          </Field>
          <Button
            icon={<DismissCircleRegular />}
            onClick={() => abortRef.current?.abort()}
            disabled={abortRef.current?.signal.aborted}
          >
            {t("stopReading")}
          </Button>
        </div>
      ) : null}
      {outcomes.length || view ? (
        <Body1 role="status" className={styles.summary} data-testid="consolidate-summary">
          {summaryParts.join(" · ")}
        </Body1>
      ) : (
        <Caption1>{t("noFilesYet")}</Caption1>
      )}
      {showRestored ? (
        <Caption1 className={styles.why} role="status">
          {t("restoredConsolidation", {
            time: formatDateTime(new Date(restored.savedAt), lang),
          })}
        </Caption1>
      ) : null}
      {sections.length ? (
        <Accordion
          multiple
          collapsible
          openItems={open}
          onToggle={(_e, data) => setOpen(data.openItems as string[])}
          data-testid="consolidation-result"
        >
          {sections.map((s) => (
            <AccordionItem key={s.id} value={s.id} data-section={s.id}>
              <AccordionHeader as="h3" size="small">
                {`${s.title} (${s.count})`}
              </AccordionHeader>
              <AccordionPanel>{s.body}</AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      ) : null}
      <EvidenceParameters ruleSet={ruleSetFor(settings)} />
      <div className={styles.actionBar} data-testid="consolidate-actions">
        {busy ? <ProgressBar aria-label={t("working")} /> : null}
        <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
        <div className={part.actions}>
          {consolidated ? (
            <Button appearance="primary" disabled={busy} onClick={writeMaster}>
              {t("writeMaster")}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={busy || reading || takenFiles === 0}
              onClick={consolidate}
            >
              {t("runConsolidate")}
            </Button>
          )}
          <Button
            disabled={busy || reading || files.length === 0}
            onClick={() => {
              setFiles([]);
              setConsolidated(null);
              setFeedback(null);
            }}
          >
            {t("clearFiles")}
          </Button>
        </div>
      </div>
    </section>
  );
}
