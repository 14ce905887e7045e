export * from "./pool.js";
export * from "./run-job.js";
