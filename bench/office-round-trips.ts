/** Bench part 3: round trips and request sizes for writing the real master through the Office.js adapter. */
import { createOfficeWorkbookPort, type ExcelRunner } from "../src/adapters/officejs";
import { runPipeline } from "../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../src/core/settings/defaults";
import { CATALOG } from "../src/core/templates/catalog";
import { defaultRegister } from "../src/core/units";
import type { Unit, UnitRegister } from "../src/core/units/types";
import { FakeWorkbook, fakeRun } from "../test/fakes/fake-excel";

function registerWithTccs(total: number): UnitRegister {
  const base = defaultRegister();
  const tccs = base.units.filter((u) => u.kind === "tccs");
  const extra: Unit[] = Array.from({ length: Math.max(0, total - tccs.length) }, (_, i) => ({
    ...tccs[i % tccs.length]!,
    code: `tccs-bench-${i}`,
    name: `Chi bộ thử nghiệm số ${i + 1}`,
    aliases: [],
    order: 1000 + i,
  }));
  return { ...base, units: [...base.units, ...extra] };
}

export async function officeRoundTrips(sizes: number[]): Promise<string[]> {
  const lines = [`${"TCCS rows".padEnd(12)}${"syncs".padEnd(8)}${"largest request".padEnd(18)}${"all requests".padEnd(16)}time`];
  for (const n of sizes) {
    const model = runPipeline({ submissions: [], settings: DEFAULT_SETTINGS_2019, register: registerWithTccs(n), catalog: CATALOG }).model;
    const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } });
    const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
      isSetSupported: (name, v) => fake.isSetSupported(name, v),
    });
    const t0 = performance.now();
    const report = await port.writeModel(model);
    const ms = performance.now() - t0;
    const bytes = fake.syncLog.map((s) => s.requestBytes);
    lines.push(
      `${String(n).padEnd(12)}${String(report.syncs).padEnd(8)}${`${(Math.max(...bytes) / 1024).toFixed(0)} KB`.padEnd(18)}${`${(bytes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB`.padEnd(16)}${ms.toFixed(0)} ms`
    );
  }
  return lines;
}
