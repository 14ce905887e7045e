export * from "./agent-modules.js";
export * from "./pool.js";
export * from "./run-job.js";
