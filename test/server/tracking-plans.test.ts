// A batch of opens reads the rows it names, not whole tables, whatever the planner's statistics say:
// statistics taken while the tables were empty (a new database; PGlite never runs autovacuum) once
// made every batch read the per-recipient roll-ups whole once per open, and the lines whole once per
// batch, so a batch's time grew with the tables.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db, Queryable } from '../../server/db/db.js';
import { BENCH_EVENT, trackingFixture, type TrackingFixture } from '../../bench/node/tracking-fixture.js';
import { applyToRollups, installRollupFunction } from '../../server/stats/rollups.js';
import { recordOpens, type DeferredWrites, type OpenHit } from '../../server/tracking/open-batch.js';
import { recordChange } from '../../server/live/change-log.js';

const MAILS = 1_500;
const BATCH = 20;
const READER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0';
let db: Db;
let fixture: TrackingFixture;
let next = 1;

before(async () => {
  fixture = await trackingFixture(process.env.DATABASE_URL, MAILS);
  db = fixture.db;
  // Statistics taken now, with the lines and the roll-ups empty, as at a new database's start.
  await db.exec('ANALYZE');
  await installRollupFunction(db);
});
after(() => fixture.drop());

const batch = (): OpenHit[] => Array.from({ length: BATCH }, () => ({
  claims: { recipientId: `tb${next++}`, eventId: BENCH_EVENT, expiresAt: Date.now() + 86_400_000 },
  userAgent: READER,
  client: `127.0.0.1\n${READER}`,
  at: new Date(),
}));

test('a batch of 20 opens reads about its own rows of the lines, the roll-ups and the change log, not the tables', async () => {
  // The tables grow well past what the statistics (taken empty) describe.
  for (let i = 0; i < 30; i += 1) await recordOpens(db, batch());
  const [{ lines }] = await db.query<{ lines: number }>('SELECT count(*)::int AS lines FROM all_response_lines');
  assert.equal(lines, 30 * BATCH);
  await assertReadsItsOwnRows(lines, (tx) => recordOpens(tx, batch()));
});

test('a batch of opens and clicks, whose roll-ups and change log come after its writes, reads its own rows too', async () => {
  const [{ lines }] = await db.query<{ lines: number }>('SELECT count(*)::int AS lines FROM all_response_lines');
  await assertReadsItsOwnRows(lines, async (tx) => {
    const deferred: DeferredWrites = { rollups: [], changes: [] };
    await recordOpens(tx, batch(), deferred);
    await applyToRollups(tx, deferred.rollups, 1);
    for (const change of deferred.changes) await recordChange(tx, change);
  });
});

/**
 * pg_stat_xact_user_tables, read before and after `write` in one transaction (no flush between):
 * the rows it read, on either engine.
 */
async function assertReadsItsOwnRows(lines: number, write: (tx: Queryable) => Promise<unknown>): Promise<void> {
  const tables = ['all_response_lines', 'change_log', 'rollup_recipient_lines'];
  const rowsRead = async (tx: Queryable) => new Map((await tx.query<{ relname: string; n: number }>(
    `SELECT relname, (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int AS n FROM pg_stat_xact_user_tables
      WHERE relname = ANY($1::text[])`, [tables])).map((row) => [row.relname, row.n]));
  const [before, after] = await db.transaction(async (tx) => {
    const first = await rowsRead(tx);
    await write(tx);
    return [first, await rowsRead(tx)];
  });
  for (const table of tables) {
    const n = (after.get(table) ?? 0) - (before.get(table) ?? 0);
    assert.ok(n <= 4 * BATCH, `${table}: ${n} rows read for a batch of ${BATCH} (the lines: ${lines})`);
  }
}

test('the batch functions keep one generic plan per statement, whatever the session says', async () => {
  // Replanned at each call (the planner's choice for the roll-ups' CTEs), a batch's call cost 15–20 %
  // more CPU on PGlite; the setting must hold for every caller, so it is the functions' own.
  const rows = await db.query<{ proname: string; config: string[] | null }>(
    "SELECT proname, proconfig AS config FROM pg_proc WHERE proname = ANY($1::text[]) AND pronamespace = current_schema()::regnamespace ORDER BY proname",
    [['open_mails', 'record_open_hits', 'rollup_apply']]);
  assert.deepEqual(rows.map((row) => row.proname), ['open_mails', 'record_open_hits', 'rollup_apply']);
  for (const row of rows) {
    for (const setting of ['plan_cache_mode=force_generic_plan', 'enable_seqscan=off', 'enable_hashjoin=off']) {
      assert.ok(row.config?.includes(setting), `${row.proname}: ${String(row.config)}`);
    }
  }
});
