// The statistics' timeline read from the roll-up by UTC day: the same days as the live
// recomputation whatever the session's time zone and date style (half-hour zones, DST days, the
// instants either side of UTC midnight), and the days filled from the hours once after the
// migration that added them, counting what a server of the previous version wrote to the hours only.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Queryable } from '../../server/db/db.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { applyToRollups, ensureRollups } from '../../server/stats/rollups.js';
import { computeStats } from '../../server/stats/stats.js';
import { openTestDb, type TestDb } from './helpers.js';

let testDb: TestDb;
before(async () => {
  testDb = await openTestDb();
});
after(() => testDb.cleanup());

/** A campaign with one event and one recipient, and a line of `detailId` at each instant. */
async function campaignWithLines(lines: { at: string; detailId: string; categoryId: string }[]): Promise<string> {
  const db = testDb.db;
  const id = `tl-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO campaigns (id, title, currency) VALUES ($1, $1, 'EUR')`, [id]);
  // A date with microseconds and a cost with cents: the head is read as JSON, and must come out as the rows did.
  await db.query(
    `INSERT INTO campaign_events (id, campaign_id, name, channel, status, date, cost) VALUES ($1, $2, $1, 'email', 'completed', '2026-03-08T06:30:00.123456Z', 1234.5)`,
    [`${id}-e`, id],
  );
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone) VALUES ($1, $1, $2, 'UTC')`, [`${id}-r`, `r@${id}.example`]);
  await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ($1, $2)', [id, `${id}-r`]);
  await db.transaction(async (tx) => {
    for (const line of lines) {
      await tx.query(
        `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'import')`,
        [randomUUID(), `${id}-r`, id, `${id}-e`, line.detailId, line.categoryId, line.at],
      );
    }
    await applyToRollups(tx, lines.map((l) => ({ campaignId: id, recipientId: `${id}-r`, eventId: `${id}-e`, detailId: l.detailId, respondedAt: l.at, machine: false })), 1);
  });
  return id;
}

/** The statistics read with the session in `timeZone` (one connection: a transaction). */
const statsIn = (timeZone: string, id: string) =>
  testDb.db.transaction(async (tx: Queryable) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true), set_config('DateStyle', 'SQL, DMY', true)`, [timeZone]);
    return readStats(tx, id);
  });

test('the timeline is by UTC day whatever the time zone of the session: half-hour zones, DST days, either side of midnight', async () => {
  const opened = { detailId: 'opened', categoryId: 'received' };
  const responded = { detailId: 'responded', categoryId: 'responded' };
  const instants = [
    '2026-03-07T23:59:59.999Z', // the last instant of a UTC day
    '2026-03-08T00:00:00.000Z', // the first of the next; New York's DST begins this day
    '2026-03-08T07:30:00.000Z',
    '2026-03-29T00:59:00.000Z', // Europe's DST begins at 01:00 UTC
    '2026-03-29T01:00:00.000Z',
    '2026-04-05T15:30:00.000Z', // Lord Howe's half-hour DST ends this day
    '2026-06-10T18:29:59.000Z', // Kolkata's midnight is 18:30 UTC
    '2026-06-10T18:30:00.000Z',
    '2026-11-01T05:59:00.000Z', // New York's DST ends at 06:00 UTC
    '2026-11-01T06:00:00.000Z',
  ];
  const id = await campaignWithLines(instants.flatMap((at, i) => [{ at, ...opened }, ...(i % 3 === 0 ? [{ at, ...responded }] : [])]));
  const live = await computeStats(testDb.db, id);
  assert.deepEqual(
    live?.timeline?.map((d) => [d.day, d.opened, d.responded]),
    [['2026-03-07', 1, 1], ['2026-03-08', 2, 0], ['2026-03-29', 2, 1], ['2026-04-05', 1, 0], ['2026-06-10', 2, 1], ['2026-11-01', 2, 1]],
  );
  for (const timeZone of ['UTC', 'Asia/Kolkata', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns']) {
    const stats = await statsIn(timeZone, id);
    assert.equal(JSON.stringify(stats), JSON.stringify(live), `read in ${timeZone}: byte for byte the live answer`);
    assert.deepEqual([stats?.events[0].date, stats?.events[0].ownCost], ['2026-03-08T06:30:00.123Z', 1234.5], `the event read in ${timeZone}`);
  }
});

test("after the migration that added the days, the next start fills them from the hours, counting a previous version's writes to the hours", async () => {
  const db = testDb.db;
  const id = await campaignWithLines([{ at: '2026-05-01T10:00:00Z', detailId: 'opened', categoryId: 'received' }]);
  // A server of the previous version keeps the hours only: its open on May 2nd moved no day.
  await db.query(
    `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, source)
     VALUES ($1, $2, $3, $4, 'opened', 'received', $5, $5, 'import')`,
    [randomUUID(), `${id}-r`, id, `${id}-e`, '2026-05-02T23:30:00Z'],
  );
  await db.query(`INSERT INTO rollup_timeline VALUES ($1, '2026-05-02T23:00:00Z', 1, 0, 0, 0, 0, 0)`, [id]);
  await db.query(`UPDATE rollup_counts SET n = n + 1 WHERE campaign_id = $1 AND figure = 'l:opened'`, [id]);
  assert.notDeepEqual((await readStats(db, id))?.timeline, (await computeStats(db, id))?.timeline, 'the day is missing before the fill');
  await db.query(`INSERT INTO server_settings (key, value) VALUES ('rollup-days-stale', 'migration 011')`);
  assert.equal(await ensureRollups(db), false, 'the days are filled, nothing is rebuilt');
  assert.deepEqual((await readStats(db, id))?.timeline, (await computeStats(db, id))?.timeline);
  assert.deepEqual(await db.query(`SELECT 1 FROM server_settings WHERE key = 'rollup-days-stale'`), [], 'once');
});
