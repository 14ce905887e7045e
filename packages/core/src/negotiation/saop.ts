import type { Outcome } from "../model/space.js";
import { InvalidMove, type Session, SessionBase, type SessionOptions, stamp } from "./session.js";
import type { Expectation, Move, TraceEvent } from "./types.js";

/**
 * Stacked Alternating Offers, bilateral and multilateral. Seats move in a
 * fixed order; the first must offer; each later seat accepts the standing
 * offer, counters with its own, or ends the negotiation. An offer is agreed
 * when every other seat has accepted it in turn. A round is one move of each
 * seat; t = (round + turn/parties) / rounds (or elapsed/timeMs, if larger).
 */
export class SaopSession extends SessionBase implements Session {
  readonly protocol = "saop";
  private round = 0;
  private turn = 0;
  private standing: number[] | null = null;
  private from = -1;
  private acceptances = 0;

  constructor(options: SessionOptions) {
    super(options);
    if (this.parties < 2) throw new RangeError("SAOP needs at least two parties");
  }

  /** The offer on the table (the session's own copy), or null before the first offer. */
  get standingOffer(): Outcome | null {
    return this.standing;
  }

  protected now() {
    return this.time.at(this.round, this.round + this.turn / this.parties);
  }

  pending(): Expectation | null {
    if (this.outcome()) return null;
    const { round, t } = this.now();
    if (t >= 1) {
      this.endByDeadline();
      return null;
    }
    return { kind: "offer", seat: this.turn, offer: this.standing, from: this.from, state: { round, t } };
  }

  submit(seat: number, move: Move): void {
    this.assertOpen();
    if (seat !== this.turn)
      throw new InvalidMove(`it is seat ${this.turn + 1}'s turn, not seat ${seat + 1}'s`); // 1-based for people
    const { round, t, ms } = this.now();
    if (t >= 1) {
      this.endByDeadline();
      return;
    }
    const event: TraceEvent = stamp({ round, t, seat, action: "offer" }, ms);
    switch (move.type) {
      case "offer": {
        const outcome = this.checkedOutcome(move.outcome);
        this.standing = outcome;
        this.from = seat;
        this.acceptances = 0;
        this.emit(this.withOffer(event, outcome));
        break;
      }
      case "accept": {
        if (this.standing === null) throw new InvalidMove("there is no offer to accept yet");
        event.action = "accept";
        this.emit(this.withOffer(event, this.standing));
        if (++this.acceptances === this.parties - 1) {
          this.emit(this.withOffer(stamp({ round, t, seat: -1, action: "agreement" }, ms), this.standing));
          this.finish("agreement", this.standing, round + 1, t);
          return;
        }
        break;
      }
      case "end":
        event.action = "end";
        this.emit(event);
        this.finish("ended", null, round + 1, t);
        return;
      default:
        throw new InvalidMove(`SAOP expects an offer, accept or end, not "${move.type}"`);
    }
    if (++this.turn === this.parties) {
      this.turn = 0;
      this.round++;
    }
  }

  private endByDeadline(): void {
    const { round, t, ms } = this.now();
    const rounds = this.time.deadline.rounds;
    const used = rounds !== undefined && round >= rounds ? rounds : round + 1;
    this.emit(stamp({ round: used - 1, t: 1, seat: -1, action: "deadline" }, ms));
    this.finish("deadline", null, used, Math.max(t, 1));
  }
}
