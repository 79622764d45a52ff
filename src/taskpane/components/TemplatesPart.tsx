/** Mẫu biểu: choose a department template and the year; insert it here or download blank files. */
import * as React from "react";
import {
  Body1,
  Button,
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

  const insert = () =>
    run(STRINGS.actionInsert, async () => {
      if (!templateId) return null;
      const { spec } = await controller.insertTemplate(templateId, period, settings);
      return {
        vi: text("vi", "inserted", { title: spec.title.vi, sheet: spec.sheetName }),
        en: text("en", "inserted", { title: spec.title.en, sheet: spec.sheetName }),
      };
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
          onOptionSelect={(_e, data) => setTemplateId(data.optionValue ?? null)}
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
