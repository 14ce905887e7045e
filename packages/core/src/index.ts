// Everything of the core: the engine (model, analysis, negotiation, tournament scoring) and the
// file formats, records and plot specs built on it.
export * from "./engine.js";
export * from "./formats/genius.js";
export * from "./formats/genius-write.js";
export * from "./formats/geniusweb.js";
export * from "./formats/geniusweb-write.js";
export * from "./formats/outcome-inputs.js";
export * from "./formats/parley.js";
export { numericFunctionDocument, parleyDocument, writeParleyJson } from "./formats/parley-document.js";
export * from "./formats/parley-schema.js";
export * from "./formats/scenario-files.js";
export * from "./plots/index.js";
export * from "./record/index.js";
