/**
 * Pure helpers for the task pane's start-up (index.tsx): which part to open, which Fluent theme
 * follows the Office theme, and whether we run inside Excel. Kept free of React and of the global
 * Office object so they can be unit-tested in Node.
 */

/** The four parts of the pane; the ribbon buttons open taskpane.html?part=<part>. */
export const PANE_PARTS = ["templates", "validate", "consolidate", "print"] as const;
export type PanePart = (typeof PANE_PARTS)[number];

/** Reads `?part=` from a query string; unknown or missing values give undefined (App's default). */
export function parsePanePart(search: string): PanePart | undefined {
  const raw = new URLSearchParams(search).get("part");
  if (raw === null) return undefined;
  const value = raw.trim().toLowerCase();
  return (PANE_PARTS as readonly string[]).includes(value) ? (value as PanePart) : undefined;
}

/** The parts of Office.OfficeTheme we look at (all optional: fakes and old hosts may omit them). */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/**
 * True when Office shows a dark theme. Uses `isDarkTheme` when Office gives it, otherwise the
 * relative luminance of the body background colour ("#RRGGBB"); no theme information means light.
 */
export function isDarkOfficeTheme(theme: OfficeThemeLike | undefined | null): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(
    theme.bodyBackgroundColor?.trim() ?? ""
  );
  if (!match) return false;
  const [r, g, b] = match.slice(1, 4).map((hex) => parseInt(hex, 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5;
}

/** What Office.onReady reported, reduced to what start-up needs. */
export interface HostInfoLike {
  /** Office.HostType is typed as an enum but is the string "Excel" etc. at run time. */
  host?: unknown;
}

/**
 * True only inside Excel. Pass Office.HostType.Excel as `excelHost` when Office.js is loaded (it is
 * the string "Excel" in office.js; the default covers fakes that omit the HostType enum).
 */
export function isRunningInExcel(
  info: HostInfoLike | undefined | null,
  excelHost: unknown = "Excel"
): boolean {
  const host = info?.host;
  return host !== undefined && host !== null && (host === excelHost || host === "Excel");
}

/** How long to wait for Office.onReady before rendering with the "not in Excel" banner. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Where the pane runs, as far as start-up knows: inside Excel (Office ready, host Excel), not in
 * Excel (no Office.js, or another host), or still waiting for Office.onReady after the fallback
 * delay. Only "excel" may run the requirement check: before onReady, Office.context is undefined
 * and every requirement set looks missing.
 */
export type HostState = "excel" | "not-in-excel" | "waiting";

/** The part of the global Office object start-up uses. */
export interface OfficeStartLike {
  onReady(callback: (info: HostInfoLike) => unknown): unknown;
  HostType?: { Excel?: unknown };
}

/**
 * Renders the pane as soon as the host is known: at once without Office.js; after
 * OFFICE_READY_TIMEOUT_MS as "waiting" if onReady is slow; and again, for good, when onReady
 * fires (even after the fallback), so the pane never keeps a verdict made before Office was ready.
 */
export function bootPane(
  office: OfficeStartLike | undefined,
  render: (host: HostState) => void,
  timers: {
    set: (fn: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
  } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
  timeoutMs = OFFICE_READY_TIMEOUT_MS
): void {
  if (!office) {
    render("not-in-excel");
    return;
  }
  let ready = false;
  const fallback = timers.set(() => {
    if (!ready) render("waiting");
  }, timeoutMs);
  office.onReady((info) => {
    ready = true;
    timers.clear(fallback);
    render(isRunningInExcel(info, office.HostType?.Excel) ? "excel" : "not-in-excel");
  });
}
