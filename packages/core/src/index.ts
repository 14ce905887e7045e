export * from "./errors.js";
export * from "./formats/parley.js";
export * from "./formats/parley-schema.js";
export * from "./model/profile.js";
export * from "./model/rng.js";
export * from "./model/scenario.js";
export * from "./model/space.js";
export * from "./model/utility.js";
