export * from "./dance.js";
export * from "./spec.js";
export * from "./tournament.js";
export * from "./utility-space.js";
