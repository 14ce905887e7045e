import { InputError, readParleyScenario, type Scenario, writeParleyScenario } from "@parley/core";
import type { ScenarioCatalog } from "../catalog.js";
import { badRequest } from "../errors.js";
import { hashToken, newToken } from "../tokens.js";
import type { SeatRecord } from "./room.js";
import type { CreateRoomBody, RoomSpec } from "./spec.js";

/** The answer to `POST /api/rooms`: every token, shown once. */
export interface CreatedRoom {
  id: string;
  hostToken: string;
  seats: { party: number; token: string; url: string }[];
  mediator?: { token: string; url: string };
}

/** A room about to be stored: what the store keeps, and the tokens its creator is shown once. */
export interface RoomPlan {
  spec: RoomSpec;
  scenario: Scenario;
  /** The host first, then the party seats in the body's order, then the mediator if any. */
  seats: SeatRecord[];
  created(id: string): CreatedRoom;
}

/** A scenario given by name (bundled) or as a Parley JSON document, read exactly like a file. */
export function scenarioOf(
  catalog: ScenarioCatalog,
  given: string | Record<string, unknown>,
): { scenario: Scenario; scenarioName?: string } {
  if (typeof given === "string") {
    const scenario = catalog.get(given);
    if (!scenario)
      throw badRequest(`scenario: "${given}" is not a bundled scenario (see GET /api/scenarios)`);
    return { scenario, scenarioName: given };
  }
  try {
    return { scenario: readParleyScenario(JSON.stringify(given), "scenario") };
  } catch (err) {
    if (err instanceof InputError) throw badRequest(err.message);
    throw err;
  }
}

/**
 * Checks a room's body against its scenario (a 400 naming the field otherwise) and draws its tokens.
 * `agentProblem` says why an agent name cannot sit, or null if it can.
 */
export function planRoom(
  body: CreateRoomBody,
  catalog: ScenarioCatalog,
  agentProblem: (agent: string) => string | null,
): RoomPlan {
  const { scenario, scenarioName } = scenarioOf(catalog, body.scenario);
  const parties = scenario.parties.length;
  const seen = new Set<number>();
  body.seats.forEach((s, i) => {
    if (s.party >= parties)
      throw badRequest(`seats[${i}].party: ${s.party} is not a party of the scenario (0 to ${parties - 1})`);
    if (seen.has(s.party)) throw badRequest(`seats[${i}].party: party ${s.party} has two seats`);
    seen.add(s.party);
    if (s.agent !== undefined) {
      const problem = agentProblem(s.agent);
      if (problem) throw badRequest(`seats[${i}].agent: ${problem}`);
    }
  });
  if (body.protocol === "mediated" && !body.mediator)
    throw badRequest(
      'mediator: the mediated protocol needs a mediator ({"agent": "frontier"} or {"person": true})',
    );
  if (body.protocol === "saop" && body.mediator) throw badRequest("mediator: SAOP has no mediator");
  const spec: RoomSpec = {
    scenario: writeParleyScenario(scenario, "json"),
    ...(scenarioName ? { scenarioName } : {}),
    protocol: body.protocol,
    deadline: body.deadline,
    seats: body.seats,
    ...(body.mediator ? { mediator: body.mediator } : {}),
    seed: body.seed ?? 0,
  };
  const hostToken = newToken();
  const seatTokens = body.seats.map(() => newToken());
  const mediatorToken = body.mediator && "person" in body.mediator ? newToken() : undefined;
  const seats: SeatRecord[] = [
    { role: "host", party: -1, tokenHash: hashToken(hostToken), agent: null },
    ...body.seats.map((s, i) => ({
      role: "party" as const,
      party: s.party,
      tokenHash: hashToken(seatTokens[i]),
      agent: s.agent ?? null,
    })),
  ];
  if (body.mediator)
    seats.push({
      role: "mediator",
      party: -1,
      // A built-in mediator's seat has a token nobody is shown: nobody can move for it.
      tokenHash: hashToken(mediatorToken ?? newToken()),
      agent: "agent" in body.mediator ? body.mediator.agent : null,
    });
  return {
    spec,
    scenario,
    seats,
    created: (id) => ({
      id,
      hostToken,
      seats: body.seats.map((s, i) => ({
        party: s.party,
        token: seatTokens[i],
        url: seatUrl(id, seatTokens[i]),
      })),
      ...(mediatorToken ? { mediator: { token: mediatorToken, url: seatUrl(id, mediatorToken) } } : {}),
    }),
  };
}

/** The relative path of a seat's page in the web app. */
function seatUrl(id: string, token: string): string {
  return `/rooms/${id}#token=${token}`;
}
