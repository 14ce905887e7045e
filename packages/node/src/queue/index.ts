export * from "./connection.js";
export * from "./queue-worker.js";
export * from "./run-queued-tournament.js";
