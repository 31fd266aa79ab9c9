/**
 * Shared types of the fake Telegram Bot API used by the end-to-end tests.
 * Kept apart so the helper modules can share them without import cycles.
 */
import type { ResponseParameters } from "grammy/types";

/** Parameters of one Bot API call, merged from the query string and the body, as Telegram merges them. */
export type Params = Record<string, unknown>;

/** An error answer exactly as Telegram sends it (`ok: false` is added when it is serialised). */
export interface FailureResponse {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

/**
 * One request the fake received. Rejected calls are recorded too (`ok: false`, with the error),
 * so a test can assert that the bot never sent something Telegram would refuse.
 */
export interface RecordedCall {
  method: string;
  params: Params;
  /** `Date.now()` when the request arrived. */
  at: number;
  ok: boolean;
  /** The `result` field returned to the bot, for accepted calls. */
  result?: unknown;
  /** The error returned to the bot, for rejected calls. */
  error?: FailureResponse;
  /** True when the error came from {@link FailureResponse | failNext}, not from validation. */
  injected?: boolean;
  /** True when the client hung up before the answer (an aborted long poll); the bot never saw the result. */
  aborted?: boolean;
}

/**
 * Thrown by method handlers to answer with a Telegram error; the router turns it into
 * `{ ok: false, error_code, description }` with the same HTTP status, like the real server.
 */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  /** The most common rejection; Telegram prefixes every 400 description with "Bad Request: ". */
  static badRequest(detail: string): ApiError {
    return new ApiError(400, `Bad Request: ${detail}`);
  }

  /** The body Telegram would send for this error. */
  toResponse(): FailureResponse {
    const response: FailureResponse = { error_code: this.errorCode, description: this.description };
    if (this.parameters !== undefined) response.parameters = this.parameters;
    return response;
  }
}
