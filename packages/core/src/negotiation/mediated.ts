import type { Rng } from "../model/rng.js";
import type { Outcome, OutcomeSpace } from "../model/space.js";
import { InvalidMove, type Session, SessionBase, type SessionOptions, stamp } from "./session.js";
import type { Deadline, Expectation, Move, TurnState, Vote } from "./types.js";

/** What a mediator knows: the plan, how many parties, the settled points, its own seeded Rng. Never a utility. */
export interface MediatorSetup {
  space: OutcomeSpace;
  parties: number;
  deadline: Deadline;
  /** Settled points: issue → option index (locked), or null for an open point. */
  fixed: readonly (number | null)[];
  rng: Rng;
}

/**
 * The mediator of a single negotiating text: it drafts the whole plan,
 * proposes revisions, and learns from the parties' private votes.
 */
export interface Mediator {
  readonly name: string;
  init(setup: MediatorSetup): void;
  /** The first draft (settled points as fixed). */
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

export interface MediatedOptions extends SessionOptions {
  mediator: Mediator;
  /** Settled points the mediator may not change (issue → option, or null). */
  fixed?: readonly (number | null)[];
  rng: Rng;
}

/** Share of a millisecond deadline kept for ratifying the final draft. */
const RATIFY_SHARE = 0.05;

/**
 * Mediated single negotiating text. Each round the mediator proposes a
 * revision of its draft; every party votes on it privately (better, worse or
 * same than the draft); the mediator decides. A mediator may instead spend a
 * round on a straw poll (would each party accept the draft as it stands?),
 * which binds no one. In the last round (or the last 5% of a millisecond
 * deadline) every party must ratify the draft for an agreement; one
 * rejection means no agreement. Any party may end it.
 */
export class MediatedSession extends SessionBase implements Session {
  readonly protocol = "mediated";
  private round = 0;
  private voter = 0;
  private draft: number[];
  private revision: number[] | null = null;
  private readonly votes: Vote[] = [];
  private readonly answers: boolean[] = [];
  private ratifying = false;
  private polling = false;
  private readonly mediator: Mediator;
  private readonly fixed: readonly (number | null)[];

  constructor(options: MediatedOptions) {
    super(options);
    this.mediator = options.mediator;
    this.fixed = options.fixed ?? options.space.issues.map(() => null);
    this.mediator.init({
      space: this.space,
      parties: this.parties,
      deadline: options.deadline,
      fixed: this.fixed,
      rng: options.rng,
    });
    this.draft = this.mediatorOutcome(this.mediator.initial(), "initial draft");
    const { t, ms } = this.now();
    this.emit(this.withOffer(stamp({ round: 0, t, seat: -1, action: "revise" }, ms), this.draft));
  }

  protected now() {
    return this.time.at(this.round, this.round);
  }

  pending(): Expectation | null {
    if (this.outcome()) return null;
    const { round, t, ms } = this.now();
    if (t >= 1) {
      this.emit(stamp({ round, t: 1, seat: -1, action: "deadline" }, ms));
      this.finish("deadline", null, round + 1, 1);
      return null;
    }
    const state = { round, t };
    if (!this.ratifying && !this.polling && this.voter === 0 && this.revision === null) {
      if (this.ratifyNow(t)) this.ratifying = true;
      else if (this.mediator.pollNow?.(state)) {
        this.polling = true;
        this.emit(this.withOffer(stamp({ round, t, seat: -1, action: "poll" }, ms), this.draft));
      } else {
        this.revision = this.mediatorOutcome(this.mediator.propose(this.draft, state), "revision");
        this.emit(this.withOffer(stamp({ round, t, seat: -1, action: "propose" }, ms), this.revision));
      }
    }
    if (this.ratifying || this.polling)
      return { kind: "ratify", seat: this.voter, draft: this.draft, final: this.ratifying, state };
    return { kind: "vote", seat: this.voter, revision: this.revision!, draft: this.draft, state };
  }

  submit(seat: number, move: Move): void {
    const expected = this.pending();
    if (expected === null) throw new InvalidMove("the negotiation is over");
    if (seat !== expected.seat)
      throw new InvalidMove(`seat ${expected.seat + 1} must answer, not seat ${seat + 1}`); // 1-based for people
    const { round, t, ms } = this.now();
    if (move.type === "end") {
      this.emit(stamp({ round, t, seat, action: "end" }, ms));
      this.finish("ended", null, round + 1, t);
      return;
    }
    if (expected.kind === "ratify") {
      if (move.type !== "accept" && move.type !== "reject")
        throw new InvalidMove(`the draft needs accept or reject, not "${move.type}"`);
      this.emit(stamp({ round, t, seat, action: move.type === "accept" ? "ratify" : "reject" }, ms));
      if (!expected.final) {
        this.answers.push(move.type === "accept");
        if (++this.voter < this.parties) return;
        this.mediator.polled?.(this.draft, this.answers, { round, t });
        this.answers.length = 0;
        this.polling = false;
        this.voter = 0;
        this.round++;
        return;
      }
      if (move.type === "reject") this.finish("rejected", null, round + 1, t);
      else if (++this.voter === this.parties) {
        this.emit(this.withOffer(stamp({ round, t, seat: -1, action: "agreement" }, ms), this.draft));
        this.finish("agreement", this.draft, round + 1, t);
      }
      return;
    }
    if (move.type !== "vote" || (move.vote !== "better" && move.vote !== "worse" && move.vote !== "same"))
      throw new InvalidMove(`a revision needs a vote (better, worse or same), not "${move.type}"`);
    this.emit(stamp({ round, t, seat, action: "vote", vote: move.vote }, ms));
    this.votes.push(move.vote);
    if (++this.voter < this.parties) return;
    const revision = this.revision!;
    if (this.mediator.decide(revision, this.draft, this.votes, { round, t })) {
      this.draft = revision;
      this.emit(this.withOffer(stamp({ round, t, seat: -1, action: "revise" }, ms), revision));
    }
    this.votes.length = 0;
    this.voter = 0;
    this.revision = null;
    this.round++;
  }

  /** Ratify in the last round, or in the last share of a millisecond deadline. */
  private ratifyNow(t: number): boolean {
    const { rounds, timeMs } = this.time.deadline;
    if (rounds !== undefined && this.round >= rounds - 1) return true;
    return timeMs !== undefined && t >= 1 - RATIFY_SHARE;
  }

  /** The mediator is trusted code, but a malformed draft must not reach the parties. */
  private mediatorOutcome(outcome: Outcome, what: string): number[] {
    try {
      const checked = this.checkedOutcome(outcome);
      this.fixed.forEach((option, i) => {
        if (option !== null && checked[i] !== option) throw new InvalidMove(`it changes settled issue ${i}`);
      });
      return checked;
    } catch (err) {
      throw new Error(
        `mediator "${this.mediator.name}" produced an invalid ${what}: ${(err as Error).message}`,
      );
    }
  }
}
