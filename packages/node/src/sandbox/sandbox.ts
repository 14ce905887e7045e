import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AgentDefinition,
  InputError,
  type NegotiationSetup,
  type Negotiator,
  type Outcome,
  type Response,
  SeatStopped,
  type TurnState,
  type UtilityFunction,
  type Vote,
} from "@parley/core/engine";
import ivm from "isolated-vm";
import type { Batch, PreparedSeat, SeatStart } from "./guest.js";

/** What a sandboxed agent may use. */
export interface SandboxLimits {
  /** Heap of the agent's isolate in MB (default 128; isolated-vm's least is 8). */
  memoryMb?: number;
  /** Longest one call into the agent (a move, an observation, init) may run, in ms (default 1000). */
  callMs?: number;
  /** Longest loading the module, or compiling one scenario's utility and bid index, may take, in ms (default 10000). */
  loadMs?: number;
}

/** An agent definition whose negotiators run in the sandbox; `dispose()` frees its isolate. */
export interface SandboxedAgent extends AgentDefinition {
  dispose(): void;
}

/** The core's engine entry (pure: no file formats, no Node) and the guest, as files to compile into each isolate. */
const ENGINE = createRequire(import.meta.url).resolve("@parley/core/engine");
const GUEST = guestFile();

/** The compiled guest beside this module (under vitest this module runs from src/, the guest only exists in dist/). */
function guestFile(): string {
  const here = fileURLToPath(new URL("./guest.js", import.meta.url));
  return existsSync(here) ? here : fileURLToPath(new URL("../../dist/sandbox/guest.js", import.meta.url));
}

/** Scenario-parties whose compiled utility and bid index an isolate keeps (a tournament cycles through its scenarios). */
const KEPT_SCENARIOS = 8;

const DEFAULTS: Required<SandboxLimits> = { memoryMb: 128, callMs: 1000, loadMs: 10_000 };

/** The names of Node's globals a sandboxed agent might reach for, to say why they are missing. */
const NODE_GLOBALS =
  /^(require|process|fetch|Buffer|setTimeout|setInterval|setImmediate|console|module|__dirname|__filename)\b/;

/**
 * Loads an agent module into its own V8 isolate (isolated-vm): no file
 * system, network, process or timers, a heap limit, and a time limit on every
 * call. The module may import `@parley/core` (the engine: model, analysis,
 * negotiation, BOA parts), loaded inside the isolate; nothing else. Throws
 * InputError naming the file when the module does not load or is not an agent.
 */
export function loadSandboxedAgent(path: string, limits: SandboxLimits = {}): SandboxedAgent {
  const full = resolve(path);
  let source: string;
  try {
    source = readFileSync(full, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === "ENOENT" ? "does not exist" : `cannot be read (${code})`);
  }
  const limit: Required<SandboxLimits> = {
    memoryMb: limits.memoryMb ?? DEFAULTS.memoryMb,
    callMs: limits.callMs ?? DEFAULTS.callMs,
    loadMs: limits.loadMs ?? DEFAULTS.loadMs,
  };
  let box = Box.open(full, source, limit, (reason) => new InputError(path, reason));
  const info = box.info;
  return {
    ...info,
    create(): Negotiator {
      if (box.isolate.isDisposed) box = Box.open(full, source, limit, (reason) => new SeatStopped(reason));
      return box.negotiator();
    },
    dispose: () => {
      if (!box.isolate.isDisposed) box.isolate.dispose();
    },
  };
}

/** One isolate holding one agent module, the core's engine and the guest. */
class Box {
  private readonly prepared = new WeakMap<UtilityFunction, number>();
  /** Keys the isolate holds, least recently used first. */
  private readonly kept: number[] = [];
  private nextKey = 0;

  private constructor(
    readonly isolate: ivm.Isolate,
    readonly info: { name: string; description: string },
    private readonly guest: { prepare: ivm.Reference; create: ivm.Reference; stuckIn: ivm.Reference },
    private readonly limit: Required<SandboxLimits>,
  ) {}

  static open(
    file: string,
    source: string,
    limit: Required<SandboxLimits>,
    refuse: (reason: string) => Error,
  ): Box {
    const isolate = new ivm.Isolate({ memoryLimit: limit.memoryMb });
    try {
      const context = isolate.createContextSync();
      const modules = new ModuleGraph(isolate);
      const guest = modules.load(GUEST, context);
      let agent: ivm.Module;
      try {
        agent = isolate.compileModuleSync(source, { filename: file });
        agent.instantiateSync(context, (specifier) => {
          if (specifier === "@parley/core" || specifier === "@parley/core/engine") return modules.engine();
          throw new Error(`imports "${specifier}": a sandboxed agent may import only @parley/core`);
        });
      } catch (err) {
        throw refuse(`cannot be loaded as an agent module (${(err as Error).message})`);
      }
      // Within the load time: a loop at the top level is stopped (an await that never settles, adopt names).
      try {
        agent.evaluateSync({ timeout: limit.loadMs });
      } catch (err) {
        throw refuse(reasonOf(isolate, err, limit, "loading"));
      }
      const ns = guest.namespace;
      const adopt = ns.getSync("adopt", { reference: true }) as ivm.Reference;
      let info: { name: string; description: string };
      try {
        info = adopt.applySync(undefined, [agent.namespace.derefInto()], {
          result: { copy: true },
          timeout: limit.loadMs,
        }) as { name: string; description: string };
      } catch (err) {
        // The guest's own checks throw TypeError with the reason; anything else is a limit or the agent's throw.
        const e = err as Error;
        throw refuse(e.name === "TypeError" ? e.message : reasonOf(isolate, err, limit, "loading"));
      }
      return new Box(
        isolate,
        info,
        {
          prepare: ns.getSync("prepare", { reference: true }) as ivm.Reference,
          create: ns.getSync("create", { reference: true }) as ivm.Reference,
          stuckIn: ns.getSync("stuckIn", { reference: true }) as ivm.Reference,
        },
        limit,
      );
    } catch (err) {
      // Ours already say why; anything else (the heap filled while loading) is said here.
      const refusal =
        err instanceof InputError || err instanceof SeatStopped
          ? err
          : refuse(reasonOf(isolate, err, limit, "loading"));
      if (!isolate.isDisposed) isolate.dispose();
      throw refusal;
    }
  }

  /**
   * A host-side negotiator whose every call runs in the isolate: plain data in,
   * plain moves out. Crossing into the isolate is what costs, so observations
   * wait for the seat's next call, and a "reject" brings its counter-offer
   * back with it (the session asks for one right after, with the same state).
   */
  negotiator(): Negotiator {
    const dispatch = this.call(this.guest.create, [], "create", { reference: true }) as ivm.Reference;
    let held: Batch = [];
    let counter: { state: TurnState; offer: Outcome } | undefined;
    const send = (method: Batch[number][0], args: unknown[], thenPropose = false) => {
      const calls: Batch = [...held, [method, args]];
      held = [];
      return this.call(dispatch, [calls, thenPropose], method, { copy: true });
    };
    const methods = this.call(dispatch, [null], "create", { copy: true }) as string[];
    const seat: Negotiator = {
      init: (setup) => void send("init", [this.start(setup)]),
      propose: (state) => {
        const ready = counter?.state === state ? counter.offer : undefined;
        counter = undefined;
        return ready ?? (send("propose", [state]) as Outcome);
      },
      respond: (offer, from, state) => {
        const answer = send("respond", [offer, from, state], true) as Response | [Response, Outcome];
        if (!Array.isArray(answer)) return answer;
        counter = { state, offer: answer[1] };
        return answer[0];
      },
    };
    if (methods.includes("observe"))
      seat.observe = (observation) => void held.push(["observe", [observation]]);
    if (methods.includes("compare"))
      seat.compare = (revision, draft, state) => send("compare", [revision, draft, state]) as Vote;
    if (methods.includes("ratify")) seat.ratify = (draft, state) => send("ratify", [draft, state]) as boolean;
    return seat;
  }

  /** The seat's setup as plain data; its scenario is compiled in the isolate on first use. */
  private start(setup: NegotiationSetup): SeatStart {
    let key = this.prepared.get(setup.utility);
    if (key === undefined || !this.kept.includes(key)) {
      key = this.nextKey++;
      const data: PreparedSeat = { issues: [...setup.space.issues], profile: setup.utility.profile };
      const forget = this.kept.length >= KEPT_SCENARIOS ? this.kept.splice(0, 1) : [];
      this.call(
        this.guest.prepare,
        [key, data, forget],
        "preparing the scenario",
        { copy: true },
        this.limit.loadMs,
      );
      this.prepared.set(setup.utility, key);
    } else this.kept.splice(this.kept.indexOf(key), 1);
    this.kept.push(key);
    const { seat, parties, protocol, deadline } = setup;
    return { prepared: key, seat, parties, protocol, deadline, rng: setup.rng.state() };
  }

  /** Which method a stopped call was in (a batch holds several; the guest knows). */
  private stoppedIn(what: string): string {
    if (this.isolate.isDisposed) return what;
    try {
      return (this.guest.stuckIn.applySync(undefined, [], { timeout: 100 }) as string | undefined) ?? what;
    } catch {
      return what;
    }
  }

  /** One call into the isolate; anything that goes wrong becomes the seat's fault with its reason. */
  private call(
    fn: ivm.Reference,
    args: unknown[],
    what: string,
    result: { copy: true } | { reference: true },
    timeout = this.limit.callMs,
  ): unknown {
    if (this.isolate.isDisposed) throw new SeatStopped(memoryReason(this.limit));
    try {
      return fn.applySync(undefined, args, { arguments: { copy: true }, result, timeout });
    } catch (err) {
      throw new SeatStopped(reasonOf(this.isolate, err, this.limit, this.stoppedIn(what)));
    }
  }
}

function memoryReason(limit: Required<SandboxLimits>): string {
  return `went over the sandbox's ${limit.memoryMb} MB memory limit; its isolate was stopped`;
}

/** Says what went wrong in words, telling a sandbox limit from the agent's own exception. */
function reasonOf(isolate: ivm.Isolate, err: unknown, limit: Required<SandboxLimits>, what: string): string {
  if (isolate.isDisposed) return memoryReason(limit);
  const e = err as Error;
  if (/timed out/i.test(e.message ?? "")) {
    const ms = what === "loading" || what === "preparing the scenario" ? limit.loadMs : limit.callMs;
    return `did not finish ${what === "loading" ? "loading" : `its ${what} call`} within the sandbox's ${ms} ms limit; it was stopped`;
  }
  const name = e.name && e.name !== "Error" ? `${e.name}: ` : "";
  const missing = e.name === "ReferenceError" && NODE_GLOBALS.test(e.message ?? "");
  return `threw: ${name}${e.message}${missing ? " (a sandboxed agent has no Node APIs: no files, network, process or timers)" : ""}`;
}

/** The core's engine and the guest, compiled into one isolate from their files on disk. */
class ModuleGraph {
  private readonly compiled = new Map<string, ivm.Module>();
  private readonly files = new Map<ivm.Module, string>();

  constructor(private readonly isolate: ivm.Isolate) {}

  /** The engine, once the guest (which imports it) is loaded. */
  engine(): ivm.Module {
    return this.compile(ENGINE);
  }

  load(file: string, context: ivm.Context): ivm.Module {
    const module = this.compile(file);
    module.instantiateSync(context, (specifier, referrer) => {
      if (specifier.startsWith("."))
        return this.compile(resolve(dirname(this.files.get(referrer)!), specifier));
      if (specifier === "@parley/core/engine" || specifier === "@parley/core") return this.compile(ENGINE);
      throw new Error(`${specifier} cannot be loaded in the sandbox`);
    });
    module.evaluateSync();
    return module;
  }

  private compile(file: string): ivm.Module {
    let module = this.compiled.get(file);
    if (!module) {
      module = this.isolate.compileModuleSync(sourceOf(file), { filename: file });
      this.compiled.set(file, module);
      this.files.set(module, file);
    }
    return module;
  }
}

const sources = new Map<string, string>();
function sourceOf(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}
