export * from "./isolated-negotiation.js";
export * from "./isolated-seat.js";
export type { IsolatedRequest } from "./negotiation-messages.js";
export { DEFAULT_WORKER_MEMORY_MB, type WorkerEnd } from "./worker-thread.js";
