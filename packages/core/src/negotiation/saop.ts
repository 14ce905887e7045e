import type { Outcome } from "../model/space.js";
import { InvalidMove, type Session, SessionBase, type SessionOptions, stamp } from "./session.js";
import type { Moment } from "./timekeeper.js";
import { type Expectation, MEDIATOR, type Move, type TraceEvent } from "./types.js";

/**
 * Stacked Alternating Offers, bilateral and multilateral. Seats move in a
 * fixed order; the first must offer; each later seat accepts the standing
 * offer, counters with its own, or ends the negotiation. An offer is agreed
 * when its author and the seats that accepted it in turn form a winning
 * coalition under the rule (unanimity: every other seat has accepted it). A round is one move of each
 * seat; t = (round + turn/parties) / rounds (or elapsed/timeMs, if larger).
 */
export class SaopSession extends SessionBase implements Session {
  readonly protocol = "saop";
  private round = 0;
  private turn = 0;
  private standing: number[] | null = null;
  private from = -1;
  /** The standing offer's author and the seats that accepted it since (a mask). */
  private accepted = 0;

  constructor(options: SessionOptions) {
    super(options);
    if (this.parties < 2) throw new RangeError("SAOP needs at least two parties");
  }

  /** The offer on the table (the session's own copy), or null before the first offer. */
  get standingOffer(): Outcome | null {
    return this.standing;
  }

  protected now(elapsedMs: number): Moment {
    return this.time.at(this.round, this.round + this.turn / this.parties, elapsedMs);
  }

  protected expectedAt({ round, t }: Moment): Expectation {
    return { kind: "offer", seat: this.turn, offer: this.standing, from: this.from, state: { round, t } };
  }

  protected apply(seat: number, move: Move, { round, t, ms }: Moment): number[] | undefined {
    if (seat !== this.turn)
      throw new InvalidMove(`it is seat ${this.turn + 1}'s turn, not seat ${seat + 1}'s`); // 1-based for people
    const event: TraceEvent = stamp({ round, t, seat, action: "offer" }, ms);
    let copy: number[] | undefined;
    switch (move.type) {
      case "offer": {
        copy = this.checkedOutcome(move.outcome);
        this.standing = copy;
        this.from = seat;
        this.accepted = 1 << seat;
        this.emit(this.withOffer(event, copy));
        break;
      }
      case "accept": {
        if (this.standing === null) throw new InvalidMove("there is no offer to accept yet");
        event.action = "accept";
        this.emit(this.withOffer(event, this.standing));
        this.accepted |= 1 << seat;
        if (this.wins(this.accepted)) {
          this.emit(
            this.withOffer(stamp({ round, t, seat: MEDIATOR, action: "agreement" }, ms), this.standing),
          );
          this.finish("agreement", this.standing, round + 1, t, this.accepted);
          return undefined;
        }
        break;
      }
      case "end":
        event.action = "end";
        this.emit(event);
        this.finish("ended", null, round + 1, t);
        return undefined;
      default:
        throw new InvalidMove(`SAOP expects an offer, accept or end, not "${move.type}"`);
    }
    if (++this.turn === this.parties) {
      this.turn = 0;
      this.round++;
    }
    return copy;
  }

  protected endByDeadline({ round, t, ms }: Moment): void {
    const rounds = this.time.deadline.rounds;
    const used = rounds !== undefined && round >= rounds ? rounds : round + 1;
    this.emit(stamp({ round: used - 1, t: 1, seat: MEDIATOR, action: "deadline" }, ms));
    this.finish("deadline", null, used, Math.max(t, 1));
  }
}
