/**
 * Words a department official uses: no text the task pane can show from the core carries an
 * internal token — a research tag ("[M]", "[P]", "[V S2]"), a rule id, a template or template-set
 * id, a unit code, a column key, an enum code ("XA_VH_NTM"), "_meta", "ExcelApi 1.x", a
 * command-line option or an ISO date. Walked: both rule sets (2019 HD 21, 2025 QĐ 366) and both template sets as data, and what
 * the pane's own steps say about both demo years' returns and a few refused files (file statuses,
 * consolidation view and warnings, suggested levels with their reasons, the quota).
 * Level codes (HTXSNV, HTTNV, HTNV, KHTNV) are the officials' own abbreviations: allowed. File
 * names (the official's own files) and "{placeholders}" filled at run time are not checked.
 */
import { sourceInWords } from "../../../src/core/rules/source-words";
import { ENUMS } from "../../../src/core/templates/enums";
import { BROWSER_STRINGS } from "../../../src/taskpane/browser/strings";
import { STRINGS } from "../../../src/taskpane/i18n/strings";
import { RULE_SETS, TEMPLATE_SETS, demoTexts, ruleSetTexts, textsIn } from "./collect";
import { offenders } from "./tokens";

jest.setTimeout(120_000);

describe("words a department official uses", () => {
  it("the checks themselves catch each kind of token", () => {
    const samples = [
      "Đề xuất của sản phẩm [P]",
      "HD 21 (…) [M]",
      "theo [V S2]",
      "trang _meta",
      "cần ExcelApi 1.9",
      "ngày 2019-12-25",
      "quy tắc ev-3.2-thu-ngan-sach",
      "mẫu tccs-bao-cao",
      "bộ hd21-2019",
      "QD366-2025",
      "đơn vị db-xa-thuy-tan",
      "tyLeThu < 100",
      "danh hiệu XA_VH_NTM",
      "chỉ ra khi tổng hợp (--master)",
      "Muốn đổi ngưỡng: sửa tệp quy tắc (xeploai defaults), không sửa ở đây.",
      "To change a threshold, run `defaults` first",
      "chạy npm run demo",
    ];
    const found = offenders(samples.map((text) => ({ where: "sample", text })));
    expect(found).toHaveLength(samples.length);
    expect(
      offenders([
        { where: "ok", text: "Tự xếp loại HTXSNV, tối đa HTTNV (tệp 3.14-tccs-bao-cao.xlsx)" },
        { where: "ok", text: "LĐ-TB&XH: {value} hộ nghèo" },
      ])
    ).toEqual([]);
  });

  it("a tag in a hand-edited rules file is said in words, in each language", () => {
    expect(sourceInWords("HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật) [M]")).toEqual({
      vi: "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); tham số do Ban Tổ chức quyết định",
      en: "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); a parameter set by the Organization Committee",
    });
    expect(sourceInWords("Đề xuất của sản phẩm [P]").vi).toBe(
      "Đề xuất của sản phẩm; tham số do Ban Tổ chức quyết định"
    );
    expect(sourceInWords("HD 21-HD/BTCTW, 2.3 [V S2]")).toEqual({
      vi: "HD 21-HD/BTCTW, 2.3",
      en: "HD 21-HD/BTCTW, 2.3",
    });
    expect(sourceInWords("[M] tham số do Ban Tổ chức quyết định").en).toBe(
      "a parameter set by the Organization Committee"
    );
  });

  it.each(RULE_SETS.map((r) => [r.id, r] as const))(
    "rule set %s: names, reasons, sources, band conditions and evidence parameters",
    (_id, ruleSet) => {
      const shown = ruleSetTexts(ruleSet);
      expect(shown.length).toBeGreaterThan(20);
      expect(offenders(shown)).toEqual([]);
    }
  );

  it("the rule data say in words what the Ban Tổ chức decides (no tags left to strip)", () => {
    const raw = JSON.stringify(RULE_SETS);
    expect(raw).not.toMatch(/\[\s*[MPV](?:[\s,;]*S\d+)*\s*\]/);
    expect(raw).not.toContain("sản phẩm");
  });

  it.each(TEMPLATE_SETS.map((s) => [s.id, s] as const))(
    "template set %s: titles, headers, notes, validation messages and choices",
    (_id, set) => {
      const used = new Set(set.specs.flatMap((s) => s.columns.map((c) => c.enumId ?? "")));
      const shown = [
        ...textsIn(set, set.id),
        ...Object.values(ENUMS)
          .filter((e) => used.has(e.id))
          .flatMap((e) => textsIn(e, `enum ${e.id}`)),
      ];
      expect(shown.length).toBeGreaterThan(100);
      expect(offenders(shown)).toEqual([]);
    }
  );

  it("the pane's own string tables (Excel and browser mode)", () => {
    const shown = [...textsIn(STRINGS, "strings"), ...textsIn(BROWSER_STRINGS, "browser strings")];
    expect(shown.length).toBeGreaterThan(300);
    expect(offenders(shown)).toEqual([]);
  });

  it("what the pane says about the 2019 and 2025 returns and refused files", async () => {
    const shown = await demoTexts();
    // The walk reaches each kind of message.
    const all = shown.map((s) => s.where).join("\n");
    for (const where of [
      "view.refused",
      "view.conflicts",
      "view.excludedRows",
      "view.missing",
      "consolidation warnings",
      "classification.tccs",
      "classification.leaders",
      "2025 classification",
    ])
      expect(all).toContain(where);
    expect(offenders(shown)).toEqual([]);
  });
});
