export { generateDemo, type DemoPlan, type DemoFile, type DemoRow } from "./generate";
export { fillTemplate } from "./fill";
export { Rng } from "./random";
export { withSyntheticTccs } from "./synthetic";
