export { appendEvent, readRecord, readScenarioRecord } from "./read.js";
export * from "./schema.js";
export { checkRecordAgainst, deriveStatus, type PlanStatus, type PointState } from "./status.js";
export { describeWhen } from "./when.js";
