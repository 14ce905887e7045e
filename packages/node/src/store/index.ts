export * from "./tournament-store.js";
