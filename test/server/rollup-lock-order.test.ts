// Writers at once on one PostgreSQL, as several server instances (and one instance's pool) run them:
// bulk adds, deletes, restores and batches of tracked opens and clicks that move the same roll-up
// rows (the campaign's figures, its hours and days, one recipient's counts) listed in opposite
// orders. Two transactions that lock shared rows in different orders wait on each other in a circle,
// and PostgreSQL aborts one ("deadlock detected"): a failed save, or a batch of hits retried one by
// one after a second's wait. None may happen, and the roll-ups must equal the live recomputation
// afterwards. On PGlite (one connection) the pairs simply run one after the other.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { openDb, type Db, type Queryable } from '../../server/db/db.js';
import { sendEvent } from '../../server/tracking/delivery.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import { call, newLine, onPostgres, openTestDb, testApp, type TestDb } from './helpers.js';
import { assertRollupsMatch, assertRollupTablesRebuildTheSame } from './rollup-check.js';

let testDb: TestDb;
let secondDb: Db;
const CAMPAIGN = 'lock-order';
const MAILS = ['lock-order-mail-a', 'lock-order-mail-b'];
const CALL = 'lock-order-call';
const PEOPLE = 24;
const recipientIds = Array.from({ length: PEOPLE }, (_, i) => `lo-${String(i).padStart(2, '0')}`);
const T0 = Date.UTC(2026, 4, 4, 6);
const HOUR = 3_600_000;
// On PGlite the pairs run one after the other: a couple of rounds prove the roll-ups, not the locks.
const ROUNDS = onPostgres ? 8 : 2;

/** What went wrong in a writer, by pair and SQLSTATE: a deadlock is 40P01, whether or not the caller retried. */
const failures: string[] = [];
/** The pair of writers running now (pairs run one after the other). */
let pairNow = '';

/** `db`, noting every failed statement or transaction; the writers see the same errors as before. */
function watched(db: Db): Db {
  const note = (error: unknown): never => {
    const { code, message } = error as { code?: string; message?: string };
    failures.push(`${pairNow}: ${code ?? 'no code'} ${message ?? String(error)}`);
    throw error;
  };
  const wrap = (target: Queryable): Queryable => ({
    query: <Row,>(sql: string, params?: readonly unknown[]) => target.query<Row>(sql, params).catch(note),
    exec: (sql: string) => target.exec(sql).catch(note),
  });
  return { ...db, ...wrap(db), transaction: (work) => db.transaction((tx) => work(wrap(tx))) };
}

interface Instance {
  app: Hono;
  recorder: HitRecorder;
}
let instances: [Instance, Instance];

before(async () => {
  testDb = await openTestDb();
  const db = testDb.db;
  // A second pool on the same schema, as a second server process has; PGlite is one database.
  const [{ schema }] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  secondDb = onPostgres ? await openDb({ databaseUrl: process.env.DATABASE_URL, schema }) : db;
  await db.query(`INSERT INTO campaigns (id, title, currency, base_cost) VALUES ($1, 'Lock order', 'EUR', 100)`, [CAMPAIGN]);
  for (const [i, id] of [...MAILS, CALL].entries()) {
    await db.query(
      `INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost) VALUES ($1, $2, $1, $3, $4, 'completed', 10)`,
      [id, CAMPAIGN, id === CALL ? 'phone' : 'email', new Date(T0 - (3 - i) * HOUR).toISOString()],
    );
  }
  for (const mail of MAILS) await db.query(`INSERT INTO event_links (event_id, id, url, position) VALUES ($1, 'offer', 'https://example.com/offer', 1)`, [mail]);
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone) SELECT r, r, r || '@lock-order.example', 'UTC' FROM unnest($1::text[]) r`, [recipientIds]);
  await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT $1, r FROM unnest($2::text[]) r', [CAMPAIGN, recipientIds]);
  for (const mail of MAILS) await db.transaction((tx) => sendEvent(tx, CAMPAIGN, mail, new Date(T0 - HOUR)));
  instances = [db, secondDb].map((instanceDb) => {
    const seen = watched(instanceDb);
    return { app: testApp(seen), recorder: new HitRecorder(seen) };
  }) as [Instance, Instance];
});
after(async () => {
  if (secondDb !== testDb.db) await secondDb.close();
  await testDb.cleanup();
});

/** The recipients whose mail `mail` was delivered (a simulated bounce gets no opens). */
async function deliveredTo(mail: string): Promise<string[]> {
  const rows = await testDb.db.query<{ recipient_id: string }>(
    `SELECT recipient_id FROM event_deliveries WHERE event_id = $1 AND detail_id = 'sent' ORDER BY recipient_id`, [mail]);
  return rows.map((row) => row.recipient_id);
}

const claims = (recipientId: string, eventId: string) => ({ recipientId, eventId, expiresAt: T0 + 90 * 86_400_000 });

/**
 * A bulk add of hand-entered lines: every recipient of `people` gets a line per event and hour,
 * the hours and events in the order given, so two batches name the same roll-up rows.
 */
function bulkAdd(instance: Instance, people: readonly string[], hours: readonly number[], round: number) {
  const lines = people.flatMap((recipientId, i) => hours.map((hour, j) => newLine({
    recipientId, campaignId: CAMPAIGN, eventId: j % 2 === 0 ? CALL : MAILS[i % 2],
    detailId: ['responded', 'purchased', 'received'][(i + j + round) % 3],
    respondedAt: new Date(T0 + round * 24 * HOUR + hour * HOUR + i * 60_000).toISOString(),
  })));
  return call(instance.app, 'POST', '/api/responses/batch', { body: { lines } }).then((answer) => {
    assert.equal(answer.status, 200, answer.text);
    assert.equal((answer.json as { stored: number }).stored, lines.length, answer.text);
  });
}

/** Opens handed to the recorders: each a raw hit once folded, every one a delivered mail. */
let opensHandedIn = 0;

/**
 * Opens of `people`'s mails by one client (an image proxy fetches for many readers), in the order
 * given; resolves once they are folded from the inbox, their writes (the lines, the roll-ups) run
 * against the other instance's writer.
 */
function proxyOpens(instance: Instance, people: readonly string[], mail: string, at: number) {
  opensHandedIn += people.length;
  return Promise.all(people.map((r, i) => instance.recorder.open({
    claims: claims(r, mail), userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
    client: 'image-proxy', at: new Date(at + i * 1000),
  }))).then(() => instance.recorder.folded());
}

/** One batch of tracked hits: opens of `openers`' mails and clicks of `clickers`' links, in that order. */
function opensAndClicks(instance: Instance, openers: readonly string[], clickers: readonly string[], mail: string, at: number) {
  opensHandedIn += openers.length;
  const opens = openers.map((r) => instance.recorder.open({ claims: claims(r, mail), userAgent: 'Mozilla/5.0 Firefox/128.0', client: `reader-${r}`, at: new Date(at) }));
  const clicks = clickers.map((r) => instance.recorder.click({ claims: claims(r, mail), linkId: 'offer', userAgent: 'Mozilla/5.0 Firefox/128.0', at: new Date(at + 5000) }));
  return Promise.all([Promise.all(opens).then(() => instance.recorder.folded()), Promise.all(clicks)]).then(([, urls]) => {
    assert.ok(urls.every((url) => url === 'https://example.com/offer'));
  });
}

/** Deletes every line of each of `people` for the campaign, one request each, all at once; resolves with the deletions. */
async function deleteAll(instance: Instance, people: readonly string[]): Promise<string[]> {
  const answers = await Promise.all(people.map((r) => call(instance.app, 'DELETE', `/api/recipients/${r}/campaigns/${CAMPAIGN}/responses`, {
    headers: { 'Idempotency-Key': randomUUID() },
  })));
  for (const answer of answers) assert.equal(answer.status, 200, answer.text);
  return answers.map((answer) => (answer.json as { deletionId: string | null }).deletionId).filter((id): id is string => id !== null);
}

async function restore(instance: Instance, deletions: readonly string[]): Promise<void> {
  const answers = await Promise.all(deletions.map((id) => call(instance.app, 'POST', `/api/deletions/${id}/restore`, {
    headers: { 'Idempotency-Key': randomUUID() },
  })));
  for (const answer of answers) assert.equal(answer.status, 200, answer.text);
}

/** Runs two writers at once; a writer that fails is noted, and the next pair runs all the same. */
async function pair(name: string, ...writers: Promise<unknown>[]): Promise<void> {
  pairNow = name;
  for (const outcome of await Promise.allSettled(writers)) {
    if (outcome.status === 'rejected') failures.push(`${name}: the writer failed: ${String(outcome.reason)}`);
  }
}

test('writers on two instances moving the same roll-up rows in opposite orders: none deadlocks, and the roll-ups equal the recomputation', { timeout: 600_000 }, async () => {
  const [first, second] = instances;
  const [mailA, mailB] = await Promise.all(MAILS.map(deliveredTo));
  const hours = [0, 1, 2, 3, 4, 5];
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const at = T0 + round * 24 * HOUR;
    // The same recipients, hours and events, listed one way on one instance and the other way on the other.
    const people = recipientIds.slice((round * 5) % 12, ((round * 5) % 12) + 12);
    await pair('bulk adds, the same people', bulkAdd(first, people, hours, round), bulkAdd(second, [...people].reverse(), [...hours].reverse(), round));
    // Overlapping halves: distinct recipients still share the campaign's figures and hours.
    await pair('bulk adds, overlapping people', bulkAdd(first, recipientIds.slice(0, 16), hours, round + 1), bulkAdd(second, recipientIds.slice(8).reverse(), [...hours].reverse(), round + 2));
    await pair('opens by one proxy', proxyOpens(first, mailA, MAILS[0], at + 2 * HOUR), proxyOpens(second, [...mailA].reverse(), MAILS[0], at + 2 * HOUR));
    // A batch of every mail against one of some of them, of another size each round: a hash
    // aggregate of another size yields the mails they share in another order.
    await pair('opens by one proxy, batches of other sizes',
      proxyOpens(first, mailB, MAILS[1], at + 3 * HOUR), proxyOpens(second, mailB.slice(round, round + 6 + round).reverse(), MAILS[1], at + 3 * HOUR + 500));
    const half = Math.floor(mailA.length / 2);
    await pair('opens and clicks',
      opensAndClicks(first, mailA.slice(0, half), mailA.slice(half), MAILS[0], at + 4 * HOUR),
      opensAndClicks(second, mailA.slice(half).reverse(), mailA.slice(0, half).reverse(), MAILS[0], at + 4 * HOUR + 90_000));
    // Deletes on one instance while the other adds lines for the same people, then restores against adds.
    const deleted = people.slice(0, 6);
    const deletions = deleteAll(first, deleted);
    await pair('deletes and adds', deletions, bulkAdd(second, [...deleted].reverse(), hours, round + 3));
    await pair('restores and adds', deletions.then((ids) => restore(second, ids)), bulkAdd(first, deleted, [...hours].reverse(), round + 4));
  }
  console.log(`${ROUNDS} rounds of 7 pairs of writers in ${Date.now() - started} ms on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`);
  assert.deepEqual(failures, [], 'no writer failed, not even one whose batch was retried');
  const [{ raw, inbox }] = await testDb.db.query<{ raw: number; inbox: number }>(
    `SELECT (SELECT coalesce(sum(open_hits), 0)::int FROM event_deliveries WHERE event_id = ANY($1::text[])) AS raw, (SELECT count(*)::int FROM open_inbox) AS inbox`, [MAILS]);
  assert.deepEqual({ raw, inbox }, { raw: opensHandedIn, inbox: 0 }, 'every open folded, each a delivered mail\'s raw hit');
  await assertRollupsMatch(testDb.db, CAMPAIGN);
  await assertRollupTablesRebuildTheSame(testDb.db, CAMPAIGN);
});
