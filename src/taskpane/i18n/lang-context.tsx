/** The pane's current language (Vietnamese by default) and a hook that returns its strings. */
import * as React from "react";
import type { Lang, LocalizedText } from "../../core/i18n";
import { text, type StringKey } from "./strings";

export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const LangContext = React.createContext<LangState>({ lang: "vi", setLang: () => undefined });

export interface Strings {
  lang: Lang;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  /** A core LocalizedText in the current language. */
  l: (value: LocalizedText) => string;
}

export function useStrings(): Strings {
  const { lang } = React.useContext(LangContext);
  return React.useMemo(
    () => ({ lang, t: (key, params) => text(lang, key, params), l: (value) => value[lang] }),
    [lang]
  );
}
