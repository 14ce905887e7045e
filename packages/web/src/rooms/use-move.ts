import { useState } from "react";
import { type MoveBody, sendMove } from "./rooms-api";

/** Sending a seat's moves: busy while one is on its way, and the server's refusal in words. */
export function useMove(roomId: string, token: string) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async (body: MoveBody) => {
    setBusy(true);
    setError(null);
    try {
      await sendMove(roomId, token, body);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { move, busy, error, setError };
}
