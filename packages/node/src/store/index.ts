export * from "./pg-tournament-store.js";
export * from "./store-lock.js";
export * from "./tournament-store.js";
