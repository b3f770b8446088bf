/**
 * Typed adapter errors. Every failure of a call is one of these (or an `AbortError` when the caller
 * aborted), so the data client and the outbox can decide what to do by `kind` alone:
 * retry (`unavailable`, `rate-limited`), ask for a token (`auth`), show on a field (`validation`),
 * keep for a person to resolve (`conflict`), or report (`malformed`, `not-found`, `bad-request`).
 */

export type AdapterErrorKind =
  | 'validation'
  | 'conflict'
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'malformed'
  | 'bad-request';

/** An RFC 9457 problem details body, as far as the server sent one. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Field errors of a validation problem (the reference server's extension). */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export interface AdapterErrorInit {
  status?: number;
  problem?: Problem;
  cause?: unknown;
  retryAfterMs?: number;
}

export class AdapterError extends Error {
  override name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  readonly problem: Problem | undefined;

  constructor(kind: AdapterErrorKind, message: string, init: AdapterErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem;
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'unavailable' || this.kind === 'rate-limited';
  }
}

/** 422, or an input the adapter refused to send. `fields` names what was wrong, for a form. */
export class ValidationError extends AdapterError {
  override name = 'ValidationError';
  readonly fields: { field: string; message: string }[];
  constructor(message: string, fields: { field: string; message: string }[], init: AdapterErrorInit = {}) {
    super('validation', message, init);
    this.fields = fields;
  }
}

/** 409 or 412: the server holds another version (e.g. the same line id with another body). */
export class ConflictError extends AdapterError {
  override name = 'ConflictError';
  constructor(message: string, init: AdapterErrorInit = {}) {
    super('conflict', message, init);
  }
}

/** 401 (no or expired token) or 403 (not allowed). */
export class AuthError extends AdapterError {
  override name = 'AuthError';
  constructor(message: string, init: AdapterErrorInit = {}) {
    super('auth', message, init);
  }
}

export class NotFoundError extends AdapterError {
  override name = 'NotFoundError';
  constructor(message: string, init: AdapterErrorInit = {}) {
    super('not-found', message, init);
  }
}

/** 429. `retryAfterMs` is what `Retry-After` asked for, when it said. */
export class RateLimitedError extends AdapterError {
  override name = 'RateLimitedError';
  readonly retryAfterMs: number | undefined;
  constructor(message: string, init: AdapterErrorInit = {}) {
    super('rate-limited', message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx, a network failure or a timeout: nothing says the request is wrong, only that it did not get through. */
export class UnavailableError extends AdapterError {
  override name = 'UnavailableError';
  readonly retryAfterMs: number | undefined;
  /**
   * The server was reached but does not allow this page's origin (CORS), as far as the browser lets
   * a page tell: the request failed while probes showed the server up and refusing this origin.
   */
  readonly originRefused: boolean;
  constructor(message: string, init: AdapterErrorInit & { originRefused?: boolean } = {}) {
    super('unavailable', message, init);
    this.retryAfterMs = init.retryAfterMs;
    this.originRefused = init.originRefused ?? false;
  }
}

/** An answer that is not what the contract promises: not JSON, too large, wrong shape. */
export class MalformedResponseError extends AdapterError {
  override name = 'MalformedResponseError';
  readonly issues: { field: string; message: string }[];
  constructor(message: string, issues: { field: string; message: string }[] = [], init: AdapterErrorInit = {}) {
    super('malformed', message, init);
    this.issues = issues;
  }
}

/** Any other 4xx: the request itself is wrong and repeating it will not help. */
export class BadRequestError extends AdapterError {
  override name = 'BadRequestError';
  constructor(message: string, init: AdapterErrorInit = {}) {
    super('bad-request', message, init);
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
