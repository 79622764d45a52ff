/** scripts/bundle-report.cjs on small fake dist/ folders (the real build runs in .ci/run). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "../../../scripts/bundle-report.cjs");

function fakeDist(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-dist-"));
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
function report(dir: string) {
  const run = spawnSync(process.execPath, [SCRIPT, dir, "--json"], { encoding: "utf8" });
  return {
    status: run.status,
    stderr: run.stderr,
    json: run.stdout ? JSON.parse(run.stdout) : undefined,
  };
}

/** What ExcelJS's minified build contains (its default creator and a sheet XML attribute). */
const EXCELJS_LIKE = 'e.creator=e.creator||"ExcelJS";var a="x14ac:dyDescent";';

const PAGE = (...scripts: string[]) =>
  `<html><head><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>${scripts
    .map((s) => `<script defer src=${s}></script>`)
    .join("")}</head></html>`;

describe("bundle-report", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("counts only the local scripts taskpane.html loads, and lists lazy chunks apart", () => {
    const dir = fakeDist({
      "taskpane.html": PAGE("react.1.js", "taskpane.2.js"),
      "react.1.js": "a".repeat(1000),
      "taskpane.2.js": "b".repeat(500),
      "exceljs.3.chunk.js": EXCELJS_LIKE,
      "commands.4.js": "c",
    });
    dirs.push(dir);
    const { status, json } = report(dir);
    expect(status).toBe(0);
    expect(json.firstLoad.map((f: { file: string }) => f.file)).toEqual([
      "react.1.js",
      "taskpane.2.js",
    ]);
    expect(json.firstLoadBytes).toBe(1500);
    expect(json.lazy.map((f: { file: string }) => f.file)).toEqual(["exceljs.3.chunk.js"]);
  });

  it("fails when ExcelJS is in the first load", () => {
    const dir = fakeDist({
      "taskpane.html": PAGE("taskpane.js"),
      "taskpane.js": `var p="xl/workbook.xml";${EXCELJS_LIKE}`,
    });
    dirs.push(dir);
    const { status, stderr } = report(dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(/ExcelJS is in the first load: taskpane\.js/);
  });

  it("does not mistake our own .xlsx sniffing (zip entry names) for ExcelJS", () => {
    const dir = fakeDist({
      "taskpane.html": PAGE("taskpane.js"),
      "taskpane.js":
        'if(!entries.includes("xl/workbook.xml"))fail("không phải sổ làm việc Excel");',
    });
    dirs.push(dir);
    expect(report(dir).status).toBe(0);
  });

  it("fails when the first load is over budget", () => {
    const dir = fakeDist({ "taskpane.html": PAGE("big.js"), "big.js": "x".repeat(3_000_000) });
    dirs.push(dir);
    const { status, stderr } = report(dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(/over|> budget/);
  });

  it("says to build first when there is no dist", () => {
    const dir = fakeDist({});
    dirs.push(dir);
    const { status, stderr } = report(dir);
    expect(status).toBe(2);
    expect(stderr).toMatch(/npm run build/);
  });
});
