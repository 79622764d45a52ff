/** Tổng hợp: pick or drop returned workbooks, read them in the pane, consolidate, write the master. */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Select,
  Subtitle2,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import type { LocalizedText } from "../../core/i18n";
import type { ErrorPolicy } from "../../core/consolidate/types";
import type { PeriodSettings } from "../../core/settings/types";
import { formatIsoDateVi } from "../../core/settings/defaults";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import type {
  FileStatus,
  PaneController,
  PickedFile,
  SavedConsolidation,
} from "../state/pane-controller";
import { pickedFromBlob } from "../state/pane-controller";
import type { Consolidated } from "../state/services";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both } from "../i18n/strings";
import { describeError } from "../state/pane-controller";
import { FeedbackBar, useAction, usePartStyles } from "./common";
import { EvidenceParameters } from "./EvidenceParameters";
import { ruleSetFor } from "../../core/master/pipeline";

const useStyles = makeStyles({
  drop: {
    ...shorthands.border(tokens.strokeWidthThick, "dashed", tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    padding: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    textAlign: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
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
  why: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface ConsolidatePartProps {
  controller: PaneController;
  settings: PeriodSettings;
}

export function ConsolidatePart({ controller, settings }: ConsolidatePartProps) {
  const part = usePartStyles();
  const styles = useStyles();
  const { t, l } = useStrings();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<FileStatus[]>([]);
  const [reading, setReading] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const [consolidated, setConsolidated] = React.useState<Consolidated | null>(null);
  const [errorPolicy, setErrorPolicy] = React.useState<ErrorPolicy>("dropErroneousRows");
  const [deadline, setDeadline] = React.useState(settings.deadline);
  const { busy, feedback, setFeedback, run } = useAction();
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
    if (picked.length === 0) return;
    const offset = files.length;
    setConsolidated(null);
    setFiles((prev) => [
      ...prev,
      ...picked.map((f): FileStatus => ({ name: f.name, state: "reading", submissions: [] })),
    ]);
    setReading(true);
    try {
      await controller.readFiles(picked, (index, status) =>
        setFiles((prev) => prev.map((f, i) => (i === offset + index ? status : f)))
      );
    } catch (err) {
      setFeedback({
        intent: "error",
        text: describeError(err, STRINGS.actionReadFiles),
      });
    } finally {
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
    void addFiles(Array.from(event.dataTransfer?.files ?? []).map(pickedFromBlob));
  };

  const done = files.filter((f) => f.state !== "reading").length;
  const taken = files.filter((f) => f.state === "taken").length;

  const consolidate = () =>
    run(STRINGS.actionConsolidate, async () => {
      setConsolidated(
        await controller.consolidateFiles(files, settings, {
          errorPolicy,
          deadline: deadline || settings.deadline,
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

  const stateBadge = (f: FileStatus) =>
    f.state === "reading" ? (
      <Badge appearance="outline" color="informative">
        {t("fileReading")}
      </Badge>
    ) : f.state === "taken" ? (
      <Badge appearance="tint" color="success">
        {t("fileTaken")}
      </Badge>
    ) : (
      <Badge appearance="tint" color="danger">
        {t("fileRefused")}
      </Badge>
    );

  const view = consolidated?.view ?? (files.length === 0 ? restored?.view : undefined);
  const showRestored = !consolidated && files.length === 0 && restored !== null;
  const section = (title: string, items: { key: string; text: string; detail?: string }[]) =>
    items.length ? (
      <div className={part.section} role="group" aria-label={title}>
        <Subtitle2>{title}</Subtitle2>
        <ul className={part.list}>
          {items.map((item) => (
            <li key={item.key}>
              <Body1>{item.text}</Body1>
              {item.detail ? <Caption1 className={styles.why}> — {item.detail}</Caption1> : null}
            </li>
          ))}
        </ul>
      </div>
    ) : (
      <Subtitle2>{title}</Subtitle2>
    );
  const lines = (list: LocalizedText[], prefix: string) =>
    list.map((x, i) => ({ key: `${prefix}${i}`, text: l(x) }));

  return (
    <section className={part.part} aria-label={t("tabConsolidate")}>
      <Body1 className={part.intro}>{t("consolidateIntro")}</Body1>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>{t("dropZone")}</Body1>
        <input
          ref={inputRef}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("pickFiles")}
          onChange={onPick}
        />
        <Button onClick={() => inputRef.current?.click()} disabled={reading}>
          {t("pickFiles")}
        </Button>
      </div>
      {files.length ? (
        <>
          <Field
            validationMessage={t("filesProgress", { done, total: files.length })}
            validationState="none"
          >
            <ProgressBar value={files.length ? done / files.length : 0} />
          </Field>
          <ul className={part.list} aria-label={t("filesProgress", { done, total: files.length })}>
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className={styles.file} data-state={f.state}>
                <div className={styles.fileHead}>
                  <Body1 className={styles.fileName}>{f.name}</Body1>
                  {stateBadge(f)}
                </div>
                {f.message ? <Caption1 className={styles.why}>{l(f.message)}</Caption1> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Caption1>{t("noFilesYet")}</Caption1>
      )}
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
      <Field label={t("deadlineLabel")}>
        <Input
          type="date"
          value={deadline}
          onChange={(_, data) => {
            setDeadline(data.value);
            setConsolidated(null);
          }}
        />
      </Field>
      <Caption1>
        {Object.keys(settings.templateDeadlines ?? {}).length > 0 &&
          `${t("deadlineOwn", {
            list: Object.entries(settings.templateDeadlines ?? {})
              .map(
                ([id, d]) =>
                  `${templatesForSettings(settings).find((s) => s.id === id)?.section ?? id}: ${formatIsoDateVi(d)}`
              )
              .join("; "),
          })} `}
        {t("reportDeadline", { date: formatIsoDateVi(settings.reportDeadline) })}
      </Caption1>
      <EvidenceParameters ruleSet={ruleSetFor(settings)} />
      <div className={part.actions}>
        <Button
          appearance="primary"
          disabled={busy || reading || taken === 0}
          onClick={consolidate}
        >
          {t("runConsolidate")}
        </Button>
        <Button
          disabled={busy || reading || files.length === 0}
          onClick={() => {
            setFiles([]);
            setConsolidated(null);
          }}
        >
          {t("clearFiles")}
        </Button>
      </div>
      {busy ? <ProgressBar aria-label={t("working")} /> : null}
      {view ? null : <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />}
      {view ? (
        <div className={part.section} data-testid="consolidation-result">
          {showRestored ? (
            <>
              <Body1 role="status">
                {t("restoredConsolidation", {
                  time: new Date(restored.savedAt).toLocaleString("vi-VN"),
                })}
              </Body1>
              <Caption1 className={styles.why}>
                {t("restoredFiles", { files: restored.files.map((f) => f.name).join(", ") })}
              </Caption1>
            </>
          ) : (
            <div className={part.actions}>
              <Button appearance="primary" disabled={busy} onClick={writeMaster}>
                {t("writeMaster")}
              </Button>
            </div>
          )}
          <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
          {section(
            t("resultTaken", { count: view.taken.length }),
            view.taken.map((x, i) => ({
              key: `t${i}`,
              text: `${x.file} · ${x.sheet}`,
              detail: `${l(x.template)} — ${t("rowsTaken", { rows: x.rows })}`,
            }))
          )}
          {section(
            t("resultRefused", { count: view.refused.length }),
            view.refused.map((x, i) => ({ key: `r${i}`, text: x.file, detail: l(x.message) }))
          )}
          {section(
            t("resultConflicts", { count: view.conflicts.length }),
            lines(view.conflicts, "c")
          )}
          {section(
            t("resultExcludedRows", { count: view.excludedRows.length }),
            lines(view.excludedRows, "x")
          )}
          {section(t("resultMissing", { count: view.missing.length }), lines(view.missing, "m"))}
          {view.issueCount ? (
            <Caption1>{t("resultIssues", { count: view.issueCount })}</Caption1>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
