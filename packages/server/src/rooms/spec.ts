import { z } from "zod";

/** Most parties a room seats, and the longest deadline it accepts (a week of ms, 100,000 rounds). */
const MAX_SEATS = 32;

export const deadlineSchema = z
  .object({
    rounds: z.number().int().min(1).max(100_000).optional(),
    timeMs: z
      .number()
      .int()
      .min(1000)
      .max(7 * 24 * 3600 * 1000)
      .optional(),
  })
  .strict()
  .refine((d) => d.rounds !== undefined || d.timeMs !== undefined, "needs rounds or timeMs");

const agentName = z.string().min(1).max(200);

export const seatSpecSchema = z
  .object({ party: z.number().int().min(0), agent: agentName.optional() })
  .strict();

export const mediatorSpecSchema = z.union([
  z.object({ agent: z.enum(["frontier", "annealing"]) }).strict(),
  z.object({ person: z.literal(true) }).strict(),
]);

/** `POST /api/rooms`. The scenario is checked separately, by the same reader as files. */
export const createRoomSchema = z
  .object({
    scenario: z.union([z.string().min(1).max(200), z.record(z.string(), z.unknown())]),
    protocol: z.enum(["saop", "mediated"]),
    deadline: deadlineSchema,
    seats: z.array(seatSpecSchema).min(2).max(MAX_SEATS),
    mediator: mediatorSpecSchema.optional(),
    seed: z.number().int().optional(),
  })
  .strict();

export type CreateRoomBody = z.infer<typeof createRoomSchema>;
export type SeatSpec = z.infer<typeof seatSpecSchema>;
export type MediatorSpec = z.infer<typeof mediatorSpecSchema>;

/** What the store keeps of a room: the body as created, the scenario in Parley JSON form. */
export interface RoomSpec {
  /** The scenario, Parley JSON text (what `parley convert x out.json` writes). */
  scenario: string;
  /** The bundled scenario's name, when the room was created from one. */
  scenarioName?: string;
  protocol: "saop" | "mediated";
  deadline: { rounds?: number; timeMs?: number };
  seats: SeatSpec[];
  mediator?: MediatorSpec;
  seed: number;
}

/** A client's id of a move or message (stored with its sender's role in front: see scopedClientId). */
const clientIdSchema = z.string().min(1).max(100);

const outcomeValues = z.record(z.string().max(200), z.union([z.string().max(200), z.number()]));

/** A move, by HTTP or on the socket. */
export const moveSchema = z
  .object({
    id: clientIdSchema,
    type: z.enum([
      "offer",
      "accept",
      "end",
      "vote",
      "ratify",
      "reject",
      "draft",
      "propose",
      "poll",
      "final",
      "lock",
      "unlock",
      "decide",
    ]),
    /** offer, draft, propose: the package, {issue: option}. */
    outcome: outcomeValues.optional(),
    vote: z.enum(["better", "worse", "same"]).optional(),
    /** lock, unlock: the issue's name. */
    issue: z.string().max(200).optional(),
    /** decide: whether the revision replaces the draft. */
    adopt: z.boolean().optional(),
  })
  .strict();
export type MoveBody = z.infer<typeof moveSchema>;

export const MAX_CHAT_CHARS = 2000;

/** A chat message: to everyone, or (a caucus) between a party and the mediator. */
export const chatSchema = z
  .object({
    id: clientIdSchema,
    text: z.string().min(1).max(MAX_CHAT_CHARS),
    /** A party index (from the mediator or host), or "mediator" (from a party); absent: everyone. */
    to: z.union([z.number().int().min(0), z.literal("mediator")]).optional(),
  })
  .strict();
export type ChatBody = z.infer<typeof chatSchema>;

export const suggestionsSchema = z.object({ count: z.number().int().min(1).max(20).optional() }).strict();
