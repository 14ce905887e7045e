import { InputError } from "@parley/core";
import { badRequest } from "../errors.js";
import type { LoggedMove, Room } from "./room.js";
import type { MoveBody } from "./spec.js";

/** A move as sent (issue and option names) as the engine takes it (indices); a 400 naming the field otherwise. */
export function loggedMoveOf(room: Room, body: MoveBody): LoggedMove {
  const needs = (field: "outcome" | "vote" | "issue" | "adopt") => {
    if (body[field] === undefined) throw badRequest(`${field}: "${body.type}" needs one`);
  };
  switch (body.type) {
    case "offer":
    case "propose":
    case "draft":
      needs("outcome");
      return { type: body.type, outcome: outcomeOf(room, body.outcome!) };
    case "vote":
      needs("vote");
      return { type: "vote", vote: body.vote! };
    case "lock":
    case "unlock": {
      needs("issue");
      const issue = room.scenario.space.issueIndex(body.issue!);
      if (issue < 0) throw badRequest(`issue: "${body.issue}" is not an issue of this scenario`);
      return { type: body.type, issue };
    }
    case "decide":
      needs("adopt");
      return { type: "decide", adopt: body.adopt! };
    case "ratify":
      return { type: "accept" };
    default:
      return { type: body.type };
  }
}

function outcomeOf(room: Room, values: Record<string, string | number>): number[] {
  const { space } = room.scenario;
  for (const name of Object.keys(values))
    if (space.issueIndex(name) < 0) throw badRequest(`outcome: "${name}" is not an issue of this scenario`);
  try {
    return space.fromValues(values);
  } catch (err) {
    if (err instanceof InputError) throw badRequest(`outcome: ${err.message}`);
    throw err;
  }
}
