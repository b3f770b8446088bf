// Group commit of tracking hits: many hits share a transaction, each is answered only once stored,
// close() flushes what is queued, repeated opens of one reader fold as they would one by one, and a
// hit that cannot be stored fails alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../server/db/db.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { computeStats } from '../../server/stats/stats.js';
import { sendEvent } from '../../server/tracking/delivery.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import { openTestDb, type TestDb } from './helpers.js';

let testDb: TestDb;
const CAMPAIGN = 'gc';
const EVENT = 'gc-mail';
const SENT_AT = Date.UTC(2026, 5, 1, 9);
let delivered: string[] = [];

before(async () => {
  testDb = await openTestDb();
  const db = testDb.db;
  await db.query(`INSERT INTO campaigns (id, title, currency) VALUES ($1, 'Group commit', 'EUR')`, [CAMPAIGN]);
  await db.query(`INSERT INTO campaign_events (id, campaign_id, name, channel, date, status) VALUES ($1, $2, 'Mail', 'email', $3, 'completed')`,
    [EVENT, CAMPAIGN, new Date(SENT_AT).toISOString()]);
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone) SELECT 'gc-' || g, 'P' || g, 'p' || g || '@gc.example', 'UTC' FROM generate_series(1, 400) g`);
  await db.query(`INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT $1, 'gc-' || g FROM generate_series(1, 400) g`, [CAMPAIGN]);
  const sent = await db.transaction((tx) => sendEvent(tx, CAMPAIGN, EVENT, new Date(SENT_AT)));
  delivered = sent.deliveries.filter((d) => d.outcome === 'sent').map((d) => d.recipientId);
});
after(() => testDb.cleanup());

/**
 * The database, counting the transactions that write through it: each transaction begun, and each
 * batch of opens written by one statement outside a transaction (record_open_hits: it commits alone).
 */
function counting(db: Db): { db: Db; transactions: () => number } {
  let transactions = 0;
  return {
    db: {
      ...db,
      transaction: (work) => ((transactions += 1), db.transaction(work)),
      query: <Row,>(sql: string, params?: readonly unknown[]) => {
        if (/\brecord_open_hits\(/u.test(sql)) transactions += 1;
        return db.query<Row>(sql, params);
      },
    },
    transactions: () => transactions,
  };
}

const open = (recipientId: string, minutes: number, client = `reader-${recipientId}`, userAgent: string | null = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0') => ({
  claims: { recipientId, eventId: EVENT, expiresAt: SENT_AT + 86_400_000 * 30 },
  userAgent,
  client,
  at: new Date(SENT_AT + minutes * 60_000),
});

async function rawHits(recipients: readonly string[]): Promise<number> {
  const [row] = await testDb.db.query<{ n: number }>('SELECT coalesce(sum(open_hits), 0)::int AS n FROM event_deliveries WHERE event_id = $1 AND recipient_id = ANY($2::text[])', [EVENT, recipients]);
  return row.n;
}

test('200 concurrent opens of distinct mails: far fewer transactions than hits, each answered after it is stored', async () => {
  const { db, transactions } = counting(testDb.db);
  const recorder = new HitRecorder(db);
  const recipients = delivered.slice(0, 200);
  const answers = await Promise.all(recipients.map((r) => recorder.open(open(r, 10)).then(async (ok) => {
    // Answered: the hit is already committed, its line visible to anyone.
    const [line] = await testDb.db.query('SELECT 1 FROM response_lines WHERE recipient_id = $1 AND detail_id = $2', [r, 'opened']);
    return ok && line !== undefined;
  })));
  assert.deepEqual(answers, recipients.map(() => true));
  assert.ok(transactions() <= 5, `${transactions()} transactions for 200 hits`);
  assert.equal(await rawHits(recipients), 200);
  assert.deepEqual(await readStats(testDb.db, CAMPAIGN), await computeStats(testDb.db, CAMPAIGN), 'the roll-ups moved with the batch');
});

test('a batch of opens of distinct mails costs two statements, whatever its size: a lookup and one write', async () => {
  // Each statement was a parse, a plan and (on PostgreSQL) a round trip: a dozen of them per batch
  // were most of a batch's time. A batch of opens alone needs no transaction: its write commits alone.
  let statements = 0;
  const db: Db = {
    ...testDb.db,
    query: <Row,>(sql: string, params?: readonly unknown[]) => ((statements += 1), testDb.db.query<Row>(sql, params)),
    exec: (sql: string) => ((statements += 1), testDb.db.exec(sql)),
    // BEGIN and COMMIT are two more.
    transaction: (work) => ((statements += 2), testDb.db.transaction((tx) => work({
      query: <Row,>(sql: string, params?: readonly unknown[]) => ((statements += 1), tx.query<Row>(sql, params)),
      exec: (sql: string) => ((statements += 1), tx.exec(sql)),
    }))),
  };
  const recorder = new HitRecorder(db);
  const recipients = delivered.slice(360, 380);
  assert.ok((await Promise.all(recipients.map((r) => recorder.open(open(r, 70))))).every(Boolean));
  assert.equal(statements, 2);
  assert.equal(await rawHits(recipients), recipients.length);
});

test('hits that arrive each in a turn of the event loop of their own, as requests over HTTP do, share a transaction', async () => {
  // PGlite runs a transaction on this thread: begun at once by the first hit, it would commit before
  // the requests that came with it were read, and each hit would be a transaction of its own.
  const { db, transactions } = counting(testDb.db);
  const recorder = new HitRecorder(db);
  const recipients = delivered.slice(340, 360);
  const answers = await Promise.all(
    recipients.map((r) => new Promise<boolean>((resolve, reject) => setImmediate(() => recorder.open(open(r, 60)).then(resolve, reject)))),
  );
  assert.deepEqual(answers, recipients.map(() => true));
  assert.ok(transactions() <= 2, `${transactions()} transactions for ${recipients.length} hits`);
  assert.equal(await rawHits(recipients), recipients.length);
});

test('close() flushes: every hit handed in before it is stored', async () => {
  const recorder = new HitRecorder(testDb.db);
  const recipients = delivered.slice(200, 260);
  const pending = recipients.map((r) => recorder.open(open(r, 20)));
  await recorder.close();
  assert.equal(recorder.pending, 0);
  assert.equal(await rawHits(recipients), recipients.length);
  assert.deepEqual(await Promise.all(pending), recipients.map(() => true));
});

test('one reader opening one mail four times, three in one batch: four raw hits, lines by the minute rule, no hit retried alone', async () => {
  const { db, transactions } = counting(testDb.db);
  const recorder = new HitRecorder(db);
  const [r] = delivered.slice(260, 261);
  const first = recorder.open(open(r, 30));
  await new Promise((resolve) => setImmediate(resolve)); // the first hit's batch has begun
  await Promise.all([first, recorder.open(open(r, 30.2)), recorder.open(open(r, 30.5)), recorder.open(open(r, 31.5))]);
  // The first hit commits alone (nothing waits behind a lone hit); the three that came meanwhile share
  // the next transaction. A batch that failed would be retried hit by hit: more transactions.
  assert.equal(transactions(), 2);
  assert.equal(await rawHits([r]), 4);
  const lines = await testDb.db.query<{ at: Date }>('SELECT responded_at AS at FROM response_lines WHERE recipient_id = $1 AND detail_id = $2 ORDER BY 1', [r, 'opened']);
  assert.deepEqual(lines.map((l) => new Date(l.at).getTime()), [SENT_AT + 30 * 60_000, SENT_AT + 31.5 * 60_000], 'the minute rule, as one by one');
});

test('a hit that cannot be stored fails alone; the others of its batch are stored', async () => {
  const recorder = new HitRecorder(testDb.db);
  const recipients = delivered.slice(270, 275);
  const results = await Promise.allSettled([
    ...recipients.map((r) => recorder.open(open(r, 40))),
    // A NUL in a text column: PostgreSQL refuses the row.
    recorder.open(open(delivered[276], 40, 'bad reader', 'Mozilla\u0000')),
  ]);
  assert.deepEqual(results.map((r) => r.status), [...recipients.map(() => 'fulfilled'), 'rejected']);
  assert.equal(await rawHits(recipients), recipients.length);
  assert.equal(await rawHits([delivered[276]]), 0);
});

test('bursts one after the other: no hit is left waiting for a later one to start its batch', { timeout: 15_000 }, async () => {
  const recorder = new HitRecorder(testDb.db);
  const recipients = delivered.slice(280, 340);
  for (let burst = 0; burst < recipients.length; burst += 20) {
    assert.ok((await Promise.all(recipients.slice(burst, burst + 20).map((r) => recorder.open(open(r, 50))))).every(Boolean));
  }
  assert.equal(await rawHits(recipients), recipients.length);
});
