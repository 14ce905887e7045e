// A tournament on this machine (worker threads, SQLite store) without what the package's index also
// loads: the queue's libraries (bullmq, ioredis, pg) and the sandbox's (isolated-vm). Loading those
// costs `parley tournament` about 0.3 CPU-s before its first negotiation; they are imported only
// when a tournament goes to a queue or an agent to the sandbox.

export { STORE_FILE } from "./store/tournament-store.js";
export * from "./tournament/index.js";
