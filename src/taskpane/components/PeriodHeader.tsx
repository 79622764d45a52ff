/**
 * The review period ("Kỳ đánh giá") above every part: the year and deadlines in one compact line,
 * and an edit action that opens the whole period (year, deadlines, bodies, place, document number
 * and date, signer). Deadlines follow the year until someone edits them. Saving keeps the period
 * in the workbook, so every part (and a pane opened later) uses it.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import type { PeriodSettings } from "../../core/settings/types";
import { formatIsoDateVi } from "../../core/settings/defaults";
import { withYear } from "../../core/settings/period";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import { useStrings } from "../i18n/lang-context";
import type { StringKey } from "../i18n/strings";
import { isValidPeriod } from "../state/templates-flow";
import { DateField } from "./DateField";
import { usePartStyles } from "./common";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  summary: { display: "flex", flexDirection: "column", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type TextField =
  "parentBody" | "issuingBody" | "place" | "signer.onBehalfOf" | "signer.position" | "signer.name";

export const PRINTED_FIELDS: { field: TextField; label: StringKey }[] = [
  { field: "parentBody", label: "parentBody" },
  { field: "issuingBody", label: "issuingBody" },
  { field: "place", label: "place" },
  { field: "signer.onBehalfOf", label: "signerOnBehalfOf" },
  { field: "signer.position", label: "signerPosition" },
  { field: "signer.name", label: "signerName" },
];

export function getField(s: PeriodSettings, field: TextField): string {
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

/** Trimmed NFC text fields (what is saved and printed). */
export function normalisedPeriod(s: PeriodSettings): PeriodSettings {
  return PRINTED_FIELDS.reduce(
    (acc, f) => setField(acc, f.field, getField(acc, f.field).trim().normalize("NFC")),
    s
  );
}

/** "3.8: 20/11/2024; …" for templates with their own deadline. */
export function ownDeadlines(settings: PeriodSettings): string {
  return Object.entries(settings.templateDeadlines ?? {})
    .map(
      ([id, d]) =>
        `${templatesForSettings(settings).find((s) => s.id === id)?.section ?? id}: ${formatIsoDateVi(d)}`
    )
    .join("; ");
}

export interface PeriodHeaderProps {
  settings: PeriodSettings;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  /** Saves the edited period (the pane's state and the workbook). */
  onSave: (settings: PeriodSettings) => Promise<void> | void;
}

export function PeriodHeader({ settings, editing, onEditingChange, onSave }: PeriodHeaderProps) {
  const styles = useStyles();
  const part = usePartStyles();
  const { t } = useStrings();
  const own = ownDeadlines(settings);
  return (
    <section aria-label={t("periodRegion")} data-testid="period-header">
      <div className={styles.bar}>
        <div className={styles.summary}>
          <Text weight="semibold">{t("periodTitle", { year: settings.period })}</Text>
          <Caption1 className={styles.muted}>
            {t("periodDeadlines", {
              deadline: formatIsoDateVi(settings.deadline),
              report: formatIsoDateVi(settings.reportDeadline),
            })}
            {own ? ` · ${t("periodOwnDeadlines", { list: own })}` : ""}
          </Caption1>
        </div>
        <Button
          size="small"
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={t("periodEditLabel")}
          aria-expanded={editing}
          onClick={() => onEditingChange(!editing)}
        >
          {t("periodEdit")}
        </Button>
      </div>
      {editing ? (
        <PeriodEditor
          initial={settings}
          onCancel={() => onEditingChange(false)}
          onSave={async (next) => {
            await onSave(next);
            onEditingChange(false);
          }}
          className={styles.form}
          actionsClass={part.actions}
        />
      ) : null}
    </section>
  );
}

function PeriodEditor({
  initial,
  onSave,
  onCancel,
  className,
  actionsClass,
}: {
  initial: PeriodSettings;
  onSave: (s: PeriodSettings) => Promise<void>;
  onCancel: () => void;
  className: string;
  actionsClass: string;
}) {
  const { t } = useStrings();
  const [draft, setDraft] = React.useState(initial);
  const [yearText, setYearText] = React.useState(String(initial.period));
  const [badDates, setBadDates] = React.useState<Record<string, boolean>>({});
  const validity = React.useCallback(
    (key: string) => (valid: boolean) =>
      setBadDates((prev) => (prev[key] === !valid ? prev : { ...prev, [key]: !valid })),
    []
  );
  const year = Number(yearText);
  const yearOk = /^\d{4}$/.test(yearText.trim()) && isValidPeriod(year);
  const emptyField = PRINTED_FIELDS.some((f) => getField(draft, f.field).trim() === "");
  const canSave = yearOk && !emptyField && !Object.values(badDates).some(Boolean);

  return (
    <form
      className={className}
      aria-label={t("periodEditLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) void onSave(normalisedPeriod(draft));
      }}
    >
      <Field
        label={t("periodYear")}
        required
        validationState={yearOk ? "none" : "error"}
        validationMessage={yearOk ? undefined : t("periodInvalid")}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1990}
          max={2100}
          value={yearText}
          onChange={(_e, data) => {
            setYearText(data.value);
            const y = Number(data.value);
            if (/^\d{4}$/.test(data.value.trim()) && isValidPeriod(y))
              setDraft((d) => withYear(d, y));
          }}
        />
      </Field>
      <DateField
        label={t("periodDeadline")}
        hint={t("periodDerivedHint")}
        required
        value={draft.deadline}
        onChange={(iso) => iso && setDraft((d) => ({ ...d, deadline: iso }))}
        onValidity={validity("deadline")}
      />
      <DateField
        label={t("periodReportDeadline")}
        required
        value={draft.reportDeadline}
        onChange={(iso) => iso && setDraft((d) => ({ ...d, reportDeadline: iso }))}
        onValidity={validity("reportDeadline")}
      />
      {PRINTED_FIELDS.map(({ field, label }) => {
        const value = getField(draft, field);
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
              onChange={(_e, data) => setDraft((d) => setField(d, field, data.value))}
            />
          </Field>
        );
      })}
      <Field label={t("reportNumber")}>
        <Input
          value={draft.reportNumber ?? ""}
          onChange={(_e, data) =>
            setDraft((d) => ({ ...d, reportNumber: data.value.trim() ? data.value : null }))
          }
        />
      </Field>
      <DateField
        label={t("documentDate")}
        value={draft.documentDate}
        onChange={(iso) => setDraft((d) => ({ ...d, documentDate: iso }))}
        onValidity={validity("documentDate")}
      />
      <div className={actionsClass}>
        <Button appearance="primary" type="submit" disabled={!canSave}>
          {t("periodSave")}
        </Button>
        <Button onClick={onCancel}>{t("periodCancel")}</Button>
      </div>
    </form>
  );
}
