// The 20-point peace plan ships with the app (a few kB gzip, loaded only where used), so its
// pages work whether or not the server bundles it.

export { default as draft } from "../../../../scenarios/peace-plan/draft.json?raw";
export { default as plan } from "../../../../scenarios/peace-plan/plan.yaml?raw";
export { default as record } from "../../../../scenarios/peace-plan/record.yaml?raw";
