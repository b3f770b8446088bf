/**
 * The open inbox's two statements: the hot path's INSERT of a batch of pixel hits, and the fold's
 * claim of the oldest rows, which deletes them in the transaction that folds them.
 */
import type { Queryable } from '../db/db.js';
import type { StoredOpen } from './open-batch.js';

/** A row that failed this many folds alone is passed by (see 012_open_inbox.sql). */
export const MAX_FAILED_FOLDS = 3;

/**
 * One fold at a time across every instance on the database, so the inbox folds in id order, and a
 * fold that waited for another's knows, once it holds the lock, that the rows the other took are
 * folded (row locks with SKIP LOCKED would let two folds run side by side, one reader's hits split
 * between them and judged out of order). The two-key form: its keys are apart from every one-key
 * lock (the migrations', the change log's, the roll-ups' hashed pairs), which the fold takes after.
 */
const FOLD_LOCK = [74_201_633, 1] as const;

/** One statement: the batch, in the order it came (the ids follow it). */
export async function insertOpens(db: Queryable, opens: readonly StoredOpen[]): Promise<void> {
  await db.query(
    `INSERT INTO open_inbox (event_id, recipient_id, client, at, user_agent)
     SELECT event_id, recipient_id, client, at, user_agent
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) WITH ORDINALITY AS i(event_id, recipient_id, client, at, user_agent, ord)
      ORDER BY ord`,
    [opens.map((o) => o.eventId), opens.map((o) => o.recipientId), opens.map((o) => o.clientHash), opens.map((o) => o.at.toISOString()), opens.map((o) => o.userAgent)],
  );
}

export interface InboxRow extends StoredOpen {
  id: number;
}

interface Row {
  id: string;
  event_id: string;
  recipient_id: string;
  client: string;
  at: Date | string;
  user_agent: string | null;
}

/**
 * Takes the fold lock (until `tx` ends) and deletes the oldest `limit` foldable rows, or the one row
 * `only`; resolves with them in id order. Rolled back with the fold, they are back in the inbox.
 */
export async function claimOpens(tx: Queryable, limit: number, only?: number): Promise<InboxRow[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [...FOLD_LOCK]);
  const rows = await tx.query<Row>(
    `DELETE FROM open_inbox WHERE id IN (
       SELECT id FROM open_inbox WHERE failed_folds < $2 AND ($3::bigint IS NULL OR id = $3::bigint) ORDER BY id LIMIT $1)
     RETURNING id::text AS id, event_id, recipient_id, client, at, user_agent`,
    [limit, MAX_FAILED_FOLDS, only ?? null],
  );
  return rows
    .map((r) => ({ id: Number(r.id), eventId: r.event_id, recipientId: r.recipient_id, clientHash: r.client, at: new Date(r.at), userAgent: r.user_agent }))
    .sort((a, b) => a.id - b.id);
}

/** Notes a fold of `id` alone that failed; past MAX_FAILED_FOLDS the fold passes it by. */
export async function noteFailedFold(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE open_inbox SET failed_folds = failed_folds + 1 WHERE id = $1', [id]);
}
