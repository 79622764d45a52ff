export { generateDemo, type DemoPlan, type DemoFile, type DemoRow } from "./generate";
export { generateDemo2025 } from "./generate-2025";
export { demoWorkbook, fillTemplate } from "./fill";
export { Rng } from "./random";
export { withSyntheticTccs } from "./synthetic";
