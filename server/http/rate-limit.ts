/**
 * Rate limits per principal: a fixed window of one minute, counted in memory (one process serves
 * the API). A person's pages make a few requests a second at most; a script or a bench, far more,
 * runs as a principal configured without limits (the service token by default). The answer over the
 * limit is a 429 problem with Retry-After, which the adapter and the outbox wait out.
 */
import type { MiddlewareHandler } from 'hono';
import { principalOf } from '../auth/principal.js';
import { ProblemError } from './problems.js';

/** Requests per principal per minute (CR_RATE_LIMIT): room for an outbox flushing a day's edits. */
export const DEFAULT_RATE_LIMIT = 600;
const WINDOW_MS = 60_000;
/** Past this many principals, windows that have ended are forgotten. */
const PRUNE_AT = 10_000;

export interface RateLimitOptions {
  /** Requests per principal per minute; 0 turns limits off. */
  perMinute: number;
  /** Principal ids without limits, besides those marked unlimited (the service principal). */
  unlimited?: readonly string[];
  now: () => Date;
}

export function rateLimit({ perMinute, unlimited = [], now }: RateLimitOptions): MiddlewareHandler {
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new Error(`The rate limit (CR_RATE_LIMIT) must be a whole number of requests a minute, 0 for none; got ${perMinute}.`);
  const exempt = new Set(unlimited);
  const windows = new Map<string, { startedAt: number; count: number }>();
  return async (c, next) => {
    const principal = principalOf(c);
    if (perMinute <= 0 || !principal.limited || exempt.has(principal.id)) return next();
    const at = now().getTime();
    let window = windows.get(principal.id);
    if (!window || at - window.startedAt >= WINDOW_MS) {
      if (!window && windows.size >= PRUNE_AT) {
        for (const [id, old] of windows) if (at - old.startedAt >= WINDOW_MS) windows.delete(id);
      }
      window = { startedAt: at, count: 0 };
      windows.set(principal.id, window);
    }
    window.count += 1;
    if (window.count > perMinute) {
      const seconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - at) / 1000));
      throw new ProblemError('rate-limited', `At most ${perMinute} requests a minute; try again in ${seconds} s.`, undefined, { 'Retry-After': String(seconds) });
    }
    return next();
  };
}
