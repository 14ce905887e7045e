import {
  InputError,
  InvalidMove,
  type Move,
  readParleyScenario,
  type Scenario,
  selectParties,
  type TraceEvent,
  type VisibleEvent,
  visibleEvent,
} from "@parley/core";
import type { Kysely } from "kysely";
import type { ScenarioCatalog } from "../catalog.js";
import { LogWriter } from "../db/log-writer.js";
import type { Database } from "../db/schema.js";
import { badRequest, conflict, forbidden, HttpError } from "../errors.js";
import { newRoomId } from "../tokens.js";
import { AgentFault, type AgentRunner } from "./agents.js";
import type { Cluster } from "./cluster.js";
import { entryOf, rowOf, type StoredRow } from "./log-rows.js";
import { loggedMoveOf } from "./move-body.js";
import { LiveNegotiation, type Step } from "./negotiation.js";
import { type CreatedRoom, planRoom } from "./plan.js";
import { type LogEntry, type LoggedMove, Room, type SeatRecord } from "./room.js";
import type { ChatBody, CreateRoomBody, MoveBody, RoomSpec } from "./spec.js";
import { type Actor, scopedClientId } from "./viewer.js";
import { type Connected, type Subscriber, Watchers } from "./watchers.js";

export interface RoomServiceOptions {
  /** Several servers share the rooms (PostgreSQL and Redis): see Cluster. */
  cluster?: Cluster;
  /**
   * How long a room stays in memory after its last use once it has ended (and, on several servers,
   * an open room whose work another instance runs), with no socket watching it; 60 s by default.
   * It is read again from the store when asked for.
   */
  idleRoomMs?: number;
}

/** The store had an entry this instance had not seen (another server wrote it): read the room again and retry. */
class StaleReplica extends HttpError {
  constructor() {
    super(503, "the room changed on another server; try again");
  }
}

/** PostgreSQL's unique_violation: another server stored this seq or client id first. */
function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === "23505";
}

/** An agent seat or built-in mediator (`key`: `<room>/<party>` or `<room>/mediator`) asked to move on turn `turn`. */
interface Ask {
  key: string;
  turn: number;
}

/**
 * Every room of the store: creates them, applies moves and messages one at a time per room, stores
 * each before acknowledging it, pushes what each watcher may see, runs deadlines and agent seats,
 * and rebuilds open rooms from their logs when the server starts.
 */
export class RoomService {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | undefined>>();
  private readonly watchers: Watchers;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per agent seat (and built-in mediator): its last ask (an answer to an older one is dropped). */
  private readonly asked = new Map<string, Ask>();
  /** When each room in memory was last used (this server's clock), for eviction. */
  private readonly used = new Map<string, number>();
  private closed = false;
  private readonly writer: LogWriter;
  private readonly cluster?: Cluster;
  private readonly idleRoomMs: number;
  private readonly evictor: NodeJS.Timeout;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: ScenarioCatalog,
    private readonly agents: AgentRunner,
    private readonly now: () => number = Date.now,
    options: RoomServiceOptions = {},
  ) {
    this.writer = new LogWriter(db);
    this.cluster = options.cluster;
    this.watchers = new Watchers(options.cluster);
    this.idleRoomMs = options.idleRoomMs ?? 60_000;
    this.evictor = setInterval(() => this.evictIdle(), Math.max(10, this.idleRoomMs / 2));
    this.evictor.unref();
    this.cluster?.attach({
      stored: (row) => {
        const room = this.closed ? undefined : this.rooms.get(row.room_id);
        if (room && row.seq > room.lastSeq) void this.serial(room, async () => {}, row).catch(() => {});
      },
      gained: async (id) => {
        // Whatever this server was doing for the room before is stale: start its work afresh.
        this.stopWork(id);
        const live = this.rooms.get(id);
        if (!live) await this.room(id);
        else await this.serial(live, async () => this.afterStep(live), "read");
      },
      lost: (id) => this.stopWork(id),
      held: () => {
        const held = new Map<string, number>();
        for (const room of this.rooms.values()) if (!room.ended) held.set(room.id, room.lastSeq);
        return held;
      },
      behind: (id) => {
        const room = this.rooms.get(id);
        if (room) void this.serial(room, async () => {}, "read").catch(() => {});
      },
      presence: (id) => {
        const room = this.rooms.get(id);
        if (room) this.watchers.announcePresence(room);
      },
      keep: (id) => {
        const room = this.rooms.get(id);
        if (room) void this.serial(room, async () => this.afterStep(room)).catch(() => {});
        else void this.room(id).catch(() => {});
      },
    });
  }

  /**
   * Loads every open room (replaying its log), re-arms deadlines and resumes agent seats. On several
   * servers: takes over the rooms whose lease has run out instead, and keeps doing so.
   */
  async resume(): Promise<number> {
    if (this.cluster) return this.cluster.start();
    const open = await this.db.selectFrom("rooms").select("id").where("ended_at", "is", null).execute();
    let resumed = 0;
    for (const { id } of open) {
      try {
        await this.room(id);
        resumed++;
      } catch (err) {
        // One room that cannot be rebuilt must not keep the others closed.
        process.stderr.write(`parley serve: room ${id} could not be rebuilt: ${(err as Error).message}\n`);
      }
    }
    return resumed;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.evictor);
    await this.cluster?.stop();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.rooms.values()].map((r) => r.queue));
  }

  // ── Creating ────────────────────────────────────────────────────────────

  async create(body: CreateRoomBody): Promise<CreatedRoom> {
    const plan = planRoom(body, this.catalog, (agent) => this.agents.problem(agent));
    const { spec, seats } = plan;
    const startedAt = this.now();
    const id = newRoomId();
    const room = this.build(id, spec, seats, startedAt, plan.scenario);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("rooms")
        .values({
          id,
          spec: JSON.stringify(spec),
          started_at: startedAt,
          deadline_at: room.deadlineAt,
          ended_at: null,
        })
        .execute();
      await trx
        .insertInto("seats")
        .values(
          seats.map((s) => ({
            room_id: id,
            role: s.role,
            party: s.party,
            token_hash: s.tokenHash,
            agent: s.agent,
          })),
        )
        .execute();
      await this.cluster?.claim(trx, id);
    });
    this.rooms.set(id, room);
    this.used.set(id, Date.now());
    this.afterStep(room);
    return plan.created(id);
  }

  private build(id: string, spec: RoomSpec, seats: SeatRecord[], startedAt: number, full?: Scenario): Room {
    const scenario = full ?? readParleyScenario(spec.scenario, `room ${id}`);
    const negotiating = selectParties(
      scenario,
      spec.seats.map((s) => s.party),
    );
    let negotiation: LiveNegotiation;
    try {
      negotiation = new LiveNegotiation(spec, negotiating, startedAt);
    } catch (err) {
      if (err instanceof InputError) throw badRequest(err.message);
      throw err;
    }
    return new Room(id, spec, scenario, seats, startedAt, negotiation);
  }

  // ── Loading ─────────────────────────────────────────────────────────────

  /** The room `id` (loaded and replayed from the store on first use), or undefined. */
  async room(id: string): Promise<Room | undefined> {
    const live = this.rooms.get(id);
    if (live) {
      this.used.set(id, Date.now());
      return live;
    }
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Whether the room is in memory now (rooms nobody uses are dropped, and read again when asked for). */
  inMemory(id: string): boolean {
    return this.rooms.has(id);
  }

  /**
   * Reads the room from the store and replays its log; its watchers get the entries after
   * `pushedUpTo` (what they have seen of a room read again), in order.
   */
  private async load(id: string, pushedUpTo = Number.POSITIVE_INFINITY): Promise<Room | undefined> {
    const row = await this.db.selectFrom("rooms").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    const seatRows = await this.db.selectFrom("seats").selectAll().where("room_id", "=", id).execute();
    const log = await this.db
      .selectFrom("room_log")
      .selectAll()
      .where("room_id", "=", id)
      .orderBy("seq")
      .execute();
    const seats: SeatRecord[] = seatRows.map((s) => ({
      role: s.role as SeatRecord["role"],
      party: s.party,
      tokenHash: s.token_hash,
      agent: s.agent,
    }));
    const room = this.build(id, JSON.parse(row.spec) as RoomSpec, seats, Number(row.started_at));
    this.applyStored(room, log, pushedUpTo);
    this.rooms.set(id, room);
    this.used.set(id, Date.now());
    this.afterStep(room);
    return room;
  }

  /** Replays stored rows into the room (in seq order), pushing to its watchers those after `pushAfter`. */
  private applyStored(room: Room, rows: readonly StoredRow[], pushAfter: number): void {
    room.negotiation.replaying = true;
    try {
      for (const r of rows) {
        const entry = entryOf(r);
        entry.events = this.replay(room, entry);
        this.record(room, entry, entry.seq > pushAfter);
      }
    } finally {
      room.negotiation.replaying = false;
    }
  }

  /**
   * On several servers: reads what other servers stored since this replica's last seq (or takes
   * `row`, the next one, as published) and replays it. Whether there was anything.
   */
  private async catchUp(room: Room, row?: StoredRow): Promise<boolean> {
    if (row && row.seq <= room.lastSeq) return false;
    const rows =
      row?.seq === room.lastSeq + 1
        ? [row]
        : await this.db
            .selectFrom("room_log")
            .selectAll()
            .where("room_id", "=", room.id)
            .where("seq", ">", room.lastSeq)
            .orderBy("seq")
            .execute();
    if (rows.length === 0) return false;
    try {
      this.applyStored(room, rows, room.lastSeq);
    } catch (err) {
      this.drop(room);
      throw err;
    }
    this.afterStep(room);
    return true;
  }

  /**
   * Drops a room whose memory can no longer be trusted (a failed or refused write ran it ahead of the
   * store). It is read again at once if someone watches it or this server runs its work (if the
   * store cannot be read, on next use).
   */
  private drop(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    clearTimeout(this.timers.get(room.id));
    this.timers.delete(room.id);
    if (!this.watchers.watched(room.id) && this.cluster && !this.cluster.owns(room.id)) return;
    const pending = this.load(room.id, room.lastSeq).finally(() => this.loading.delete(room.id));
    this.loading.set(room.id, pending);
    pending.catch(() => {});
  }

  /** Drops from memory the rooms no socket watches and nobody used lately: ended, or run by another server. */
  evictIdle(): void {
    const before = Date.now() - this.idleRoomMs;
    for (const room of this.rooms.values()) {
      if (this.watchers.watched(room.id) || (this.used.get(room.id) ?? 0) > before) continue;
      if (!room.ended && (!this.cluster || this.cluster.owns(room.id))) continue;
      this.rooms.delete(room.id);
      this.used.delete(room.id);
      this.stopWork(room.id);
    }
  }

  /** Stops a room's timer and agent seats, and forgets what they were asked. */
  private stopWork(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    for (const key of this.asked.keys()) if (key.startsWith(`${id}/`)) this.asked.delete(key);
    this.agents.release(`${id}/`);
  }

  /** Applies a stored entry to the negotiation (it was valid when stored, so it is valid again). */
  private replay(room: Room, entry: LogEntry): TraceEvent[] {
    const n = room.negotiation;
    if (entry.kind === "move" && entry.move)
      return n.move(room.seatIndex(entry.actor), entry.move, entry.at).events;
    if (entry.kind === "deadline") return n.tick(entry.at).events;
    if (entry.kind === "fault")
      return n.fail(room.seatIndex(entry.actor), entry.reason ?? "fault", entry.at).events;
    return [];
  }

  // ── Acting ──────────────────────────────────────────────────────────────

  /**
   * Runs `fn` after everything already queued on `room`; a room dropped from memory runs nothing
   * more (StaleReplica). On several servers the replica first takes `from` (a published row, or
   * "read": what the store has). It is not read before every step: a replica behind the store
   * cannot store anything (its next seq is taken), and a step it refuses (409) is tried again
   * once the replica has read what it missed.
   */
  private serial<T>(room: Room, fn: () => Promise<T>, from?: StoredRow | "read"): Promise<T> {
    const task = async () => {
      if (this.rooms.get(room.id) !== room) throw new StaleReplica();
      this.used.set(room.id, Date.now());
      if (!this.cluster) return fn();
      if (from) await this.catchUp(room, from === "read" ? undefined : from);
      try {
        return await fn();
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 409) || !(await this.catchUp(room))) throw err;
        return fn();
      }
    };
    const run = room.queue.then(task, task);
    room.queue = run.catch(() => {});
    return run;
  }

  /** `op` on the room as it is in memory now, again (up to 3 times) if it was dropped and read again meanwhile. */
  private async retrying<T>(room: Room, op: (live: Room) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const live = this.rooms.get(room.id) === room ? room : ((await this.room(room.id)) ?? room);
      try {
        return await op(live);
      } catch (err) {
        if (!(err instanceof StaleReplica) || attempt === 3) throw err;
        room = live;
      }
    }
  }

  /** A seat's move: answers its seq once stored; the same client id again gets the same answer. */
  move(room: Room, seat: SeatRecord, body: MoveBody): Promise<{ seq: number }> {
    if (seat.role === "host") return Promise.reject(forbidden("the host watches; only seats move"));
    if (seat.agent) return Promise.reject(forbidden("an agent's seat moves on the server"));
    const actor: Actor =
      seat.role === "mediator" ? { role: "mediator" } : { role: "party", party: seat.party };
    return this.retrying(room, (live) =>
      this.serial(live, async () => {
        const known = live.clientIds.get(scopedClientId(actor, body.id));
        if (known !== undefined) return { seq: known };
        const move = loggedMoveOf(live, body);
        return { seq: await this.applyMove(live, actor, move, body.id) };
      }),
    );
  }

  /** Applies, stores, then pushes a move (`id`: its sender's); 409 (nothing changed) when it breaks the protocol. */
  private async applyMove(room: Room, actor: Actor, move: LoggedMove, id: string): Promise<number> {
    let at = this.now();
    if (room.deadlineAt !== null && at >= room.deadlineAt && !room.ended) {
      await this.tickNow(room);
      at = Math.max(at, this.now());
    }
    if (room.ended) throw conflict("the negotiation is over");
    // Stored as JSON: an outcome from a worker may be a typed array, which JSON would turn into an object.
    if ("outcome" in move) move = { ...move, outcome: Array.from(move.outcome) };
    let step: Step;
    try {
      step = room.negotiation.move(room.seatIndex(actor), move, at);
    } catch (err) {
      if (err instanceof InvalidMove) throw conflict(err.message);
      throw err;
    }
    if (step.deadline) {
      await this.commitDeadline(room, step, at);
      throw conflict("the deadline has passed: the negotiation is over");
    }
    const entry: LogEntry = {
      seq: room.lastSeq + 1,
      kind: "move",
      actor,
      clientId: scopedClientId(actor, id),
      at,
      move,
      events: step.events,
    };
    await this.commit(room, entry);
    return entry.seq;
  }

  /** A chat message: to everyone, or a caucus between a party and the mediator. */
  chat(room: Room, seat: SeatRecord, body: ChatBody): Promise<{ seq: number }> {
    if (seat.agent) return Promise.reject(forbidden("an agent's seat does not chat"));
    const mediator = room.seats.find((s) => s.role === "mediator");
    if (body.to !== undefined) {
      if (seat.role === "party" && body.to !== "mediator")
        return Promise.reject(badRequest('to: a party writes privately only to "mediator"'));
      if (seat.role !== "party" && body.to === "mediator")
        return Promise.reject(badRequest("to: give a party index"));
      if (body.to === "mediator" && !mediator)
        return Promise.reject(badRequest("to: this room has no mediator"));
      if (typeof body.to === "number" && !room.spec.seats.some((s) => s.party === body.to))
        return Promise.reject(badRequest(`to: party ${body.to} has no seat in this room`));
    }
    const actor: Actor =
      seat.role === "party"
        ? { role: "party", party: seat.party }
        : seat.role === "mediator"
          ? { role: "mediator" }
          : { role: "host" };
    return this.retrying(room, (live) =>
      this.serial(live, async () => {
        const clientId = scopedClientId(actor, body.id);
        const known = live.clientIds.get(clientId);
        if (known !== undefined) return { seq: known };
        const chat = body.to === undefined ? { text: body.text } : { text: body.text, to: body.to };
        const entry: LogEntry = {
          seq: live.lastSeq + 1,
          kind: "chat",
          actor,
          clientId,
          at: this.now(),
          chat,
          events: [],
        };
        await this.commit(live, entry);
        return { seq: entry.seq };
      }),
    );
  }

  /**
   * A person's seat opening the room (a GET or its socket): the first time, a `join` entry is stored
   * and pushed like any other, so the host sees who has arrived, also after a restart. Once the
   * negotiation is over nobody joins. A join that cannot be stored is tried again on the next open.
   */
  async join(room: Room, seat: SeatRecord): Promise<void> {
    if (seat.role === "host" || seat.agent) return;
    const actor: Actor =
      seat.role === "mediator" ? { role: "mediator" } : { role: "party", party: seat.party };
    const who = JSON.stringify(actor);
    const joined = (r: Room) => r.entries.some((e) => e.kind === "join" && JSON.stringify(e.actor) === who);
    if (room.ended || joined(room)) return;
    await this.retrying(room, (live) =>
      this.serial(live, async () => {
        if (live.ended || joined(live)) return;
        const entry: LogEntry = {
          seq: live.lastSeq + 1,
          kind: "join",
          actor,
          clientId: null,
          at: this.now(),
          events: [],
        };
        await this.commit(live, entry);
      }),
    ).catch(() => {});
  }

  /** The deadline passing, stored as an entry when it ends the negotiation. */
  private async tickNow(room: Room): Promise<void> {
    if (room.ended) return;
    const at = this.now();
    const step = room.negotiation.tick(at);
    if (step.deadline) await this.commitDeadline(room, step, at);
  }

  private commitDeadline(room: Room, step: Step, at: number): Promise<void> {
    const entry: LogEntry = {
      seq: room.lastSeq + 1,
      kind: "deadline",
      actor: { role: "server" },
      clientId: null,
      at,
      events: step.events,
    };
    return this.commit(room, entry);
  }

  /** Ends a seat for a fault, unless the room has moved on since it was asked. */
  private async fault(room: Room, actor: Actor, reason: string, askedAt: number): Promise<void> {
    if (room.ended || room.turnNumber !== askedAt) return;
    const at = this.now();
    const { events } = room.negotiation.fail(room.seatIndex(actor), reason, at);
    const entry: LogEntry = {
      seq: room.lastSeq + 1,
      kind: "fault",
      actor,
      clientId: null,
      at,
      reason,
      events,
    };
    await this.commit(room, entry);
  }

  /**
   * Stores an entry (with the room's end, if it ended), then records it in memory and pushes it (on
   * several servers, publishes it too). If the store fails, the room is dropped from memory and
   * rebuilt from the store, so memory never runs ahead of what is durable. On several servers the
   * (room, seq) and (room, client id) keys decide between servers writing at once: the loser reads
   * the room again and its caller retries.
   */
  private async commit(room: Room, entry: LogEntry): Promise<void> {
    const row = rowOf(room.id, entry);
    try {
      await this.writer.append(row, room.ended ? entry.at : undefined);
    } catch (err) {
      this.drop(room);
      if (this.cluster && isUniqueViolation(err)) throw new StaleReplica();
      throw new HttpError(503, `the move could not be stored (${(err as Error).message}); try again`);
    }
    this.record(room, entry);
    this.cluster?.publish(row);
    this.afterStep(room);
  }

  /** Adds a stored entry to the room in memory and pushes it to every watcher that may see it. */
  private record(room: Room, entry: LogEntry, push = true): void {
    room.entries.push(entry);
    if (entry.clientId !== null) room.clientIds.set(entry.clientId, entry.seq);
    if (push) this.watchers.push(room, entry);
  }

  // ── Deadlines and agents ────────────────────────────────────────────────

  /** Whether this server runs the room's deadline, agent seats and built-in mediator (on several servers: the lease holder). */
  private runsWork(room: Room): boolean {
    return !this.closed && !room.ended && (!this.cluster || this.cluster.owns(room.id));
  }

  private afterStep(room: Room): void {
    if (this.closed) return;
    clearTimeout(this.timers.get(room.id));
    this.timers.delete(room.id);
    if (room.ended) {
      this.agents.release(`${room.id}/`);
      this.cluster?.release(room.id);
      return;
    }
    if (!this.runsWork(room)) return;
    this.armDeadline(room);
    this.askAgent(room);
    this.mediatorMoves(room);
  }

  /**
   * Ends the room when its deadline falls. A timer may fire a little before the wall clock reaches
   * the deadline (timers run on a monotonic clock): the tick then ends nothing, and is armed again.
   */
  private armDeadline(room: Room): void {
    const deadline = room.deadlineAt;
    if (deadline === null) return;
    const timer = setTimeout(
      () =>
        this.work(room, null, async (live) => {
          await this.tickNow(live);
          if (!live.ended && this.timers.get(live.id) === timer) this.armDeadline(live);
        }),
      Math.max(0, deadline - this.now()),
    );
    this.timers.set(room.id, timer);
  }

  /**
   * Runs a piece of the room's work in the room's order, on the room as it is in memory then; not if
   * the work has moved to another server, or the seat was asked again since `ask`.
   */
  private work(room: Room, ask: Ask | null, fn: (live: Room) => Promise<void>): void {
    void this.retrying(room, (live) =>
      this.serial(live, async () => {
        if (!this.runsWork(live) || (ask && this.asked.get(ask.key) !== ask)) return;
        await fn(live);
      }),
    ).catch(() => {
      // Not stored (the store failed, or other servers kept winning): the seat is asked again on the next step or lease sweep.
      if (ask && this.asked.get(ask.key) === ask) this.asked.delete(ask.key);
    });
  }

  /** A seat asked to move on the room's current turn; null if it already was. */
  private ask(room: Room, key: string): Ask | null {
    const turn = room.turnNumber;
    if (this.asked.get(key)?.turn === turn) return null;
    const ask = { key, turn };
    this.asked.set(key, ask);
    return ask;
  }

  /** A built-in mediator moves at once, in the room's order; its move is stored like anyone's. */
  private mediatorMoves(room: Room): void {
    if (!room.negotiation.mediator) return;
    const ask = this.ask(room, `${room.id}/mediator`);
    if (!ask) return;
    this.work(room, ask, async (live) => {
      if (live.turnNumber !== ask.turn) return;
      let move: Move | null;
      try {
        move = live.negotiation.mediatorTurn();
      } catch (err) {
        await this.fault(live, { role: "mediator" }, `threw: ${(err as Error).message}`, ask.turn);
        return;
      }
      if (move) await this.agentMove(live, { role: "mediator" }, move, `mediator:${ask.turn}`);
    });
  }

  /** Applies an agent's or built-in mediator's move; an invalid one ends that seat for a fault. */
  private async agentMove(room: Room, actor: Actor, move: Move, clientId: string): Promise<void> {
    try {
      await this.applyMove(room, actor, move, clientId);
    } catch (err) {
      if (err instanceof HttpError && err.status === 409 && !room.ended)
        await this.fault(room, actor, `invalid move: ${err.message}`, room.turnNumber);
      else if (!(err instanceof HttpError && err.status === 409)) throw err;
    }
  }

  /** If an agent seat is to move, asks it (once per turn); its answer is applied like a person's. */
  private askAgent(room: Room): void {
    const seat = room.agentToMove();
    if (!seat) return;
    const ask = this.ask(room, `${room.id}/${seat.party}`);
    if (!ask) return;
    const expected = room.negotiation.expected()!;
    const seatIndex = room.partyOfSeat.indexOf(seat.party);
    const events: VisibleEvent[] = [];
    for (const e of room.negotiation.session.trace) {
      const seen = visibleEvent(room.spec.protocol, e, seatIndex);
      if (seen) events.push(seen);
    }
    const actor: Actor = { role: "party", party: seat.party };
    this.agents
      .move({
        key: ask.key,
        agent: seat.agent!,
        scenario: room.negotiation.prepared.scenario,
        seat: seatIndex,
        protocol: room.spec.protocol,
        deadline: room.spec.deadline,
        seed: room.spec.seed,
        expected,
        events,
      })
      .then(
        (move) =>
          this.work(room, ask, async (live) => {
            if (live.turnNumber !== ask.turn) return;
            await this.agentMove(live, actor, move, `agent:${seat.party}:${ask.turn}`);
          }),
        (err) =>
          this.work(room, ask, (live) =>
            this.fault(
              live,
              actor,
              err instanceof AgentFault ? err.message : `failed: ${(err as Error).message}`,
              ask.turn,
            ),
          ),
      );
  }

  // ── Watching ────────────────────────────────────────────────────────────

  subscribe(room: Room, sub: Subscriber): () => void {
    return this.watchers.subscribe(room, sub);
  }

  /** Each person seat of the room and how many sockets it has open on this server now. */
  connected(room: Room): Connected {
    return this.watchers.connected(room);
  }

  /**
   * Runs `fn` in the room's order (so a reconnecting socket's catch-up and live pushes do not
   * interleave), on the room as it is in memory then (on several servers, caught up with the store).
   */
  inOrder<T>(room: Room, fn: (live: Room) => T): Promise<T> {
    return this.retrying(room, (live) => this.serial(live, async () => fn(live), "read"));
  }
}
