/**
 * Idempotent writes (draft-ietf-httpapi-idempotency-key-header). A write sent with an
 * `Idempotency-Key` stores its answer in the same transaction as its effect, so a retry after a
 * lost answer gets the stored answer back and the effect happens once. Only successes are stored:
 * a refused request changed nothing, and the client may fix it and send it again under the same key.
 */
import type { Context } from 'hono';
import type { Db, Queryable } from '../db/db.js';
import { JSON_CONTENT_TYPE, sha256 } from './http.js';
import { ProblemError } from './problems.js';

/** Keys are kept at least this long (the contract promises 8 days), purged after MAX. */
export const IDEMPOTENCY_MIN_DAYS = 8;
export const IDEMPOTENCY_PURGE_AFTER_DAYS = 10;

export interface WriteRequest {
  /** The principal's id: keys are scoped to it, so another caller's key is never seen. */
  principal: string;
  key: string | undefined;
  method: string;
  path: string;
  /** The request's meaning, independent of JSON whitespace and key order. */
  canonicalBody: string;
}

export interface WriteReply {
  status: number;
  body: unknown;
}

interface StoredKey {
  method: string;
  path: string;
  request_hash: string;
  status: number;
  response_body: string;
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/u;

/** The Idempotency-Key header, if any; a quoted sf-string and a bare token are the same key. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const raw = c.req.header('Idempotency-Key');
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/u, '$1');
  if (!KEY_SHAPE.test(key)) {
    throw new ProblemError('malformed-request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return key;
}

export function replyResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers } });
}

class KeyTakenMeanwhile extends Error {}

/**
 * Runs `work` once per key. `work` throws a ProblemError to refuse (its transaction is rolled back
 * and nothing is stored). `headers` go on the first answer and on every replay alike.
 */
export async function runIdempotent(
  db: Db,
  request: WriteRequest,
  work: (tx: Queryable) => Promise<WriteReply & { replayed?: boolean }>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const requestHash = sha256(request.canonicalBody).toString('base64url');
  const { key } = request;
  if (key !== undefined) {
    const stored = await findKey(db, request.principal, key);
    if (stored) return replayOrRefuse(stored, request, requestHash, headers);
  }
  try {
    return await db.transaction(async (tx) => {
      if (key !== undefined) {
        // Taking the key first makes a concurrent twin wait on it, then see it stored and replay.
        const taken = await tx.query(
          `INSERT INTO idempotency_keys (principal_id, key, method, path, request_hash, status, response_body)
           VALUES ($5, $1, $2, $3, $4, 0, '') ON CONFLICT (principal_id, key) DO NOTHING RETURNING key`,
          [key, request.method, request.path, requestHash, request.principal],
        );
        if (taken.length === 0) throw new KeyTakenMeanwhile();
      }
      const reply = await work(tx);
      const body = JSON.stringify(reply.body);
      if (key !== undefined) {
        await tx.query('UPDATE idempotency_keys SET status = $2, response_body = $3 WHERE key = $1 AND principal_id = $4', [
          key,
          reply.status,
          body,
          request.principal,
        ]);
      }
      return replyResponse(reply.status, body, reply.replayed ? { ...headers, 'Idempotent-Replayed': 'true' } : headers);
    });
  } catch (error) {
    if (!(error instanceof KeyTakenMeanwhile) || key === undefined) throw error;
    const stored = await findKey(db, request.principal, key);
    if (!stored) throw new ProblemError('conflict', 'A request with this Idempotency-Key is in progress; retry.');
    return replayOrRefuse(stored, request, requestHash, headers);
  }
}

async function findKey(db: Queryable, principal: string, key: string): Promise<StoredKey | undefined> {
  const [row] = await db.query<StoredKey>(
    'SELECT method, path, request_hash, status, response_body FROM idempotency_keys WHERE principal_id = $1 AND key = $2',
    [principal, key],
  );
  return row;
}

function replayOrRefuse(
  stored: StoredKey,
  request: WriteRequest,
  requestHash: string,
  headers: Record<string, string>,
): Response {
  const sameTarget = stored.method === request.method && stored.path === request.path;
  if (sameTarget && stored.request_hash === requestHash) {
    return replyResponse(stored.status, stored.response_body, { ...headers, 'Idempotent-Replayed': 'true' });
  }
  if (sameTarget) {
    // The same resource with other content is the same conflict as a line id reused (409).
    throw new ProblemError('conflict', `${request.path} was already written with another body under this Idempotency-Key.`);
  }
  throw new ProblemError(
    'idempotency-key-reused',
    `This Idempotency-Key was first used for ${stored.method} ${stored.path} with another request.`,
  );
}

/** Deletes keys older than `days` (default 10, so every key lives at least the promised 8). */
export async function purgeIdempotencyKeys(db: Queryable, days = IDEMPOTENCY_PURGE_AFTER_DAYS): Promise<number> {
  if (days < IDEMPOTENCY_MIN_DAYS) throw new RangeError(`Idempotency keys must be kept at least ${IDEMPOTENCY_MIN_DAYS} days.`);
  const rows = await db.query(
    "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1) RETURNING key",
    [days],
  );
  return rows.length;
}
