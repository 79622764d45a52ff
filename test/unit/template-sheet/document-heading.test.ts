/**
 * Which body heads a blank template is data: the Party organs come from the settings
 * (`partyOrgans`), so a commune's period ("Ban Xây dựng Đảng") needs no code change, and a state
 * department's heading comes from `departmentHeadings`.
 */
import { templateHeading } from "../../../src/core/template-sheet/document";
import {
  DEFAULT_SETTINGS_2019,
  SAMPLE_SETTINGS_2025,
  loadSettings,
} from "../../../src/core/settings/defaults";
import { templatesForSettings } from "../../../src/core/templates/shipped-sets";

const byId = (settings: typeof DEFAULT_SETTINGS_2019, id: string) => {
  const spec = templatesForSettings(settings).find((s) => s.id === id);
  if (!spec) throw new Error(`no template ${id} for ${settings.period}`);
  return spec;
};

describe("template headings from the settings", () => {
  test("2019: a Thị ủy organ is a Party heading, a state department has the national motto", () => {
    expect(templateHeading(byId(DEFAULT_SETTINGS_2019, "ubkt"), DEFAULT_SETTINGS_2019)).toEqual({
      body: ["THỊ ỦY HƯƠNG THỦY", "ỦY BAN KIỂM TRA"],
      party: true,
    });
    expect(templateHeading(byId(DEFAULT_SETTINGS_2019, "y-te"), DEFAULT_SETTINGS_2019)).toEqual({
      body: ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG Y TẾ"],
      party: false,
    });
  });

  test("2025 sample: every template is asked by an organ of the ward's Party Committee", () => {
    const specs = templatesForSettings(SAMPLE_SETTINGS_2025);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const h = templateHeading(spec, SAMPLE_SETTINGS_2025);
      expect({ id: spec.id, party: h.party, top: h.body[0] }).toEqual({
        id: spec.id,
        party: true,
        top: "ĐẢNG ỦY PHƯỜNG PHÚ BÀI",
      });
      // Never the 2019 town's state departments.
      expect(h.body.join(" ")).not.toContain("HƯƠNG THỦY");
    }
    expect(
      templateHeading(byId(SAMPLE_SETTINGS_2025, "lanh-dao"), SAMPLE_SETTINGS_2025).body
    ).toEqual(["ĐẢNG ỦY PHƯỜNG PHÚ BÀI", "BAN XÂY DỰNG ĐẢNG"]);
  });

  test("an organ renamed in a settings JSON changes the heading, no code edit", () => {
    const r = loadSettings(
      JSON.stringify({ partyOrgans: { ubkt: "Ủy ban Kiểm tra Đảng ủy" } }),
      DEFAULT_SETTINGS_2019
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(templateHeading(byId(r.settings, "ubkt"), r.settings).body).toEqual([
      "THỊ ỦY HƯƠNG THỦY",
      "ỦY BAN KIỂM TRA ĐẢNG ỦY",
    ]);
    // Templates of departments the settings no longer list as Party organs use the state format.
    expect(templateHeading(byId(r.settings, "tuyen-giao"), r.settings).party).toBe(false);
  });
});
