/**
 * validate parses each row's input cells directly (no zod object per row); what it keeps and what
 * it reports must be exactly what the row's zod schema (rowSchema) gives, for every template.
 */
import { CATALOG } from "../../../src/core/templates/catalog";
import { inputColumns, parseCell, rowSchema } from "../../../src/core/templates/schema";
import type { RowIssueParams } from "../../../src/core/templates/schema";
import { defaultRegister } from "../../../src/core/units/register";
import { validate } from "../../../src/core/validate";
import type { RawCell } from "../../../src/core/validate/types";

const register = defaultRegister();
const SAMPLES: RawCell[] = ["abc", -3, "", 1e9, "1.234,5", "HTTNV", 0.5, "x", 2019, true];

test.each(CATALOG.filter((s) => s.rowSet !== "PEOPLE").map((s) => [s.id, s] as const))(
  "%s: values and cell issues as rowSchema gives them",
  (_id, spec) => {
    const unit = register.units.find((u) =>
      spec.rowSet === "TCCS" ? u.kind === "tccs" : u.kind === "xa"
    )!;
    SAMPLES.forEach((_, shift) => {
      const cells: Record<string, RawCell> = { unitName: unit.name, unitCode: unit.code };
      inputColumns(spec).forEach((c, i) => {
        if (c.identity) return;
        if ((i + shift) % 7 === 6) return; // some cells missing
        cells[c.key] = SAMPLES[(i + shift) % SAMPLES.length]!;
      });
      const res = validate(spec, [{ rowNumber: 20, cells }], { register, checkMissing: false });
      // A row without any data is one "no data yet" warning, not parsed cell by cell.
      if (res.issues.some((i) => i.rule === "row.empty")) return;
      const z = rowSchema(spec, unit.kind).safeParse(cells);
      const expected = z.success
        ? []
        : z.error.issues.map((i) => [
            String(i.path[0]),
            (i as unknown as { params: RowIssueParams }).params.rule,
            (i as unknown as { params: RowIssueParams }).params.vi,
          ]);
      const keys = new Set(inputColumns(spec).map((c) => c.key));
      const got = res.issues
        .filter(
          (i) =>
            i.column !== null &&
            keys.has(i.column) &&
            expected.some((e) => e[0] === i.column && e[1] === i.rule)
        )
        .map((i) => [
          i.column,
          i.rule,
          i.message.vi.slice(
            -((expected.find((e) => e[0] === i.column)?.[2] as string) ?? "").length
          ),
        ]);
      expect(got).toEqual(expected);
      const row = res.rows[0]!;
      for (const c of inputColumns(spec)) {
        if (c.identity) continue;
        const one = parseCell(c, cells[c.key], unit.kind);
        const want = z.success ? z.data[c.key] : one.ok ? one.value : null;
        expect([c.key, row.values[c.key]]).toEqual([c.key, want]);
      }
    });
  }
);
