export * from "./store-lock.js";
export * from "./tournament-store.js";
