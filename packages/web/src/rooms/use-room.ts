import { useCallback, useEffect, useRef, useState } from "react";
import { fetchRoom } from "./rooms-api";
import type { RoomView, ServerMessage } from "./types";

export type Connection = "connecting" | "live" | "reconnecting" | "closed";

/** The seat's token: in the link's fragment (#token=…), which a reload keeps and no server log sees. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token");
}

function applyMessage(room: RoomView, m: ServerMessage): RoomView {
  if (m.type === "state") return m.room;
  if (m.type === "presence") return { ...room, connected: m.connected };
  if (m.type !== "event" || m.seq <= room.seq) return room;
  const { type: _type, state, turn, expected, outcome, ...entry } = m;
  return { ...room, state, turn, expected, outcome, seq: m.seq, history: [...room.history, entry] };
}

/**
 * The room as this token sees it, kept live over the WebSocket. A dropped socket reconnects with
 * `since` = the last seq seen, so the page catches up in order without a reload.
 */
export function useRoom(id: string, token: string | null) {
  const [room, setRoom] = useState<RoomView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      const view = await fetchRoom(id, token);
      seq.current = Math.max(seq.current, view.seq);
      setRoom(view);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [id, token]);

  useEffect(() => {
    if (!token) {
      setError("This link has no seat token: open the invitation link you were given.");
      return;
    }
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const open = () => {
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const since = seq.current > 0 ? `&since=${seq.current}` : "";
      socket = new WebSocket(
        `${scheme}://${location.host}/api/rooms/${encodeURIComponent(id)}/ws?token=${encodeURIComponent(token)}${since}`,
      );
      socket.onopen = () => {
        attempts = 0;
        setConnection("live");
      };
      socket.onmessage = (e) => {
        const m = JSON.parse(String(e.data)) as ServerMessage;
        if (m.type === "error" && m.id === undefined) setError(m.error);
        if (m.type === "state") seq.current = Math.max(seq.current, m.room.seq);
        if (m.type === "event") seq.current = Math.max(seq.current, m.seq);
        setRoom((r) => (m.type === "state" ? m.room : r && applyMessage(r, m)));
      };
      socket.onclose = (e) => {
        if (stopped) return;
        if (e.code === 1008 || e.code === 4401) {
          setConnection("closed");
          setError("This link's token is not valid for this room.");
          return;
        }
        setConnection("reconnecting");
        retry = setTimeout(open, Math.min(5000, 250 * 2 ** attempts++));
      };
    };
    // The browser knows of a lost network before the socket does: drop it and reconnect at once
    // when the network is back (the server's pings would notice only after 30 s).
    const offline = () => socket?.close();
    const online = () => {
      clearTimeout(retry);
      attempts = 0;
      if (socket?.readyState !== WebSocket.OPEN) open();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    void refresh().then(() => !stopped && open());
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      socket?.close();
    };
  }, [id, token, refresh]);

  return { room, error, connection, refresh };
}
