import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { reachRedis, redisConnection } from "@parley/node";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import type { StoredRow } from "./log-rows.js";
import type { Connected } from "./watchers.js";

export interface ClusterOptions {
  /** redis://HOST:PORT: where the servers tell each other what they stored. */
  redis: string;
  /** Prefix of the Redis channel (default "parley"): deployments sharing one Redis set it apart. */
  prefix?: string;
  /** How long a room's lease lasts unrenewed, ms (default 8,000); it is renewed every third of that. */
  leaseMs?: number;
}

export const DEFAULT_LEASE_MS = 8000;

/** What the cluster asks of the room service. */
export interface ClusterHooks {
  /** A row some instance stored (perhaps one this instance has, perhaps out of order). */
  stored(row: StoredRow): void;
  /** This instance now runs the room's work (deadline, agent seats, built-in mediator). */
  gained(roomId: string): Promise<void>;
  /** Another instance runs it now, or this one could not renew its lease in time. */
  lost(roomId: string): void;
  /** The open rooms this instance holds in memory, each with the last seq it has. */
  held(): Map<string, number>;
  /** The store has entries of the room that this instance has not seen: read them. */
  behind(roomId: string): void;
  /** This instance still runs the room's work: make sure it is under way (a step that failed is tried again). */
  keep(roomId: string): void;
  /** Another instance's sockets of the room opened or closed (or it stopped reporting them). */
  presence(roomId: string): void;
}

/** What one instance tells the others of its sockets: per room, per person seat (none left: empty). */
interface PresenceMessage {
  server: string;
  rooms: Record<string, Connected>;
}

/** Marks ARGV[1] alive now in the sorted set KEYS[1], forgets those silent for ARGV[2] ms, and counts the rest. */
const LIVE_SERVERS_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - lease)
redis.call('PEXPIRE', KEYS[1], lease * 10)
return redis.call('ZCARD', KEYS[1])`;

/** PostgreSQL's clock in ms: leases are compared on one clock, whatever the servers' clocks say. */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * One server among several sharing PostgreSQL and Redis. Every stored row is published on one
 * Redis channel (the order and the truth stay in PostgreSQL: a receiver reads the store when it
 * finds a gap). Each open room's work is run by the instance holding its lease in `room_leases`;
 * leases are renewed periodically, and a sweep takes over the rooms whose lease has run out.
 */
export class Cluster {
  readonly id = `${hostname()}/${process.pid}/${randomBytes(4).toString("hex")}`;
  readonly leaseMs: number;
  private readonly owned = new Set<string>();
  private readonly channel: string;
  private readonly presenceChannel: string;
  /** The sorted set of live instances (see liveServers). */
  private readonly serversKey: string;
  /** The rooms with sockets on this instance, and their counts, told again at every sweep. */
  private readonly reported = new Map<string, Connected>();
  /** Per room, per other instance: its sockets of the room, and when it last said so (this clock). */
  private readonly remote = new Map<string, Map<string, { connected: Connected; at: number }>>();
  private hooks?: ClusterHooks;
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<void> = Promise.resolve();
  /** When the last renewal that succeeded was sent (this server's clock). */
  private renewedAt = 0;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly pub: ReturnType<typeof redisConnection>,
    private readonly sub: ReturnType<typeof redisConnection>,
    options: ClusterOptions,
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.channel = `${options.prefix ?? "parley"}:rooms`;
    this.presenceChannel = `${options.prefix ?? "parley"}:presence`;
    this.serversKey = `${options.prefix ?? "parley"}:servers`;
  }

  /** Connects to Redis (an InputError naming the URL if it cannot) and listens on the rooms channel. */
  static async open(db: Kysely<Database>, options: ClusterOptions): Promise<Cluster> {
    const pub = redisConnection(options.redis);
    const sub = redisConnection(options.redis);
    const cluster = new Cluster(db, pub, sub, options);
    try {
      await reachRedis(pub, options.redis);
      await sub.subscribe(cluster.channel, cluster.presenceChannel);
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      throw err;
    }
    sub.on("message", (channel: string, text: string) => {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return; // not ours: the store stays the truth, and the sweep finds what a bad message hid
      }
      if (channel === cluster.presenceChannel) cluster.heard(message as PresenceMessage);
      else cluster.hooks?.stored(message as StoredRow);
    });
    return cluster;
  }

  /** Tells the other instances how many sockets each seat of the room has on this one. */
  reportPresence(roomId: string, connected: Connected): void {
    const any = connected.some((c) => c.sockets > 0);
    if (any) this.reported.set(roomId, connected);
    else this.reported.delete(roomId);
    this.sendPresence({ [roomId]: any ? connected : [] });
  }

  /** The sockets of the room on the other instances, as each last reported them within a lease. */
  presenceElsewhere(roomId: string): Connected[] {
    return [...(this.remote.get(roomId)?.values() ?? [])].map((r) => r.connected);
  }

  private sendPresence(rooms: Record<string, Connected>): void {
    const message: PresenceMessage = { server: this.id, rooms };
    this.pub.publish(this.presenceChannel, JSON.stringify(message)).catch(() => {});
  }

  /** Another instance's counts: the room's sockets here are told only of a change, not of a repeat. */
  private heard({ server, rooms }: PresenceMessage): void {
    if (server === this.id || typeof rooms !== "object" || rooms === null) return;
    const at = Date.now();
    for (const [room, connected] of Object.entries(rooms)) {
      if (!Array.isArray(connected)) continue;
      let servers = this.remote.get(room);
      const before = servers?.get(server);
      if (connected.length === 0) {
        if (!servers || !before) continue;
        servers.delete(server);
        if (servers.size === 0) this.remote.delete(room);
      } else {
        if (!servers) this.remote.set(room, (servers = new Map()));
        servers.set(server, { connected, at });
        if (before && JSON.stringify(before.connected) === JSON.stringify(connected)) continue;
      }
      this.hooks?.presence(room);
    }
  }

  /** Says again, in one message, what this instance has (so a new instance learns it) and forgets what others stopped saying. */
  private refreshPresence(): void {
    if (this.reported.size > 0) this.sendPresence(Object.fromEntries(this.reported));
    const before = Date.now() - this.leaseMs;
    for (const [room, servers] of this.remote) {
      let dropped = false;
      for (const [server, { at }] of servers) if (at < before) dropped = servers.delete(server) || dropped;
      if (servers.size === 0) this.remote.delete(room);
      if (dropped) this.hooks?.presence(room);
    }
  }

  attach(hooks: ClusterHooks): void {
    this.hooks = hooks;
  }

  owns(roomId: string): boolean {
    return this.owned.has(roomId);
  }

  /** Tells every instance (this one too) that `row` is stored. Lost messages are found by the sweep. */
  publish(row: StoredRow): void {
    this.pub.publish(this.channel, JSON.stringify(row)).catch(() => {});
  }

  /** Takes the lease of a room being created, in its creation transaction. */
  async claim(trx: Transaction<Database>, roomId: string): Promise<void> {
    await sql`insert into room_leases (room_id, owner, expires_at)
      values (${roomId}, ${this.id}, ${NOW_MS} + ${this.leaseMs})`.execute(trx);
    this.owned.add(roomId);
  }

  /** Gives up the lease of a room that ended. */
  release(roomId: string): void {
    if (!this.owned.delete(roomId)) return;
    void this.db
      .deleteFrom("room_leases")
      .where("room_id", "=", roomId)
      .where("owner", "=", this.id)
      .execute()
      .catch(() => {}); // an ended room's lease is never taken again: only open rooms are swept
  }

  /** Sweeps now (resolving with the rooms taken over), then every third of the lease. */
  async start(): Promise<number> {
    const first = this.sweepOnce();
    this.timer = setInterval(() => void this.sweepOnce(), Math.max(1, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
    return first;
  }

  private sweepOnce(): Promise<number> {
    const run = this.sweeping.then(() => this.sweep());
    this.sweeping = run.then(
      () => {},
      (err) => {
        process.stderr.write(`parley serve: lease sweep failed: ${(err as Error).message}\n`);
      },
    );
    return run.catch(() => 0);
  }

  /** Renews this instance's leases, takes over expired ones, drops ended rooms' stale ones, and catches up rooms that fell behind. */
  private async sweep(): Promise<number> {
    const hooks = this.hooks;
    if (!hooks) return 0;
    this.refreshPresence();
    await this.renew(hooks);
    // Each live instance takes its share of the rooms without a lease (a dead instance's rooms are
    // spread over the others); what is left goes at the next sweeps, its own or another's.
    const servers = await this.liveServers();
    const taken = await sql<{ room_id: string }>`
      with free as (
        select r.id from rooms r left join room_leases l on l.room_id = r.id
          where r.ended_at is null and (l.room_id is null or l.expires_at < ${NOW_MS})),
      mine as (
        select id from free order by random()
          limit (select ceil(count(*)::numeric / ${servers}) from free))
      insert into room_leases (room_id, owner, expires_at)
      select id, ${this.id}, ${NOW_MS} + ${this.leaseMs} from mine
      on conflict (room_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
        where room_leases.expires_at < ${NOW_MS}
      returning room_id`.execute(this.db);
    for (const { room_id } of taken.rows) {
      this.owned.add(room_id);
      // Not awaited: a room's queue or a takeover of many rooms must not hold up the next renewal.
      hooks.gained(room_id).catch((err) => {
        // Kept (and renewed): handing a room that cannot be rebuilt around would only move the failure.
        process.stderr.write(
          `parley serve: room ${room_id} could not be rebuilt: ${(err as Error).message}\n`,
        );
      });
    }
    for (const id of this.owned) hooks.keep(id);
    // The lease of a room that ended as its owner died was never given back: nobody needs it.
    await sql`delete from room_leases l using rooms r
      where r.id = l.room_id and r.ended_at is not null and l.expires_at < ${NOW_MS}`.execute(this.db);
    const held = hooks.held();
    if (held.size > 0) {
      const last = await this.db
        .selectFrom("room_log")
        .select((eb) => ["room_id", eb.fn.max("seq").as("seq")])
        .where("room_id", "in", [...held.keys()])
        .groupBy("room_id")
        .execute();
      for (const { room_id, seq } of last) if (Number(seq) > (held.get(room_id) ?? 0)) hooks.behind(room_id);
    }
    return taken.rows.length;
  }

  /**
   * How many instances are alive (this one included): each says so at every sweep in a sorted set
   * on Redis's clock, and one silent for a lease is left out. 1 if Redis cannot say.
   */
  private async liveServers(): Promise<number> {
    try {
      const count = await this.pub.eval(LIVE_SERVERS_SCRIPT, 1, this.serversKey, this.id, this.leaseMs);
      return Math.max(1, Number(count));
    } catch {
      return 1;
    }
  }

  private async renew(hooks: ClusterHooks): Promise<void> {
    if (this.owned.size === 0) return;
    const sentAt = Date.now();
    let kept: Set<string>;
    try {
      const rows = await sql<{ room_id: string }>`
        update room_leases set expires_at = ${NOW_MS} + ${this.leaseMs}
        where owner = ${this.id} returning room_id`.execute(this.db);
      kept = new Set(rows.rows.map((r) => r.room_id));
      this.renewedAt = sentAt;
    } catch (err) {
      // Unrenewed for a whole lease: another instance may have taken the rooms, so stop their work.
      if (Date.now() - this.renewedAt >= this.leaseMs) kept = new Set();
      else throw err;
    }
    for (const id of [...this.owned])
      if (!kept.has(id)) {
        this.owned.delete(id);
        hooks.lost(id);
      }
  }

  /** Stops sweeping (the rooms' work stops with the service). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Hands back every lease at once (another instance takes the rooms at its next sweep) and disconnects. */
  async close(): Promise<void> {
    await this.stop();
    if (this.reported.size > 0)
      this.sendPresence(Object.fromEntries([...this.reported.keys()].map((room) => [room, []])));
    this.reported.clear();
    await this.pub.zrem(this.serversKey, this.id).catch(() => {});
    const mine = [...this.owned];
    this.owned.clear();
    if (mine.length > 0)
      await this.db
        .deleteFrom("room_leases")
        .where("owner", "=", this.id)
        .execute()
        .catch(() => {});
    this.sub.disconnect();
    await this.pub.quit().catch(() => {});
  }
}
