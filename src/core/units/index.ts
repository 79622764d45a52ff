/** The unit register: data, loading, queries and name matching. */
export type { Unit, UnitKind, LocalityKind, UnitRegister, LoaiHinh } from "./types";
export { LOAI_HINH } from "./types";
export {
  loadRegister,
  defaultRegister,
  unitsOfKind,
  localities,
  tccs,
  agencies,
  leadershipBodies,
  unitByCode,
  registerSchema,
  unitSchema,
  UNIT_CODE_PATTERN,
} from "./register";
export type { LoadRegisterResult } from "./register";
export { matchUnit, unitKey, editDistance, unitByCodeOfKinds, registerIndex } from "./match";
export type { MatchUnitResult } from "./match";
