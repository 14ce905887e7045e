/**
 * An input Parley refuses: names where (file, element or field) and why.
 * Adapters (CLI, server) print `message` without a stack trace.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    /** The file, element or field at fault, e.g. `England.xml: issue[index=3]`. */
    readonly where: string,
    /** Why it is refused, in words a user understands. */
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
  }
}

/** Re-throws an InputError with a prefix on its location (e.g. the file it came from). */
export function withLocation<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`${where}: ${err.where}`, err.reason);
    throw err;
  }
}

/**
 * Thrown for a seat by what runs it (a sandbox hitting its time or memory
 * limit, or reporting the agent's own exception): the session records
 * `message` as the fault's reason as it is, without "threw:".
 */
export class SeatStopped extends Error {
  override readonly name = "SeatStopped";
}
