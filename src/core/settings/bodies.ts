/**
 * Names of the bodies as they are written in running text, derived from the period settings.
 */
import type { PeriodSettings } from "./types";

/** "Ban Thường vụ Thị ủy" from "THỊ ỦY HƯƠNG THỦY" (the body's kind, without the place). */
export function standingCommitteeOf(settings: PeriodSettings): string {
  if (settings.standingCommittee) return settings.standingCommittee;
  const kind = /^(THỊ ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|TỈNH ỦY|ĐẢNG ỦY)/u.exec(
    settings.issuingBody.normalize("NFC").toUpperCase()
  )?.[1];
  if (!kind) return "Ban Thường vụ";
  const lower = kind.toLowerCase();
  return `Ban Thường vụ ${lower.charAt(0).toUpperCase()}${lower.slice(1)}`;
}
