export * from "./csv.js";
export * from "./plan.js";
export * from "./result.js";
export * from "./score.js";
export * from "./stats.js";
export * from "./table.js";
