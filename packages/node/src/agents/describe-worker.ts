import { parentPort, workerData } from "node:worker_threads";
import { refusalOf } from "../isolation/refusal.js";
import { type AgentRef, refLabel } from "./agent-ref.js";
import { loadAgent } from "./load-agent.js";

/** Messages of the worker describeAgents starts. */
export type FromDescribe =
  | { type: "loading"; index: number }
  | { type: "described"; agents: { name: string; description: string }[] }
  | { type: "refused"; where: string; reason: string };

// Loads and checks each agent, inside the isolation, and reports what each is called.
const post = (m: FromDescribe) => parentPort!.postMessage(m);
const refs = workerData as AgentRef[];
const described: { name: string; description: string }[] = [];
let refused = false;
for (const [index, ref] of refs.entries()) {
  post({ type: "loading", index });
  try {
    const def = await loadAgent(ref);
    described.push({ name: def.name, description: def.description });
  } catch (err) {
    post({ type: "refused", ...refusalOf(err, refLabel(ref)) });
    refused = true;
    break;
  }
}
if (!refused) post({ type: "described", agents: described });
