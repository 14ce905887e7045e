export { loadSandboxedAgent, type SandboxedAgent, type SandboxLimits } from "./sandbox.js";
