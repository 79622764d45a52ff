/**
 * QĐ 366, Article 11 as data: the score bands at their edges and each condition failing, for a
 * TCCS (3.14 row) and for a leader (3.15 row) — the same bands, the same reasons citing the article.
 */
import { levelFromBands } from "../../../src/core/classify/bands";
import { QD366_2025, QD366_BANDS } from "../../../src/core/rules/qd366-2025";
import type { Value } from "../../../src/core/validate/types";

/** A row meeting every condition of every band. */
const CLEAN: Record<string, Value> = {
  tyLeDungHan: 100,
  tyLeVuotYeuCau: 30,
  tyLeTreHan: 0,
  tyLeHoanThanh: 100,
  soDonViKyLuat: 0,
  soCaNhanKyLuat: 0,
};

const at = (score: number, patch: Record<string, Value> = {}) =>
  levelFromBands({
    score,
    values: { ...CLEAN, ...patch },
    bands: QD366_BANDS,
    fallback: "KHTNV",
    source: QD366_2025.source,
    fallbackSource:
      QD366_2025.method.kind === "scoreBands" ? QD366_2025.method.fallbackSource : undefined,
    cells: [],
  });
const text = (r: ReturnType<typeof at>) => r.reasons.map((x) => x.message.vi).join(" | ");

describe("QĐ 366 score bands at their edges", () => {
  it.each([
    [100, "HTXSNV"],
    [90, "HTXSNV"],
    [89.99, "HTTNV"],
    [70, "HTTNV"],
    [69.99, "HTNV"],
    [50, "HTNV"],
    [49.99, "KHTNV"],
    [0, "KHTNV"],
  ])("%s points with every condition met → %s", (score, level) => {
    expect(at(score).level).toBe(level);
  });

  it("every reason cites Article 11", () => {
    for (const s of [95, 80, 60, 10])
      for (const r of at(s).reasons)
        expect(r.message.vi).toContain("QĐ 366-QĐ/TW ngày 30/8/2025, Điều 11");
    expect(text(at(49.5))).toContain("Điểm 49,5 dưới 50 → KHTNV");
  });
});

describe("each condition failing", () => {
  it("HTXSNV: fewer than 30% beyond the requirement → HTTNV, saying why", () => {
    const r = at(95, { tyLeVuotYeuCau: 29.99 });
    expect(r.level).toBe("HTTNV");
    expect(text(r)).toContain(
      "chưa đạt điều kiện mức HTXSNV: ít nhất 30% nhiệm vụ hoàn thành vượt yêu cầu"
    );
  });
  it("HTXSNV: a disciplined subordinate unit → HTTNV", () => {
    const r = at(95, { soDonViKyLuat: 1 });
    expect(r.level).toBe("HTTNV");
    expect(text(r)).toContain("không có đơn vị trực thuộc bị kỷ luật");
  });
  it("HTXSNV: a disciplined member → HTTNV", () => {
    const r = at(95, { soCaNhanKyLuat: 2 });
    expect(r.level).toBe("HTTNV");
    expect(text(r)).toContain("không có đảng viên, thành viên bị kỷ luật");
  });
  it("HTXSNV and HTTNV: a task late → HTNV (at most 20% late)", () => {
    const r = at(95, { tyLeDungHan: 95, tyLeTreHan: 5 });
    expect(r.level).toBe("HTNV");
    expect(text(r)).toContain("chưa đạt điều kiện mức HTTNV: tất cả nhiệm vụ hoàn thành đúng hạn");
  });
  it("HTNV: more than 20% late → KHTNV; exactly 20% is still HTNV", () => {
    expect(at(60, { tyLeDungHan: 80, tyLeTreHan: 20 }).level).toBe("HTNV");
    const r = at(60, { tyLeDungHan: 79.9, tyLeTreHan: 20.1 });
    expect(r.level).toBe("KHTNV");
    expect(text(r)).toContain("không quá 20% nhiệm vụ trễ hạn");
  });
  it("HTNV: a task not completed → KHTNV", () => {
    const r = at(75, { tyLeDungHan: 95, tyLeHoanThanh: 95 });
    expect(r.level).toBe("KHTNV");
    expect(text(r)).toContain("hoàn thành tất cả nhiệm vụ");
    expect(text(r)).toContain("không đạt điều kiện của mức nào ở trên → KHTNV");
  });
  it("a condition without data fails and says so", () => {
    const r = at(95, { tyLeVuotYeuCau: null });
    expect(r.level).toBe("HTTNV");
    expect(text(r)).toContain("(chưa có số liệu)");
  });
  it("the thresholds are data: a copy with HTXSNV from 85 suggests HTXSNV at 86", () => {
    const bands = QD366_BANDS.map((b) => (b.level === "HTXSNV" ? { ...b, min: 85 } : b));
    const r = levelFromBands({
      score: 86,
      values: CLEAN,
      bands,
      fallback: "KHTNV",
      source: "x",
      cells: [],
    });
    expect(r.level).toBe("HTXSNV");
  });
});

describe("leaders are scored with the same bands", () => {
  it("the rule set scores 3.15 rows", () => {
    expect(QD366_2025.leaders.scoreBands?.key).toBe("diemDanhGia");
    expect(QD366_2025.leaders.scoreBands?.bands).toBe(QD366_BANDS);
  });
});
