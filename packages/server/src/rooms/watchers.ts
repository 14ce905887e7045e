import type { LogEntry, Room, VisibleEntry } from "./room.js";
import type { Viewer } from "./viewer.js";

/** Someone watching a room (a socket): gets every new entry it may see, after it is stored. */
export interface Subscriber {
  viewer: Viewer;
  push(room: Room, entry: VisibleEntry): void;
  /** Told the room's live connections whenever a socket opens or closes. */
  presence?(connected: Connected): void;
}

/** How many sockets each person's seat has open now, on this server. */
export type Connected = { party: number | "mediator"; sockets: number }[];

/** Socket counts shared between servers: each tells the others its own and adds up theirs. */
export interface PresenceExchange {
  reportPresence(roomId: string, here: Connected): void;
  presenceElsewhere(roomId: string): Connected[];
}

/** The sockets watching each room on this server: what each may see is pushed to it, and who is connected. */
export class Watchers {
  private readonly byRoom = new Map<string, Set<Subscriber>>();

  /** On several servers: where this server's counts go and the others' come from (see Cluster). */
  constructor(private readonly exchange?: PresenceExchange) {}

  /** Starts pushing to `sub`; returns what stops it. Every other socket of the room is told who is connected. */
  subscribe(room: Room, sub: Subscriber): () => void {
    let set = this.byRoom.get(room.id);
    if (!set) this.byRoom.set(room.id, (set = new Set()));
    set.add(sub);
    this.exchange?.reportPresence(room.id, this.connectedHere(room));
    this.announcePresence(room, sub);
    return () => {
      set.delete(sub);
      if (set.size === 0) this.byRoom.delete(room.id);
      this.exchange?.reportPresence(room.id, this.connectedHere(room));
      this.announcePresence(room);
    };
  }

  /** The rooms some socket watches on this server. */
  rooms(): Iterable<string> {
    return this.byRoom.keys();
  }

  /** Whether any socket watches the room on this server. */
  watched(roomId: string): boolean {
    return this.byRoom.has(roomId);
  }

  /** Pushes a stored entry to every watcher of its room that may see it. */
  push(room: Room, entry: LogEntry): void {
    for (const sub of this.byRoom.get(room.id) ?? []) {
      const visible = room.visibleEntry(entry, sub.viewer);
      if (visible) sub.push(room, visible);
    }
  }

  /** Each person seat of the room and how many sockets it has open now, on every server. */
  connected(room: Room): Connected {
    const total = this.connectedHere(room);
    for (const counts of this.exchange?.presenceElsewhere(room.id) ?? [])
      for (const { party, sockets } of counts) {
        const seat = total.find((c) => c.party === party);
        if (seat) seat.sockets += sockets;
      }
    return total;
  }

  /** Each person seat of the room and how many sockets it has open on this server now. */
  connectedHere(room: Room): Connected {
    const subs = [...(this.byRoom.get(room.id) ?? [])];
    const count = (test: (v: Viewer) => boolean) => subs.filter((s) => test(s.viewer)).length;
    const out: Connected = room.spec.seats
      .filter((s) => !s.agent)
      .map((s) => ({
        party: s.party,
        sockets: count((v) => v.role === "party" && v.party === s.party),
      }));
    if (room.spec.mediator && "person" in room.spec.mediator)
      out.push({ party: "mediator", sockets: count((v) => v.role === "mediator") });
    return out;
  }

  /** Tells every socket of the room but `except` (which learns it from its state) who is connected. */
  announcePresence(room: Room, except?: Subscriber): void {
    const subs = this.byRoom.get(room.id);
    if (!subs) return;
    const connected = this.connected(room);
    for (const sub of subs) if (sub !== except) sub.presence?.(connected);
  }
}
