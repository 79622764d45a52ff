/**
 * The XếpLoại task pane: four parts (Mẫu biểu, Kiểm tra, Tổng hợp, In) in a TabList, Vietnamese
 * first with an English switch. All workbook access goes through the controller's WorkbookPort.
 */
import * as React from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  ToggleButton,
  makeStaticStyles,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import type { HostState, PanePart } from "../startup";
import { LangContext } from "../i18n/lang-context";
import { STRINGS, both, text } from "../i18n/strings";
import type { PaneController } from "../state/pane-controller";
import { describeError } from "../state/pane-controller";
import { createDefaultController } from "../state/default-controller";
import { browserModeAddress } from "../browser/address";
import { ConsolidatePart } from "./ConsolidatePart";
import { PrintPart } from "./PrintPart";
import { TemplatesPart } from "./TemplatesPart";
import { ValidatePart } from "./ValidatePart";
import { PartBoundary } from "./PartBoundary";
import { PeriodHeader } from "./PeriodHeader";
import { FeedbackBar, type Feedback } from "./common";

/** The page itself: no browser margin around the pane (else a white frame shows in dark themes). */
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "280px",
    maxWidth: "100%",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap" },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface AppProps {
  initialPart?: PanePart;
  /** Tests hand in a controller over a fake port; Excel uses the Office.js one. */
  controller?: PaneController;
  initialLang?: Lang;
  /**
   * Where the pane runs (see startup.ts). The requirement check runs only in Excel, and again when
   * this changes: before Office.onReady every requirement set looks missing. Without it: "excel"
   * when a controller is given or Office.js is loaded, else "not-in-excel".
   */
  host?: HostState;
  /** Shown between the header and the parts (the browser mode's file bar). */
  banner?: React.ReactNode;
}

const LANG_KEY = "xeploai.lang";

/** The language chosen last time in this browser (Vietnamese when none, or when storage is off). */
function rememberedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be blocked (private mode, policies): the switch still works for this session.
  }
}

export default function App({
  initialPart,
  controller: given,
  initialLang,
  host: hostProp,
  banner,
}: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [lang, setLangState] = React.useState<Lang>(() => initialLang ?? rememberedLang());
  const setLang = React.useCallback((next: Lang) => {
    setLangState(next);
    rememberLang(next);
  }, []);
  const [part, setPart] = React.useState<PanePart>(initialPart ?? "templates");
  const langState = React.useMemo(() => ({ lang, setLang }), [lang, setLang]);
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) =>
    text(lang, key, params);

  const created = React.useMemo((): { controller: PaneController } | { error: unknown } => {
    if (given) return { controller: given };
    try {
      return { controller: createDefaultController() };
    } catch (error) {
      return { error };
    }
  }, [given]);

  const controller = "controller" in created ? created.controller : null;
  const [settings, setSettings] = React.useState<PeriodSettings | null>(() =>
    controller ? controller.services.defaultSettings() : null
  );
  // The review period of the open workbook replaces the defaults as soon as it is read.
  const [editingPeriod, setEditingPeriod] = React.useState(false);
  const [periodFeedback, setPeriodFeedback] = React.useState<Feedback>(null);
  const touched = React.useRef(false);
  // Each read of the period is numbered: only the latest one may change the header.
  const periodReads = React.useRef(0);
  React.useEffect(() => {
    if (!controller) return undefined;
    let cancelled = false;
    const read = ++periodReads.current;
    controller.loadPeriod().then(
      (loaded) => {
        if (!cancelled && !touched.current && read === periodReads.current)
          setSettings(loaded.settings);
      },
      () => undefined
    );
    // Browser mode: another workbook opened (or closed). The period it records (its master's or
    // template's, or the one remembered when none is open) replaces the header's, even one the
    // official saved for the previous workbook; a file that records none leaves the header as is.
    const stop = controller.watchWorkbook((event) => {
      if (event.kind !== "reloaded") return;
      const reread = ++periodReads.current;
      controller.loadPeriod().then(
        (loaded) => {
          if (cancelled || reread !== periodReads.current || loaded.from === "defaults") return;
          touched.current = false;
          setSettings(loaded.settings);
        },
        () => undefined
      );
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [controller]);
  const savePeriod = React.useCallback(
    async (next: PeriodSettings) => {
      touched.current = true;
      setSettings(next);
      if (!controller) return;
      try {
        await controller.savePeriod(next);
        setPeriodFeedback({ intent: "success", text: both("periodSaved", { year: next.period }) });
      } catch (err) {
        const detail = describeError(err, STRINGS.periodRegion);
        setPeriodFeedback({
          intent: "warning",
          text: {
            vi: text("vi", "periodNotSaved", { detail: detail.vi }),
            en: text("en", "periodNotSaved", { detail: detail.en }),
          },
        });
      }
    },
    [controller]
  );
  const editPeriod = React.useCallback(() => setEditingPeriod(true), []);
  const host: HostState =
    hostProp ??
    (given || typeof (globalThis as { Office?: unknown }).Office !== "undefined"
      ? "excel"
      : "not-in-excel");
  const requirements = React.useMemo(() => {
    if (!controller) return null;
    // Outside Excel, or before Office is ready, there is no requirement set to name: say "not in
    // Excel" rather than "update Excel". Recomputed when the host becomes known.
    if (host !== "excel") return { ok: false, missing: [] };
    try {
      return controller.checkRequirements();
    } catch {
      return { ok: false, missing: [] };
    }
  }, [controller, host]);

  let body: React.ReactNode;
  if (!controller || !settings) {
    const message = describeError("error" in created ? created.error : "?", STRINGS.actionStart);
    body = (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
          {message[lang]}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (requirements && !requirements.ok) {
    body = (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>
            {t(requirements.missing.length ? "requirementsTitle" : "noExcelTitle")}
          </MessageBarTitle>
          {requirements.missing.length ? (
            <>
              {t("requirementsBody", { sets: requirements.missing.join(", ") })}
              <br />
              {t("requirementsBrowserMode", { url: browserModeAddress() })}
            </>
          ) : (
            t("noExcelBody")
          )}
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    // Parts stay mounted when hidden so picked files and results survive switching tabs.
    body = (
      <>
        <TabList
          className={styles.tabs}
          selectedValue={part}
          onTabSelect={(_e, data) => setPart(data.value as PanePart)}
          aria-label={t("partsLabel")}
          size="small"
        >
          <Tab value="templates" id="tab-templates" aria-controls="panel-templates">
            {t("tabTemplates")}
          </Tab>
          <Tab value="validate" id="tab-validate" aria-controls="panel-validate">
            {t("tabValidate")}
          </Tab>
          <Tab value="consolidate" id="tab-consolidate" aria-controls="panel-consolidate">
            {t("tabConsolidate")}
          </Tab>
          <Tab value="print" id="tab-print" aria-controls="panel-print">
            {t("tabPrint")}
          </Tab>
        </TabList>
        <PeriodHeader
          settings={settings}
          editing={editingPeriod}
          onEditingChange={setEditingPeriod}
          onSave={savePeriod}
        />
        <FeedbackBar feedback={periodFeedback} onDismiss={() => setPeriodFeedback(null)} />
        <div
          role="tabpanel"
          id="panel-templates"
          aria-labelledby="tab-templates"
          hidden={part !== "templates"}
        >
          <PartBoundary part={STRINGS.tabTemplates}>
            <TemplatesPart controller={controller} settings={settings} />
          </PartBoundary>
        </div>
        <div
          role="tabpanel"
          id="panel-validate"
          aria-labelledby="tab-validate"
          hidden={part !== "validate"}
        >
          <PartBoundary part={STRINGS.tabValidate}>
            <ValidatePart controller={controller} />
          </PartBoundary>
        </div>
        <div
          role="tabpanel"
          id="panel-consolidate"
          aria-labelledby="tab-consolidate"
          hidden={part !== "consolidate"}
        >
          <PartBoundary part={STRINGS.tabConsolidate}>
            <ConsolidatePart controller={controller} settings={settings} />
          </PartBoundary>
        </div>
        <div role="tabpanel" id="panel-print" aria-labelledby="tab-print" hidden={part !== "print"}>
          <PartBoundary part={STRINGS.tabPrint}>
            <PrintPart controller={controller} settings={settings} onEditPeriod={editPeriod} />
          </PartBoundary>
        </div>
      </>
    );
  }

  return (
    <LangContext.Provider value={langState}>
      <div className={styles.root} lang={lang}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title3 as="h1" className={styles.title}>
              {t("appTitle")}
            </Title3>
            <Caption1 className={styles.subtitle}>{t("appSubtitle")}</Caption1>
          </div>
          {/* The visible text is the accessible name (names the language it switches to, in that language). */}
          <ToggleButton
            size="small"
            checked={lang === "en"}
            lang={lang === "vi" ? "en" : "vi"}
            title={t("languageSwitchLabel")}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {t("languageSwitch")}
          </ToggleButton>
        </header>
        {banner}
        <main className={styles.main}>{body}</main>
      </div>
    </LangContext.Provider>
  );
}
