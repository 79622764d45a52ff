/**
 * In: what the documents will show (the review period's bodies, place, number, date and signer,
 * edited in the period header) and the print layout. The details are the workbook's own period, so
 * opening the pane never brings back defaults over a master's signature block.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import type { PeriodSettings } from "../../core/settings/types";
import { formatIsoDateVi } from "../../core/settings/defaults";
import type { PaneController } from "../state/pane-controller";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both } from "../i18n/strings";
import { FeedbackBar, useAction, usePartStyles } from "./common";
import { PRINTED_FIELDS, getField, normalisedPeriod } from "./PeriodHeader";
import { useWorkbookEvents } from "./use-workbook-events";

export interface PrintPartProps {
  controller: PaneController;
  settings: PeriodSettings;
  /** Opens the period editor (the header's). */
  onEditPeriod: () => void;
}

export function PrintPart({ controller, settings, onEditPeriod }: PrintPartProps) {
  const part = usePartStyles();
  const { t } = useStrings();
  const { busy, feedback, setFeedback, run } = useAction();

  const missing = PRINTED_FIELDS.filter((f) => getField(settings, f.field).trim() === "");

  // Whether the workbook holds a master to lay out, kept true as sheets come and go.
  const [hasMaster, setHasMaster] = React.useState<boolean | null>(null);
  const lookForMaster = React.useCallback(() => {
    controller.printableSheetsPresent().then(
      (sheets) => {
        setHasMaster(sheets.length > 0);
        if (sheets.length > 0) setFeedback((f) => (f?.intent === "error" ? null : f));
      },
      () => setHasMaster(null)
    );
  }, [controller, setFeedback]);
  React.useEffect(lookForMaster, [lookForMaster]);
  useWorkbookEvents(
    controller,
    (e) => e.kind === "added" || e.kind === "deleted" || e.kind === "reloaded",
    lookForMaster
  );

  const apply = () =>
    run(STRINGS.actionApplyPrint, async () => {
      const done = await controller.applyPrint(normalisedPeriod(settings));
      const quote = (names: string[]) => names.map((s) => `“${s}”`).join(", ");
      const parts = [both("printApplied", { sheets: quote(done.sheets) })];
      if (done.rewritten) return parts[0]!;
      // A master written earlier: its heading and signature cells were rewritten in place.
      if (done.headingUpdated.length > 0)
        parts.push(both("printHeadingUpdated", { sheets: quote(done.headingUpdated) }));
      else if (done.headingSkipped.length === 0) parts.push(both("printHeadingNotRecorded"));
      parts.push(...done.headingSkipped);
      const joined = {
        vi: parts.map((p) => p.vi).join(" "),
        en: parts.map((p) => p.en).join(" "),
      };
      if (done.headingUpdated.length > 0 && done.headingSkipped.length === 0) return joined;
      setFeedback({ intent: "warning", text: joined });
    });

  const rows: { label: string; value: string }[] = [
    ...PRINTED_FIELDS.map(({ field, label }) => ({
      label: t(label),
      value: getField(settings, field).trim() || t("notSet"),
    })),
    { label: t("reportNumber"), value: settings.reportNumber?.trim() || t("notSet") },
    {
      label: t("documentDate"),
      value: settings.documentDate ? formatIsoDateVi(settings.documentDate) : t("notSet"),
    },
  ];

  return (
    <section className={part.part} aria-labelledby="print-title">
      <Subtitle2 as="h2" id="print-title">
        {t("printSummaryTitle")}
      </Subtitle2>
      <Body1 className={part.intro}>{t("printIntro")}</Body1>
      <dl className={part.details} data-testid="print-details">
        {rows.map((r) => (
          <React.Fragment key={r.label}>
            <dt>
              <Caption1>{r.label}</Caption1>
            </dt>
            <dd>
              <Body1>{r.value}</Body1>
            </dd>
          </React.Fragment>
        ))}
      </dl>
      {hasMaster === false && !controller.consolidated ? (
        <MessageBar intent="info" layout="multiline" data-testid="no-master">
          <MessageBarBody>{t("noMasterSheets")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={part.actions}>
        <Button
          appearance="primary"
          disabled={busy || missing.length > 0}
          onClick={() => void apply()}
        >
          {t("applyPrint")}
        </Button>
        <Button icon={<EditRegular />} onClick={onEditPeriod}>
          {t("printEditDetails")}
        </Button>
      </div>
      {busy ? <ProgressBar aria-label={t("working")} /> : null}
      <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
    </section>
  );
}
