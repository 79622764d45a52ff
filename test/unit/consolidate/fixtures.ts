/** Hand-made submissions (no files) for consolidation, classification and master tests. */
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnLetter } from "../../../src/core/sheet/model";
import type { Submission } from "../../../src/core/submission/types";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import type { ValidationIssue, Value } from "../../../src/core/validate/types";

export const register = defaultRegister();
export const settings = DEFAULT_SETTINGS_2019;
export const catalog = CATALOG;

export interface FixtureRow {
  unitCode: string | null;
  values: Record<string, Value>;
  rowNumber?: number;
}

export function sub(
  templateId: string,
  rows: FixtureRow[],
  opts: {
    file?: string;
    modifiedAt?: string | null;
    generatedAt?: string | null;
    issues?: ValidationIssue[];
    period?: number | null;
  } = {}
): Submission {
  const spec = requireTemplate(templateId);
  const columnLetters = Object.fromEntries(
    spec.columns.map((c, i) => [c.key, columnLetter(i + 1)])
  );
  return {
    file: opts.file ?? `${templateId}.xlsx`,
    sheet: spec.sheetName,
    templateId,
    templateVersion: spec.version,
    period: opts.period === undefined ? 2019 : opts.period,
    generatedAt: opts.generatedAt === undefined ? "2019-11-25T01:00:00.000Z" : opts.generatedAt,
    modifiedAt: opts.modifiedAt === undefined ? "2019-12-20T02:00:00.000Z" : opts.modifiedAt,
    recognizedBy: "meta",
    layout: { columnLetters, firstDataRow: 12 },
    validation: {
      rows: rows.map((r, i) => ({
        rowNumber: r.rowNumber ?? 12 + i,
        unitCode: r.unitCode,
        values: { ...(r.unitCode ? { unitCode: r.unitCode } : {}), ...r.values },
      })),
      issues: opts.issues ?? [],
    },
  };
}

export function error(row: number, column: string | null, text = "Giá trị sai"): ValidationIssue {
  return {
    severity: "error",
    rule: "test",
    row,
    column,
    cell: column ? `X${row}` : null,
    message: { vi: text, en: text },
  };
}

/** A 3.14 report row with sensible defaults (a Đảng bộ that meets every condition). */
export function report(unitCode: string, over: Record<string, Value> = {}): FixtureRow {
  return {
    unitCode,
    values: {
      loaiHinh: "DB_PHUONG",
      soTcTrucThuoc: 10,
      tc_Htxs: 2,
      tc_Httn: 7,
      tc_Htnv: 1,
      tc_Khtnv: 0,
      tongDv: 300,
      dv_Htxs: 40,
      dv_Httn: 220,
      dv_Htnv: 40,
      dv_Khtnv: 0,
      tcXdDangXuatSac: true,
      tcKtxhXuatSac: true,
      tcConLaiTot: true,
      tuXepLoai: "HTXSNV",
      ...over,
    },
  };
}

export function danVan(localityCode: string, over: Record<string, Value> = {}): FixtureRow {
  return {
    unitCode: localityCode,
    values: {
      chinhQuyen: "HTTNV",
      mttq: "HTXSNV",
      hoiPhuNu: "HTTNV",
      hoiNongDan: null,
      hoiCcb: "HTTNV",
      doanTn: "HTTNV",
      ...over,
    },
  };
}

export function ubkt(unitCode: string, disciplined: boolean): FixtureRow {
  return { unitCode, values: { tcdKyLuat: 0, tccsBiKyLuat: disciplined, dvKyLuat: 0 } };
}
