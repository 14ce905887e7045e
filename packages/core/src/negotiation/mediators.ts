import { type AgreementRule, UNANIMITY, wins } from "../model/agreement-rule.js";
import type { Rng } from "../model/rng.js";
import type { Outcome, OutcomeSpace } from "../model/space.js";
import { InvalidMove } from "./session.js";
import type { Deadline, Expectation, Move, Settled, TurnState, Vote } from "./types.js";

/** What a mediator knows: the plan, how many parties, the settled points, the agreement rule, its own seeded Rng. Never a utility. */
export interface MediatorSetup {
  space: OutcomeSpace;
  parties: number;
  deadline: Deadline;
  /** Settled points: issue → option index (locked), or null for an open point. */
  settled: Settled;
  rng: Rng;
  /** How the final vote passes (default: unanimity). */
  rule?: AgreementRule;
}

/**
 * A mediating strategy: what fills the mediator's seat of a single
 * negotiating text when no person does (see mediatorMove). It drafts the
 * whole plan, proposes revisions, and learns from the parties' private votes.
 */
export interface Mediator {
  readonly name: string;
  init(setup: MediatorSetup): void;
  /** The first draft (settled points as settled). */
  initial(): Outcome;
  /** The revision of `draft` to put to the parties this round (settled points untouched). */
  propose(draft: Outcome, state: TurnState): Outcome;
  /** Learns from every party's vote and decides whether the revision replaces the draft. */
  decide(revision: Outcome, draft: Outcome, votes: readonly Vote[], state: TurnState): boolean;
  /** Whether to spend this round on a straw poll: would each party accept the draft as it stands? */
  pollNow?(state: TurnState): boolean;
  /** The poll's answers, per party (a no does not end the negotiation). */
  polled?(draft: Outcome, accepted: readonly boolean[], state: TurnState): void;
}

/** The move a mediating strategy makes in the mediator's seat. */
export function mediatorMove(mediator: Mediator, expected: Expectation): Move {
  switch (expected.kind) {
    case "draft":
      return { type: "draft", outcome: mediator.initial() };
    case "mediate": {
      const { poll, draft, state } = expected;
      if (poll) mediator.polled?.(draft, poll.answers, poll.state);
      if (mediator.pollNow?.(state)) return { type: "poll" };
      return { type: "propose", outcome: mediator.propose(draft, state) };
    }
    case "decide": {
      const { revision, draft, votes, state } = expected;
      return { type: "decide", adopt: mediator.decide(revision, draft, votes, state) };
    }
    default:
      throw new InvalidMove(`a mediator cannot make a party's move ("${expected.kind}")`);
  }
}

/** A random outcome with the settled points applied. */
function randomDraft(setup: MediatorSetup): number[] {
  return setup.space.cardinalities.map((n, i) => setup.settled[i] ?? setup.rng.int(n));
}

/** Issues the mediator may change: open and with more than one option. */
function openIssues(setup: MediatorSetup): number[] {
  return setup.space.cardinalities.flatMap((n, i) => (setup.settled[i] === null && n > 1 ? [i] : []));
}

/** `draft` with `changes` distinct open issues moved to another option, drawn from rng. */
function mutate(
  draft: Outcome,
  open: readonly number[],
  cards: readonly number[],
  changes: number,
  rng: Rng,
) {
  const out = Array.from(draft);
  const k = Math.min(changes, open.length);
  // Few changes among many issues: draw positions until k distinct ones, rather than shuffle them all.
  const picked: number[] = [];
  while (picked.length < k) {
    const i = open[rng.int(open.length)];
    if (!picked.includes(i)) picked.push(i);
  }
  for (const i of picked) out[i] = (out[i] + 1 + rng.int(cards[i] - 1)) % cards[i];
  return out;
}

/**
 * Klein et al. (2003): the mediator mutates one or two points of the draft
 * at random; a revision no party finds worse is taken; one that some find
 * worse is still taken with probability exp(−objections / T), the
 * temperature T cooling to zero by 60% of the time, after which it is a pure
 * hill-climber over unanimous improvements.
 */
export class AnnealingMediator implements Mediator {
  readonly name = "annealing";
  private setup!: MediatorSetup;
  private open: number[] = [];

  constructor(
    private readonly startTemperature = 1,
    private readonly coolBy = 0.6,
  ) {}

  init(setup: MediatorSetup): void {
    this.setup = setup;
    this.open = openIssues(setup);
  }

  initial(): Outcome {
    return randomDraft(this.setup);
  }

  propose(draft: Outcome): Outcome {
    const { rng, space } = this.setup;
    return mutate(draft, this.open, space.cardinalities, rng.next() < 0.3 ? 2 : 1, rng);
  }

  decide(_revision: Outcome, _draft: Outcome, votes: readonly Vote[], state: TurnState): boolean {
    const objections = votes.filter((v) => v === "worse").length;
    if (objections === 0) return true;
    const temperature = this.startTemperature * Math.max(0, 1 - state.t / this.coolBy);
    return temperature > 0 && this.setup.rng.next() < Math.exp(-objections / temperature);
  }
}

/**
 * Steers toward the frontier with what the votes reveal. For each party it
 * learns an additive score per option (a ranking perceptron: a revision a
 * party calls better must score higher than the draft for it). After a
 * first tenth of random probing, until `balanceUntil` it evens the draft
 * out: it proposes the revision that most raises the least-favoured party's
 * estimated standing (scores normalised to [0, 1] per party) and takes it
 * even over objections when the estimate says so, since a draft that
 * favours one side can never be fixed by unanimous improvements alone.
 * Then it climbs: among sampled one- and two-point revisions it proposes
 * the one whose smallest predicted gain is largest, and takes only
 * revisions no party finds worse. From then on it also polls the parties
 * now and then (would you accept the draft?); while some would not, it
 * climbs for them: it proposes what should help them most and takes a
 * revision none of them finds worse and one finds better, over the others'
 * objections, until a poll finds everyone willing.
 */
export class FrontierMediator implements Mediator {
  readonly name = "frontier";
  private setup!: MediatorSetup;
  private open: number[] = [];
  private offsets: number[] = [];
  private scores: Float64Array[] = [];
  /** Per party, the lowest and highest score any outcome can have (kept in step with the scores). */
  private lowest = new Float64Array(0);
  private highest = new Float64Array(0);
  /** Parties that said no in the last straw poll: the climb works for them first. */
  private needy: number[] = [];
  private nextPoll = 0;

  constructor(
    private readonly candidates = 16,
    private readonly exploration = 0.15,
    private readonly probeUntil = 0.1,
    private readonly balanceUntil = 0.5,
    private readonly pollEvery = 0.01,
  ) {}

  init(setup: MediatorSetup): void {
    this.setup = setup;
    this.open = openIssues(setup);
    let total = 0;
    this.offsets = setup.space.cardinalities.map((n) => {
      const at = total;
      total += n;
      return at;
    });
    this.scores = Array.from({ length: setup.parties }, () => new Float64Array(total));
    this.lowest = new Float64Array(setup.parties);
    this.highest = new Float64Array(setup.parties);
    this.needy = [];
    this.nextPoll = this.balanceUntil;
  }

  pollNow(state: TurnState): boolean {
    return state.t >= this.nextPoll;
  }

  polled(_draft: Outcome, accepted: readonly boolean[], state: TurnState): void {
    const yes = accepted.reduce((m, a, p) => (a ? m | (1 << p) : m), 0);
    const passes = wins(this.setup.rule ?? UNANIMITY, this.setup.parties, yes);
    this.needy = passes ? [] : accepted.flatMap((a, p) => (a ? [] : [p]));
    // Willing enough to pass (unanimity: everyone): climb for all and stop asking; otherwise ask again a little later.
    this.nextPoll = this.needy.length === 0 ? Number.POSITIVE_INFINITY : state.t + this.pollEvery;
  }

  initial(): Outcome {
    return randomDraft(this.setup);
  }

  propose(draft: Outcome, state: TurnState): Outcome {
    const { rng, space } = this.setup;
    const changes = () => (rng.next() < 0.5 ? 1 : 2);
    if (state.t < this.probeUntil || rng.next() < this.exploration)
      return mutate(draft, this.open, space.cardinalities, changes(), rng);
    const balancing = state.t < this.balanceUntil;
    let best: number[] = [];
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = 0, n = balancing ? this.candidates : 2 * this.candidates; c < n; c++) {
      const candidate = mutate(draft, this.open, space.cardinalities, changes(), rng);
      const score = balancing
        ? this.balance(candidate)
        : this.needy.length > 0
          ? this.rescue(candidate, draft)
          : this.predictedMinGain(candidate, draft);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  decide(revision: Outcome, draft: Outcome, votes: readonly Vote[], state: TurnState): boolean {
    for (let p = 0; p < votes.length; p++) this.learn(p, revision, draft, votes[p]);
    if (!votes.includes("worse")) return true;
    if (this.needy.length > 0 && state.t >= this.balanceUntil)
      return (
        this.needy.every((p) => votes[p] !== "worse") &&
        this.needy.some((p) => votes[p] === "better") &&
        this.rescue(revision, draft) > 0
      );
    const balancing = state.t >= this.probeUntil && state.t < this.balanceUntil;
    return balancing && this.balance(revision) > this.balance(draft) + 1e-9;
  }

  /** The least-favoured party's estimated standing: min over parties of its score, normalised to [0, 1]. */
  private balance(outcome: Outcome): number {
    let min = Number.POSITIVE_INFINITY;
    for (let p = 0; p < this.scores.length; p++) min = Math.min(min, this.standing(p, outcome));
    return min;
  }

  /** A party's learned score of `outcome`, normalised to [0, 1] between its worst and best possible. */
  private standing(party: number, outcome: Outcome): number {
    const s = this.scores[party];
    let at = 0;
    for (let i = 0; i < outcome.length; i++) at += s[this.offsets[i] + outcome[i]];
    const lo = this.lowest[party];
    const hi = this.highest[party];
    return hi > lo ? (at - lo) / (hi - lo) : 0.5;
  }

  /** Recomputes a party's worst and best possible score after its scores moved. */
  private rescale(party: number): void {
    const cards = this.setup.space.cardinalities;
    const s = this.scores[party];
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < cards.length; i++) {
      const base = this.offsets[i];
      let issueLo = s[base];
      let issueHi = s[base];
      for (let k = 1; k < cards[i]; k++) {
        issueLo = Math.min(issueLo, s[base + k]);
        issueHi = Math.max(issueHi, s[base + k]);
      }
      lo += issueLo;
      hi += issueHi;
    }
    this.lowest[party] = lo;
    this.highest[party] = hi;
  }

  /**
   * For the parties that refused the draft: their smallest gain in standing,
   * less the largest loss it costs anyone else, so a fix for one side does
   * not overshoot into a draft the others refuse.
   */
  private rescue(revision: Outcome, draft: Outcome): number {
    let gain = Number.POSITIVE_INFINITY;
    let loss = 0;
    for (let p = 0; p < this.scores.length; p++) {
      const delta = this.standing(p, revision) - this.standing(p, draft);
      if (this.needy.includes(p)) gain = Math.min(gain, delta);
      else loss = Math.min(loss, delta);
    }
    return gain + loss;
  }

  private predictedGain(party: number, revision: Outcome, draft: Outcome): number {
    const s = this.scores[party];
    let gain = 0;
    for (let i = 0; i < revision.length; i++) {
      if (revision[i] !== draft[i]) gain += s[this.offsets[i] + revision[i]] - s[this.offsets[i] + draft[i]];
    }
    return gain;
  }

  private predictedMinGain(
    revision: Outcome,
    draft: Outcome,
    parties: readonly number[] | null = null,
  ): number {
    let min = Number.POSITIVE_INFINITY;
    if (parties) for (const p of parties) min = Math.min(min, this.predictedGain(p, revision, draft));
    else
      for (let p = 0; p < this.scores.length; p++)
        min = Math.min(min, this.predictedGain(p, revision, draft));
    return min;
  }

  /** Perceptron step: move the scores of the changed options until the prediction has the vote's sign. */
  private learn(party: number, revision: Outcome, draft: Outcome, vote: Vote): void {
    const sign = vote === "better" ? 1 : vote === "worse" ? -1 : 0;
    if (sign === 0) return;
    const predicted = this.predictedGain(party, revision, draft);
    if (predicted * sign > 0) return;
    const s = this.scores[party];
    for (let i = 0; i < revision.length; i++) {
      if (revision[i] === draft[i]) continue;
      s[this.offsets[i] + revision[i]] += sign;
      s[this.offsets[i] + draft[i]] -= sign;
    }
    this.rescale(party);
  }
}

/** Built-in mediators by their CLI name. */
export const MEDIATORS: Record<string, { description: string; create(): Mediator }> = {
  annealing: {
    description:
      "Klein et al. 2003: random one/two-point revisions, annealing acceptance, then hill-climbing",
    create: () => new AnnealingMediator(),
  },
  frontier: {
    description:
      "learns each party's preferences from its votes, evens the draft out, proposes predicted win-win revisions, polls who would refuse",
    create: () => new FrontierMediator(),
  },
};
