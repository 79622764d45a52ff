/**
 * The address of the browser mode: the page the pane was loaded from (taskpane.html on the
 * office's server), without ?part=… — the same files open outside Excel as the browser mode.
 */
export function browserModeAddress(
  location: { origin: string; pathname: string } | undefined = globalThis.location
): string {
  if (!location || !location.origin || location.origin === "null") return "taskpane.html";
  return `${location.origin}${location.pathname}`;
}
