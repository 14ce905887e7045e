import { conflict } from "../errors.js";
import { analysisOf } from "./analysis.js";
import type { Room } from "./room.js";
import type { Viewer } from "./viewer.js";

/**
 * Confidential suggestions: packages that leave no seated party worse off than what is on the table
 * and someone better off. A party gets each package with its own utility only; the mediator gets
 * which parties each package leaves below their reservation value, never a utility.
 */
export function suggestionsFor(room: Room, viewer: Viewer, count: number): Record<string, unknown> {
  const standing = room.negotiation.standing();
  if (!standing) throw conflict("there is no standing offer or draft to improve on yet");
  const report = analysisOf(room);
  const utilities = room.negotiation.prepared.utilities;
  const candidates: number[][] = [];
  const seen = new Set<string>();
  const add = (o: ArrayLike<number>) => {
    const key = Array.from(o).join(",");
    if (!seen.has(key)) {
      seen.add(key);
      candidates.push(Array.from(o));
    }
  };
  if (report.draft?.dominatedBy) add(report.draft.dominatedBy.outcome);
  for (const m of report.draft?.improvements ?? []) add(m.outcome);
  const packages = candidates.slice(0, count).map((o) => {
    const outcome = room.values(o);
    if (viewer.role === "party") return { outcome, utility: utilities[viewer.seat].utility(o) };
    const below = utilities.flatMap((u, seat) =>
      u.utility(o) < u.profile.reservation || u.crossesRedLine(o) ? [room.partyOfSeat[seat]] : [],
    );
    return { outcome, belowReservation: below };
  });
  return {
    seq: room.lastSeq,
    standing: {
      outcome: room.values(standing),
      ...(viewer.role === "party" ? { utility: utilities[viewer.seat].utility(standing) } : {}),
    },
    packages,
  };
}
