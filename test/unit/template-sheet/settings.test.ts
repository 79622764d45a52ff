import { DEFAULT_SETTINGS_2019, formatIsoDateVi, loadSettings } from "../../../src/core/settings/defaults";

describe("period settings", () => {
  test("2019 defaults", () => {
    expect(DEFAULT_SETTINGS_2019).toMatchObject({
      period: 2019,
      parentBody: "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
      issuingBody: "THỊ ỦY HƯƠNG THỦY",
      deadline: "2019-12-25",
      reportDeadline: "2020-01-15",
      signer: { onBehalfOf: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Nguyễn Tài Tuệ" },
      ruleSetId: "HD21-2019",
      registerId: "huong-thuy-2019",
    });
  });

  test("a settings file may hold only what changed; the rest comes from the defaults", () => {
    const r = loadSettings('{"period": 2020, "deadline": "2020-12-20", "signer": {"name": "Nguyễn Văn A"}}');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.settings.period).toBe(2020);
      expect(r.settings.deadline).toBe("2020-12-20");
      expect(r.settings.signer).toEqual({ onBehalfOf: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Nguyễn Văn A" });
    }
  });

  test("bad JSON and bad values are refused with a Vietnamese message", () => {
    const bad = loadSettings("{period: 2020");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.vi).toContain("không phải JSON");
    const wrong = loadSettings({ period: "năm nay", deadline: "25/12/2019" });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message.vi).toMatch(/period.*deadline|deadline.*period/s);
  });

  test("dates print as dd/mm/yyyy", () => {
    expect(formatIsoDateVi("2019-12-25")).toBe("25/12/2019");
  });
});
