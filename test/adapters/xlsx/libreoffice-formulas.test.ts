/**
 * The template formulas, recalculated by LibreOffice, agree with the core's computeRow (and the
 * 3.7 subtotals with aggregateRows). Opt-in (slow, needs soffice): XEPLOAI_LIBREOFFICE=1, which
 * scripts/check-libreoffice.sh sets.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnNumber, type Cell } from "../../../src/core/sheet/model";
import { readSubmissions } from "../../../src/core/submission/read";
import { CATALOG } from "../../../src/core/templates/catalog";
import { getEnum } from "../../../src/core/templates/enums";
import type { TemplateSpec } from "../../../src/core/templates/spec";
import { defaultRegister } from "../../../src/core/units/register";
import { aggregateRows } from "../../../src/core/validate/compute";
import type { Value } from "../../../src/core/validate/types";
import { metaOf, setCell, templateSheet, unitRows } from "./helpers";
import { modelToGrids } from "../../unit/submission/model-grids";
import { tempDir } from "../../temp-dirs";

const enabled = process.env.XEPLOAI_LIBREOFFICE === "1";
const maybe = enabled ? describe : describe.skip;
jest.setTimeout(300_000);

/** Deterministic pseudo-random numbers (so a failure can be reproduced). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (ch !== "\r") field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** What a displayed cell means, in the core's terms. */
function shown(text: string | undefined): Value {
  const t = (text ?? "").trim();
  if (t === "" || t === "n/a") return null;
  if (t === "Có") return true;
  if (t === "Không") return false;
  const n = Number(t.replace(/\/\d+$/, "")); // "17/19" → 17
  return Number.isNaN(n) ? t : n;
}

const register = defaultRegister();

function fill(spec: TemplateSpec, seed: number) {
  const model = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019);
  const meta = metaOf(model);
  const sheet = templateSheet(model);
  const next = rng(seed);
  const rows = unitRows(model);
  rows.forEach((r, i) => {
    for (const col of spec.columns) {
      if (col.identity || col.computed) continue;
      // Leave a few cells empty so "blank until filled" is exercised too.
      if (next() < 0.08) continue;
      let v: Cell = null;
      const lo = col.min ?? 0;
      const hi = col.max ?? 400;
      if (col.type === "int") v = lo + Math.floor(next() * (hi - lo + 1));
      else if (col.type === "number") v = Math.round((lo + next() * (hi - lo)) * 100) / 100;
      else if (col.type === "year") v = 2010 + Math.floor(next() * 10);
      else if (col.type === "boolean") v = next() < 0.5 ? "Có" : "Không";
      else if (col.type === "enum") {
        const vals = getEnum(col.enumId!).values.filter((x) => !x.onlyFor);
        v = vals[Math.floor(next() * vals.length)]!.label.vi;
      }
      // A zero denominator now and then: "n/a" on both sides (only where 0 is valid: invalid
      // cells are errors, and the core leaves them out of its computations).
      if (col.type === "int" && i === 1 && lo === 0) v = 0;
      if (v !== null) setCell(sheet, r, columnNumber(meta.columns[col.key]!), v);
    }
  });
  return { model, meta, rows };
}

maybe("LibreOffice recalculation agrees with the core", () => {
  test("every template with computed columns", async () => {
    const dir = tempDir("xeploai-lo-f-");
    const { writer } = await loadXlsx();
    const specs = CATALOG.filter((s) => s.columns.some((c) => c.computed) && s.rowSet !== "PEOPLE");
    const filled = new Map<string, ReturnType<typeof fill>>();
    for (const [i, spec] of specs.entries()) {
      const f = fill(spec, 1000 + i);
      filled.set(spec.id, f);
      writeFileSync(path.join(dir, `${spec.id}.xlsx`), await writer.write(f.model));
    }
    const files = specs.map((s) => path.join(dir, `${s.id}.xlsx`));
    const r = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, ...files],
      { encoding: "utf8", timeout: 280_000 }
    );
    expect(r.status).toBe(0);
    const mismatches: string[] = [];
    let numbersCompared = 0;
    for (const spec of specs) {
      const { model, meta, rows } = filled.get(spec.id)!;
      const csv = parseCsv(readFileSync(path.join(dir, `${spec.id}.csv`), "utf8"));
      const out = readSubmissions(modelToGrids(model), { register });
      if (!out.ok) throw new Error(out.refused.message.en);
      const byRow = new Map(out.submissions[0]!.validation.rows.map((x) => [x.rowNumber, x.values]));
      const computed = spec.columns.filter((c) => c.computed);
      const check = (row: number, values: Record<string, Value>) => {
        for (const c of computed) {
          const got = shown(csv[row - 1]?.[columnNumber(meta.columns[c.key]!) - 1]);
          const want = values[c.key] ?? null;
          if (typeof want === "number") numbersCompared++;
          const same = typeof want === "number" && typeof got === "number" ? Math.abs(want - got) < 0.006 : want === got;
          if (!same) mismatches.push(`${spec.id} ${meta.columns[c.key]}${row} (${c.key}): LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
        }
      };
      for (const row of rows) check(row, byRow.get(row) ?? {});
      if (spec.groupBy === "urbanRural") {
        // Subtotal rows sit right above each group; the total row closes the table.
        const all = [...byRow.entries()];
        const urban = all.filter(([, v]) => v.unitType === "phuong").map(([, v]) => v);
        const rural = all.filter(([, v]) => v.unitType !== "phuong").map(([, v]) => v);
        const first = meta.firstDataRow;
        check(first, aggregateRows(spec, urban));
        check(first + urban.length + 1, aggregateRows(spec, rural));
        check(first + urban.length + rural.length + 2, aggregateRows(spec, [aggregateRows(spec, urban), aggregateRows(spec, rural)]));
      }
    }
    expect(mismatches).toEqual([]);
    expect(numbersCompared).toBeGreaterThan(100);
  });
});
