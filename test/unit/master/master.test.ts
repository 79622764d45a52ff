import { classifyAll } from "../../../src/core/classify";
import { consolidate } from "../../../src/core/consolidate";
import {
  buildMasterWorkbook,
  MASTER_SHEETS,
  readManualColumns,
  runPipeline,
} from "../../../src/core/master";
import { HD21_2019 } from "../../../src/core/rules";
import { columnNumber, type SheetModel, type WorkbookModel } from "../../../src/core/sheet/model";
import {
  departmentValue,
  figureSpans,
} from "../../../src/core/master/documents/departments";
import { pageRowsHeightPt } from "../../../src/core/print/page";
import { unitsForRowSet } from "../../../src/core/template-sheet/build";
import { requireTemplate } from "../../../src/core/templates/catalog";
import type { UnitRegister } from "../../../src/core/units/types";
import { catalog, danVan, register, report, settings, sub, ubkt } from "../consolidate/fixtures";
import { findRow, modelToGrids } from "./grids";

const PB = "db-phuong-phu-bai";
const TC = "db-phuong-thuy-chau";
const NOW = "2019-12-30T02:00:00.000Z";
const subs = () => [
  sub("tccs-bao-cao", [report(PB), report(TC, { tuXepLoai: "HTTNV", tcKtxhXuatSac: false })], {
    file: "tccs.xlsx",
  }),
  sub("tccs-bao-cao", [report("db-xa-thuy-phu", { loaiHinh: "DB_XA" })], {
    file: "late.xlsx",
    modifiedAt: "2019-12-28T01:00:00.000Z",
  }),
  sub("dan-van", [danVan("phuong-phu-bai"), danVan("phuong-thuy-chau")], { file: "danvan.xlsx" }),
  sub("ubkt", [ubkt(PB, false), ubkt(TC, false)], { file: "ubkt.xlsx" }),
  sub(
    "ldtbxh",
    [
      {
        unitCode: "phuong-phu-bai",
        values: { tongSoHo: 4000, soHoNgheo: 80, soHoCanNgheo: 120, tyLeNgheo: 2 },
      },
    ],
    { file: "ld.xlsx" }
  ),
];
const build = (
  over: { register?: UnitRegister; previous?: ReturnType<typeof readManualColumns> | null } = {}
) =>
  runPipeline({
    submissions: subs(),
    settings,
    register: over.register ?? register,
    catalog,
    now: NOW,
    previous: over.previous ?? null,
  }).model;

const sheet = (m: WorkbookModel, name: string) => m.sheets.find((s) => s.name === name)!;
function metaOf(m: WorkbookModel) {
  const rows = sheet(m, "_meta_master").blocks[0]!.cells as (string | number)[][];
  return Object.fromEntries(rows.map((r) => [String(r[0]), r[1]]));
}

describe("buildMasterWorkbook", () => {
  const m = build();
  const grids = modelToGrids(m);
  const master = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
  const meta = metaOf(m);
  const col = (k: string) => columnNumber(String(meta[`column:${k}`]));

  it("has the Vietnamese sheets, a hidden list sheet and a very hidden _meta_master of kind master", () => {
    expect(m.sheets.map((s) => s.name)).toEqual([
      "Tổng hợp",
      "Lãnh đạo",
      "Chỉ tiêu & tổng hợp",
      "Tình hình nộp",
      "Báo cáo",
      "Phụ lục 1",
      "Phụ lục 2",
      "Phụ lục 3",
      "Danh mục đơn vị",
      "Nguồn số liệu",
      "Nhật ký",
      "_lists_master",
      "_meta_master",
    ]);
    expect(sheet(m, "_meta_master").visibility).toBe("veryHidden");
    expect(meta.kind).toBe("master");
    expect(meta.period).toBe(2019);
    expect(meta.ruleSetId).toBe("HD21-2019");
  });

  it("lists one row per TCCS with its data as values (formulas only where live), the suggestion and the reasons", () => {
    const first = Number(meta.firstDataRow);
    const codes = master.rows
      .slice(first - 1)
      .map((r) => r?.[col("unitCode") - 1])
      .filter(Boolean);
    expect(codes).toHaveLength(register.units.filter((u) => u.kind === "tccs").length);
    // Formulas only in the live column of Tổng hợp, on the summary sheet and on the printed
    // documents (over the master's own sheets); submitted data are values.
    const documents = ["Báo cáo", "Phụ lục 1", "Phụ lục 2", "Phụ lục 3"];
    for (const s of m.sheets)
      for (const b of s.blocks)
        b.cells.forEach((r) =>
          r.forEach((c, j) => {
            if (typeof c !== "object" || c === null) return;
            const where = `${s.name}!${b.left + j}`;
            if (s.name === MASTER_SHEETS.master)
              expect(where).toBe(`${MASTER_SHEETS.master}!${col("mucTinhChiTieu")}`);
            else if (documents.includes(s.name))
              for (const ref of c.formula.match(/'[^']+'!/g) ?? [])
                expect([
                  `'${MASTER_SHEETS.master}'!`,
                  `'${MASTER_SHEETS.leaders}'!`,
                  "'_lists_master'!",
                  "'Phụ lục 1'!",
                  "'Phụ lục 2'!",
                ]).toContain(ref);
            else expect(s.name).toBe(MASTER_SHEETS.summary);
            expect(c.formula).not.toMatch(/\[|\.xlsx/); // never another workbook
          })
        );
    const tcRow = master.rows[findRow(master, col("unitCode"), TC) - 1]!;
    expect(tcRow).toContain("Đảng bộ phường Thủy Châu");
    expect(tcRow).toContain(300); // tongDv, a value
    const text = tcRow.filter((c) => typeof c === "string").join(" | ");
    expect(text).toContain("HTTNV");
    expect(text).toContain("Tiêu chí lãnh đạo KT-XH, QP-AN xuất sắc");
  });

  it("groups department indicators under their department, joined by locality for xã/phường templates", () => {
    const headerText = master.rows
      .slice(0, Number(meta.firstDataRow))
      .flat()
      .filter((c) => typeof c === "string");
    expect(
      headerText.some(
        (h) => String(h).startsWith("Phòng Lao động") || String(h).includes("(mẫu 3.7)")
      )
    ).toBe(true);
    const pbRow = master.rows[findRow(master, col("unitCode"), PB) - 1]!;
    expect(pbRow).toContain(80); // soHoNgheo of phuong-phu-bai (3.7) on Đảng bộ phường Phú Bài's row
  });

  it("gives the hand-filled columns dropdowns and unlocks them", () => {
    const s = sheet(m, MASTER_SHEETS.master);
    for (const k of ["deXuatBtc", "quyetDinhBtv"]) {
      const v = s.validations.find((x) => x.range.left === col(k))!;
      expect(v.rule).toEqual({ kind: "list", source: "=_lists_master!$A$2:$A$5" });
      expect(v.range.top).toBe(Number(meta.firstDataRow));
    }
    for (const k of ["deXuatBtc", "quyetDinhBtv", "lyDoVuotTran", "ghiChu"]) {
      expect(s.styles.some((x) => x.range.left === col(k) && x.style.locked === false)).toBe(true);
    }
    expect(s.protect).toBe(true);
    expect(s.print?.printTitleRows).toBeDefined();
  });

  it("writes the summary sentence, the submission status (late, missing) and marks sample units", () => {
    const summary = grids.sheets
      .find((x) => x.name === MASTER_SHEETS.summary)!
      .rows.flat()
      .filter((c) => typeof c === "string")
      .join("\n");
    expect(summary).toMatch(/HTTNV trở lên [\d,]+%, trong đó HTXSNV [\d,]+%\./);
    expect(summary).toContain("CHỈ TIÊU HTXSNV");
    const status = grids.sheets.find((x) => x.name === MASTER_SHEETS.status)!.rows;
    const lateRow = status.find(
      (r) => r?.includes("Đảng bộ xã Thủy Phù") && r.includes("late.xlsx")
    )!;
    expect(lateRow).toContain("Trễ hạn");
    expect(status.some((r) => r?.includes("Chưa nhận"))).toBe(true);
    const reg = grids.sheets.find((x) => x.name === MASTER_SHEETS.register)!.rows;
    expect(reg.some((r) => r?.includes("tccs-quan-su") && r.includes("Mẫu (cần rà soát)"))).toBe(
      true
    );
  });

  it("records where every value came from", () => {
    const prov = grids.sheets.find((x) => x.name === MASTER_SHEETS.provenance)!.rows;
    expect(
      prov.some(
        (r) => r?.includes("Đảng bộ phường Phú Bài") && r.includes("tccs.xlsx") && r.includes("S12")
      )
    ).toBe(true);
  });

  it("is idempotent: the same inputs give the same model", () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(m));
  });
});

describe("hand-filled columns survive a re-run", () => {
  function setByCode(m: WorkbookModel, code: string, key: string, value: string) {
    const grids = modelToGrids(m);
    const meta = metaOf(m);
    const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const row = findRow(g, columnNumber(String(meta["column:unitCode"])), code);
    g.rows[row - 1]![columnNumber(String(meta[`column:${key}`])) - 1] = value;
    return grids;
  }

  it("keeps quyetDinhBtv, lyDoVuotTran and ghiChu typed by hand, matched by unit code even when rows move", () => {
    let grids = setByCode(build(), TC, "quyetDinhBtv", "Hoàn thành xuất sắc nhiệm vụ");
    const meta = metaOf(build());
    const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const tcRow = findRow(g, columnNumber(String(meta["column:unitCode"])), TC);
    g.rows[tcRow - 1]![columnNumber(String(meta["column:lyDoVuotTran"])) - 1] =
      "Thành tích đột xuất";
    g.rows[tcRow - 1]![columnNumber(String(meta["column:ghiChu"])) - 1] = "BTV họp 28/12";
    const read = readManualColumns(grids);
    expect(read.isMaster).toBe(true);
    expect(read.manual[TC]).toEqual({
      deXuatBtc: null,
      quyetDinhBtv: "HTXSNV",
      lyDoVuotTran: "Thành tích đột xuất",
      ghiChu: "BTV họp 28/12",
      ten: "Đảng bộ phường Thủy Châu",
    });

    // The register order changes: Thủy Châu now comes first. The decision follows the code.
    const moved: UnitRegister = {
      ...register,
      units: register.units.map((u) => (u.code === TC ? { ...u, order: 0 } : u)),
    };
    const again = modelToGrids(build({ register: moved, previous: read }));
    const meta2 = metaOf(build({ register: moved, previous: read }));
    const g2 = again.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const row2 = findRow(g2, columnNumber(String(meta2["column:unitCode"])), TC);
    expect(row2).toBe(Number(meta2.firstDataRow));
    expect(g2.rows[row2 - 1]![columnNumber(String(meta2["column:quyetDinhBtv"])) - 1]).toBe(
      "HTXSNV"
    );
    expect(g2.rows[row2 - 1]![columnNumber(String(meta2["column:ghiChu"])) - 1]).toBe(
      "BTV họp 28/12"
    );
    const pbRow = findRow(g2, columnNumber(String(meta2["column:unitCode"])), PB);
    expect(
      g2.rows[pbRow - 1]![columnNumber(String(meta2["column:quyetDinhBtv"])) - 1] ?? null
    ).toBeNull();
    grids = again;
    expect(readManualColumns(grids).manual[TC]!.quyetDinhBtv).toBe("HTXSNV");
  });

  it("finds the columns by their headers when someone inserted a column", () => {
    const grids = setByCode(build(), TC, "quyetDinhBtv", "HTNV");
    const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    for (const row of g.rows) row?.splice(2, 0, "cột chèn thêm");
    expect(readManualColumns(grids).manual[TC]!.quyetDinhBtv).toBe("HTNV");
  });

  it("keeps text that is not a level as typed and says so", () => {
    const read = readManualColumns(setByCode(build(), PB, "deXuatBtc", "xuất sắc?"));
    expect(read.manual[PB]).toMatchObject({ deXuatBtc: null, rawDeXuatBtc: "xuất sắc?" });
    expect(read.issues[0]!.vi).toContain("không phải mức xếp loại");
    const rebuilt = modelToGrids(build({ previous: read }));
    expect(
      rebuilt.sheets
        .find((s) => s.name === MASTER_SHEETS.master)!
        .rows.some((r) => r?.includes("xuất sắc?"))
    ).toBe(true);
  });

  it("appends this run's log to the previous runs' log", () => {
    const first = readManualColumns(modelToGrids(build()));
    expect(first.log.length).toBeGreaterThan(3);
    expect(first.log[0]).toMatchObject({ at: NOW, kind: "run" });
    const second = readManualColumns(modelToGrids(build({ previous: first })));
    expect(second.log).toHaveLength(first.log.length * 2);
    expect(second.log.slice(0, first.log.length)).toEqual(first.log);
  });

  it("uses the decisions for the quota and asks for a reason above the cap", () => {
    const c = consolidate(subs(), { register, settings, catalog });
    // PB's departments sent nothing here, so its suggestion is capped ("chưa đủ căn cứ"); the
    // Standing Committee decides HTXSNV for both anyway.
    const manual = {
      [PB]: { deXuatBtc: null, quyetDinhBtv: "HTXSNV" as const, lyDoVuotTran: null, ghiChu: null },
      [TC]: { deXuatBtc: null, quyetDinhBtv: "HTXSNV" as const, lyDoVuotTran: null, ghiChu: null },
    };
    const { classification, quota } = classifyAll(c, {
      register,
      ruleSet: HD21_2019,
      catalog,
      manual,
    });
    const phuong = quota.organisations.find((g) => g.group === "all")!;
    expect(phuong.counts.HTXSNV).toBeGreaterThanOrEqual(2);
    const model = buildMasterWorkbook({
      consolidation: c,
      classification,
      quota,
      settings,
      register,
      catalog,
      manual,
    });
    const text = modelToGrids(model)
      .sheets.find((s) => s.name === MASTER_SHEETS.master)!
      .rows.flat()
      .join(" ");
    expect(text).toContain("Lý do vượt trần");
  });

  it("says when a workbook is not a master", () => {
    const r = readManualColumns({
      source: "x.xlsx",
      sheets: [{ name: "Sheet1", visibility: "visible", rows: [["a"]] }],
    });
    expect(r.isMaster).toBe(false);
    expect(r.issues[0]!.vi).toContain("không phải bảng tổng hợp");
  });
});

describe("Phụ lục 3 — Số liệu các ngành", () => {
  const texts = (s: SheetModel) =>
    s.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");

  it("one section per department template with figures, headed by the department, labels not codes", () => {
    const s = sheet(build(), "Phụ lục 3");
    const t = texts(s);
    expect(t).toContain("PHỤ LỤC 3");
    expect(t.some((x) => x.startsWith("I. Phòng Nội vụ:"))).toBe(true);
    expect(t.some((x) => /^[IVX]+\. Ban Dân vận Thị ủy, MTTQ và các đoàn thể:/.test(x))).toBe(true);
    // The TCCS's own report (Phụ lục 1) and the leaders (Phụ lục 2) are not repeated here.
    expect(t.some((x) => x.includes("(mẫu 3.14)") || x.includes("(mẫu 3.15)"))).toBe(false);
    // No submission for a unit: said so, in words.
    expect(t).toContain("Chưa có số liệu");
    for (const x of t) expect(x).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+[A-Z][A-Za-z]+\b/);
    expect(s.print).toMatchObject({ orientation: "landscape", scale: 85, fitToWidth: 0 });
    // Each department after the first starts a new page.
    expect(s.print!.rowBreaks!.length).toBeGreaterThan(5);
  });

  it("a choice prints as its Vietnamese label, yes/no as Có/Không", () => {
    const danhHieu = requireTemplate("van-hoa").columns.find((c) => c.key === "danhHieu")!;
    expect(departmentValue(danhHieu, "PHUONG_VMDT")).toMatch(/^Phường đạt chuẩn văn minh đô thị$/);
    const bool = requireTemplate("tai-chinh").columns.find((c) => c.key === "hoanThanhThu")!;
    expect(departmentValue(bool, true)).toBe("Có");
    expect(departmentValue(bool, false)).toBe("Không");
  });

  it("each section takes the full table width: a few figures get wide columns, wordy ones wider", () => {
    const cols = (id: string) => requireTemplate(id).columns.filter((c) => c.master && !c.identity);
    const vanHoa = cols("van-hoa");
    const spans = figureSpans(vanHoa, 7);
    expect(spans.reduce((a, x) => a + x, 0)).toBe(7);
    expect(spans[vanHoa.findIndex((c) => c.key === "danhHieu")]).toBe(Math.max(...spans));
    expect(figureSpans(cols("quan-su"), 7)).toEqual([7]);
    expect(figureSpans(cols("dan-van"), 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("every department fits its page: no section runs onto a nearly empty second page", () => {
    // Every locality sent the longest label of 3.4 and a level in 3.9 (the two that used to spill).
    const localities = register.units.filter((u) => u.kind === "phuong" || u.kind === "xa");
    const m = runPipeline({
      submissions: [
        ...subs(),
        sub(
          "van-hoa",
          localities.map((u) => ({
            unitCode: u.code,
            values: {
              tongSoHo: 3000,
              soHoGdvh: 2700,
              tongThonTdp: 12,
              soThonTdpVh: 10,
              danhHieu: u.kind === "xa" ? "XA_VH_NTM" : "PHUONG_VMDT",
              namCongNhan: 2018,
            },
          })),
          { file: "van-hoa.xlsx" }
        ),
        sub(
          "quan-su",
          unitsForRowSet(requireTemplate("quan-su"), register).map((u) => ({
            unitCode: u.code,
            values: { xepLoaiQp: "HTXSNV" },
          })),
          { file: "quan-su.xlsx" }
        ),
      ],
      settings,
      register,
      catalog,
      now: NOW,
      previous: null,
    }).model;
    const s = sheet(m, "Phụ lục 3");
    const p = s.print!;
    const page = pageRowsHeightPt(p.orientation, p.margins, p.scale!);
    const bottom = p.printArea!.bottom;
    const starts = [1, ...p.rowBreaks!.map((r) => r + 1)];
    const heights = starts.map((from, i) => {
      const to = i + 1 < starts.length ? starts[i + 1]! - 1 : bottom;
      let h = 0;
      for (let r = from; r <= to; r++) h += s.rowHeights?.[r] ?? 15;
      return h;
    });
    expect(heights.length).toBeGreaterThan(10);
    for (const h of heights) expect(h).toBeLessThanOrEqual(page);
    // Figures stay numbers, in a Vietnamese format (a decimal comma on paper).
    const fmts = s.styles.map((x) => x.style.numFmt).filter((f): f is string => !!f);
    expect(fmts.length).toBeGreaterThan(0);
    for (const f of fmts) expect(f).toMatch(/^\[\$-42A\]/);
    // The labels fit their wide column on one line: 3.4's rows stay one line high.
    const t = texts(s);
    expect(t).toContain("Phường đạt chuẩn văn minh đô thị");
    expect(t).toContain("Xã đạt chuẩn văn hóa nông thôn mới");
  });

  it("is left out when the settings say printDepartmentAnnex: false", () => {
    const m = runPipeline({
      submissions: subs(),
      settings: { ...settings, printDepartmentAnnex: false },
      register,
      catalog,
      now: NOW,
      previous: null,
    }).model;
    expect(m.sheets.map((x) => x.name)).not.toContain("Phụ lục 3");
  });
});
