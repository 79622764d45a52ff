/**
 * What the browser mode remembers between visits: the pane's records named in `keys` (the review
 * period) kept in the browser's storage (localStorage), so a reload starts from the period the
 * official saved. Storage may be missing or refuse (private windows, storage turned off, quota
 * full, a sandboxed frame): then nothing is remembered and nothing fails — the pane keeps the
 * record in memory for this visit, as before.
 */

/** The part of the Web Storage API used here (localStorage, or a test's stand-in). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = "xeploai.pane.";
const PROBE = `${PREFIX}probe`;

/** The browser's localStorage when it can be written to, else null. */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (!storage) return null;
    storage.setItem(PROBE, "1");
    storage.removeItem(PROBE);
    return storage;
  } catch {
    return null;
  }
}

export class RememberedState {
  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly keys: readonly string[]
  ) {}

  remembers(key: string): boolean {
    return this.storage !== null && this.keys.includes(key);
  }

  /** Keeps `value` under `key` if it is one to remember; a refusal (quota, policy) is ignored. */
  save(key: string, value: unknown): void {
    if (!this.remembers(key)) return;
    try {
      this.storage!.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Not remembered beyond this visit; the pane still has it in memory.
    }
  }

  /** The value remembered under `key`, or null (none, unreadable, not JSON). */
  load(key: string): unknown {
    if (!this.remembers(key)) return null;
    try {
      const json = this.storage!.getItem(PREFIX + key);
      return json === null ? null : (JSON.parse(json) as unknown);
    } catch {
      return null;
    }
  }
}
