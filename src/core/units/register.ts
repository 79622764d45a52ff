/**
 * Loading and querying the unit register. The register is editable data (JSON); loadRegister
 * checks its shape and the cross-references a person editing it could break.
 */
import { z } from "zod";
import type { LocalizedText } from "../i18n";
import { canonicalVietnamese } from "../normalize/text";
import defaultData from "./data/huong-thuy-2019.json";
import sample2025Data from "./data/phu-bai-2025.json";
import { LOAI_HINH, type Unit, type UnitKind, type UnitRegister } from "./types";

/** Lowercase ASCII words joined by single hyphens: "phuong-phu-bai". */
export const UNIT_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nonEmpty = z.string().trim().min(1);

export const unitSchema = z.strictObject({
  code: z.string(),
  name: nonEmpty,
  kind: z.enum(["phuong", "xa", "tccs", "coQuan", "tapThe"]),
  aliases: z.array(nonEmpty).optional(),
  localityCode: z.string().optional(),
  loaiHinh: z.enum(LOAI_HINH).optional(),
  tccsForm: z.enum(["dangBo", "chiBo"]).optional(),
  sample: z.boolean().optional(),
  order: z.number().int(),
});

export const registerSchema = z.strictObject({
  id: nonEmpty,
  period: z.number().int().min(1990).max(2100),
  name: nonEmpty,
  note: z.string().optional(),
  units: z.array(unitSchema).min(1),
});

export type LoadRegisterResult =
  { ok: true; register: UnitRegister } | { ok: false; errors: LocalizedText[] };

/** Checks a register read from a file. Every problem is listed, not just the first. */
export function loadRegister(json: unknown): LoadRegisterResult {
  const parsed = registerSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const where = issue.path.map(String).join(".") || "(gốc)";
        return {
          vi: `Sổ đơn vị sai cấu trúc tại "${where}": ${issue.message}. Hãy sửa tệp sổ đơn vị.`,
          en: `The unit register is malformed at "${where}": ${issue.message}. Fix the register file.`,
        };
      }),
    };
  }
  const register = parsed.data as UnitRegister;
  const errors = crossCheck(register.units);
  return errors.length ? { ok: false, errors } : { ok: true, register };
}

function crossCheck(units: Unit[]): LocalizedText[] {
  const errors: LocalizedText[] = [];
  const byCode = new Map<string, Unit>();
  const byName = new Map<string, Unit>();
  for (const u of units) {
    if (!UNIT_CODE_PATTERN.test(u.code)) {
      errors.push({
        vi: `Mã đơn vị "${u.code}" (${u.name}) không đúng dạng. Mã chỉ gồm chữ thường không dấu, chữ số và dấu "-", ví dụ "phuong-phu-bai".`,
        en: `Unit code "${u.code}" (${u.name}) is malformed. Use lowercase ASCII letters, digits and "-", e.g. "phuong-phu-bai".`,
      });
    }
    const sameCode = byCode.get(u.code);
    if (sameCode) {
      errors.push({
        vi: `Mã đơn vị "${u.code}" bị trùng ("${sameCode.name}" và "${u.name}"). Mỗi đơn vị cần một mã riêng.`,
        en: `Unit code "${u.code}" is duplicated ("${sameCode.name}" and "${u.name}"). Each unit needs its own code.`,
      });
    } else byCode.set(u.code, u);
    const key = canonicalVietnamese(u.name);
    const sameName = byName.get(key);
    if (sameName) {
      errors.push({
        vi: `Tên đơn vị "${u.name}" bị trùng (mã "${sameName.code}" và "${u.code}"). Hãy đặt tên khác nhau.`,
        en: `Unit name "${u.name}" is duplicated (codes "${sameName.code}" and "${u.code}"). Give them different names.`,
      });
    } else byName.set(key, u);
  }
  for (const u of units) {
    if (u.localityCode !== undefined) {
      const loc = byCode.get(u.localityCode);
      if (!loc || (loc.kind !== "phuong" && loc.kind !== "xa")) {
        errors.push({
          vi: `"${u.name}" trỏ tới xã/phường "${u.localityCode}" không có trong sổ đơn vị. Hãy sửa localityCode thành mã của một xã/phường.`,
          en: `"${u.name}" points to locality "${u.localityCode}", which is not in the register. Set localityCode to a xã/phường code.`,
        });
      }
    }
    if (u.kind !== "tccs" && (u.loaiHinh || u.tccsForm)) {
      errors.push({
        vi: `"${u.name}" không phải tổ chức cơ sở đảng (kind "${u.kind}") nên không có loại hình (loaiHinh) hay hình thức (tccsForm). Hãy bỏ hai trường này, hoặc đặt kind là "tccs" nếu đây là một TCCS.`,
        en: `"${u.name}" is not a grassroots party organisation (kind "${u.kind}"), so it has no loaiHinh or tccsForm. Remove them, or set kind to "tccs" if it is one.`,
      });
    }
    if (u.kind === "tapThe" && u.localityCode !== undefined) {
      errors.push({
        vi: `"${u.name}" là cơ quan, đơn vị của thị xã (kind "tapThe"), không thuộc một xã/phường. Hãy bỏ localityCode.`,
        en: `"${u.name}" is a body of the town (kind "tapThe"), not of a locality. Remove localityCode.`,
      });
    }
    if (u.kind === "tccs" && (!u.loaiHinh || !u.tccsForm)) {
      errors.push({
        vi: `Tổ chức cơ sở đảng "${u.name}" thiếu loại hình (loaiHinh) hoặc hình thức (tccsForm: dangBo/chiBo). Hãy bổ sung.`,
        en: `Grassroots party organisation "${u.name}" lacks loaiHinh or tccsForm (dangBo/chiBo). Add them.`,
      });
    }
  }
  return errors;
}

/** The shipped register of thị xã Hương Thủy for 2019 (agency entries are a sample). */
export function defaultRegister(): UnitRegister {
  const result = loadRegister(defaultData);
  if (!result.ok)
    throw new Error(`Shipped register is invalid: ${result.errors.map((e) => e.en).join("; ")}`);
  return result.register;
}

/**
 * A SAMPLE register for 2025 (two-tier model): a ward Party Committee's chi bộ — thôn, tổ dân phố,
 * cơ quan, trường học, doanh nghiệp, lực lượng vũ trang — every entry marked `sample`.
 */
export function sampleRegister2025(): UnitRegister {
  const result = loadRegister(sample2025Data);
  if (!result.ok)
    throw new Error(
      `Shipped 2025 register is invalid: ${result.errors.map((e) => e.en).join("; ")}`
    );
  return result.register;
}

/** The shipped register with this id (the 2019 register, the 2025 sample), or null. */
export function shippedRegister(id: string): UnitRegister | null {
  if (id === "huong-thuy-2019") return defaultRegister();
  if (id === "phu-bai-2025") return sampleRegister2025();
  return null;
}

/** Localities first, then TCCS, then agencies; `order` inside each group. */
const KIND_GROUP: Record<UnitKind, number> = { phuong: 0, xa: 0, tccs: 1, coQuan: 2, tapThe: 3 };

export function unitsOfKind(register: UnitRegister, kinds: readonly UnitKind[]): Unit[] {
  return register.units
    .filter((u) => kinds.includes(u.kind))
    .sort((a, b) => KIND_GROUP[a.kind] - KIND_GROUP[b.kind] || a.order - b.order);
}

/** The xã and phường. */
export function localities(register: UnitRegister): Unit[] {
  return unitsOfKind(register, ["phuong", "xa"]);
}

/** The grassroots party organisations. */
export function tccs(register: UnitRegister): Unit[] {
  return unitsOfKind(register, ["tccs"]);
}

/** The thị xã agencies (phòng, ban). */
export function agencies(register: UnitRegister): Unit[] {
  return unitsOfKind(register, ["coQuan"]);
}

/**
 * The bodies the plan (III.1.2) reviews as leadership collectives: Thường trực HĐND, UBND, the Thị
 * ủy's committees, MTTQ and đoàn thể, đơn vị sự nghiệp. Never TCCS.
 */
export function leadershipBodies(register: UnitRegister): Unit[] {
  return unitsOfKind(register, ["tapThe"]);
}

export function unitByCode(register: UnitRegister, code: string): Unit | undefined {
  return register.units.find((u) => u.code === code);
}
