/**
 * Default period settings (the 2019 review of Thị ủy Hương Thủy) and a zod schema to load a settings
 * JSON file. Pure: the caller reads the file and hands over its text or parsed JSON.
 */
import { z } from "zod";
import type { LocalizedText } from "../i18n";
import sample2025 from "./data/phu-bai-2025.json";
import type { PeriodSettings } from "./types";

/**
 * Party organs of the issuing body by department id when the settings name none (a district-level
 * committee's): their heading is "<body> / <organ>". A period whose organs differ (a commune's
 * "Ban Xây dựng Đảng") names its own in `settings.partyOrgans`: data, not code.
 */
export const DEFAULT_PARTY_ORGANS: Record<string, string> = {
  "to-chuc": "BAN TỔ CHỨC",
  tccs: "BAN TỔ CHỨC",
  ubkt: "ỦY BAN KIỂM TRA",
  "tuyen-giao": "BAN TUYÊN GIÁO",
  "van-phong": "VĂN PHÒNG",
  "dan-van": "BAN DÂN VẬN",
};

export const DEFAULT_SETTINGS_2019: PeriodSettings = {
  period: 2019,
  parentBody: "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
  issuingBody: "THỊ ỦY HƯƠNG THỦY",
  organizationCommittee: "Ban Tổ chức Thị ủy",
  place: "Hương Thủy",
  documentDate: null,
  deadline: "2019-12-25",
  reportDeadline: "2020-01-15",
  templateDeadlines: { "dan-van": "2019-11-20" },
  signer: {
    onBehalfOf: "T/M BAN THƯỜNG VỤ",
    position: "PHÓ BÍ THƯ THƯỜNG TRỰC",
    name: "Nguyễn Tài Tuệ",
  },
  ruleSetId: "HD21-2019",
  registerId: "huong-thuy-2019",
  // Headings of the templates the state departments send (the Party organs' follow from the
  // issuing body): superior body, then the department itself.
  departmentHeadings: {
    "noi-vu": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG NỘI VỤ"],
    "tai-chinh": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG TÀI CHÍNH – KẾ HOẠCH"],
    "kinh-te": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG KINH TẾ"],
    "van-hoa": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG VĂN HÓA VÀ THÔNG TIN"],
    "giao-duc": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
    "y-te": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG Y TẾ"],
    ldtbxh: ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"],
    "quan-su": ["BỘ CHQS TỈNH THỪA THIÊN HUẾ", "BAN CHQS THỊ XÃ HƯƠNG THỦY"],
    "cong-an": ["CÔNG AN TỈNH THỪA THIÊN HUẾ", "CÔNG AN THỊ XÃ HƯƠNG THỦY"],
  },
  partyOrgans: DEFAULT_PARTY_ORGANS,
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const text = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.normalize("NFC"));

export const periodSettingsSchema = z.object({
  period: z.number().int().min(1990).max(2100),
  parentBody: text,
  issuingBody: text,
  organizationCommittee: text,
  place: text,
  documentDate: isoDate.nullable(),
  deadline: isoDate,
  reportDeadline: isoDate,
  templateDeadlines: z.record(z.string(), isoDate).optional(),
  signer: z.object({ onBehalfOf: text, position: text, name: text }),
  ruleSetId: text,
  templateSetId: text.optional(),
  registerId: text,
  reportNumber: text.nullable().optional(),
  reportSymbol: text.optional(),
  planNumber: text.nullable().optional(),
  planSymbol: text.optional(),
  planDate: isoDate.nullable().optional(),
  recipients: z.array(text).optional(),
  standingCommittee: text.optional(),
  departmentHeadings: z.record(z.string(), z.array(text)).optional(),
  partyOrgans: z.record(z.string(), text).optional(),
  printDepartmentAnnex: z.boolean().optional(),
  printMargins: z
    .object({
      top: z.number().min(0).max(100),
      bottom: z.number().min(0).max(100),
      left: z.number().min(0).max(100),
      right: z.number().min(0).max(100),
    })
    .optional(),
});

export type SettingsLoad =
  { ok: true; settings: PeriodSettings } | { ok: false; message: LocalizedText };

/**
 * Loads settings from JSON (text or already parsed). Missing fields fall back to the 2019 defaults,
 * so a file may hold only what changed (e.g. `{"period": 2020}`).
 */
export function loadSettings(
  input: string | unknown,
  base: PeriodSettings = DEFAULT_SETTINGS_2019
): SettingsLoad {
  let data: unknown = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        message: {
          vi: `Tệp cấu hình không phải JSON hợp lệ: ${why}`,
          en: `The settings file is not valid JSON: ${why}`,
        },
      };
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return {
      ok: false,
      message: {
        vi: "Tệp cấu hình phải là một đối tượng JSON.",
        en: "The settings file must be a JSON object.",
      },
    };
  }
  const obj = data as Record<string, unknown>;
  const merged = {
    ...base,
    ...obj,
    signer: { ...base.signer, ...((obj.signer as object | undefined) ?? {}) },
  };
  const parsed = periodSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return {
      ok: false,
      message: {
        vi: `Tệp cấu hình có giá trị sai (${detail}).`,
        en: `The settings file has invalid values (${detail}).`,
      },
    };
  }
  return { ok: true, settings: parsed.data };
}

/** "2019-12-25" → "25/12/2019" (Vietnamese date order). */
export function formatIsoDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * SAMPLE settings of a 2025 review under QĐ 366: a ward Party Committee of the two-tier model
 * (Đảng ủy phường Phú Bài, under the Huế city Party Committee), its own deadlines and signer. The
 * names are an example for `xeploai demo --period 2025`; a real committee writes its own file.
 */
export const SAMPLE_SETTINGS_2025: PeriodSettings = (() => {
  const r = loadSettings(sample2025);
  if (!r.ok) throw new Error(`Shipped 2025 settings are invalid: ${r.message.en}`);
  return r.settings;
})();

/** Shipped settings by period (the 2019 defaults, the 2025 sample). */
export const SHIPPED_SETTINGS: Record<number, PeriodSettings> = {
  2019: DEFAULT_SETTINGS_2019,
  2025: SAMPLE_SETTINGS_2025,
};

const shiftYear = (iso: string, by: number) => `${Number(iso.slice(0, 4)) + by}${iso.slice(4)}`;

/**
 * Settings for a period when none are given: the shipped ones of that year, else the 2019 defaults
 * moved to that year (deadlines on the same days of the month, the rule and template sets chosen
 * by period, no document date).
 */
export function settingsForPeriod(period: number): PeriodSettings {
  const shipped = SHIPPED_SETTINGS[period];
  if (shipped) return shipped;
  const by = period - DEFAULT_SETTINGS_2019.period;
  const { templateDeadlines, ...base } = DEFAULT_SETTINGS_2019;
  return {
    ...base,
    period,
    documentDate: null,
    deadline: shiftYear(base.deadline, by),
    reportDeadline: shiftYear(base.reportDeadline, by),
    ...(templateDeadlines
      ? {
          templateDeadlines: Object.fromEntries(
            Object.entries(templateDeadlines).map(([k, d]) => [k, shiftYear(d, by)])
          ),
        }
      : {}),
  };
}
