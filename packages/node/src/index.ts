export * from "./agents/index.js";
export * from "./isolation/index.js";
export * from "./pool/index.js";
export * from "./store/index.js";
export * from "./tournament/index.js";
