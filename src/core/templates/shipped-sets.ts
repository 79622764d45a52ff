/**
 * The template sets shipped with the product, as JSON files under templates/data/<set>/ (imported
 * here so the task pane bundle and the command-line bundle carry them; `xeploai defaults` writes
 * them out for editing). A shipped file that breaks the schema is a build error: loading throws.
 */
import setHd21 from "./data/hd21-2019/set.json";
import noiVuCchc from "./data/hd21-2019/noi-vu-cchc.json";
import noiVuCbcc from "./data/hd21-2019/noi-vu-cbcc.json";
import taiChinh from "./data/hd21-2019/tai-chinh.json";
import kinhTeNtm from "./data/hd21-2019/kinh-te-ntm.json";
import vanHoa from "./data/hd21-2019/van-hoa.json";
import giaoDuc from "./data/hd21-2019/giao-duc.json";
import yTe from "./data/hd21-2019/y-te.json";
import ldtbxh from "./data/hd21-2019/ldtbxh.json";
import danVan from "./data/hd21-2019/dan-van.json";
import quanSu from "./data/hd21-2019/quan-su.json";
import congAn from "./data/hd21-2019/cong-an.json";
import ubkt from "./data/hd21-2019/ubkt.json";
import tuyenGiao from "./data/hd21-2019/tuyen-giao.json";
import vanPhong from "./data/hd21-2019/van-phong.json";
import tccsBaoCao from "./data/hd21-2019/tccs-bao-cao.json";
import lanhDao from "./data/hd21-2019/lanh-dao.json";
import setQd366 from "./data/qd366-2025/set.json";
import ubkt2025 from "./data/qd366-2025/ubkt.json";
import tuyenGiao2025 from "./data/qd366-2025/tuyen-giao.json";
import vanPhong2025 from "./data/qd366-2025/van-phong.json";
import tccsBaoCao2025 from "./data/qd366-2025/tccs-bao-cao.json";
import lanhDao2025 from "./data/qd366-2025/lanh-dao.json";
import { catalogForPeriod, parseTemplateSet, servesPeriod, type TemplateSet } from "./template-set";
import type { TemplateSpec } from "./spec";

function shipped(dir: string, docs: { file: string; data: unknown }[]): TemplateSet {
  const r = parseTemplateSet(docs, { id: dir });
  if (!r.ok)
    throw new Error(
      `Shipped template set ${dir} is invalid: ${r.problems.map((p) => p.en).join("; ")}`
    );
  return r.set;
}

/** The 2019 set (HD 21, Thị ủy Hương Thủy): 16 templates, periods 2019–2024. */
export const HD21_2019_TEMPLATES: TemplateSet = shipped("hd21-2019", [
  { file: "set.json", data: setHd21 },
  { file: "noi-vu-cchc.json", data: noiVuCchc },
  { file: "noi-vu-cbcc.json", data: noiVuCbcc },
  { file: "tai-chinh.json", data: taiChinh },
  { file: "kinh-te-ntm.json", data: kinhTeNtm },
  { file: "van-hoa.json", data: vanHoa },
  { file: "giao-duc.json", data: giaoDuc },
  { file: "y-te.json", data: yTe },
  { file: "ldtbxh.json", data: ldtbxh },
  { file: "dan-van.json", data: danVan },
  { file: "quan-su.json", data: quanSu },
  { file: "cong-an.json", data: congAn },
  { file: "ubkt.json", data: ubkt },
  { file: "tuyen-giao.json", data: tuyenGiao },
  { file: "van-phong.json", data: vanPhong },
  { file: "tccs-bao-cao.json", data: tccsBaoCao },
  { file: "lanh-dao.json", data: lanhDao },
]);

/**
 * The QĐ 366 set (from 2025), for a commune or ward Party Committee of the two-tier model: the
 * TCCS report (3.14) and the leaders (3.15) carry the 100-point score, the tasks and the discipline
 * conditions; UBKT, Xây dựng Đảng and Văn phòng (3.11–3.13) report on each TCCS as in 2019.
 */
export const QD366_2025_TEMPLATES: TemplateSet = shipped("qd366-2025", [
  { file: "set.json", data: setQd366 },
  { file: "ubkt.json", data: ubkt2025 },
  { file: "tuyen-giao.json", data: tuyenGiao2025 },
  { file: "van-phong.json", data: vanPhong2025 },
  { file: "tccs-bao-cao.json", data: tccsBaoCao2025 },
  { file: "lanh-dao.json", data: lanhDao2025 },
]);

/** Every shipped set by id. */
export const TEMPLATE_SETS: Record<string, TemplateSet> = {
  [HD21_2019_TEMPLATES.id]: HD21_2019_TEMPLATES,
  [QD366_2025_TEMPLATES.id]: QD366_2025_TEMPLATES,
};

/** Where each shipped set's JSON files live (for `xeploai defaults`: folder name → set). */
export const TEMPLATE_SET_FOLDERS: Record<string, string> = {
  [HD21_2019_TEMPLATES.id]: "hd21-2019",
  [QD366_2025_TEMPLATES.id]: "qd366-2025",
};

/** The shipped set with this id, or null. */
export function getTemplateSet(id: string): TemplateSet | null {
  return TEMPLATE_SETS[id] ?? null;
}

/** The shipped set serving a period (the latest-starting one when several do), or null. */
export function templateSetForPeriod(period: number): TemplateSet | null {
  const serving = Object.values(TEMPLATE_SETS).filter(
    (s) => servesPeriod(s, period) && catalogForPeriod(s, period).length > 0
  );
  serving.sort((a, b) => (b.validFrom ?? 0) - (a.validFrom ?? 0));
  return serving[0] ?? null;
}

/** The shipped templates serving a period (empty when no shipped set does). */
export function shippedCatalogFor(period: number): TemplateSpec[] {
  const set = templateSetForPeriod(period);
  return set ? catalogForPeriod(set, period) : [];
}

/**
 * The shipped templates a period's settings use: the set named by `templateSetId`, else the set
 * serving the period, else the 2019 set; only its templates serving the period (all of them when
 * none does, so a person can still see what the set holds).
 */
export function templatesForSettings(s: {
  period: number;
  templateSetId?: string;
}): TemplateSpec[] {
  const set =
    (s.templateSetId ? getTemplateSet(s.templateSetId) : null) ??
    templateSetForPeriod(s.period) ??
    HD21_2019_TEMPLATES;
  const forPeriod = catalogForPeriod(set, s.period);
  return forPeriod.length ? forPeriod : set.specs;
}
