/**
 * The evidence parameters of the rule set in use, read only, each with its source: which
 * department figure must hold for a TCCS to claim a criterion "xuất sắc", what follows when it does
 * not, and whether the threshold is the Ban Tổ chức's own parameter or from a document. A closed
 * section of the Tổng hợp part; changing a threshold is done in the rules JSON, not here.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { describeEvidenceParameters } from "../../core/classify/evidence-parameters";
import type { RuleSet } from "../../core/rules/types";
import { useStrings } from "../i18n/lang-context";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface EvidenceParametersProps {
  ruleSet: RuleSet;
}

export function EvidenceParameters({ ruleSet }: EvidenceParametersProps) {
  const styles = useStyles();
  const { t, l } = useStrings();
  const view = React.useMemo(() => describeEvidenceParameters(ruleSet), [ruleSet]);
  const criteria = [...new Map(view.rules.map((r) => [r.criterion.vi, r.criterion])).values()];
  const sourceBadge = (local: boolean) => (
    <Badge appearance="outline" color={local ? "warning" : "informative"} size="small">
      {local ? t("evidenceParamsLocal") : t("evidenceParamsDocument")}
    </Badge>
  );
  return (
    <Accordion collapsible data-testid="evidence-parameters">
      <AccordionItem value="evidence">
        <AccordionHeader size="small">{t("evidenceParamsTitle")}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.group}>
            <Caption1 className={styles.muted}>
              {t("evidenceParamsIntro", { ruleSet: l(view.ruleSetName) })}
            </Caption1>
            {view.rules.length === 0 ? <Body1>{t("evidenceParamsNone")}</Body1> : null}
            {criteria.map((c) => (
              <div
                key={c.vi}
                className={styles.group}
                role="group"
                aria-label={t("evidenceParamsCriterion", { criterion: l(c) })}
              >
                <Subtitle2>{t("evidenceParamsCriterion", { criterion: l(c) })}</Subtitle2>
                <ul className={styles.list}>
                  {view.rules
                    .filter((r) => r.criterion.vi === c.vi)
                    .map((r) => (
                      <li key={r.id} className={styles.item}>
                        <div className={styles.head}>
                          <Body1>{l(r.department)}</Body1>
                          {sourceBadge(r.decidedLocally)}
                        </div>
                        <Body1>
                          {t("evidenceParamsFailsWhen", { test: l(r.failsWhen) })}{" "}
                          {t("evidenceParamsThen", { consequence: l(r.consequence) })}
                        </Body1>
                        {r.appliesTo ? (
                          <Caption1 className={styles.muted}>
                            {t("evidenceParamsAppliesTo", { list: l(r.appliesTo) })}
                          </Caption1>
                        ) : null}
                        <Caption1 className={styles.muted}>
                          {t("evidenceParamsSource", { source: l(r.source) })}
                        </Caption1>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
            {view.rules.length ? <Caption1>{l(view.whenMissing)}</Caption1> : null}
            {view.memberCheck ? (
              <div className={styles.item} role="group" aria-label={t("evidenceParamsMembers")}>
                <div className={styles.head}>
                  <Body1>{t("evidenceParamsMembers")}</Body1>
                  {sourceBadge(view.memberCheck.decidedLocally)}
                </div>
                <Caption1>{l(view.memberCheck.text)}</Caption1>
                <Caption1 className={styles.muted}>
                  {t("evidenceParamsSource", { source: l(view.memberCheck.source) })}
                </Caption1>
              </div>
            ) : null}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
