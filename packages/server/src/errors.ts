/** An error the API answers with its status and message (`{"error": message}`), never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "no such room") => new HttpError(404, what);
export const unauthorized = () =>
  new HttpError(401, "a valid token is required (Authorization: Bearer <token>)");
export const forbidden = (why: string) => new HttpError(403, why);
export const conflict = (why: string) => new HttpError(409, why);
export const badRequest = (why: string) => new HttpError(400, why);
