import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type AgentDefinition,
  builtinAgent,
  InputError,
  type NegotiationResult,
  negotiationMetrics,
  negotiationResult,
  PreparedScenario,
  type ProtocolName,
  referenceAnalysis,
  type Scenario,
  type ScenarioAnalysis,
  type TraceEvent,
  writeParleyScenario,
} from "@parley/core";

/** A negotiation to run in a worker: plain data, so it crosses the thread boundary. */
export interface IsolatedRequest {
  protocol?: ProtocolName;
  /** Built-in agent names or paths of modules whose default export is an AgentDefinition. */
  agents: string[];
  mediator?: string;
  rounds?: number;
  /** Deadline in wall-clock milliseconds; also every move's time budget. */
  timeMs: number;
  seed?: number | string;
  settled?: (number | null)[];
}

/** Messages from the worker. */
export type WorkerMessage =
  | { type: "event"; event: TraceEvent }
  /** The worker is about to call into this seat. */
  | { type: "seat"; seat: number; round: number }
  | { type: "done"; result: Omit<NegotiationResult, "trace" | "metrics"> }
  | { type: "error"; message: string };

export interface IsolatedOptions {
  /** Extra time after the deadline before a stuck worker is stopped (default: max(1000 ms, timeMs / 10)). */
  graceMs?: number;
  /** Precomputed analysis for the metrics (computed when absent). */
  analysis?: ScenarioAnalysis | null;
  /** Every trace event as the worker reports it. */
  onEvent?: (event: TraceEvent) => void;
}

/** How long a worker may take to load the scenario and the agents before the negotiation starts. */
const STARTUP_MS = 10_000;

/** True when an agent spec names a module file rather than a built-in agent. */
export function isModulePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(c|m)?js$/.test(spec);
}

/**
 * Resolves agent specs: built-in names, or modules whose default export is an
 * AgentDefinition ({ name, description, create() }). Relative paths are from the working directory.
 */
export async function resolveAgents(specs: readonly string[]): Promise<AgentDefinition[]> {
  return Promise.all(specs.map((spec) => (isModulePath(spec) ? loadAgentModule(spec) : builtinAgent(spec))));
}

async function loadAgentModule(spec: string): Promise<AgentDefinition> {
  const path = resolve(spec);
  if (!existsSync(path)) throw new InputError(`agent module ${spec}`, "does not exist");
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(path).href);
  } catch (err) {
    throw new InputError(`agent module ${spec}`, `cannot be loaded (${(err as Error).message})`);
  }
  const def = mod.default as Partial<AgentDefinition> | undefined;
  if (!def || typeof def.name !== "string" || typeof def.create !== "function")
    throw new InputError(
      `agent module ${spec}`,
      "must export default { name, description, create() } (an AgentDefinition)",
    );
  return { description: "", ...def } as AgentDefinition;
}

/** The compiled worker beside this module (under vitest this module runs from src/, the worker only exists in dist/). */
function workerUrl(): URL {
  const here = new URL("./isolated-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../dist/isolated-worker.js", import.meta.url);
}

/**
 * Runs one negotiation in a worker thread on wall-clock time. Trace events
 * stream back as they happen; if a seat is stuck (a synchronous infinite
 * loop cannot be pre-empted in its own thread), the worker is terminated
 * once the deadline plus a grace period has passed, and the result is
 * finalised from the events received: no agreement, the stuck seat ended with the reason.
 */
export function runIsolated(
  scenario: Scenario,
  request: IsolatedRequest,
  options: IsolatedOptions = {},
): Promise<NegotiationResult> {
  const prepared = new PreparedScenario(scenario);
  const analysis = options.analysis === undefined ? referenceAnalysis(scenario) : options.analysis;
  const trace: TraceEvent[] = [];
  const agents = request.agents.map((spec) => (isModulePath(spec) ? resolve(spec) : spec));
  const worker = new Worker(workerUrl(), {
    workerData: { scenario: writeParleyScenario(scenario, "json"), request: { ...request, agents } },
  });
  // The deadline runs from the first call into a seat; loading the scenario and the agents comes before.
  let started = performance.now();
  let running = false;
  let calling = { seat: -1, round: 0 };
  return new Promise((done, fail) => {
    const finish = (outcome: () => NegotiationResult) => {
      clearTimeout(watchdog);
      void worker.terminate();
      try {
        done(outcome());
      } catch (err) {
        fail(err);
      }
    };
    const abandon = (reason: string) =>
      finish(() => {
        const ms = performance.now() - started;
        const seat = calling.seat;
        const fault: TraceEvent = { round: calling.round, t: 1, ms, seat, action: "fault", reason };
        trace.push(fault);
        options.onEvent?.(fault);
        const ending = {
          agreement: null,
          endedBy: "fault" as const,
          rounds: calling.round + 1,
          t: 1,
          errors: seat >= 0 ? [{ seat, reason }] : [],
        };
        const protocol = request.protocol ?? "saop";
        const names = request.agents.map((a) => (isModulePath(a) ? a : a.toLowerCase()));
        return negotiationResult(prepared, ending, { protocol, agents: names }, trace, analysis);
      });
    let watchdog = setTimeout(
      () => abandon(`the negotiation did not start within ${STARTUP_MS} ms; its worker was stopped`),
      STARTUP_MS,
    );
    const startClock = () => {
      running = true;
      started = performance.now();
      clearTimeout(watchdog);
      watchdog = setTimeout(
        () => abandon(`did not return within the ${request.timeMs} ms time budget; its worker was stopped`),
        request.timeMs + (options.graceMs ?? Math.max(1000, request.timeMs / 10)),
      );
    };
    worker.on("message", (message: WorkerMessage) => {
      switch (message.type) {
        case "event":
          trace.push(message.event);
          options.onEvent?.(message.event);
          break;
        case "seat":
          if (!running) startClock();
          calling = { seat: message.seat, round: message.round };
          break;
        case "done":
          finish(() => ({
            ...message.result,
            trace,
            metrics: analysis ? negotiationMetrics(prepared.utilities, message.result, analysis) : null,
          }));
          break;
        case "error":
          clearTimeout(watchdog);
          void worker.terminate();
          fail(new InputError("negotiation", message.message));
          break;
      }
    });
    worker.on("error", (err) => abandon(`its worker crashed (${err.message})`));
  });
}
