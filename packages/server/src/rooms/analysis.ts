import { type AnalysisReport, analyze, reportJson } from "@parley/core";
import type { Room } from "./room.js";

/** One analysis per room and table: recomputed only when the standing offer or draft changes. */
const cache = new WeakMap<Room, { key: string; report: AnalysisReport }>();

/** The analysis of the room's scenario (its seated parties) against what is on the table. */
export function analysisOf(room: Room): AnalysisReport {
  const standing = room.negotiation.standing();
  const key = standing ? standing.join(",") : "";
  const hit = cache.get(room);
  if (hit && hit.key === key) return hit.report;
  const report = analyze(room.negotiation.prepared.scenario, standing ? { draft: standing } : {});
  cache.set(room, { key, report });
  return report;
}

/** Host: zone, frontier, Nash package, blocking points, and improvements on the standing offer or draft. */
export function roomAnalysis(room: Room): Record<string, unknown> {
  const standing = room.negotiation.standing();
  return {
    seq: room.lastSeq,
    standing: standing ? room.values(standing) : null,
    parties: room.partyOfSeat,
    ...reportJson(analysisOf(room)),
  };
}
