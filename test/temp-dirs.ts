/**
 * Temporary folders for a test file, removed when the file's tests end (pass or fail), so test runs
 * leave nothing behind in the system temp folder. Import it at the top of a test file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const made: string[] = [];

afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new empty folder in the system temp folder, e.g. tempDir("xeploai-lo-f-"). */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}
