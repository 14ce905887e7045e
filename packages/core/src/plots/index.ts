export * from "./spec.js";
export * from "./utility-space.js";
