/*
 * Preloaded (`node --require bench/process-usage.cjs ...`) into a process the bench measures from
 * outside: when the process exits, it writes the CPU time it used since it started (user + system,
 * start-up included) and its peak RSS as JSON to the file named by XEPLOAI_BENCH_USAGE. The
 * variable is removed at once, so a child of the measured process does not overwrite the figures.
 */
"use strict";
const out = process.env.XEPLOAI_BENCH_USAGE;
if (out) {
  delete process.env.XEPLOAI_BENCH_USAGE;
  process.on("exit", () => {
    const r = process.resourceUsage();
    require("node:fs").writeFileSync(
      out,
      JSON.stringify({
        cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000,
        peakRssMb: r.maxRSS / 1024,
      })
    );
  });
}
