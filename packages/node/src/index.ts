export * from "./pool/index.js";
export * from "./store/index.js";
export * from "./sandbox/index.js";
