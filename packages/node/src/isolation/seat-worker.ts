import { parentPort, workerData } from "node:worker_threads";
import {
  faultReason,
  fromPlainScenario,
  type Negotiator,
  negotiatorMove,
  observationOf,
  PreparedScenario,
} from "@parley/core/engine";
import { refLabel } from "../agents/agent-ref.js";
import { loadAgent } from "../agents/load-agent.js";
import { refusalOf } from "./refusal.js";
import { catchLateFaults, seatContext } from "./seat-guard.js";
import type { FromSeat, SeatWorkerData, ToSeat } from "./seat-messages.js";
import { seatRng } from "./seat-rng.js";

// One seat in a worker of its own (openIsolatedSeat): loads the agent, initialises it on its own
// copy of the scenario, then answers each expected move; any throw ends the seat.
const port = parentPort!;
const data = workerData as SeatWorkerData;
const post = (m: FromSeat) => port.postMessage(m);
const context = { agent: 0, seat: data.seat };
let ended = false;
const end = (reason: string) => {
  if (ended) return;
  ended = true;
  post({ type: "fault", reason });
};
catchLateFaults(["module" in data.ref ? data.ref.module : undefined], (fault) => end(fault.reason));

let negotiator: Negotiator;
const prepared = new PreparedScenario(fromPlainScenario(data.scenario));
post({ type: "loading" });
try {
  const def = await loadAgent(data.ref);
  let fault: string | undefined;
  try {
    seatContext.run(context, () => {
      negotiator = def.create();
      negotiator.init({
        seat: data.seat,
        parties: data.scenario.parties.length,
        protocol: data.protocol,
        deadline: data.deadline,
        space: prepared.scenario.space,
        utility: prepared.utilities[data.seat],
        bids: prepared.bids(data.seat),
        rng: seatRng(data.seed, data.seat),
      });
    });
  } catch (err) {
    fault = faultReason(err);
    ended = true;
  }
  post({ type: "ready", name: def.name, ...(fault ? { fault } : {}) });
} catch (err) {
  post({ type: "refused", ...refusalOf(err, refLabel(data.ref)) });
}

port.on("message", (message: ToSeat) => {
  if (ended) return;
  try {
    seatContext.run(context, () => {
      if (message.type === "inform") {
        const observation = observationOf(data.protocol, message.event, data.seat);
        if (observation) negotiator.observe?.(observation);
      } else
        post({
          type: "move",
          id: message.id,
          move: negotiatorMove(negotiator, message.expectation, prepared.utilities[data.seat]),
        });
    });
  } catch (err) {
    end(faultReason(err));
  }
});
