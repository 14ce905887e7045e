import { InputError } from "../errors.js";
import { acBestAfter, acConst, acNext, acRandom, acTime, allOf, anyOf } from "./boa/acceptance.js";
import { micro, nashSeeking, randomBidding, relativeTitForTat, timeDependent } from "./boa/bidding.js";
import { BoaNegotiator } from "./boa/boa.js";
import { FrequencyModel } from "./boa/frequency-model.js";
import type { AgentDefinition } from "./negotiator.js";

/** AC_next, or near the end the best offer seen so far: the common "AC_combi". */
const acCombi = () => anyOf(acNext(), acBestAfter(0.98));

function timeAgent(name: string, e: number, what: string): AgentDefinition {
  return {
    name,
    description: `time-dependent concession, target 1 − (1 − r)·t^(1/e) with e = ${e} (${what}); AC_next or best-seen after t = 0.98`,
    create: () => new BoaNegotiator({ bidding: timeDependent(e), acceptance: acCombi() }),
  };
}

/** The built-in negotiators, by their stable CLI names. */
export const BUILTIN_AGENTS: readonly AgentDefinition[] = [
  timeAgent("boulware", 0.2, "concedes late"),
  timeAgent("linear", 1, "concedes steadily"),
  timeAgent("conceder", 2, "concedes early"),
  {
    name: "tft",
    description: "relative tit-for-tat: concedes the share of its range the others moved toward it; AC_next",
    create: () =>
      new BoaNegotiator({ bidding: relativeTitForTat(), acceptance: acCombi(), model: new FrequencyModel() }),
  },
  {
    name: "nash-frequency",
    description: "frequency opponent model; concedes toward and bids near the estimated Nash point",
    create: () =>
      new BoaNegotiator({ bidding: nashSeeking(), acceptance: acCombi(), model: new FrequencyModel() }),
  },
  {
    name: "micro",
    description: "MiCRO: concedes one utility level only after as many distinct offers from the others",
    create: () => new BoaNegotiator(micro()),
  },
  {
    name: "random",
    description: "random offers above its reservation; accepts such an offer with probability 0.2",
    create: () => new BoaNegotiator({ bidding: randomBidding(), acceptance: acRandom(0.2) }),
  },
  {
    name: "hardheaded",
    description: "HardHeaded-like: barely concedes (e = 0.05), frequency model picks its bids; AC_next",
    create: () =>
      new BoaNegotiator({ bidding: timeDependent(0.05), acceptance: acNext(), model: new FrequencyModel() }),
  },
  {
    name: "steady",
    description: "linear concession; AC_next or AC_const(0.8) or (AC_time(0.9) and AC_const(0.5))",
    create: () =>
      new BoaNegotiator({
        bidding: timeDependent(1),
        acceptance: anyOf(acNext(), acConst(0.8), allOf(acTime(0.9), acConst(0.5))),
      }),
  },
];

/** The built-in agent called `name`; InputError listing the names otherwise. */
export function builtinAgent(name: string): AgentDefinition {
  const found = BUILTIN_AGENTS.find((a) => a.name === name.toLowerCase());
  if (!found) {
    throw new InputError(
      `agent "${name}"`,
      `is not a built-in agent (${BUILTIN_AGENTS.map((a) => a.name).join(", ")}) or a module path`,
    );
  }
  return found;
}
