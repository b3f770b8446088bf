/**
 * Retry timing and the reading of a send's outcome. Pure, so the rules are tested without a server.
 */
import { AdapterError, isAbortError, type ConflictError } from '../adapter/errors.js';
import type { BackoffOptions, OpError } from './types.js';

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 5 * 60_000, maxServerAttempts: 8 };

/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a
 * uniform wait in [0, min(cap, base·2^(attempt−1))). Jitter spreads the retries of many clients
 * that failed together, so they do not come back together. `attempt` counts from 1.
 */
export function fullJitterDelay(attempt: number, options: Pick<BackoffOptions, 'baseMs' | 'capMs'>, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before the next try: the backoff, but never less than what `Retry-After` asked. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions, random: () => number): number {
  return Math.max(retryAfterMs ?? 0, fullJitterDelay(attempt, options, random));
}

/**
 * What a send's failure means for the operation:
 * - `retry`: 429, 5xx, network, timeout: try again later, and the whole sender backs off;
 * - `auth`: 401 (or a token that could not be had): pause all sending, count nothing;
 * - `conflict`: 409/412, final, kept for a person with the server's version;
 * - `failed`: any other answer that says the request is wrong (422, 400, 403, 404): final, kept;
 * - a malformed answer is retried (bounded): a 2xx that is not the contract's JSON may be a captive
 *   portal's login page rather than our server, so it confirms nothing; a replay is harmless;
 * - `aborted`: we cancelled (closing): back to pending, nothing counted.
 */
export type Outcome =
  | { kind: 'retry'; error: OpError; retryAfterMs?: number; answered: boolean }
  | { kind: 'auth'; error: OpError }
  | { kind: 'conflict'; error: OpError }
  | { kind: 'failed'; error: OpError }
  | { kind: 'aborted' };

/** Plain data of an error, for IndexedDB and BroadcastChannel. */
export function describeError(error: unknown): OpError {
  if (error instanceof AdapterError) {
    return {
      kind: error.kind,
      message: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.problem === undefined ? {} : { problem: structuredCloneSafe(error.problem) }),
    };
  }
  return { kind: 'network', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function structuredCloneSafe<T>(value: T): T | undefined {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}

/**
 * The reference server answers 409 "in progress; retry" when a twin request holds the same
 * Idempotency-Key (e.g. a frozen tab's request and the re-send after its lease ran out). That is
 * not a conflict of content and must be retried.
 */
function isKeyInProgress(error: ConflictError): boolean {
  const type = error.problem?.type ?? '';
  return type.endsWith('/idempotency-key-in-progress') || /in progress/i.test(error.problem?.detail ?? error.message);
}

export function classify(error: unknown): Outcome {
  if (isAbortError(error)) return { kind: 'aborted' };
  const described = describeError(error);
  if (!(error instanceof AdapterError)) return { kind: 'retry', error: described, answered: false };
  const retryAfterMs = 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
  switch (error.kind) {
    case 'unavailable':
    case 'rate-limited':
      return { kind: 'retry', error: described, retryAfterMs, answered: error.status !== undefined };
    case 'auth':
      // 403 says "not allowed", which a new token for the same person does not change.
      return error.status === 403 ? { kind: 'failed', error: described } : { kind: 'auth', error: described };
    case 'conflict':
      return isKeyInProgress(error as ConflictError)
        ? { kind: 'retry', error: described, retryAfterMs, answered: true }
        : { kind: 'conflict', error: described };
    case 'malformed':
      return { kind: 'retry', error: described, answered: true };
    default:
      return { kind: 'failed', error: described };
  }
}
