// Group commit of tracking hits: many hits share a transaction, each is answered only once stored
// (in the open inbox, folded into the lines right after), close() flushes what is queued and folds
// it, repeated opens of one reader fold as they would one by one, and a hit that cannot be stored
// fails alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../server/db/db.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { computeStats } from '../../server/stats/stats.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import { mailedCampaign, openTestDb, type TestDb } from './helpers.js';

let testDb: TestDb;
const CAMPAIGN = 'gc';
const EVENT = 'gc-mail';
const SENT_AT = Date.UTC(2026, 5, 1, 9);
let delivered: string[] = [];

before(async () => {
  testDb = await openTestDb();
  delivered = await mailedCampaign(testDb.db, CAMPAIGN, EVENT, SENT_AT, 'gc');
});
after(() => testDb.cleanup());

/**
 * The database, counting the transactions that store hits before their answer: each batch of opens
 * is one INSERT into the inbox outside a transaction (it commits alone). The fold's transactions,
 * after the answers, are not counted.
 */
function counting(db: Db): { db: Db; transactions: () => number } {
  let transactions = 0;
  return {
    db: {
      ...db,
      query: <Row,>(sql: string, params?: readonly unknown[]) => {
        if (/^\s*INSERT INTO open_inbox\b/u.test(sql)) transactions += 1;
        return db.query<Row>(sql, params);
      },
    },
    transactions: () => transactions,
  };
}

async function inboxRows(): Promise<number> {
  const [row] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM open_inbox');
  return row.n;
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
  const answers = await Promise.all(recipients.map((r) => recorder.open(open(r, 10)).then(async () => {
    // Answered: the hit is already committed, in the inbox or already folded into its line.
    const [stored] = await testDb.db.query(
      `SELECT 1 FROM open_inbox WHERE recipient_id = $1 UNION ALL SELECT 1 FROM response_lines WHERE recipient_id = $1 AND detail_id = 'opened'`, [r]);
    return stored !== undefined;
  })));
  assert.deepEqual(answers, recipients.map(() => true));
  assert.ok(transactions() <= 5, `${transactions()} transactions for 200 hits`);
  await recorder.folded();
  assert.equal(await inboxRows(), 0, 'folded');
  assert.equal(await rawHits(recipients), 200);
  const lines = await testDb.db.query('SELECT 1 FROM response_lines WHERE recipient_id = ANY($1::text[]) AND detail_id = $2', [recipients, 'opened']);
  assert.equal(lines.length, 200, 'an Opened line each');
  assert.deepEqual(await readStats(testDb.db, CAMPAIGN), await computeStats(testDb.db, CAMPAIGN), 'the roll-ups moved with the batch');
});

test('a batch of opens of distinct mails costs one statement before its answer, whatever its size: the INSERT into the inbox', async () => {
  // Each statement was a parse, a plan and (on PostgreSQL) a round trip: a dozen of them per batch
  // were most of a batch's time. A batch of opens needs no transaction: its INSERT commits alone,
  // and the lookup, the lines and the roll-ups wait for the fold (not counted: it does not fold).
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
  const recorder = new HitRecorder(db, { fold: false });
  const recipients = delivered.slice(360, 380);
  await Promise.all(recipients.map((r) => recorder.open(open(r, 70))));
  assert.equal(statements, 1);
  assert.equal(await inboxRows(), recipients.length);
  const folding = new HitRecorder(testDb.db);
  folding.foldLeftovers();
  await folding.folded();
  assert.equal(await rawHits(recipients), recipients.length);
});

test('hits that arrive each in a turn of the event loop of their own, as requests over HTTP do, share a transaction', async () => {
  // PGlite runs a transaction on this thread: begun at once by the first hit, it would commit before
  // the requests that came with it were read, and each hit would be a transaction of its own.
  const { db, transactions } = counting(testDb.db);
  const recorder = new HitRecorder(db);
  const recipients = delivered.slice(340, 360);
  await Promise.all(
    recipients.map((r) => new Promise<void>((resolve, reject) => setImmediate(() => recorder.open(open(r, 60)).then(resolve, reject)))),
  );
  assert.ok(transactions() <= 2, `${transactions()} transactions for ${recipients.length} hits`);
  await recorder.folded();
  assert.equal(await rawHits(recipients), recipients.length);
});

test('close() flushes and folds: every hit handed in before it is stored and counted', async () => {
  const recorder = new HitRecorder(testDb.db);
  const recipients = delivered.slice(200, 260);
  const pending = recipients.map((r) => recorder.open(open(r, 20)));
  await recorder.close();
  assert.equal(recorder.pending, 0);
  assert.equal(await inboxRows(), 0);
  assert.equal(await rawHits(recipients), recipients.length);
  assert.deepEqual(await Promise.allSettled(pending).then((all) => all.map((p) => p.status)), recipients.map(() => 'fulfilled'));
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
  await recorder.folded();
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
  await recorder.folded();
  assert.equal(await rawHits(recipients), recipients.length);
  assert.equal(await rawHits([delivered[276]]), 0);
});

test('bursts one after the other: no hit is left waiting for a later one to start its batch', { timeout: 15_000 }, async () => {
  const recorder = new HitRecorder(testDb.db);
  const recipients = delivered.slice(280, 340);
  for (let burst = 0; burst < recipients.length; burst += 20) {
    await Promise.all(recipients.slice(burst, burst + 20).map((r) => recorder.open(open(r, 50))));
  }
  await recorder.folded();
  assert.equal(await rawHits(recipients), recipients.length);
});
