/**
 * Conditional formats that colour invalid entries, derived from the same rules as the sheet's data
 * validations. Data validation stops bad typing but not pasting; these formulas catch both, and
 * Excel evaluates them itself, so live feedback costs the add-in no write to the workbook (and the
 * official keeps Ctrl+Z). The pane still lists every issue with its message.
 */
import { columnLetter, type ConditionalFormat, type DataValidation } from "../sheet/model";

/** Light red fill with dark red text: Excel's own "invalid" highlight, as the marks use. */
export const INVALID_FILL = "FFC7CE";
export const INVALID_FONT = "9C0006";

const num = (n: number) => String(n);

/**
 * The formula (for the cell `ref`, without "=") that is true when a non-blank value breaks `rule`;
 * null when the rule cannot be expressed.
 */
export function invalidValueFormula(rule: DataValidation["rule"], ref: string): string | null {
  const blank = `${ref}<>""`;
  if (rule.kind === "list") {
    // A reference to another sheet inside a conditional format needs Excel 2010+; through
    // INDIRECT it is text, which every Excel accepts.
    const src = rule.source.replace(/^=/, "");
    if (!/^[A-Za-z_][\w.]*!\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(src)) return null;
    return `AND(${blank},COUNTIF(INDIRECT("${src}"),${ref})=0)`;
  }
  const bad = [`NOT(ISNUMBER(${ref}))`];
  if (rule.kind === "whole") bad.push(`${ref}<>INT(${ref})`);
  if (rule.min !== undefined) bad.push(`${ref}<${num(rule.min)}`);
  if (rule.max !== undefined) bad.push(`${ref}>${num(rule.max)}`);
  return `AND(${blank},OR(${bad.join(",")}))`;
}

/** One highlight per validation range, in the same order. */
export function invalidHighlights(validations: DataValidation[]): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  for (const v of validations) {
    const ref = `${columnLetter(v.range.left)}${v.range.top}`;
    const formula = invalidValueFormula(v.rule, ref);
    if (formula) out.push({ range: v.range, formula, fill: INVALID_FILL, fontColor: INVALID_FONT });
  }
  return out;
}
