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
import { DismissRegular } from "@fluentui/react-icons";
import type { LocalizedText } from "../../core/i18n";
import { PaneError, describeError } from "../state/pane-controller";
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
  /** Read by screen readers, not shown (a heading the visible layout does not need). */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
  /** A definition list of label / value pairs, one pair a line. */
  details: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground2 },
  },
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

/** dd/mm/yyyy and a 24-hour time in Vietnamese; the English pane writes its own way. */
export function formatDateTime(d: Date, lang: "vi" | "en"): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  return lang === "vi"
    ? `${pad(d.getHours())}:${pad(d.getMinutes())} ngày ${date}`
    : `${date} ${d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;
}

/** A time of day as the chosen language writes it (24-hour in Vietnamese). */
export function formatTime(d: Date, lang: "vi" | "en"): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return lang === "vi"
    ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
    : d.toLocaleTimeString("en-US");
}

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
        // A refusal that tells the official what to do is guidance, not "something went wrong".
        setFeedback({
          intent: err instanceof PaneError ? "warning" : "error",
          text: describeError(err, action),
        });
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
      role={feedback.intent === "error" || feedback.intent === "warning" ? "alert" : "status"}
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
            <DismissRegular />
          </Button>
        }
      />
    </MessageBar>
  );
}
