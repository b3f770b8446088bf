/**
 * Statistics always fresh: the roll-ups move in the same transaction as every write that makes a
 * line live or not live (an insert, a delete, a restore; a purge or an erasure of a live line), so a
 * read never waits for a schedule and never recounts a campaign's lines. Every such write calls
 * applyToRollups once, with the lines it changed; the repair (`npm run rollups:repair`) rebuilds
 * them from the lines. See rollup-sql.ts for how unique recipients are kept.
 */
import type { ResponseLine } from '../../src/model/types.js';
import type { Db, Queryable } from '../db/db.js';
import { ARRAY_INPUT, ARRAY_PAIRS, contributionsSql, deltaSql, FEW_ROWS, LOCK_PAIRS_SQL, netContributionsSql, TIMELINE_FIGURES, UTC_DAY } from './rollup-sql.js';
import { CHANGE_LOG_FUNCTION } from '../live/change-log.js';
import { OPEN_FUNCTIONS } from '../tracking/open-sql.js';

/** What the roll-ups need of a line. */
export interface RollupLine {
  campaignId: string;
  recipientId: string;
  eventId: string;
  detailId: string;
  respondedAt: string | Date;
  /** Whether tracking judged the hit a machine's (false for a line without evidence). */
  machine: boolean;
}

export const rollupLineOf = (line: ResponseLine): RollupLine => ({
  campaignId: line.campaignId,
  recipientId: line.recipientId,
  eventId: line.eventId,
  detailId: line.detailId,
  respondedAt: line.respondedAt,
  machine: line.evidence?.machine === true,
});

/** +1: the lines became live (inserted, restored); −1: they stopped being live (deleted, purged, erased). */
export type RollupChange = 1 | -1;

/**
 * Moves the roll-ups by `lines`, inside the caller's transaction `tx`, after the write itself. A
 * batch of any size is one statement (rollup_apply) after the planner's setting. Once per
 * transaction, with all its lines: a second call would lock rows after the first's, out of the one
 * order that keeps writers on other connections from deadlocking (rollup-sql.ts).
 */
export async function applyToRollups(tx: Queryable, lines: readonly RollupLine[], change: RollupChange): Promise<void> {
  if (lines.length === 0) return;
  await tx.exec(PLAN_FOR_FEW_ROWS);
  await tx.query('SELECT rollup_apply($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::boolean[], $7::int)', [
    lines.map((l) => l.campaignId),
    lines.map((l) => l.recipientId),
    lines.map((l) => l.eventId),
    lines.map((l) => l.detailId),
    lines.map((l) => (l.respondedAt instanceof Date ? l.respondedAt.toISOString() : l.respondedAt)),
    lines.map((l) => l.machine),
    change,
  ]);
}

/**
 * A write touches a few rows of large tables, named by arrays whose length the planner cannot know:
 * left to itself it may hash-join a batch against a whole table (measured in the tracking bench:
 * hundreds of milliseconds per batch at 20,000 deliveries). Index lookups row by row are what a batch
 * wants. Set for the rest of the caller's transaction, which is itself a write of a few rows; the
 * roll-ups' own function holds stricter settings of its own (FEW_ROWS).
 */
export const PLAN_FOR_FEW_ROWS = 'SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off';

const ROLLUP_TABLES = ['rollup_recipient_lines', 'rollup_hours', 'rollup_timeline', 'rollup_timeline_days', 'rollup_counts'] as const;
const STALE_KEY = 'rollups-stale';
const DAYS_STALE_KEY = 'rollup-days-stale';
// The same number as server/db/migrate.ts's lock: a function replaced while a migration runs waits.
const ROLLUP_FUNCTION_LOCK = 74_201_633;

/**
 * The repair: rebuilds the roll-ups of one campaign (or of all) from its live lines, in one
 * transaction that holds writers of lines off meanwhile, so it cannot miss or double a line.
 */
export async function rebuildRollups(db: Db, campaignId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE all_response_lines IN SHARE MODE');
    const where = campaignId === undefined ? '' : 'WHERE campaign_id = $1';
    const params = campaignId === undefined ? [] : [campaignId];
    for (const table of ROLLUP_TABLES) await tx.query(`DELETE FROM ${table} ${where}`, params);
    await tx.query(
      deltaSql(`SELECT campaign_id, recipient_id, event_id, detail_id, responded_at AS at, evidence_machine IS TRUE AS machine, 1 AS n
        FROM response_lines ${where}`),
      params,
    );
    await tx.query(contributionsSql(`SELECT DISTINCT campaign_id, recipient_id FROM rollup_recipient_lines ${where}`, '1'), params);
    await tx.query(`DELETE FROM rollup_recipient_lines WHERE lines = 0 ${campaignId === undefined ? '' : 'AND campaign_id = $1'}`, params);
    await tx.query(
      `UPDATE campaigns c SET recipient_count = (SELECT count(*) FROM campaign_recipients cr WHERE cr.campaign_id = c.id)
        ${campaignId === undefined ? '' : 'WHERE c.id = $1'}`,
      params,
    );
    if (campaignId === undefined) await tx.query('DELETE FROM server_settings WHERE key = ANY($1::text[])', [[STALE_KEY, DAYS_STALE_KEY]]);
  });
}

/** Marks the roll-ups for a rebuild at the next ensureRollups (after a bulk load that bypassed applyToRollups). */
export async function markRollupsStale(db: Queryable, why: string): Promise<void> {
  await db.query(
    'INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [STALE_KEY, why],
  );
}

/**
 * The roll-ups' statements as PL/pgSQL functions: their dozen CTEs take 6–16 ms to plan on PGlite
 * and under a millisecond to run, and a function's plans are cached per connection where a statement
 * sent with parameters is planned at every call. Made from the same SQL text as the repair uses, at
 * every start (ensureRollups), so a server always runs its own version of them. The additive moves:
 * four inserts in one statement.
 */
const DELTA_FUNCTION = `CREATE OR REPLACE FUNCTION rollup_delta(text[], text[], text[], text[], timestamptz[], boolean[], integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
${deltaSql(ARRAY_INPUT)};
END
$fn$`;

/** What the recipients of the lines contribute now less what they did before the additive moves. */
const NET_CONTRIBUTE_STATEMENT = netContributionsSql(ARRAY_INPUT);

/**
 * What applyToRollups does, in one statement: the pairs' locks, the additive moves, the change in
 * the recipients' contributions, and (−1) the per-recipient rows left at zero. Four to six round
 * trips were a third of a tracked batch's time (bench/node/tracking-profile.ts).
 */
const APPLY_FUNCTION = `CREATE OR REPLACE FUNCTION rollup_apply(text[], text[], text[], text[], timestamptz[], boolean[], integer) RETURNS void LANGUAGE plpgsql ${FEW_ROWS} AS $fn$
BEGIN
  PERFORM 1 FROM (${LOCK_PAIRS_SQL}) AS locks;
  PERFORM rollup_delta($1, $2, $3, $4, $5, $6, $7);
  ${NET_CONTRIBUTE_STATEMENT};
  IF $7 = -1 THEN
    DELETE FROM rollup_recipient_lines r USING (${ARRAY_PAIRS}) p
     WHERE r.campaign_id = p.campaign_id AND r.recipient_id = p.recipient_id AND r.lines = 0;
  END IF;
END
$fn$`;

/**
 * Creates (or replaces) the functions applyToRollups calls, and the tracking batch's and the change
 * log's, which a batch of opens calls; before any write of a line (seed, start).
 */
export async function installRollupFunction(db: Db): Promise<void> {
  // Under the migrations' lock: two servers starting at once must not replace it at the same time.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_FUNCTION_LOCK]);
    for (const sql of [DELTA_FUNCTION, APPLY_FUNCTION, CHANGE_LOG_FUNCTION, ...OPEN_FUNCTIONS]) await tx.exec(sql);
  });
}

/**
 * Sums the hourly timeline into UTC days, once, after migration 011 added the days: run after the
 * functions that keep both are installed, holding writers of the hours off, so that what a server of
 * the previous version wrote to the hours alone is counted too.
 */
async function fillTimelineDays(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE rollup_timeline IN SHARE MODE');
    const [stale] = await tx.query('SELECT 1 FROM server_settings WHERE key = $1', [DAYS_STALE_KEY]);
    if (!stale) return;
    await tx.query('DELETE FROM rollup_timeline_days');
    await tx.query(`INSERT INTO rollup_timeline_days (campaign_id, day, ${TIMELINE_FIGURES.join(', ')})
      SELECT campaign_id, ${UTC_DAY('hour')}, ${TIMELINE_FIGURES.map((f) => `sum(${f})::int`).join(', ')} FROM rollup_timeline GROUP BY 1, 2`);
    await tx.query('DELETE FROM server_settings WHERE key = $1', [DAYS_STALE_KEY]);
  });
}

/**
 * Rebuilds every roll-up when marked stale (a migration that added them, a seed), or sums the hours
 * into days when only those are new; resolves with whether it rebuilt.
 */
export async function ensureRollups(db: Db): Promise<boolean> {
  await installRollupFunction(db);
  const marks = await db.query<{ key: string }>('SELECT key FROM server_settings WHERE key = ANY($1::text[])', [[STALE_KEY, DAYS_STALE_KEY]]);
  const stale = new Set(marks.map((mark) => mark.key));
  if (stale.has(STALE_KEY)) {
    await rebuildRollups(db);
    return true;
  }
  if (stale.has(DAYS_STALE_KEY)) await fillTimelineDays(db);
  return false;
}
