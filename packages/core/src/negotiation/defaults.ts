import type { ProtocolName } from "./types.js";

/** The deadline in rounds when none is given (see `defaultRounds`): per protocol, before plan size. */
export const DEFAULT_ROUNDS: Record<ProtocolName, number> = { saop: 100, mediated: 500 };
/** A mediator learns the parties' preferences option by option: big plans get this many rounds per option. */
export const MEDIATED_ROUNDS_PER_OPTION = 20;
