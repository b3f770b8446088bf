/**
 * What a failed answer says: its status turned into the typed `AdapterError` the kit's callers
 * branch on, with the problem body (RFC 9457, or the backend's own shape through `errorFromServer`)
 * and `Retry-After` when the server sent them.
 */
import {
  AuthError,
  BadRequestError,
  ConflictError,
  MalformedResponseError,
  NotFoundError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
  isAbortError,
  type AdapterError,
  type AdapterErrorInit,
  type Problem,
} from './errors.js';
import { readJson } from './http-body.js';

/** An error body is only read for its message and field errors, so a small cap is plenty. */
const MAX_ERROR_BYTES = 64 * 1024;

/** The typed error for a non-2xx answer, with the problem body when the server sent a readable one. */
export async function errorFromResponse(
  response: Response,
  errorFromServer: (body: unknown, status: number) => Problem | undefined,
  operation: string,
): Promise<AdapterError> {
  const { status } = response;
  let problem: Problem | undefined;
  try {
    const body = await readJson(response, MAX_ERROR_BYTES, operation);
    problem = body === undefined ? undefined : errorFromServer(body, status);
  } catch (error) {
    // A garbled error body must not hide the status, which says more; only an abort goes on.
    if (isAbortError(error) || (error instanceof DOMException && error.name === 'TimeoutError')) throw error;
  }
  return errorForStatus(status, problem, operation, { statusText: response.statusText, retryAfter: retryAfterMs(response.headers.get('retry-after')) });
}

/**
 * The typed error for a status and its problem: of a whole answer, or of one line of a batch
 * answer (which carries each refused line's problem in a 200).
 */
export function errorForStatus(
  status: number,
  problem: Problem | undefined,
  operation: string,
  { statusText = '', retryAfter }: { statusText?: string; retryAfter?: number } = {},
): AdapterError {
  const said = problem?.detail || problem?.title;
  const message = `${operation}: ${typeof said === 'string' ? said : `HTTP ${status} ${statusText}`.trim()}`;
  const init: AdapterErrorInit = { status, problem, retryAfterMs: retryAfter };
  if (status === 401 || status === 403) return new AuthError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409 || status === 412) return new ConflictError(message, init);
  if (status === 422) return new ValidationError(message, problem?.errors ?? [], init);
  if (status === 429) return new RateLimitedError(message, init);
  if (status >= 500) return new UnavailableError(message, init);
  if (status >= 400) return new BadRequestError(message, init);
  // A 3xx that fetch did not follow (e.g. 304): the contract never asks for one.
  return new MalformedResponseError(message, [], init);
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The default `errorFromServer`: an RFC 9457 problem as sent, keeping only well-formed members,
 * since a proxy or a buggy backend may send anything under that content type.
 */
export function problemFromBody(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const problem: Problem = { ...body };
  for (const key of ['type', 'title', 'detail', 'instance'] as const) {
    if (typeof problem[key] !== 'string') delete problem[key];
  }
  if (typeof problem.status !== 'number') delete problem.status;
  const errors: unknown = problem.errors;
  if (Array.isArray(errors)) {
    problem.errors = errors.filter(
      (e): e is { field: string; message: string } =>
        typeof e?.field === 'string' && typeof e?.message === 'string',
    );
  } else {
    delete problem.errors;
  }
  return problem;
}
