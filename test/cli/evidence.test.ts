/**
 * The demo's contradictions by design, end to end through real .xlsx files: the departments'
 * figures decide the suggestion, `consolidate --json` lists the evidence per criterion with its
 * cells, and a threshold edited in the rules JSON (from `xeploai defaults`) changes the result.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { consolidateJsonSchema, type ConsolidateJson } from "../../src/cli/consolidate-json";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units/register";
import { cli, openMaster, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "xeploai-evidence-"));
const register = defaultRegister();
const files: string[] = [];
const TAN = "db-xa-thuy-tan";
const PHUONG = "db-phuong-thuy-phuong";
const LUONG = "db-phuong-thuy-luong";

beforeAll(async () => {
  const departments = CATALOG.filter(
    (s) => s.rowSet !== "PEOPLE" && s.id !== "tccs-bao-cao" && s.id !== "noi-vu-cbcc"
  ).map((s) => `${s.section}-${s.id}.xlsx`);
  files.push(
    ...(await writeDemoFiles(
      dir,
      [...departments, `3.14-${TAN}.xlsx`, `3.14-${PHUONG}.xlsx`, `3.14-${LUONG}.xlsx`],
      register,
      DEFAULT_SETTINGS_2019
    ))
  );
});

async function consolidateJson(...extra: string[]): Promise<ConsolidateJson> {
  const master = path.join(dir, `master-${extra.length}.xlsx`);
  const r = await cli("consolidate", ...files, "--master", master, "--json", ...extra);
  expect(r.err).toBe("");
  return consolidateJsonSchema.parse(JSON.parse(r.out));
}

describe("evidence from the departments decides (demo files)", () => {
  it("Thủy Tân claims KT-XH xuất sắc but collected 94,76% of its budget: HTTNV, the reason names file, sheet and cell", async () => {
    const json = await consolidateJson();
    const tan = json.classification.find((c) => c.unitCode === TAN)!;
    expect(tan.selfRating).toBe("HTXSNV");
    expect(tan.suggested).toBe("HTTNV");
    const reason = tan.reasons.find((r) => r.ruleId === "ev-3.2-thu-ngan-sach")!;
    expect(reason.message).toMatch(
      /Tài chính – Kế hoạch: thu ngân sách đạt 94,76% dự toán \(3\.2-tai-chinh\.xlsx › Tài chính - Kế hoạch › [A-Z]+\d+\) < 100%/
    );
    const ktxh = tan.criteria.find((c) => c.criterion === "tcKtxhXuatSac")!;
    expect(ktxh).toMatchObject({ claimed: true, status: "fails" });
    const budget = ktxh.evidence.find((e) => e.ruleId === "ev-3.2-thu-ngan-sach")!;
    expect(budget).toMatchObject({ status: "fail", value: 94.76, templateId: "tai-chinh" });
    expect(path.basename(budget.cells[0]!.file)).toBe("3.2-tai-chinh.xlsx");
    // 2 members disciplined (UBKT) but none KHTNV in its own report: an error-level finding.
    const finding = json.warnings.find(
      (w) => w.unitCode === TAN && w.rule === "evidence.members-disciplined"
    )!;
    expect(finding.severity).toBe("error");
    expect(finding.message).toContain("2 đảng viên bị kỷ luật");

    // Thủy Phương's figures back its claims: HTXSNV stands, every criterion "ok".
    const phuong = json.classification.find((c) => c.unitCode === PHUONG)!;
    expect(phuong.suggested).toBe("HTXSNV");
    // The third criterion ("the rest") has no evidence rule: "none".
    expect(phuong.criteria.map((c) => c.status)).toEqual(["ok", "ok", "none"]);
  });

  it("Thủy Lương claims Party building xuất sắc with a CCHC grade “Khá” and 3 members disciplined", async () => {
    const json = await consolidateJson();
    const luong = json.classification.find((c) => c.unitCode === LUONG)!;
    expect([luong.selfRating, luong.suggested]).toEqual(["HTXSNV", "HTTNV"]);
    const reason = luong.reasons.find((r) => r.ruleId === "ev-3.1a-cchc")!;
    expect(reason.message).toMatch(
      /^Tiêu chí “Xây dựng Đảng và hệ thống chính trị” tự đánh giá xuất sắc nhưng Nội vụ: chỉ số cải cách hành chính xếp loại “Khá” \(3\.1a-noi-vu-cchc\.xlsx › Nội vụ - CCHC › [A-Z]+\d+\) dưới mức “Tốt” → tối đa HTTNV\.$/
    );
    const xdd = luong.criteria.find((c) => c.criterion === "tcXdDangXuatSac")!;
    expect(xdd).toMatchObject({ claimed: true, status: "fails" });
    const finding = json.warnings.find(
      (w) => w.unitCode === LUONG && w.rule === "evidence.members-disciplined"
    )!;
    expect(finding.severity).toBe("error");
    expect(finding.message).toMatch(
      /3 đảng viên bị kỷ luật trong năm \(3\.11-ubkt\.xlsx › UBKT › G\d+\)/
    );
    expect(finding.message).toContain("tính theo số lớn hơn (3)");
  });

  it("the master shows the reason without rule ids or [M] tags", async () => {
    const master = path.join(dir, "master-shown.xlsx");
    const r = await cli("consolidate", ...files, "--master", master);
    expect(r.code).toBe(0);
    const { wb } = await openMaster(master);
    const texts: string[] = [];
    wb.getWorksheet("Tổng hợp")!.eachRow((row) =>
      row.eachCell((c) => texts.push(String(c.value ?? "")))
    );
    const all = texts.join("\n");
    expect(all).toContain("thu ngân sách đạt 94,76% dự toán");
    expect(all).toContain("LỖI SỐ LIỆU");
    expect(all).not.toMatch(/\[M\]|ev-3\./);
  });

  it("a threshold edited in the rules JSON written by `xeploai defaults` changes the suggestion", async () => {
    const cfg = path.join(dir, "cau-hinh");
    expect((await cli("defaults", "--out", cfg)).code).toBe(0);
    const file = path.join(cfg, "rules-HD21-2019.json");
    const rules = JSON.parse(readFileSync(file, "utf8")) as {
      evidence: { rules: { id: string; test: { threshold: unknown } }[] };
    };
    rules.evidence.rules.find((x) => x.id === "ev-3.2-thu-ngan-sach")!.test.threshold = 90;
    writeFileSync(file, JSON.stringify(rules, null, 2));
    const json = await consolidateJson("--rules", file);
    const tan = json.classification.find((c) => c.unitCode === TAN)!;
    expect(tan.suggested).toBe("HTXSNV");
    expect(tan.criteria.find((c) => c.criterion === "tcKtxhXuatSac")!.status).toBe("ok");
  });
});
