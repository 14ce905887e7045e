import { parentPort, workerData } from "node:worker_threads";
import {
  type AgentDefinition,
  builtinAgent,
  type Move,
  type Negotiator,
  PreparedScenario,
  Rng,
} from "@parley/core/engine";
import { readParleyScenario } from "@parley/core/formats/parley";
import { loadAgentModule } from "@parley/node";
import type { AgentTurnRequest } from "./agents.js";

// One room's agent seats, in their own thread: each seat's negotiator lives here between calls and
// learns the others' public moves; the server only ever receives its moves.
const port = parentPort!;
const modules = new Map<string, string>(
  Object.entries((workerData as { modules: Record<string, string> }).modules),
);
const definitions = new Map<string, Promise<AgentDefinition>>();

interface SeatState {
  negotiator: Negotiator;
  prepared: PreparedScenario;
  seen: number;
}
const seats = new Map<string, SeatState>();

function definition(name: string): Promise<AgentDefinition> {
  let def = definitions.get(name);
  if (!def) {
    const path = modules.get(name);
    def = path ? loadAgentModule(path) : Promise.resolve(builtinAgent(name));
    definitions.set(name, def);
  }
  return def;
}

async function seatOf(req: AgentTurnRequest): Promise<SeatState> {
  let state = seats.get(req.key);
  if (state) return state;
  const def = await definition(req.agent);
  const prepared = new PreparedScenario(readParleyScenario(req.scenario, "scenario"));
  const negotiator = def.create();
  negotiator.init({
    seat: req.seat,
    parties: prepared.scenario.parties.length,
    protocol: req.protocol,
    deadline: req.deadline,
    space: prepared.scenario.space,
    utility: prepared.utilities[req.seat],
    bids: prepared.bids(req.seat),
    rng: new Rng(req.seed).fork(`seat ${req.seat}`),
  });
  state = { negotiator, prepared, seen: 0 };
  seats.set(req.key, state);
  return state;
}

/** Tells the negotiator the others' public SAOP moves it has not seen yet. */
function observe(state: SeatState, req: AgentTurnRequest): void {
  const { negotiator } = state;
  for (; state.seen < req.events.length; state.seen++) {
    const e = req.events[state.seen];
    if (!negotiator.observe || e.seat === req.seat || e.seat < 0) continue;
    if (e.action !== "offer" && e.action !== "accept" && e.action !== "end") continue;
    negotiator.observe({ seat: e.seat, action: e.action, offer: e.offer, state: { round: e.round, t: e.t } });
  }
}

function decide(state: SeatState, req: AgentTurnRequest): Move {
  const { negotiator, prepared } = state;
  const turn = req.turn;
  const u = prepared.utilities[req.seat];
  switch (turn.kind) {
    case "offer": {
      if (turn.offer === null) return { type: "offer", outcome: Array.from(negotiator.propose(turn.state)) };
      const answer = negotiator.respond(turn.offer, turn.from, turn.state);
      if (answer === "accept" || answer === "end") return { type: answer };
      if (answer === "reject") return { type: "offer", outcome: Array.from(negotiator.propose(turn.state)) };
      throw new Error(`respond returned ${JSON.stringify(answer)} (expected accept, reject or end)`);
    }
    case "vote": {
      if (negotiator.compare)
        return { type: "vote", vote: negotiator.compare(turn.revision, turn.draft, turn.state) };
      const delta = u.utility(turn.revision) - u.utility(turn.draft);
      return { type: "vote", vote: delta > 1e-12 ? "better" : delta < -1e-12 ? "worse" : "same" };
    }
    case "ratify": {
      const yes = negotiator.ratify
        ? negotiator.ratify(turn.draft, turn.state)
        : u.utility(turn.draft) >= u.profile.reservation && !u.crossesRedLine(turn.draft);
      return { type: yes ? "accept" : "reject" };
    }
  }
}

port.on("message", async (message: { id: number; request?: AgentTurnRequest; release?: string }) => {
  if (message.release !== undefined) {
    for (const key of seats.keys()) if (key.startsWith(message.release)) seats.delete(key);
    return;
  }
  try {
    const state = await seatOf(message.request!);
    observe(state, message.request!);
    port.postMessage({ id: message.id, move: decide(state, message.request!) });
  } catch (err) {
    port.postMessage({ id: message.id, error: `threw: ${(err as Error).message}` });
  }
});
