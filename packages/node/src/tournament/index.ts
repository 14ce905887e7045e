export * from "./run-tournament.js";
