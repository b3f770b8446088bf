// The roll-ups against the live recomputation: after any sequence of adds (by hand through the API,
// imported, sent), tracked opens and clicks, deletes and restores, the statistics and the summary read
// from the roll-ups equal those recomputed from the lines, and the statistics' invariants hold. The
// repair rebuilds the same roll-ups, and mends broken ones.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { SYSTEM_ACTOR } from '../../server/audit/audit-log.js';
import { deleteLines, deleteOneLine, restoreDeletion } from '../../server/audit/deletions.js';
import type { Queryable } from '../../server/db/db.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { applyToRollups, rebuildRollups } from '../../server/stats/rollups.js';
import { computeStats } from '../../server/stats/stats.js';
import { recordClick, recordOpen, sendEvent } from '../../server/tracking/delivery.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import { call, openTestDb, testApp, type TestDb } from './helpers.js';
import { assertRollupsMatch as assertRollupsMatchIn } from './rollup-check.js';

let testDb: TestDb;
let app: Hono;
before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

const categoryOf = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d.categoryId]));
const T0 = Date.UTC(2026, 5, 1, 9);
const HOUR = 3_600_000;
/** Recipients 0–2 get the campaign; 3 has lines but is not (or no longer) a recipient of it. */
const PEOPLE = 4;
/** Event 0 is sent through the real send; 1 is an older email event with imported lines; 2 a phone event. */
const EVENTS = ['email', 'email', 'phone'] as const;
const IMPORTED = ['sent', 'mailbox-full', 'mailbox-disabled', 'skipped-previous-hard-bounce', 'failed-spam', 'opened', 'clicked-through', 'unsubscribed'];
const MANUAL = ['responded', 'purchased', 'subscribed', 'unsubscribed', 'received'];
const AGENTS = [null, 'Mozilla/5.0', 'GoogleImageProxy', 'Barracuda Sentinel'];

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), r: person, e: fc.integer({ min: 1, max: 2 }), detail: fc.constantFrom(...IMPORTED), machine: fc.option(fc.boolean(), { nil: null }), hours: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('manual' as const), r: fc.integer({ min: 0, max: 2 }), e: fc.integer({ min: 0, max: 2 }), detail: fc.constantFrom(...MANUAL), hours: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('send' as const) }),
  fc.record({ kind: fc.constantFrom('open' as const, 'click' as const), r: person, agent: fc.constantFrom(...AGENTS), seconds: fc.integer({ min: 1, max: 90_000 }) }),
  fc.record({ kind: fc.constant('delete-all' as const), r: person }),
  fc.record({ kind: fc.constant('delete-one' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

async function newCampaign(): Promise<string> {
  const db = testDb.db;
  const id = `ru-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO campaigns (id, title, currency, base_cost) VALUES ($1, $1, 'EUR', 100)`, [id]);
  for (const [i, channel] of EVENTS.entries()) {
    await db.query(
      `INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost, revenue, legacy_email) VALUES ($1, $2, $1, $3, $4, 'completed', 50, 400, $5)`,
      [`${id}-e${i}`, id, channel, new Date(T0 + i * HOUR).toISOString(), i === 1],
    );
  }
  await db.query(`INSERT INTO event_links (event_id, id, url, position) VALUES ($1, 'l', 'https://example.com/', 0)`, [`${id}-e0`]);
  for (let r = 0; r < PEOPLE; r += 1) {
    await db.query('INSERT INTO recipients (id, display_name, email, time_zone) VALUES ($1, $1, $2, $3)', [`${id}-r${r}`, `r${r}@${id}.example`, 'UTC']);
    if (r < PEOPLE - 1) await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ($1, $2)', [id, `${id}-r${r}`]);
  }
  return id;
}

async function run(id: string, command: Command, deletions: string[]): Promise<void> {
  const db = testDb.db;
  const recipient = 'r' in command ? `${id}-r${command.r}` : '';
  const now = new Date(T0 + 3 * HOUR);
  switch (command.kind) {
    case 'import': {
      // An import writes lines the way every write place does: the line and its roll-ups in one transaction.
      const at = new Date(T0 + command.hours * HOUR).toISOString();
      const eventId = `${id}-e${command.e}`;
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, source, evidence_machine)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'import', $8)`,
          [randomUUID(), recipient, id, eventId, command.detail, categoryOf.get(command.detail), at, command.machine],
        );
        await applyToRollups(tx, [{ campaignId: id, recipientId: recipient, eventId, detailId: command.detail, respondedAt: at, machine: command.machine === true }], 1);
      });
      return;
    }
    case 'manual': {
      const line = { id: randomUUID(), recipientId: recipient, campaignId: id, eventId: `${id}-e${command.e}`, detailId: command.detail,
        respondedAt: new Date(T0 + command.hours * HOUR).toISOString(), note: '' };
      const answer = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line, headers: { 'Idempotency-Key': randomUUID() } });
      assert.equal(answer.status, 201, answer.text);
      return;
    }
    case 'send':
      await db.transaction((tx) => sendEvent(tx, id, `${id}-e0`, new Date(T0)));
      return;
    case 'open':
    case 'click': {
      const claims = { recipientId: recipient, eventId: `${id}-e0`, expiresAt: T0 + 86_400_000 * 30 };
      const at = new Date(T0 + command.seconds * 1000);
      await db.transaction(async (tx) => {
        if (command.kind === 'open') await recordOpen(tx, claims, command.agent, `client-${command.agent}`, at);
        else await recordClick(tx, claims, 'l', command.agent, at);
      });
      return;
    }
    case 'delete-all': {
      const result = await db.transaction((tx) => deleteLines(tx, SYSTEM_ACTOR, { recipientId: recipient, campaignId: id, action: 'delete-all' }, now));
      if (result.deletionId) deletions.push(result.deletionId);
      return;
    }
    case 'delete-one': {
      const lines = await db.query<{ id: string }>('SELECT id::text AS id FROM response_lines WHERE campaign_id = $1 ORDER BY id', [id]);
      if (lines.length === 0) return;
      const result = await db.transaction((tx) => deleteOneLine(tx, SYSTEM_ACTOR, lines[command.pick % lines.length].id, now));
      if (result.deletionId) deletions.push(result.deletionId);
      return;
    }
    case 'restore':
      if (deletions.length === 0) return;
      await db.transaction((tx) => restoreDeletion(tx, SYSTEM_ACTOR, deletions[command.pick % deletions.length], now, 30));
      return;
  }
}

const assertRollupsMatch = (id: string) => assertRollupsMatchIn(testDb.db, id);

/** The timeline roll-up by UTC day, and the hourly one summed into UTC days: both kept by every write. */
const timelineDays = (db: Queryable, id: string) =>
  db.query(`SELECT day::text AS day, opened, opened_machine, clicked, clicked_machine, responded, purchased
    FROM rollup_timeline_days WHERE campaign_id = $1 AND opened + clicked + responded + opened_machine + clicked_machine + purchased <> 0 ORDER BY day`, [id]);
const hoursSummedIntoDays = (db: Queryable, id: string) =>
  db.query(`SELECT ((hour AT TIME ZONE 'UTC')::date)::text AS day, sum(opened)::int AS opened, sum(opened_machine)::int AS opened_machine,
      sum(clicked)::int AS clicked, sum(clicked_machine)::int AS clicked_machine, sum(responded)::int AS responded, sum(purchased)::int AS purchased
    FROM rollup_timeline WHERE campaign_id = $1 GROUP BY 1
    HAVING sum(opened) + sum(clicked) + sum(responded) + sum(opened_machine) + sum(clicked_machine) + sum(purchased) <> 0 ORDER BY 1`, [id]);

test('after any sequence of adds, tracked hits, deletes and restores, the roll-ups equal the live recomputation', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 14 }), async (commands) => {
      const id = await newCampaign();
      const deletions: string[] = [];
      for (const command of commands) await run(id, command, deletions);
      await assertRollupsMatch(id);
      assert.deepEqual(await timelineDays(testDb.db, id), await hoursSummedIntoDays(testDb.db, id), 'the days hold the hours summed');
      const before = await readStats(testDb.db, id);
      await rebuildRollups(testDb.db, id);
      assert.deepEqual(await readStats(testDb.db, id), before, 'the repair rebuilds the same roll-ups');
    }),
    { numRuns: 6, includeErrorInReport: true },
  );
});

test('the repair mends roll-ups that went wrong (a bulk load around them, a bug, a hand edit)', async () => {
  const id = await newCampaign();
  const deletions: string[] = [];
  for (const command of [{ kind: 'send' }, { kind: 'open', r: 0, agent: 'Mozilla/5.0', seconds: 60 }, { kind: 'manual', r: 1, e: 2, detail: 'purchased', hours: 5 }] as Command[]) {
    await run(id, command, deletions);
  }
  await testDb.db.query(`UPDATE rollup_counts SET n = n + 7 WHERE campaign_id = $1`, [id]);
  await testDb.db.query(`DELETE FROM rollup_timeline WHERE campaign_id = $1`, [id]);
  await testDb.db.query(`DELETE FROM rollup_timeline_days WHERE campaign_id = $1`, [id]);
  assert.notDeepEqual(await readStats(testDb.db, id), await computeStats(testDb.db, id));
  await rebuildRollups(testDb.db);
  await assertRollupsMatch(id);
  assert.deepEqual(await timelineDays(testDb.db, id), await hoursSummedIntoDays(testDb.db, id), 'the repair rebuilt the hours and the days');
});

test('every seeded campaign: the roll-ups built at seed equal the live recomputation', async () => {
  const campaigns = await testDb.db.query<{ id: string }>('SELECT id FROM campaigns WHERE id NOT LIKE $1', ['ru-%']);
  assert.ok(campaigns.length > 0);
  for (const { id } of campaigns) await assertRollupsMatch(id);
});

test("a campaign's recipient count follows its recipients: added in bulk, removed, moved, erased with their person, and rebuilt by the repair", async () => {
  const db = testDb.db;
  const count = async (id: string) => (await readStats(db, id))?.totals.recipients;
  const truth = async (id: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1', [id]))[0].n;
  const [a, b] = [`rc-a-${randomUUID()}`, `rc-b-${randomUUID()}`];
  for (const id of [a, b]) await db.query(`INSERT INTO campaigns (id, title, currency) VALUES ($1, 'Recipient count', 'EUR')`, [id]);
  const people = Array.from({ length: 6 }, () => `rc-p-${randomUUID()}`);
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone) SELECT p, p, p || '@rc.example', 'UTC' FROM unnest($1::text[]) p`, [people]);
  await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT $1, p FROM unnest($2::text[]) p', [a, people]);
  assert.deepEqual([await count(a), await count(b)], [6, 0], 'six added in one statement');
  await db.query('DELETE FROM campaign_recipients WHERE campaign_id = $1 AND recipient_id = $2', [a, people[0]]);
  await db.query('UPDATE campaign_recipients SET campaign_id = $1 WHERE campaign_id = $2 AND recipient_id = ANY($3::text[])', [b, a, people.slice(1, 3)]);
  await db.query('DELETE FROM recipients WHERE id = $1', [people[5]]);
  assert.deepEqual([await count(a), await count(b)], [await truth(a), await truth(b)]);
  assert.deepEqual([await count(a), await count(b)], [2, 2], 'one removed, two moved, one erased with its person');
  await db.query('UPDATE campaigns SET recipient_count = 99 WHERE id = $1', [a]);
  await rebuildRollups(db, a);
  assert.equal(await count(a), 2, 'the repair counts again');
});
