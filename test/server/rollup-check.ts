/**
 * The roll-ups against the live recomputation, for the tests that write lines in every way the
 * server does: what a read answers from the roll-ups, and the roll-up tables themselves.
 */
import assert from 'node:assert/strict';
import type { Db, Queryable } from '../../server/db/db.js';
import { readStats, readSummary } from '../../server/stats/rollup-read.js';
import { rebuildRollups } from '../../server/stats/rollups.js';
import { computeStats, computeSummary } from '../../server/stats/stats.js';
import { statsProblems } from '../support/stats-invariants.js';

/** Statistics and summary read from the roll-ups equal those recomputed from the lines, and hold their invariants. */
export async function assertRollupsMatch(db: Queryable, campaignId: string): Promise<void> {
  const stats = await readStats(db, campaignId);
  assert.ok(stats);
  assert.deepEqual(stats, await computeStats(db, campaignId), 'statistics: roll-ups = live recomputation');
  assert.deepEqual(statsProblems(stats), []);
  assert.deepEqual(await readSummary(db, campaignId), await computeSummary(db, campaignId), 'summary: roll-ups = live recomputation');
}

/** A campaign's roll-up rows that count something (a write may leave a row at zero; the repair writes none). */
const ROLLUP_ROWS = [
  `SELECT recipient_id, event_id, detail_id, lines, machine_lines FROM rollup_recipient_lines WHERE campaign_id = $1 AND lines <> 0 ORDER BY 1, 2, 3`,
  `SELECT event_id, detail_id, hour::text, lines, machine_lines FROM rollup_hours WHERE campaign_id = $1 AND lines <> 0 ORDER BY 1, 2, 3`,
  `SELECT hour::text, opened, opened_machine, clicked, clicked_machine, responded, purchased FROM rollup_timeline
    WHERE campaign_id = $1 AND opened + opened_machine + clicked + clicked_machine + responded + purchased <> 0 ORDER BY 1`,
  `SELECT day::text, opened, opened_machine, clicked, clicked_machine, responded, purchased FROM rollup_timeline_days
    WHERE campaign_id = $1 AND opened + opened_machine + clicked + clicked_machine + responded + purchased <> 0 ORDER BY 1`,
  `SELECT scope, figure, n FROM rollup_counts WHERE campaign_id = $1 AND n <> 0 ORDER BY 1, 2`,
];

const rollupRows = (db: Queryable, campaignId: string) => Promise.all(ROLLUP_ROWS.map((sql) => db.query(sql, [campaignId])));

/** Every roll-up row of the campaign, as kept by the writes, equals what the repair rebuilds from its lines. */
export async function assertRollupTablesRebuildTheSame(db: Db, campaignId: string): Promise<void> {
  const kept = await rollupRows(db, campaignId);
  await rebuildRollups(db, campaignId);
  assert.deepEqual(kept, await rollupRows(db, campaignId), 'every roll-up row = the repair from the lines');
}
