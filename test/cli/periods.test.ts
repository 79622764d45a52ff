/**
 * Periods as data. Without --settings, consolidate takes the period from the files' `_meta` and
 * uses the rule set, templates and register of that period; files of several periods are refused
 * naming them; a rule set outside its periods is refused, or used with --force and a warning on
 * the master. And a third period (2030) is added from JSON files alone — templates folder, rule
 * set, register, settings — with no TypeScript change.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { consolidateJsonSchema } from "../../src/cli/consolidate-json";
import { fillTemplate, generateDemo2025 } from "../../src/core/demo";
import { QD366_2025 } from "../../src/core/rules";
import { loadSettings } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { parseTemplateSet } from "../../src/core/templates/template-set";
import { loadRegister } from "../../src/core/units/register";
import { cli } from "./cli-fixtures";

jest.setTimeout(240_000);

const parse = (out: string) => consolidateJsonSchema.parse(JSON.parse(out));
const ROOT = path.join(__dirname, "../..");
const base = mkdtempSync(path.join(tmpdir(), "xeploai-periods-"));
const files = (dir: string) =>
  readdirSync(path.join(dir, "submissions")).map((f) => path.join(dir, "submissions", f));

describe("the period comes from the files", () => {
  const d2019 = path.join(base, "d2019");
  const d2025 = path.join(base, "d2025");
  beforeAll(async () => {
    expect((await cli("demo", "--out", d2019, "--no-pdf")).code).toBe(0);
    expect((await cli("demo", "--out", d2025, "--period", "2025", "--no-pdf")).code).toBe(0);
  });

  it("2025 files without --settings: QĐ 366, the 2025 templates and register, every chi bộ suggested", async () => {
    const r = await cli(
      "consolidate",
      ...files(d2025),
      "--master",
      path.join(base, "m25.xlsx"),
      "--json"
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "Năm đánh giá 2025 lấy theo năm ghi trong trang thông tin mẫu biểu ẩn của các tệp"
    );
    expect(r.err).toContain("bộ quy tắc “Quy định 366-QĐ/TW (từ năm 2025)”");
    const json = parse(r.out);
    expect(json.period).toBe(2025);
    expect(json.ruleSetId).toBe("QD366-2025");
    expect(json.classification.length).toBe(14);
    expect(json.classification.every((c) => c.suggested !== null)).toBe(true);
  });

  it("files of two periods are refused, naming the files of each year; nothing is written", async () => {
    const master = path.join(base, "mixed.xlsx");
    const one2019 = files(d2019).find((f) => f.includes("3.11-ubkt"))!;
    const r = await cli("consolidate", ...files(d2025), one2019, "--master", master);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Các tệp thuộc nhiều năm đánh giá khác nhau");
    expect(r.err).toContain(`năm 2019: ${one2019}`);
    expect(r.err).toContain("năm 2025:");
    expect(r.err).toContain("3.14-tccs-bao-cao.xlsx");
    expect(existsSync(master)).toBe(false);
  });

  it("a rule set outside its periods is refused; with --force it runs and the master says so", async () => {
    const rules = path.join(base, "qd366.json");
    writeFileSync(rules, JSON.stringify(QD366_2025));
    const master = path.join(base, "forced.xlsx");
    const refused = await cli("consolidate", ...files(d2019), "--master", master, "--rules", rules);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      "Bộ quy tắc xếp loại “Quy định 366-QĐ/TW (từ năm 2025)” áp dụng từ năm 2025, không dùng cho năm 2019"
    );
    expect(existsSync(master)).toBe(false);

    const forced = await cli(
      "consolidate",
      ...files(d2019),
      "--master",
      master,
      "--rules",
      rules,
      "--force",
      "--json"
    );
    expect(existsSync(master)).toBe(true);
    const json = parse(forced.out);
    expect(json.warnings.map((w) => w.message).join(" ")).toContain("theo yêu cầu (--force)");
    const { reader } = await loadXlsx();
    const read = await reader.read(new Uint8Array(readFileSync(master)), "forced.xlsx");
    const log = read.ok ? read.grids.sheets.find((s) => s.name === "Nhật ký") : undefined;
    expect(JSON.stringify(log?.rows ?? [])).toContain("theo yêu cầu (--force)");
  });

  it("a template set outside its periods is refused when named", async () => {
    const r = await cli(
      "consolidate",
      ...files(d2019),
      "--master",
      path.join(base, "t.xlsx"),
      "--templates",
      path.join(ROOT, "src/core/templates/data/qd366-2025")
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "Bộ mẫu biểu “Mẫu biểu từ năm 2025 (Quy định 366-QĐ/TW, Đảng ủy xã, phường)” áp dụng từ năm 2025, không dùng cho năm 2019"
    );
  });
});

describe("a third period from JSON files alone", () => {
  it("2030: templates folder, rule set, register and settings as JSON; consolidate suggests for every unit", async () => {
    const dir = path.join(base, "nam-2030");
    const tdir = path.join(dir, "mau-bieu-2030");
    mkdirSync(dir, { recursive: true });
    // The templates: a copy of the QĐ 366 folder, now serving 2030 only, one header changed.
    cpSync(path.join(ROOT, "src/core/templates/data/qd366-2025"), tdir, { recursive: true });
    for (const f of readdirSync(tdir)) {
      const p = path.join(tdir, f);
      const doc = JSON.parse(readFileSync(p, "utf8")) as Record<string, unknown>;
      if (f === "set.json") doc.id = "NAM-2030";
      doc.validFrom = 2030;
      doc.validTo = 2030;
      if (f === "tccs-bao-cao.json")
        (doc.columns as { key: string; header: { vi: string } }[]).find(
          (c) => c.key === "diemDanhGia"
        )!.header.vi = "Tổng điểm năm 2030";
      writeFileSync(p, JSON.stringify(doc, null, 2));
    }
    // The rule set: QĐ 366's, with HTXSNV reachable with 20 % of tasks beyond the requirement.
    const rules = JSON.parse(JSON.stringify(QD366_2025)) as typeof QD366_2025;
    rules.id = "QD-2030";
    rules.validFrom = 2030;
    if (rules.method.kind !== "scoreBands") throw new Error("score bands expected");
    const cond = rules.method.bands[0]!.conditions.find((c) => c.key === "tyLeVuotYeuCau")!;
    cond.value = 20;
    cond.label = { vi: "ít nhất 20% nhiệm vụ vượt yêu cầu (năm 2030)", en: "at least 20% beyond" };
    writeFileSync(path.join(dir, "rules.json"), JSON.stringify(rules));
    // The register and the settings.
    const register = {
      id: "xa-moi-2030",
      period: 2030,
      name: "Đảng bộ xã Mới (thử)",
      units: [
        ["cb-thon-1", "Chi bộ Thôn 1", "THON_TDP"],
        ["cb-thon-2", "Chi bộ Thôn 2", "THON_TDP"],
        ["cb-truong", "Chi bộ Trường học", "SU_NGHIEP"],
      ].map(([code, name, loaiHinh], i) => ({
        code,
        name,
        kind: "tccs",
        loaiHinh,
        tccsForm: "chiBo",
        order: i + 1,
      })),
    };
    writeFileSync(path.join(dir, "units.json"), JSON.stringify(register));
    const settingsJson = {
      period: 2030,
      parentBody: "ĐẢNG BỘ TỈNH THỬ",
      issuingBody: "ĐẢNG ỦY XÃ MỚI",
      organizationCommittee: "Ban Xây dựng Đảng Đảng ủy",
      place: "Xã Mới",
      deadline: "2030-12-20",
      reportDeadline: "2031-01-10",
      templateDeadlines: {},
      ruleSetId: "QD-2030",
      registerId: "xa-moi-2030",
    };
    writeFileSync(path.join(dir, "settings.json"), JSON.stringify(settingsJson));

    // The units fill the templates (made from the JSON) and send them back.
    const docs = readdirSync(tdir).map((f) => ({
      file: f,
      data: JSON.parse(readFileSync(path.join(tdir, f), "utf8")) as unknown,
    }));
    const set = parseTemplateSet(docs, { id: "x" });
    if (!set.ok) throw new Error(set.problems.map((p) => p.en).join("; "));
    const reg = loadRegister(register);
    const settings = loadSettings(settingsJson);
    if (!reg.ok || !settings.ok) throw new Error("register or settings invalid");
    const plan = generateDemo2025(set.set.specs, reg.register, settings.settings);
    const { writer } = await loadXlsx();
    const sent: string[] = [];
    mkdirSync(path.join(dir, "tra-ve"));
    for (const f of plan.files) {
      const spec = set.set.specs.find((s) => s.id === f.templateId)!;
      const model = fillTemplate(
        buildTemplateWorkbook(spec, reg.register, settings.settings, {
          generatedAt: f.generatedAt,
        }),
        spec,
        f
      );
      const p = path.join(dir, "tra-ve", f.fileName);
      writeFileSync(p, await writer.write(model));
      sent.push(p);
    }

    const r = await cli(
      "consolidate",
      ...sent,
      "--master",
      path.join(dir, "bang-tong-hop.xlsx"),
      "--settings",
      path.join(dir, "settings.json"),
      "--units",
      path.join(dir, "units.json"),
      "--rules",
      path.join(dir, "rules.json"),
      "--templates",
      tdir,
      "--json"
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = parse(r.out);
    expect(json.period).toBe(2030);
    expect(json.ruleSetId).toBe("QD-2030");
    expect(json.classification.map((c) => c.suggested)).toEqual(["HTXSNV", "HTXSNV", "HTNV"]);
    expect(json.classification[1]!.reasons.map((x) => x.message).join(" ")).toContain(
      "ít nhất 20% nhiệm vụ vượt yêu cầu (năm 2030)"
    );
    const { reader } = await loadXlsx();
    const master = await reader.read(
      new Uint8Array(readFileSync(path.join(dir, "bang-tong-hop.xlsx"))),
      "m.xlsx"
    );
    expect(master.ok && JSON.stringify(master.grids.sheets.map((s) => s.rows))).toContain(
      "ĐẢNG ỦY XÃ MỚI"
    );
  });
});
