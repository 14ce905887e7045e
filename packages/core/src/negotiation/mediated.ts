import type { Outcome } from "../model/space.js";
import { InvalidMove, type Session, SessionBase, type SessionOptions, stamp } from "./session.js";
import type { Moment } from "./timekeeper.js";
import {
  type Expectation,
  MEDIATOR,
  type Move,
  type PollResult,
  type Settled,
  type TraceEvent,
  type Vote,
} from "./types.js";

export interface MediatedOptions extends SessionOptions {
  /** Points settled from the start (issue → option, or null); the mediator may unlock them. */
  settled?: Settled;
}

/** Share of a millisecond deadline kept for ratifying the final draft. */
const RATIFY_SHARE = 0.05;

/** What the session waits for: the mediator (draft, mediate, decide) or the parties (vote, poll, ratify). */
type Phase = "draft" | "mediate" | "vote" | "decide" | "poll" | "ratify";

/**
 * Mediated single negotiating text. The mediator (seat MEDIATOR) writes the
 * first draft. Each round it proposes a revision (any number of points
 * changed, settled points kept); every party votes on it privately (better,
 * worse or same than the draft); the mediator sees the votes and decides
 * whether the revision replaces the draft. It may instead spend a round on a
 * straw poll (would each party accept the draft as it stands?), which binds
 * no one, and before its step it may lock points it considers settled or
 * unlock them. In the last round (or the last 5% of a millisecond deadline),
 * or when the mediator calls it earlier, the parties ratify the draft in
 * turn: it is agreed when all have voted and those who accepted form a
 * winning coalition under the rule; the vote fails as soon as those who have
 * not rejected can no longer win (unanimity: one rejection means no
 * agreement). Anyone may end it.
 */
export class MediatedSession extends SessionBase implements Session {
  readonly protocol = "mediated";
  private round = 0;
  private phase: Phase = "draft";
  private voter = 0;
  private draft: number[] = [];
  private revision: number[] = [];
  private votes: Vote[] = [];
  private readonly answers: boolean[] = [];
  /** Final vote: the seats that accepted, and those that have not rejected (masks). */
  private ratified = 0;
  private notRejected = 0;
  private lastPoll: PollResult | null = null;
  private readonly settled: (number | null)[];

  constructor(options: MediatedOptions) {
    super(options);
    this.settled = options.settled ? [...options.settled] : options.space.issues.map(() => null);
    if (this.settled.length !== this.space.issueCount)
      throw new RangeError(`settled has ${this.settled.length} entries for ${this.space.issueCount} issues`);
  }

  /** The draft (the session's own copy); empty before the mediator wrote it. */
  get currentDraft(): Outcome {
    return this.draft;
  }

  /** The settled points as they stand. */
  get settledPoints(): Settled {
    return this.settled;
  }

  protected now(elapsedMs: number): Moment {
    return this.time.at(this.round, this.round, elapsedMs);
  }

  protected expectedAt({ round, t }: Moment): Expectation {
    const state = { round, t };
    switch (this.phase) {
      case "draft":
        return { kind: "draft", seat: MEDIATOR, settled: this.settled, state };
      case "mediate":
        return {
          kind: "mediate",
          seat: MEDIATOR,
          draft: this.draft,
          settled: this.settled,
          poll: this.lastPoll,
          state,
        };
      case "decide":
        return {
          kind: "decide",
          seat: MEDIATOR,
          revision: this.revision,
          draft: this.draft,
          votes: this.votes,
          state,
        };
      case "vote":
        return { kind: "vote", seat: this.voter, revision: this.revision, draft: this.draft, state };
      default:
        return { kind: "ratify", seat: this.voter, draft: this.draft, final: this.phase === "ratify", state };
    }
  }

  protected apply(seat: number, move: Move, now: Moment): number[] | undefined {
    const expected = this.expectedAt(now);
    if (seat !== expected.seat)
      throw new InvalidMove(`${seatName(expected.seat)} must move, not ${seatName(seat)}`);
    const { round, t, ms } = now;
    if (move.type === "end") {
      this.emit(stamp({ round, t, seat, action: "end" }, ms));
      this.finish("ended", null, round + 1, t);
      return undefined;
    }
    switch (this.phase) {
      case "draft":
        return this.writeDraft(move, now);
      case "mediate":
        return this.mediate(move, now);
      case "decide":
        this.decide(move, now);
        return undefined;
      case "vote":
        this.vote(seat, move, now);
        return undefined;
      default:
        this.answer(seat, move, now);
        return undefined;
    }
  }

  protected endByDeadline({ round, ms }: Moment): void {
    this.emit(stamp({ round, t: 1, seat: MEDIATOR, action: "deadline" }, ms));
    this.finish("deadline", null, round + 1, 1);
  }

  private writeDraft(move: Move, { round, t, ms }: Moment): number[] {
    if (move.type !== "draft")
      throw new InvalidMove(`the mediator must write the first draft, not "${move.type}"`);
    this.draft = this.keepingSettled(move.outcome);
    this.emit(this.withOffer(stamp({ round, t, seat: MEDIATOR, action: "revise" }, ms), this.draft));
    this.startRound();
    return this.draft;
  }

  private mediate(move: Move, { round, t, ms }: Moment): number[] | undefined {
    const event: TraceEvent = stamp({ round, t, seat: MEDIATOR, action: "propose" }, ms);
    switch (move.type) {
      case "propose":
        this.revision = this.keepingSettled(move.outcome);
        this.emit(this.withOffer(event, this.revision));
        this.phase = "vote";
        return this.revision;
      case "poll":
      case "final":
        event.action = move.type;
        this.emit(this.withOffer(event, this.draft));
        this.phase = move.type === "poll" ? "poll" : "ratify";
        return undefined;
      case "lock":
      case "unlock": {
        const { issue } = move;
        if (!Number.isInteger(issue) || issue < 0 || issue >= this.space.issueCount)
          throw new InvalidMove(
            `${String(issue)} is not an issue index in [0, ${this.space.issueCount - 1}]`,
          );
        const locked = this.settled[issue] !== null;
        if (locked === (move.type === "lock"))
          throw new InvalidMove(
            `issue "${this.space.issues[issue].name}" is already ${locked ? "settled" : "open"}`,
          );
        this.settled[issue] = move.type === "lock" ? this.draft[issue] : null;
        event.action = move.type;
        event.issue = issue;
        this.emit(event);
        return undefined;
      }
      default:
        throw new InvalidMove(
          `the mediator must propose, poll, call the final vote, lock, unlock or end, not "${move.type}"`,
        );
    }
  }

  private vote(seat: number, move: Move, { round, t, ms }: Moment): void {
    if (move.type !== "vote" || (move.vote !== "better" && move.vote !== "worse" && move.vote !== "same"))
      throw new InvalidMove(`a revision needs a vote (better, worse or same), not "${move.type}"`);
    this.emit(stamp({ round, t, seat, action: "vote", vote: move.vote }, ms));
    this.votes.push(move.vote);
    if (++this.voter === this.parties) this.phase = "decide";
  }

  private decide(move: Move, { round, t, ms }: Moment): void {
    if (move.type !== "decide" || typeof move.adopt !== "boolean")
      throw new InvalidMove(`the votes are in: the mediator must decide (adopt or not), not "${move.type}"`);
    if (move.adopt) {
      this.draft = this.revision;
      this.emit(this.withOffer(stamp({ round, t, seat: MEDIATOR, action: "revise" }, ms), this.draft));
    }
    // A new array: the mediator may keep the one it was shown.
    this.votes = [];
    this.lastPoll = null;
    this.nextRound();
  }

  /** A straw poll's answer, or a vote in the final ratification. */
  private answer(seat: number, move: Move, { round, t, ms }: Moment): void {
    if (move.type !== "accept" && move.type !== "reject")
      throw new InvalidMove(`the draft needs accept or reject, not "${move.type}"`);
    this.emit(stamp({ round, t, seat, action: move.type === "accept" ? "ratify" : "reject" }, ms));
    if (this.phase === "poll") {
      this.answers.push(move.type === "accept");
      if (++this.voter < this.parties) return;
      this.lastPoll = { answers: [...this.answers], state: { round, t } };
      this.answers.length = 0;
      this.nextRound();
      return;
    }
    if (move.type === "reject") this.notRejected &= ~(1 << seat);
    else this.ratified |= 1 << seat;
    if (!this.wins(this.notRejected)) this.finish("rejected", null, round + 1, t);
    else if (++this.voter === this.parties) {
      this.emit(this.withOffer(stamp({ round, t, seat: MEDIATOR, action: "agreement" }, ms), this.draft));
      this.finish("agreement", this.draft, round + 1, t, this.ratified);
    }
  }

  private nextRound(): void {
    this.round++;
    this.startRound();
  }

  /** A round opens with the mediator's step, or with the final vote in the last round (or share of the time). */
  private startRound(): void {
    this.voter = 0;
    this.ratified = 0;
    this.notRejected = this.everyone;
    const { rounds, timeMs } = this.time.deadline;
    const last =
      (rounds !== undefined && this.round >= rounds - 1) ||
      (timeMs !== undefined && this.now(this.elapsed()).t >= 1 - RATIFY_SHARE);
    this.phase = last ? "ratify" : "mediate";
  }

  /** A copy of a draft or revision from the mediator, checked against the space and the settled points. */
  private keepingSettled(outcome: unknown): number[] {
    const checked = this.checkedOutcome(outcome);
    for (let i = 0; i < checked.length; i++) {
      const option = this.settled[i];
      if (option !== null && checked[i] !== option)
        throw new InvalidMove(`it changes settled issue "${this.space.issues[i].name}"`);
    }
    return checked;
  }
}

function seatName(seat: number): string {
  return seat === MEDIATOR ? "the mediator" : `seat ${seat + 1}`; // 1-based for people
}
