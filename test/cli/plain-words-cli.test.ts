/**
 * Words on the command line: what `xeploai` prints for a person (not `--json`) carries none of the
 * internal tokens the task pane avoids — "_meta", rule-set and template-set ids, template ids, rule
 * ids, column keys, enum codes, ISO dates, refusal codes — in Vietnamese or English. Unlike the
 * pane it may name options and commands: its users type them ("dùng --force để …").
 * The odd inputs of a batch are run: a file recognised by its hidden sheet and one without it, a
 * non-template and files that are no workbook, 2025 files without --settings, a rule set and a
 * template set of another year (refused, then with --force), a master another run holds, a TCCS
 * template asked for a template that lists no units, the defaults written out, and the demo's report.
 * Not checked: `--help` and `catalog`, the reference of the JSON files (they list the ids and keys
 * a person types into those files), and the user's own file and folder names.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { QD366_2025 } from "../../src/core/rules";
import { refusedFiles, type Shown } from "../unit/plain-words/collect";
import { offenders } from "../unit/plain-words/tokens";
import { tempDir } from "../temp-dirs";
import { cli } from "./cli-fixtures";

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, "../..");
const base = tempDir("xeploai-cliwords-");
const d2019 = path.join(base, "d2019");
const d2025 = path.join(base, "d2025");
const files = (dir: string) =>
  readdirSync(path.join(dir, "submissions"))
    .sort()
    .map((f) => path.join(dir, "submissions", f));

/** Paths the user gave (our temporary folder, the repository) and JSON file names are theirs. */
const prepare = (text: string) =>
  text
    .split(base)
    .join("‹thư mục›")
    .split(ROOT)
    .join("‹thư mục›")
    .replace(/[^\s“”"'(),;:›]+\.json\b/gi, "‹tệp›");

const shown: Shown[] = [];
const runs: string[] = [];

/** Runs the CLI in Vietnamese and in English; keeps what it printed for a person. */
async function say(where: string, ...argv: string[]) {
  const results = [];
  for (const lang of ["vi", "en"] as const) {
    const r = await cli(...argv, ...(lang === "en" ? ["--lang", "en"] : []));
    runs.push(`${where} (${lang})`);
    shown.push({ where: `${where} (${lang}, stdout)`, text: r.out });
    shown.push({ where: `${where} (${lang}, stderr)`, text: r.err });
    results.push(r);
  }
  return results[0]!;
}

/** "(not-xlsx)", "(xls-old)": a refusal's machine code shown beside its message. */
const REFUSAL_CODE = {
  name: "refusal code",
  re: /\((?:empty|xls-old|encrypted|not-xlsx|truncated|too-large|corrupt|not-found|unreadable|not-a-file|unknown-template|newer-version|old-version|sheet-missing|missing-column|read-failed|wrong-period)\)/,
};

beforeAll(async () => {
  // The demo's own report is checked too.
  for (const [dir, extra] of [
    [d2019, []],
    [d2025, ["--period", "2025"]],
  ] as const) {
    const r = await cli("demo", "--out", dir, "--no-pdf", ...extra);
    expect(r.code).toBe(0);
    shown.push({ where: `demo ${extra.join(" ")}`, text: r.out + r.err });
  }
});

describe("the command line says it in words", () => {
  it("the check catches the old messages' words", () => {
    const old = [
      "  Mẫu biểu: y-te v1, năm 2019 — nhận dạng theo trang ẩn _meta",
      "  Template: y-te v1, year 2019 — recognised from the header row (no _meta sheet)",
      "  KHÔNG ĐỌC ĐƯỢC (not-xlsx): Tệp sai.xlsx …",
      "Năm đánh giá 2025 lấy theo trang _meta của các tệp (không có --settings); bộ quy tắc QD366-2025.",
      'Bộ mẫu biểu "QD366-2025" (áp dụng từ năm 2025) được dùng cho năm 2019 theo yêu cầu (--force).',
      "Master written: m.xlsx (period 2019, rules HD21-2019, deadline 2019-12-25).",
      "(tiến trình 12 trên máy may, bắt đầu lúc 2026-12-03T21:40:43.000Z)",
    ];
    const missed = old.filter(
      (text) =>
        offenders([{ where: "old", text }], { commandLine: true, extra: [REFUSAL_CODE], prepare })
          .length === 0
    );
    expect(missed).toEqual([]);
    // Options and commands a person types stay.
    expect(
      offenders([{ where: "ok", text: "hoặc thêm --force; chạy lại xeploai consolidate" }], {
        commandLine: true,
      })
    ).toEqual([]);
  });

  it("validate: recognised by the hidden sheet, without it, a non-template, files that are no workbook", async () => {
    const odd = path.join(base, "odd");
    mkdirSync(odd, { recursive: true });
    const yTe = files(d2019).find((f) => path.basename(f).startsWith("3.6-"))!;
    // The same file without its hidden sheet (as another program may save it).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(yTe);
    for (const ws of [...wb.worksheets]) if (ws.name.startsWith("_")) wb.removeWorksheet(ws.id);
    const noMeta = path.join(odd, "y-te-khong-trang-an.xlsx");
    await wb.xlsx.writeFile(noMeta);
    // A workbook that is no template.
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Danh sách").addRow(["Họ tên", "Chức vụ"]);
    const notTemplate = path.join(odd, "danh-sach.xlsx");
    await other.xlsx.writeFile(notTemplate);
    const broken = refusedFiles().map((f) => {
      const p = path.join(odd, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    const r = await say(
      "validate",
      "validate",
      yTe,
      noMeta,
      notTemplate,
      ...broken,
      path.join(odd, "khong-co.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      "Mẫu biểu 3.6 “Y tế” (phiên bản 1), năm 2019 — nhận dạng theo trang thông tin mẫu biểu ẩn"
    );
    expect(r.out).toContain(
      "nhận dạng theo dòng tiêu đề (tệp không còn trang thông tin mẫu biểu ẩn)"
    );
    // A 2025 file checked against 2019 (another year) and one checked in its own year.
    await say("validate 2025", "validate", ...files(d2025).slice(0, 3));
    await say(
      "validate 2025 --period",
      "validate",
      ...files(d2025).slice(0, 3),
      "--period",
      "2025"
    );
  });

  it("consolidate: the period from the files, a rule set and a template set of another year, --force", async () => {
    const r = await say(
      "consolidate 2025 without --settings",
      "consolidate",
      ...files(d2025),
      "--master",
      path.join(base, "m2025.xlsx"),
      "--now",
      "2026-01-05T08:00:00Z"
    );
    expect(r.code).toBe(0);
    const rules = path.join(base, "qd366.json");
    writeFileSync(rules, JSON.stringify(QD366_2025));
    const templates = path.join(base, "mau-2025");
    cpSync(path.join(ROOT, "src/core/templates/data/qd366-2025"), templates, { recursive: true });
    const some2019 = files(d2019).slice(0, 6);
    for (const [what, extra] of [
      ["rules of 2025", ["--rules", rules]],
      ["templates of 2025", ["--templates", templates]],
    ] as const) {
      const refused = await say(
        `consolidate 2019 with the ${what}`,
        "consolidate",
        ...some2019,
        "--master",
        path.join(base, `refused-${what.replace(/ /g, "-")}.xlsx`),
        ...extra
      );
      expect(refused.code).toBe(2);
      await say(
        `consolidate 2019 with the ${what}, --force`,
        "consolidate",
        ...some2019,
        "--master",
        path.join(base, `forced-${what.replace(/ /g, "-")}.xlsx`),
        ...extra,
        "--force"
      );
    }
  });

  it("consolidate: a master another run holds", async () => {
    const master = path.join(base, "held.xlsx");
    writeFileSync(
      path.join(base, ".held.xlsx.lock"),
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        since: "2026-12-03T12:00:00.000Z",
        token: "x",
      })
    );
    const before = process.env.XEPLOAI_LOCK_WAIT_MS;
    process.env.XEPLOAI_LOCK_WAIT_MS = "50";
    try {
      const r = await say(
        "consolidate, master held",
        "consolidate",
        files(d2019)[0]!,
        "--master",
        master
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain("03/12/2026");
    } finally {
      if (before === undefined) delete process.env.XEPLOAI_LOCK_WAIT_MS;
      else process.env.XEPLOAI_LOCK_WAIT_MS = before;
    }
  });

  it("templates and defaults", async () => {
    await say(
      "templates --unit on a template without unit rows",
      "templates",
      "--out",
      path.join(base, "t1"),
      "--template",
      "lanh-dao",
      "--unit",
      "db-xa-thuy-tan"
    );
    await say("defaults", "defaults", "--out", path.join(base, "cau-hinh"));
    await say("defaults again (files exist)", "defaults", "--out", path.join(base, "cau-hinh"));
  });

  it("prints none of the internal words (checked last, over every run above)", () => {
    expect(runs.length).toBeGreaterThanOrEqual(20);
    expect(shown.filter((s) => s.text.length > 0).length).toBeGreaterThan(20);
    expect(offenders(shown, { commandLine: true, extra: [REFUSAL_CODE], prepare })).toEqual([]);
  });
});
