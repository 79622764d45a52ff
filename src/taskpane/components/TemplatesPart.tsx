/** Mẫu biểu: choose a department template and the year; insert it here or download blank files. */
import * as React from "react";
import {
  Body1,
  Button,
  Combobox,
  Dropdown,
  Field,
  Option,
  OptionGroup,
  ProgressBar,
} from "@fluentui/react-components";
import type { PeriodSettings } from "../../core/settings/types";
import type { PaneController } from "../state/pane-controller";
import { useStrings } from "../i18n/lang-context";
import { STRINGS, both, text } from "../i18n/strings";
import { FeedbackBar, useAction, usePartStyles } from "./common";

export interface TemplatesPartProps {
  controller: PaneController;
  /** The pane's review period (its year and heading go into the templates). */
  settings: PeriodSettings;
}

export function TemplatesPart({ controller, settings }: TemplatesPartProps) {
  const styles = usePartStyles();
  const { t, l, lang } = useStrings();
  const [templateId, setTemplateId] = React.useState<string | null>(null);
  // A TCCS's own report: "" = every TCCS of the register (the default), else the one unit's code.
  const [unitCode, setUnitCode] = React.useState("");
  // What the official types to find their TCCS; null = show the chosen one.
  const [unitQuery, setUnitQuery] = React.useState<string | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const { busy, feedback, setFeedback, run } = useAction();

  const period = settings.period;
  // The templates of the period's year (each period has its own template set).
  const groups = React.useMemo(() => controller.templateGroups(period), [controller, period]);
  const chosen = groups.flatMap((g) => g.templates).find((s) => s.id === templateId) ?? null;
  const label = (id: string) => {
    const spec = groups.flatMap((g) => g.templates).find((s) => s.id === id);
    return spec ? `${spec.section}. ${l(spec.title)}` : "";
  };

  // The units that may insert the template with only their own row (3.14: the register's TCCS).
  const units = React.useMemo(
    () => (chosen ? controller.unitChoices(chosen.id, period) : []),
    [controller, chosen, period]
  );
  const chosenUnit = units.find((u) => u.code === unitCode) ?? null;
  const unitLabel = chosenUnit ? chosenUnit.name : t("reportingUnitAll");
  const shownUnits =
    unitQuery === null ? units : units.filter((u) => fold(u.name).includes(fold(unitQuery)));
  const showAll = unitQuery === null || fold(t("reportingUnitAll")).includes(fold(unitQuery));
  const chooseTemplate = (id: string | null) => {
    setTemplateId(id);
    setUnitCode("");
    setUnitQuery(null);
  };

  const insert = () =>
    run(STRINGS.actionInsert, async () => {
      if (!templateId) return null;
      const { spec, unit } = await controller.insertTemplate(
        templateId,
        period,
        settings,
        chosenUnit?.code
      );
      const say = (lang: "vi" | "en") =>
        unit
          ? text(lang, "insertedForUnit", {
              title: spec.title[lang],
              unit: unit.name,
              sheet: spec.sheetName,
            })
          : text(lang, "inserted", { title: spec.title[lang], sheet: spec.sheetName });
      return { vi: say("vi"), en: say("en") };
    });

  const downloadAll = () =>
    run(STRINGS.actionDownload, async () => {
      try {
        const count = await controller.downloadAllTemplates(
          period,
          (done, total) => setProgress({ done, total }),
          settings
        );
        return both("downloaded", { count });
      } finally {
        setProgress(null);
      }
    });

  return (
    <section className={styles.part} aria-labelledby="templates-title">
      <h2 id="templates-title" className={styles.visuallyHidden}>
        {t("tabTemplates")}
      </h2>
      <Body1 className={styles.intro}>{t("templatesIntro")}</Body1>
      <Field label={t("templateLabel")} required>
        <Dropdown
          className={styles.fullWidth}
          placeholder={t("templatePlaceholder")}
          value={templateId ? label(templateId) : ""}
          selectedOptions={templateId ? [templateId] : []}
          onOptionSelect={(_e, data) => chooseTemplate(data.optionValue ?? null)}
          key={lang}
        >
          {groups.map((group) => (
            <OptionGroup key={group.code} label={l(group.department)}>
              {group.templates.map((spec) => (
                <Option key={spec.id} value={spec.id} text={label(spec.id)}>
                  {label(spec.id)}
                </Option>
              ))}
            </OptionGroup>
          ))}
        </Dropdown>
      </Field>
      {units.length > 0 ? (
        <Field
          label={t("reportingUnitLabel")}
          hint={t("reportingUnitHint")}
          {...(!showAll && shownUnits.length === 0
            ? { validationMessage: t("reportingUnitNoMatch"), validationState: "warning" as const }
            : {})}
        >
          <Combobox
            className={styles.fullWidth}
            value={unitQuery ?? unitLabel}
            selectedOptions={[unitCode]}
            onChange={(e) => setUnitQuery(e.target.value)}
            onOptionSelect={(_e, data) => {
              // Typing clears Fluent's selection (no optionValue): keep the choice until a pick.
              if (data.optionValue === undefined) return;
              setUnitCode(data.optionValue);
              setUnitQuery(null);
            }}
            onOpenChange={(_e, data) => {
              if (!data.open) setUnitQuery(null);
            }}
            key={lang}
          >
            {showAll ? (
              <Option value="" text={t("reportingUnitAll")}>
                {t("reportingUnitAll")}
              </Option>
            ) : null}
            {shownUnits.map((u) => (
              <Option key={u.code} value={u.code} text={u.name}>
                {u.name}
              </Option>
            ))}
          </Combobox>
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !chosen} onClick={insert}>
          {t("insertTemplate")}
        </Button>
        <Button disabled={busy} onClick={downloadAll}>
          {t("downloadAll")}
        </Button>
      </div>
      {!chosen ? <Body1 className={styles.intro}>{t("chooseTemplateFirst")}</Body1> : null}
      {progress ? (
        <Field
          validationMessage={t("downloading", { done: progress.done, total: progress.total })}
          validationState="none"
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
        </Field>
      ) : null}
      {busy && !progress ? <ProgressBar aria-label={t("working")} /> : null}
      <FeedbackBar feedback={feedback} onDismiss={() => setFeedback(null)} />
    </section>
  );
}

/** A name as compared when searching: lower case, without diacritics (đ as d), so "thuy tan" finds "Thủy Tân". */
function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .trim();
}
