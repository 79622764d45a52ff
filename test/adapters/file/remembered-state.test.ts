/**
 * The browser mode remembers the review period between visits (localStorage), and works as before
 * when the browser's storage is missing or refuses.
 */
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook-port";
import { browserStorage, type KeyValueStorage } from "../../../src/adapters/file/remembered-state";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { withYear } from "../../../src/core/settings/period";
import { createCoreServices } from "../../../src/taskpane/state/core-services";
import { PaneController, PERIOD_STATE } from "../../../src/taskpane/state/pane-controller";

jest.setTimeout(60_000);

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

/** Storage a private window or a locked-down policy gives: every call throws. */
const refusingStorage: KeyValueStorage = {
  getItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
  removeItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
};

function pane(storage: KeyValueStorage | null) {
  const port = new FileWorkbookPort(loadXlsx, { storage, remember: [PERIOD_STATE] });
  return { port, controller: new PaneController(port, createCoreServices()) };
}

const period2024 = withYear(DEFAULT_SETTINGS_2019, 2024);

describe("the browser mode's remembered review period", () => {
  it("a reload (a new pane over the same storage) starts from the period saved before", async () => {
    const storage = memoryStorage();
    const before = pane(storage);
    expect((await before.controller.loadPeriod()).settings.period).toBe(2019);
    await before.controller.savePeriod(period2024);

    const after = pane(storage);
    const loaded = await after.controller.loadPeriod();
    expect(loaded.from).toBe("saved");
    expect(loaded.settings.period).toBe(2024);
    expect(loaded.settings.deadline).toBe(period2024.deadline);
  });

  it("keeps only the period, not the pane's other records", async () => {
    const storage = memoryStorage();
    const { port } = pane(storage);
    await port.saveState(PERIOD_STATE, period2024);
    await port.saveState("consolidation", { files: ["a.xlsx"] });
    expect([...storage.items.keys()]).toEqual(["xeploai.pane.period"]);
  });

  it("a file opened brings its own period: the remembered one is not read over it", async () => {
    const storage = memoryStorage();
    await pane(storage).controller.savePeriod(period2024);
    const { port, controller } = pane(storage);
    await controller.insertTemplate("quan-su", 2019);
    const bytes = (await port.save())!;
    const opened = pane(storage);
    expect((await opened.port.open("quan-su-2019.xlsx", bytes)).ok).toBe(true);
    const loaded = await opened.controller.loadPeriod();
    expect(loaded.from).toBe("template");
    expect(loaded.settings.period).toBe(2019);
  });

  it("storage that refuses (private window, quota, policy): saving works for the visit, nothing throws", async () => {
    const before = pane(refusingStorage);
    await expect(before.controller.savePeriod(period2024)).resolves.toBeUndefined();
    expect((await before.controller.loadPeriod()).settings.period).toBe(2024);
    const after = pane(refusingStorage);
    const loaded = await after.controller.loadPeriod();
    expect(loaded.from).toBe("defaults");
    expect(loaded.settings.period).toBe(2019);
  });

  it("a remembered value that is not a valid period is ignored", async () => {
    const storage = memoryStorage();
    storage.setItem("xeploai.pane.period", "{not json");
    expect((await pane(storage).controller.loadPeriod()).from).toBe("defaults");
    storage.setItem("xeploai.pane.period", JSON.stringify({ period: "năm ngoái" }));
    expect((await pane(storage).controller.loadPeriod()).from).toBe("defaults");
  });

  it("browserStorage(): null when there is no localStorage or it cannot be written", () => {
    const g = globalThis as { localStorage?: unknown };
    const had = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    try {
      Object.defineProperty(globalThis, "localStorage", { value: undefined, configurable: true });
      expect(browserStorage()).toBeNull();
      Object.defineProperty(globalThis, "localStorage", {
        get: () => {
          throw new DOMException("denied", "SecurityError");
        },
        configurable: true,
      });
      expect(browserStorage()).toBeNull();
      Object.defineProperty(globalThis, "localStorage", {
        value: refusingStorage,
        configurable: true,
      });
      expect(browserStorage()).toBeNull();
      const ok = memoryStorage();
      Object.defineProperty(globalThis, "localStorage", { value: ok, configurable: true });
      expect(browserStorage()).toBe(ok);
      expect(ok.items.size).toBe(0); // the probe is removed
    } finally {
      if (had) Object.defineProperty(globalThis, "localStorage", had);
      else delete g.localStorage;
    }
  });
});
