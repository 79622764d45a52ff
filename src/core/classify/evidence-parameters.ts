/**
 * The evidence parameters of a rule set in words, for people who may read but not change them
 * (the task pane's read-only list): per rule the department and template it reads, when it fails,
 * what follows, and where the threshold comes from. No rule id or "[M]" tag in the texts: a
 * parameter the Ban Tổ chức decides is a flag (`decidedLocally`) the screen shows in words.
 */
import type { LocalizedText } from "../i18n";
import { getEnum } from "../templates/enums";
import { CATALOG } from "../templates/catalog";
import type { TemplateSpec } from "../templates/spec";
import { isLocalParameter, sourceInWords } from "../rules/source-words";
import type { EvidenceRule, RuleSet } from "../rules/types";
import { CRITERIA, OP_FAIL, formatValue } from "./evidence";

export interface EvidenceParameter {
  /** The rule id (a React key; never shown). */
  id: string;
  criterion: LocalizedText;
  /** "Tài chính – Kế hoạch (mẫu 3.2)". */
  department: LocalizedText;
  /** "“Tỷ lệ thu %” < 100%", or "chưa đặt ngưỡng: chỉ ghi nhận". */
  failsWhen: LocalizedText;
  /** "tối đa HTTNV" or "chỉ cảnh báo". */
  consequence: LocalizedText;
  /** The TCCS the rule reads for ("Đảng bộ xã, Đảng bộ phường"), null for every TCCS. */
  appliesTo: LocalizedText | null;
  /** The source as people read it: the document cited, tags removed. */
  source: LocalizedText;
  /** The source is (or includes) a parameter the Ban Tổ chức decides (said so in the data). */
  decidedLocally: boolean;
}

export interface EvidenceParametersView {
  ruleSetName: LocalizedText;
  /** What a missing department file does ("chưa đủ căn cứ", capped or not). */
  whenMissing: LocalizedText;
  /** Members disciplined vs members KHTNV, null when the rule set has no such check. */
  memberCheck: { text: LocalizedText; source: LocalizedText; decidedLocally: boolean } | null;
  rules: EvidenceParameter[];
}

/** "TT 23/2012 (…); tham số do Ban Tổ chức quyết định" → the source in words, and the flag. */
export function readableSource(source: string): { text: LocalizedText; decidedLocally: boolean } {
  return { text: sourceInWords(source), decidedLocally: isLocalParameter(source) };
}

function describeRule(rule: EvidenceRule, catalog: readonly TemplateSpec[]): EvidenceParameter {
  const spec = catalog.find((s) => s.id === rule.data.templateId);
  const col = (key: string) => spec?.columns.find((c) => c.key === key);
  const header = (key: string): LocalizedText => {
    const c = col(key);
    return { vi: `“${c?.header.vi ?? key}”`, en: `“${c?.header.en ?? key}”` };
  };
  const t = rule.test;
  const what = header(t.key);
  let failsWhen: LocalizedText;
  if (t.threshold === null) {
    failsWhen = {
      vi: `${what.vi}: chưa đặt ngưỡng, chỉ ghi nhận`,
      en: `${what.en}: no threshold set, shown only`,
    };
  } else {
    const thr: LocalizedText =
      typeof t.threshold === "object"
        ? header(t.threshold.key)
        : {
            vi: formatValue(col(t.key), t.threshold, "vi"),
            en: formatValue(col(t.key), t.threshold, "en"),
          };
    failsWhen = {
      vi: `${what.vi} ${OP_FAIL[t.op].vi} ${thr.vi}`,
      en: `${what.en} ${OP_FAIL[t.op].en} ${thr.en}`,
    };
  }
  if (t.onlyIf) {
    const g = header(t.onlyIf.key);
    failsWhen = {
      vi: `${failsWhen.vi} (khi ${g.vi} ${OP_FAIL[t.onlyIf.op].vi} ${t.onlyIf.value})`,
      en: `${failsWhen.en} (when ${g.en} ${OP_FAIL[t.onlyIf.op].en} ${t.onlyIf.value})`,
    };
  }
  const criterion = CRITERIA.find((c) => c.key === rule.criterion)?.label ?? {
    vi: rule.criterion,
    en: rule.criterion,
  };
  const dept: LocalizedText = spec
    ? {
        vi: `${spec.department.name.vi.replace(/^Phòng\s+/, "")} (mẫu ${spec.section})`,
        en: `${spec.department.name.en} (template ${spec.section})`,
      }
    : { vi: rule.data.templateId, en: rule.data.templateId };
  const lh = rule.appliesTo?.loaiHinh;
  const loaiHinh = getEnum("loaiHinh");
  const appliesTo = lh
    ? {
        vi: lh.map((c) => loaiHinh.values.find((v) => v.code === c)?.label.vi ?? c).join(", "),
        en: lh.map((c) => loaiHinh.values.find((v) => v.code === c)?.label.en ?? c).join(", "),
      }
    : null;
  const src = readableSource(rule.source);
  return {
    id: rule.id,
    criterion,
    department: dept,
    failsWhen,
    consequence:
      rule.consequence.kind === "cap"
        ? {
            vi: `tối đa ${rule.consequence.maxLevel}`,
            en: `at most ${rule.consequence.maxLevel}`,
          }
        : { vi: "chỉ cảnh báo", en: "warning only" },
    appliesTo,
    source: src.text,
    decidedLocally: src.decidedLocally,
  };
}

/** The rule set's evidence parameters in words, in the rule set's order. */
export function describeEvidenceParameters(
  ruleSet: RuleSet,
  catalog: readonly TemplateSpec[] = CATALOG
): EvidenceParametersView {
  const ev = ruleSet.evidence;
  const mc = ev.memberCheck;
  const mcSource = mc ? readableSource(mc.source) : null;
  return {
    ruleSetName: ruleSet.name,
    whenMissing:
      ev.whenMissing === "cap"
        ? {
            vi: `Thiếu số liệu của một ban (chưa nộp, bị từ chối, thiếu dòng): “chưa đủ căn cứ”, tạm tối đa ${ev.missingMaxLevel}.`,
            en: `A department's data missing (not sent, refused, row left out): “not enough evidence”, at most ${ev.missingMaxLevel} for now.`,
          }
        : {
            vi: "Thiếu số liệu của một ban: ghi “chưa đủ căn cứ”, không hạ mức.",
            en: "A department's data missing: “not enough evidence” is noted, no cap.",
          },
    memberCheck:
      mc && mcSource
        ? {
            text: {
              vi: "Số đảng viên bị kỷ luật trong năm (UBKT) không được vượt số đảng viên KHTNV trong báo cáo của TCCS; nếu vượt: lỗi số liệu, các điều kiện về đảng viên tính theo số lớn hơn.",
              en: "Members disciplined in the year (UBKT) may not exceed members rated KHTNV in the TCCS's report; if they do: a data error, and the member conditions use the larger count.",
            },
            source: mcSource.text,
            decidedLocally: mcSource.decidedLocally,
          }
        : null,
    rules: ev.rules.map((r) => describeRule(r, catalog)),
  };
}
