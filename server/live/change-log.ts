/**
 * The durable change log behind GET /api/changes. Every place that adds, deletes, restores, purges
 * or erases a line calls `recordChange` inside its own transaction, so a change is logged if and
 * only if it committed; the streams read the log by id, so a client that resumes after id N gets
 * every change after it, from this instance or any other sharing the database.
 */
import type { ResponseLine } from '../../src/model/types.js';
import type { Queryable } from '../db/db.js';
import { LINE_COLUMNS, toResponseLine } from '../db/repo.js';

export const CHANGE_KINDS = [
  'line-added', 'line-updated', 'line-deleted', 'line-restored', 'line-purged', 'tracked-open', 'tracked-click', 'stats-changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The PostgreSQL channel that carries "the log has a new row" between server instances. */
export const CHANGE_CHANNEL = 'cr_changes';
export const DEFAULT_CHANGE_LOG_DAYS = 7;
// Any fixed number other than the migrations' lock.
const CHANGE_LOG_LOCK = 74_201_634;
const PRUNE_BATCH = 10_000;

export interface Change {
  kind: ChangeKind;
  /** Null: each line's own recipient, read from the lines (a batch of tracked opens); always null for a statistics change. */
  recipientId: string | null;
  /** Null: each line's own campaign, read from the lines (an erasure spans campaigns). */
  campaignId: string | null;
  /** One log row per line; none for a statistics change. */
  lineIds: readonly string[];
  /** The change's instant, from the caller's (injectable) clock: what the retention measures. */
  at: Date;
}

export interface ChangeRow {
  id: number;
  kind: ChangeKind;
  recipientId: string | null;
  campaignId: string;
  lineId: string | null;
  at: string;
  /**
   * The line as it is now, when it is live, for the kinds that show one (added, updated, restored,
   * tracked): a client applies it without fetching. Null when it was deleted or purged since.
   */
  line?: ResponseLine | null;
}

/** The kinds whose event carries the line. */
const KINDS_WITH_LINE: ReadonlySet<ChangeKind> = new Set(['line-added', 'line-updated', 'line-restored', 'tracked-open', 'tracked-click']);

/** The kind a tracked line's detail makes: an open, a click, or (Sent, a bounce) a line added. */
export function trackedKind(detailId: string): ChangeKind {
  if (detailId === 'opened') return 'tracked-open';
  if (detailId === 'clicked-through') return 'tracked-click';
  return 'line-added';
}

/**
 * Logs `change` in the caller's transaction and notifies the other instances at its commit (a
 * NOTIFY is delivered only when, and if, its transaction commits).
 *
 * Ids must be handed out in commit order, or a reader that has seen id 11 would skip an id 10 that
 * committed after it. So the insert first takes a transaction-scoped advisory lock, held until
 * commit: writers of the log commit one after another, in id order. The lock is taken in the
 * same statement as the insert, because some callers run without a transaction of their own (each
 * statement its own), where a lock taken by an earlier statement would already be gone. Call it as
 * the last write of a transaction, so the lock is held as briefly as possible.
 */
export async function recordChange(tx: Queryable, change: Change): Promise<void> {
  if (change.lineIds.length === 0 && change.kind !== 'stats-changed') return;
  const lineIds = change.lineIds.length > 0 ? [...change.lineIds] : [null];
  await tx.query(
    `WITH ordered AS (SELECT pg_advisory_xact_lock($1::bigint)),
     written AS (${insertRows('$2', '$3::text', '$4::text', '$5::uuid[]', '$6::timestamptz', 'ordered, ')})
     SELECT pg_notify('${CHANGE_CHANNEL}', max(id)::text) FROM written`,
    [CHANGE_LOG_LOCK, change.kind, change.recipientId, change.campaignId, lineIds, change.at.toISOString()],
  );
}

/**
 * The rows of one change, one per line id (a null recipient or campaign: the line's own), returning
 * their ids; `from` joins what must come first (recordChange's lock).
 */
const insertRows = (kind: string, recipientId: string, campaignId: string, lineIds: string, at: string, from = '') =>
  `INSERT INTO change_log (kind, recipient_id, campaign_id, line_id, created_at)
   SELECT ${kind}, coalesce(${recipientId}, l.recipient_id), coalesce(${campaignId}, l.campaign_id), u.line_id, ${at}
     FROM ${from}unnest(${lineIds}) AS u(line_id)
     LEFT JOIN all_response_lines l ON ${campaignId} IS NULL AND l.id = u.line_id
   RETURNING id`;

/**
 * recordChange as a PL/pgSQL function, for a write made of one statement (a batch of tracked opens,
 * open-sql.ts): there the statement is its transaction, so the lock may come first on its own.
 * Created with the roll-ups' functions at every start. The batch hands each line's campaign and
 * recipient, which it holds already: read back from the lines by id, the join was planned against
 * the statistics of the lines at the last ANALYZE and, from a small table, read the whole index of
 * the lines at every batch (measured: every line of the table read once a batch, the batch's time
 * growing with the table). A change with no line is not its caller's.
 */
export const CHANGE_LOG_FUNCTION = `CREATE OR REPLACE FUNCTION change_log_lines(p_kind text, p_campaigns text[], p_recipients text[], p_line_ids uuid[], p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  last_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${CHANGE_LOG_LOCK});
  WITH written AS (
    INSERT INTO change_log (kind, recipient_id, campaign_id, line_id, created_at)
    SELECT p_kind, u.recipient_id, u.campaign_id, u.line_id, p_at FROM unnest(p_line_ids, p_campaigns, p_recipients) AS u(line_id, campaign_id, recipient_id)
    RETURNING id)
  SELECT max(id) INTO last_id FROM written;
  PERFORM pg_notify('${CHANGE_CHANNEL}', last_id::text);
END
$fn$`;

/** Removes rows older than `before`, in batches, and moves the horizon past them; resolves with how many. */
export async function pruneChangeLog(db: Queryable, before: Date): Promise<number> {
  let pruned = 0;
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM change_log WHERE id IN (SELECT id FROM change_log WHERE created_at < $1::timestamptz ORDER BY id LIMIT ${PRUNE_BATCH})
         RETURNING id),
       -- A data-modifying WITH runs whether or not the outer query reads it.
       moved AS (UPDATE change_log_horizon SET pruned_through = greatest(pruned_through, (SELECT max(id) FROM gone)))
       SELECT count(*)::int AS n FROM gone`,
      [before.toISOString()],
    );
    pruned += row.n;
    if (row.n < PRUNE_BATCH) return pruned;
  }
}

export interface LogBounds {
  /** A resume from an id below this has a gap: its successors were pruned. */
  prunedThrough: number;
  /** The newest id ever handed out (0 when none). */
  lastId: number;
}

export async function logBounds(db: Queryable): Promise<LogBounds> {
  const [row] = await db.query<{ pruned: string; last: string }>(
    `SELECT h.pruned_through::text AS pruned, greatest(h.pruned_through, coalesce((SELECT max(id) FROM change_log), 0))::text AS last
       FROM change_log_horizon h`,
  );
  return { prunedThrough: Number(row.pruned), lastId: Number(row.last) };
}

export interface ChangeFilter {
  recipientId?: string;
  campaignId?: string;
}

/** Up to `limit` rows after `afterId` that the filter matches, oldest first; with `withLines`, their lines as they are now. */
export async function readChanges(db: Queryable, filter: ChangeFilter, afterId: number, limit: number, withLines = false): Promise<ChangeRow[]> {
  const params: unknown[] = [afterId];
  const where = ['id > $1::bigint'];
  if (filter.recipientId !== undefined) where.push(`recipient_id = $${params.push(filter.recipientId)}`);
  if (filter.campaignId !== undefined) where.push(`campaign_id = $${params.push(filter.campaignId)}`);
  const rows = await db.query<{ id: string; kind: ChangeKind; recipient_id: string | null; campaign_id: string; line_id: string | null; created_at: Date | string }>(
    `SELECT id::text AS id, kind, recipient_id, campaign_id, line_id::text AS line_id, created_at
       FROM change_log WHERE ${where.join(' AND ')} ORDER BY change_log.id LIMIT ${Math.max(1, Math.floor(limit))}`,
    params,
  );
  const changes: ChangeRow[] = rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    recipientId: row.recipient_id,
    campaignId: row.campaign_id,
    lineId: row.line_id,
    at: new Date(row.created_at).toISOString(),
  }));
  if (!withLines) return changes;
  const wanted = [...new Set(changes.filter((c) => c.lineId && KINDS_WITH_LINE.has(c.kind)).map((c) => c.lineId as string))];
  const lines = new Map<string, ResponseLine>();
  if (wanted.length > 0) {
    const found = await db.query(`SELECT ${LINE_COLUMNS} FROM response_lines WHERE id = ANY($1::uuid[])`, [wanted]);
    for (const line of found.map(toResponseLine)) lines.set(line.id, line);
  }
  return changes.map((change) => (KINDS_WITH_LINE.has(change.kind) ? { ...change, line: lines.get(change.lineId ?? '') ?? null } : change));
}

/** Whether a row concerns a stream with this filter. */
export function matches(filter: ChangeFilter, row: { recipientId: string | null; campaignId: string }): boolean {
  return (filter.recipientId === undefined || filter.recipientId === row.recipientId) &&
    (filter.campaignId === undefined || filter.campaignId === row.campaignId);
}
