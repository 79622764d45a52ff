/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { HD21_2019, NO_EVIDENCE, parseRuleSet, type RuleSet } from "../../src/core/rules";
import { EvidenceParameters } from "../../src/taskpane/components/EvidenceParameters";
import { LangContext } from "../../src/taskpane/i18n/lang-context";
import { renderPane } from "./helpers";

function show(ruleSet: RuleSet, lang: "vi" | "en" = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, setLang: () => undefined }}>
        <EvidenceParameters ruleSet={ruleSet} />
      </LangContext.Provider>
    </FluentProvider>
  );
}

const open = (title: RegExp) => fireEvent.click(screen.getByRole("button", { name: title }));

describe("Tổng hợp: the evidence parameters, read only, with their source", () => {
  it("is in the Tổng hợp part, closed until asked for", () => {
    renderPane({ initialPart: "consolidate" });
    const header = screen.getByRole("button", { name: /Căn cứ đối chiếu số liệu các ban/ });
    expect(header.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(header);
    expect(header.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText(/thu ngân sách|Tài chính – Kế hoạch \(mẫu 3\.2\)/)).toBeTruthy();
  });

  it("lists each rule by criterion: department, when it fails, what follows, the source", () => {
    show(HD21_2019);
    open(/Căn cứ đối chiếu/);
    const ktxh = screen.getByRole("group", { name: "Tiêu chí “Lãnh đạo KT-XH, QP-AN”" });
    const budget = within(ktxh)
      .getByText("Tài chính – Kế hoạch (mẫu 3.2)")
      .closest("li") as HTMLElement;
    expect(
      within(budget).getByText("Không đạt khi “Tỷ lệ thu %” < 100% → tối đa HTTNV")
    ).toBeTruthy();
    expect(within(budget).getByText("Nguồn: tham số do Ban Tổ chức quyết định")).toBeTruthy();
    expect(within(budget).getByText("Ban Tổ chức quyết định")).toBeTruthy(); // the badge
    expect(within(budget).getByText("Áp dụng cho: Đảng bộ xã, Đảng bộ phường")).toBeTruthy();

    const xdd = screen.getByRole("group", {
      name: "Tiêu chí “Xây dựng Đảng và hệ thống chính trị”",
    });
    expect(within(xdd).getByText("Nội vụ (mẫu 3.1a)")).toBeTruthy();
    // A cited document is named as such.
    expect(
      screen.getByText(
        "Nguồn: TT 23/2012/TT-BCA (tiêu chuẩn “An toàn về ANTT”); tham số do Ban Tổ chức quyết định"
      )
    ).toBeTruthy();
    expect(screen.getByText(/chưa đủ căn cứ”, tạm tối đa HTTNV/)).toBeTruthy();
    const members = screen.getByRole("group", { name: "Đảng viên bị kỷ luật" });
    expect(
      within(members).getByText(/các điều kiện về đảng viên tính theo số lớn hơn/)
    ).toBeTruthy();
    // Nothing internal reaches a person: no rule ids, no [M] tags, and nothing to edit.
    const panel = screen.getByTestId("evidence-parameters");
    expect(panel.textContent).not.toMatch(/\[[MPV]\]|ev-3\./);
    // Who changes a threshold, and where, in an official's words (no command name).
    expect(panel.textContent).toContain(
      "Ban Tổ chức quyết định và đổi chúng trong tệp cấu hình quy tắc xếp loại"
    );
    expect(panel.textContent).not.toMatch(/xeploai|defaults/i);
    expect(within(panel).queryAllByRole("textbox")).toEqual([]);
    expect(within(panel).queryAllByRole("spinbutton")).toEqual([]);
  });

  it("shows what the rules JSON says: a threshold changed there shows changed", () => {
    const json = JSON.parse(JSON.stringify(HD21_2019)) as {
      evidence: { rules: { id: string; test: { threshold: unknown } }[] };
    };
    json.evidence.rules.find((r) => r.id === "ev-3.2-thu-ngan-sach")!.test.threshold = 90;
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error(parsed.message.en);
    show(parsed.ruleSet);
    open(/Căn cứ đối chiếu/);
    expect(screen.getByText("Không đạt khi “Tỷ lệ thu %” < 90% → tối đa HTTNV")).toBeTruthy();
  });

  it("speaks English when the pane does", () => {
    show(HD21_2019, "en");
    open(/Evidence checks/);
    expect(
      screen.getAllByText("Source: a parameter set by the Organization Committee").length
    ).toBeGreaterThan(5);
  });

  it("a rule set without evidence rules says so", () => {
    show({ ...HD21_2019, evidence: NO_EVIDENCE });
    open(/Căn cứ đối chiếu/);
    expect(screen.getByText("Bộ quy tắc này không đối chiếu số liệu các ban.")).toBeTruthy();
  });
});
