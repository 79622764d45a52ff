/**
 * One error boundary per part: a render error in one part (say Tổng hợp) shows a message with a
 * retry button in that part only, and the other parts stay usable.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { LangContext } from "../i18n/lang-context";
import { text } from "../i18n/strings";
import { describeError } from "../state/pane-error";
import type { LocalizedText } from "../../core/i18n";

interface Props {
  /** The part's name, in both languages ("Tổng hợp"). */
  part: LocalizedText;
  children: React.ReactNode;
}

interface State {
  error: unknown;
}

export class PartBoundary extends React.Component<Props, State> {
  static override contextType = LangContext;
  declare context: React.ContextType<typeof LangContext>;
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error("?") };
  }

  override componentDidCatch(error: unknown): void {
    // Kept for whoever opens the browser console; the person sees the message below.
    console.error("XếpLoại: a part of the pane failed", error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const lang = this.context.lang;
    const message = describeError(this.state.error, this.props.part);
    return (
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="part-crashed">
        <MessageBarBody>
          <MessageBarTitle>{text(lang, "partCrashedTitle")}</MessageBarTitle>
          {text(lang, "partCrashedBody", { part: this.props.part[lang] })} {message[lang]}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => this.setState({ error: null })}>
            {text(lang, "partRetry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
