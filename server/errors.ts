/** Error answers: always `{ "error": { "code", "message" } }` (protocol's ErrorBody), never a stack trace. */
import type { ErrorBody, ErrorCode, Rejection } from "../lib/sync/protocol";

export type HttpStatus = 400 | 401 | 403 | 404 | 413 | 500 | 503;

/** Thrown anywhere below a route: the app answers it with its status and body as is. */
export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly rejected?: Rejection[],
  ) {
    super(message);
    this.name = "HttpError";
  }

  body(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.rejected ? { rejected: this.rejected } : {}) },
    };
  }
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
