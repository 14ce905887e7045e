export * from "./agent-ref.js";
export * from "./describe-agents.js";
export { moduleFingerprint } from "./load-agent.js";
