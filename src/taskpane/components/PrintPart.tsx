/** In: the details printed on the master (bodies, place, date, signer) and the print layout. */
import * as React from "react";
import { Body1, Button, Field, Input, ProgressBar } from "@fluentui/react-components";
import type { PeriodSettings } from "../../core/settings/types";
import type { PaneController } from "../state/pane-controller";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both, type StringKey } from "../i18n/strings";
import { FeedbackBar, useAction, usePartStyles } from "./common";

export interface PrintPartProps {
  controller: PaneController;
  settings: PeriodSettings;
  onSettingsChange: (settings: PeriodSettings) => void;
}

type TextField =
  "parentBody" | "issuingBody" | "place" | "signer.onBehalfOf" | "signer.position" | "signer.name";

const FIELDS: { field: TextField; label: StringKey }[] = [
  { field: "parentBody", label: "parentBody" },
  { field: "issuingBody", label: "issuingBody" },
  { field: "place", label: "place" },
  { field: "signer.onBehalfOf", label: "signerOnBehalfOf" },
  { field: "signer.position", label: "signerPosition" },
  { field: "signer.name", label: "signerName" },
];

function getField(s: PeriodSettings, field: TextField): string {
  switch (field) {
    case "signer.onBehalfOf":
      return s.signer.onBehalfOf;
    case "signer.position":
      return s.signer.position;
    case "signer.name":
      return s.signer.name;
    default:
      return s[field];
  }
}

function setField(s: PeriodSettings, field: TextField, value: string): PeriodSettings {
  switch (field) {
    case "signer.onBehalfOf":
      return { ...s, signer: { ...s.signer, onBehalfOf: value } };
    case "signer.position":
      return { ...s, signer: { ...s.signer, position: value } };
    case "signer.name":
      return { ...s, signer: { ...s.signer, name: value } };
    default:
      return { ...s, [field]: value };
  }
}

export function PrintPart({ controller, settings, onSettingsChange }: PrintPartProps) {
  const part = usePartStyles();
  const { t } = useStrings();
  const { busy, feedback, setFeedback, run } = useAction();

  const missing = FIELDS.filter((f) => getField(settings, f.field).trim() === "");

  const apply = () =>
    run(STRINGS.actionApplyPrint, async () => {
      const normalised = FIELDS.reduce(
        (s, f) => setField(s, f.field, getField(s, f.field).trim().normalize("NFC")),
        settings
      );
      const done = await controller.applyPrint(normalised);
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

  return (
    <section className={part.part} aria-label={t("tabPrint")}>
      <Body1 className={part.intro}>{t("printIntro")}</Body1>
      <form
        className={part.section}
        onSubmit={(e) => {
          e.preventDefault();
          if (missing.length === 0) void apply();
        }}
      >
        {FIELDS.map(({ field, label }) => {
          const value = getField(settings, field);
          const empty = value.trim() === "";
          return (
            <Field
              key={field}
              label={t(label)}
              required
              validationState={empty ? "error" : "none"}
              validationMessage={empty ? t("fieldRequired") : undefined}
            >
              <Input
                value={value}
                onChange={(_e, data) => onSettingsChange(setField(settings, field, data.value))}
              />
            </Field>
          );
        })}
        <Field label={t("documentDate")}>
          <Input
            type="date"
            value={settings.documentDate ?? ""}
            onChange={(_e, data) =>
              onSettingsChange({ ...settings, documentDate: data.value || null })
            }
          />
        </Field>
        <div className={part.actions}>
          <Button appearance="primary" type="submit" disabled={busy || missing.length > 0}>
            {t("applyPrint")}
          </Button>
        </div>
      </form>
      {busy ? <ProgressBar aria-label={t("working")} /> : null}
      <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
    </section>
  );
}
