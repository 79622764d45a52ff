/**
 * validate(spec, rawRows, ctx): the one place a filled template is checked, whatever read it
 * (Office.js, ExcelJS, CLI). Steps per row: skip empty rows → match the unit against the register
 * → zod row schema (parse + required/min/max/enum/onlyFor) → recompute computed columns →
 * cross-field rules. Then cross-row rules and set-level checks (unknown, duplicate and missing
 * units). Issues come back sorted by row, then column.
 */
import type { LocalizedText } from "../i18n";
import { canonicalVietnamese, normalizeText } from "../normalize";
import { computedKeys } from "../templates/catalog";
import { identityKeys } from "../templates/common";
import { cellNote, inputColumns, parseCell } from "../templates/schema";
import type { ColumnSpec, RowSet, TemplateSpec } from "../templates/spec";
import { matchUnit, unitByCodeOfKinds, unitsOfKind } from "../units";
import type { Unit, UnitKind, UnitRegister } from "../units/types";
import { computeRow } from "./compute";
import { cellAddress, defaultLayout } from "./layout";
import { fillRule, headerLabel, place } from "./messages";
import { checkCrossRowRules, checkRowRules, type SheetRow } from "./rules";
import type {
  RawCell,
  RawRow,
  SheetLayout,
  ValidationIssue,
  ValidationResult,
  ValidRow,
  Value,
} from "./types";

export interface ValidateContext {
  register: UnitRegister;
  /** Where the columns are; defaults to the spec's column order from column A. */
  layout?: SheetLayout;
  /**
   * Warn about register units with no row (default true). Turn off for a file that by design
   * covers one unit (e.g. one TCCS sending its own 3.14 report).
   */
  checkMissing?: boolean;
  /**
   * The file lists only these units (its template's `_meta` units: a unit's own report, such as
   * one TCCS's 3.14): only they are expected, the other units of the row set are not missing.
   */
  onlyUnits?: readonly string[];
}

/** The unit kinds each row set lists. PEOPLE rows may name any unit. */
export const ROWSET_KINDS: Record<RowSet, UnitKind[] | undefined> = {
  DB: ["phuong", "xa"],
  XA: ["xa"],
  DB_CQ: ["phuong", "xa", "coQuan"],
  TCCS: ["tccs"],
  PEOPLE: undefined,
};

/** Columns whose content alone does not make a row "filled" (numbering, formula results). */
function countsForContent(col: ColumnSpec): boolean {
  return col.key !== "stt" && !col.computed;
}

function isBlank(raw: RawCell): boolean {
  return (
    raw === null || raw === undefined || (typeof raw === "string" && normalizeText(raw) === "")
  );
}

function rawText(raw: RawCell): string {
  return typeof raw === "string"
    ? normalizeText(raw)
    : raw === null || raw === undefined
      ? ""
      : String(raw);
}

/** The columns that hold the data proper (not identity, not computed, not notes). */
function dataColumns(spec: TemplateSpec): ColumnSpec[] {
  const identity = new Set([...identityKeys(spec.rowSet), "stt", "unitName", "unitType", "ghiChu"]);
  return inputColumns(spec).filter((c) => !identity.has(c.key));
}

interface UnitMatch {
  unit: Unit | null;
  issue?: { key: string; severity: "error" | "warning"; rule: string; message: LocalizedText };
}

function matchRowUnit(
  spec: TemplateSpec,
  cells: Record<string, RawCell>,
  register: UnitRegister
): UnitMatch {
  const kinds = ROWSET_KINDS[spec.rowSet];
  const codeText = rawText(cells.unitCode);
  if (spec.rowSet === "PEOPLE") {
    if (!codeText) return { unit: null }; // the schema reports the empty required cell
    const m = matchUnit(register, codeText);
    return m.ok
      ? {
          unit: m.unit,
          issue: m.note && {
            key: "unitCode",
            severity: "warning",
            rule: "unit.note",
            message: m.note,
          },
        }
      : {
          unit: null,
          issue: {
            key: "unitCode",
            severity: "error",
            rule: `unit.${m.reason}`,
            message: m.message,
          },
        };
  }
  const nameText = rawText(cells.unitName);
  const byCode = codeText ? unitByCodeOfKinds(register, codeText.toLowerCase(), kinds) : undefined;
  if (byCode) {
    if (nameText) {
      const byName = matchUnit(register, nameText, kinds);
      if (byName.ok && byName.unit.code !== byCode.code) {
        // Never counted for either unit: the name and the hidden code say different things.
        return {
          unit: null,
          issue: {
            key: "unitName",
            severity: "error",
            rule: "unit.codeNameMismatch",
            message: {
              vi: `Tên đơn vị "${nameText}" (${byName.unit.name}) không khớp với mã đơn vị ẩn của dòng "${byCode.code}" (${byCode.name}); dòng này không được tính cho đơn vị nào. Nếu số liệu là của ${byCode.name}, hãy sửa tên thành "${byCode.name}"; nếu là của ${byName.unit.name}, hãy nhập vào dòng có sẵn của ${byName.unit.name} và trả lại tên dòng này.`,
              en: `The unit name "${nameText}" (${byName.unit.name}) does not match the row's hidden unit code "${byCode.code}" (${byCode.name}); the row counts for neither unit. If the data is ${byCode.name}'s, change the name back to "${byCode.name}"; if it is ${byName.unit.name}'s, enter it on ${byName.unit.name}'s own row and restore this row's name.`,
            },
          },
        };
      }
    }
    return { unit: byCode };
  }
  if (nameText) {
    const m = matchUnit(register, nameText, kinds);
    return m.ok
      ? {
          unit: m.unit,
          issue: m.note && {
            key: "unitName",
            severity: "warning",
            rule: "unit.note",
            message: m.note,
          },
        }
      : {
          unit: null,
          issue: {
            key: "unitName",
            severity: "error",
            rule: `unit.${m.reason}`,
            message: m.message,
          },
        };
  }
  if (codeText) {
    return {
      unit: null,
      issue: {
        key: "unitCode",
        severity: "error",
        rule: "unit.unknown",
        message: {
          vi: `Mã đơn vị "${codeText}" không có trong danh sách đơn vị. Hãy nhập tên đơn vị vào cột tên.`,
          en: `Unit code "${codeText}" is not in the register. Type the unit's name in the name column.`,
        },
      },
    };
  }
  return { unit: null };
}

/** What a row is called in messages: the register name, else what was typed. */
function displayName(
  spec: TemplateSpec,
  cells: Record<string, RawCell>,
  unit: Unit | null
): string | null {
  if (spec.rowSet === "PEOPLE") {
    const ten = rawText(cells.ten);
    const where = unit?.name ?? rawText(cells.unitCode);
    if (ten && where) return `${ten} (${where})`;
    return ten || where || null;
  }
  return unit?.name ?? (rawText(cells.unitName) || null);
}

function rowKey(spec: TemplateSpec, unit: Unit, cells: Record<string, RawCell>): string {
  if (spec.rowSet !== "PEOPLE") return unit.code;
  return [
    unit.code,
    canonicalVietnamese(rawText(cells.ten)),
    canonicalVietnamese(rawText(cells.chucVu)),
  ].join("|");
}

export function validate(
  spec: TemplateSpec,
  rawRows: RawRow[],
  ctx: ValidateContext
): ValidationResult {
  const layout = ctx.layout ?? defaultLayout(spec, rawRows[0]?.rowNumber ?? 1);
  const colByKey = new Map(spec.columns.map((c) => [c.key, c]));
  const issues: ValidationIssue[] = [];
  const rows: ValidRow[] = [];
  const sheetRows: SheetRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const seenCodes = new Set<string>();
  const data = dataColumns(spec);
  const inputs = inputColumns(spec);
  const content = spec.columns.filter(countsForContent);

  const issueAt = (
    row: number,
    key: string | null,
    unit: string | null,
    unitCode: string | null,
    severity: "error" | "warning",
    rule: string,
    detail: LocalizedText
  ) => {
    const column = key ? (colByKey.get(key) ?? null) : null;
    const cell = key ? cellAddress(layout, key, row) : null;
    issues.push({
      severity,
      rule,
      row,
      column: key,
      cell,
      unitCode,
      message: place(
        { cell, row, column, unit, header: column ? headerLabel(spec, column) : undefined },
        detail
      ),
    });
  };

  for (const raw of rawRows) {
    const cells = raw.cells ?? {};
    if (content.every((c) => isBlank(cells[c.key]))) continue; // trailing / spacer rows

    const r = raw.rowNumber;
    const match = matchRowUnit(spec, cells, ctx.register);
    const unit = match.unit;
    const name = displayName(spec, cells, unit);
    const code = unit?.code ?? null;
    if (match.issue)
      issueAt(
        r,
        match.issue.key,
        name,
        code,
        match.issue.severity,
        match.issue.rule,
        match.issue.message
      );

    if (unit) {
      const key = rowKey(spec, unit, cells);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        const anchor = spec.rowSet === "PEOPLE" ? "ten" : "unitName";
        issueAt(r, anchor, name, code, "error", "unit.duplicate", {
          vi: `${spec.rowSet === "PEOPLE" ? "Người/tập thể này" : "Đơn vị này"} đã có ở dòng ${first}. Mỗi ${spec.rowSet === "PEOPLE" ? "người/tập thể" : "đơn vị"} chỉ nhập một dòng; hãy xóa hoặc gộp dòng trùng.`,
          en: `Already listed on row ${first}. Enter each ${spec.rowSet === "PEOPLE" ? "person or collective" : "unit"} once; delete or merge the duplicate row.`,
        });
        continue; // counted once: the first row wins
      }
      firstRowOfKey.set(key, r);
      seenCodes.add(unit.code);
    }

    // A unit listed but no data typed yet: one warning instead of a required error per cell.
    if (data.length > 0 && data.every((c) => isBlank(cells[c.key]))) {
      issueAt(r, null, name, code, "warning", "row.empty", {
        vi: "Chưa nhập số liệu. Hãy nhập số liệu cho đơn vị này hoặc xóa dòng.",
        en: "No data entered yet. Enter the data for this unit or delete the row.",
      });
      const values: Record<string, Value> = {};
      for (const c of spec.columns) values[c.key] = null;
      if (unit) Object.assign(values, identityValues(spec, unit));
      rows.push({ rowNumber: r, unitCode: code, values: computeRow(spec, values) });
      continue;
    }

    // Each input cell through its column's parser (what rowSchema's zod object does, in the same
    // order and with the same issues, without zod's cost per row): bad cells are null, good ones kept.
    const badKeys = new Set<string>();
    let values: Record<string, Value> = {};
    for (const col of inputs) {
      const one = parseCell(col, cells[col.key], unit?.kind);
      if (one.ok) {
        values[col.key] = one.value;
        continue;
      }
      values[col.key] = null;
      badKeys.add(col.key);
      issueAt(r, col.key, name, code, "error", one.rule, {
        vi: one.message.vi,
        en: one.message.en,
      });
    }
    // Readings that are not literal (thousands separators in a count, a fraction in a % column) are said aloud.
    for (const col of inputs) {
      if (badKeys.has(col.key)) continue;
      const note = cellNote(col, cells[col.key]);
      if (note) issueAt(r, col.key, name, code, "warning", "interpreted", note);
    }
    if (unit) Object.assign(values, identityValues(spec, unit));
    values = computeRow(spec, values);
    // A computed column fed by a bad cell is not trustworthy either: rules reading it are skipped.
    if (badKeys.size > 0)
      for (const col of spec.columns) {
        if (col.computed && computedKeys(col).some((k) => badKeys.has(k))) badKeys.add(col.key);
      }

    for (const hit of checkRowRules(spec, values, badKeys)) {
      const detail = fillRule(spec, hit.rule.message, values, hit.params);
      issueAt(
        r,
        hit.anchor,
        name,
        code,
        hit.rule.severity,
        hit.rule.id,
        withSource(detail, hit.rule.source)
      );
    }
    rows.push({ rowNumber: r, unitCode: code, values });
    sheetRows.push({ row: r, unit: name ?? `dòng ${r}`, values, badKeys });
  }

  // Cross-row rules see every non-duplicate row (unknown units included: their numbers are typed).
  // "1..N" counts every listed row, including rows still without data.
  const n = rows.length;
  for (const hit of checkCrossRowRules(spec, sheetRows, n)) {
    const row = rows.find((x) => x.rowNumber === hit.row);
    const sr = sheetRows.find((x) => x.row === hit.row);
    const detail = fillRule(spec, hit.rule.message, sr?.values ?? {}, { ...hit.params, n });
    issueAt(
      hit.row,
      hit.anchor,
      sr?.unit ?? null,
      row?.unitCode ?? null,
      hit.rule.severity,
      hit.rule.id,
      withSource(detail, hit.rule.source)
    );
  }

  const kinds = ROWSET_KINDS[spec.rowSet];
  if (kinds && ctx.checkMissing !== false) {
    // A one-unit file expects its own units only: found by code, not by going through the register.
    const expected = ctx.onlyUnits
      ? unitsOfKind(
          {
            ...ctx.register,
            units: [...new Set(ctx.onlyUnits)].flatMap(
              (c) => unitByCodeOfKinds(ctx.register, c, kinds) ?? []
            ),
          },
          kinds
        )
      : unitsOfKind(ctx.register, kinds);
    for (const u of expected) {
      if (seenCodes.has(u.code)) continue;
      issueAt(0, null, null, u.code, "warning", "unit.missing", {
        vi: `Thiếu dòng của ${u.name}: bảng "${spec.sheetName}" chưa có số liệu của đơn vị này. Hãy thêm một dòng cho ${u.name}.`,
        en: `No row for ${u.name}: the sheet "${spec.sheetName}" has no data for this unit. Add a row for ${u.name}.`,
      });
    }
  }

  return { rows, issues: sortIssues(spec, issues) };
}

/** Identity values come from the register, never from the file. */
function identityValues(spec: TemplateSpec, unit: Unit): Record<string, Value> {
  if (spec.rowSet === "PEOPLE") return { unitCode: unit.code };
  return { unitName: unit.name, unitCode: unit.code, unitType: unit.kind };
}

function withSource(detail: LocalizedText, source: string | undefined): LocalizedText {
  return source
    ? { vi: `${detail.vi} (Căn cứ: ${source}.)`, en: `${detail.en} (Source: ${source}.)` }
    : detail;
}

function sortIssues(spec: TemplateSpec, issues: ValidationIssue[]): ValidationIssue[] {
  const order = new Map(spec.columns.map((c, i) => [c.key, i]));
  const col = (k: string | null) => (k === null ? -1 : (order.get(k) ?? 1e6));
  return issues
    .map((iss, i) => ({ iss, i }))
    .sort((a, b) => a.iss.row - b.iss.row || col(a.iss.column) - col(b.iss.column) || a.i - b.i)
    .map((x) => x.iss);
}

export interface IssueSummary {
  error: number;
  warning: number;
  total: number;
}

export function summarize(issues: ValidationIssue[]): IssueSummary {
  const error = issues.filter((i) => i.severity === "error").length;
  const warning = issues.filter((i) => i.severity === "warning").length;
  return { error, warning, total: issues.length };
}
