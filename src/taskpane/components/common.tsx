/** Small pieces shared by the four parts: the action runner, the message bars and the layout styles. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LocalizedText } from "../../core/i18n";
import { describeError } from "../state/pane-controller";
import { useStrings } from "../i18n/lang-context";

export const usePartStyles = makeStyles({
  part: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    minWidth: 0,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  fullWidth: { width: "100%", minWidth: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

export type Feedback = {
  intent: "error" | "success" | "info" | "warning";
  text: LocalizedText;
} | null;

/**
 * Runs a pane action: marks it busy, turns a throw into a Vietnamese/English message, never lets a
 * rejection escape (a blank pane or an unhandled rejection is the one thing we must not show).
 */
export function useAction() {
  const [busy, setBusy] = React.useState(false);
  const [feedback, setFeedback] = React.useState<Feedback>(null);
  const run = React.useCallback(
    async (
      action: LocalizedText,
      fn: () => Promise<LocalizedText | null | void>
    ): Promise<void> => {
      setBusy(true);
      setFeedback(null);
      try {
        const done = await fn();
        if (done) setFeedback({ intent: "success", text: done });
      } catch (err) {
        setFeedback({ intent: "error", text: describeError(err, action) });
      } finally {
        setBusy(false);
      }
    },
    []
  );
  return { busy, feedback, setFeedback, run };
}

export function FeedbackBar({
  feedback,
  onDismiss,
}: {
  feedback: Feedback;
  onDismiss: () => void;
}) {
  const { t, l } = useStrings();
  if (!feedback) return null;
  return (
    <MessageBar
      intent={feedback.intent}
      layout="multiline"
      role={feedback.intent === "error" ? "alert" : "status"}
    >
      <MessageBarBody>
        {feedback.intent === "error" ? <MessageBarTitle>{t("errorTitle")}</MessageBarTitle> : null}
        {l(feedback.text)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label={t("dismiss")}
            onClick={onDismiss}
          >
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
