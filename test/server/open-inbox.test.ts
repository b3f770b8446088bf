// The open inbox: a pixel hit is acknowledged once it is in open_inbox, and folded into the raw
// hits, the Opened lines and the roll-ups right after, by transactions that delete what they fold.
// A hit acknowledged before a crash is folded at the next start, exactly once; a fold that dies
// before its commit leaves its rows whole; two instances' folds on one PostgreSQL never fold a row
// twice; and one reader's hits keep the minute rule in the order they came, across folds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../server/db/db.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { computeStats } from '../../server/stats/stats.js';
import { startServer } from '../../server/start.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import { mailedCampaign, onPostgres, openTestDb, type TestDb } from './helpers.js';

let testDb: TestDb;
let secondDb: Db;
const CAMPAIGN = 'inbox';
const EVENT = 'inbox-mail';
const SENT_AT = Date.UTC(2026, 6, 1, 9);
let delivered: string[] = [];

before(async () => {
  testDb = await openTestDb();
  const db = testDb.db;
  // A second pool on the same schema, as a second server process has; PGlite is one database.
  const [{ schema }] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  secondDb = onPostgres ? await openDb({ databaseUrl: process.env.DATABASE_URL, schema }) : db;
  delivered = await mailedCampaign(db, CAMPAIGN, EVENT, SENT_AT, 'inbox');
});
after(async () => {
  if (secondDb !== testDb.db) await secondDb.close();
  await testDb.cleanup();
});

const open = (recipientId: string, minutes: number, client = `reader-${recipientId}`) => ({
  claims: { recipientId, eventId: EVENT, expiresAt: SENT_AT + 86_400_000 * 30 },
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
  client,
  at: new Date(SENT_AT + minutes * 60_000),
});

async function counts(recipients: readonly string[]): Promise<{ raw: number; lines: number; inbox: number }> {
  const [row] = await testDb.db.query<{ raw: number; lines: number; inbox: number }>(
    `SELECT (SELECT coalesce(sum(open_hits), 0)::int FROM event_deliveries WHERE event_id = $1 AND recipient_id = ANY($2::text[])) AS raw,
            (SELECT count(*)::int FROM response_lines WHERE event_id = $1 AND detail_id = 'opened' AND recipient_id = ANY($2::text[])) AS lines,
            (SELECT count(*)::int FROM open_inbox) AS inbox`,
    [EVENT, recipients],
  );
  return row;
}

async function foldAtStart(db: Db, options: ConstructorParameters<typeof HitRecorder>[1] = {}): Promise<void> {
  const recorder = new HitRecorder(db, options);
  recorder.foldLeftovers();
  await recorder.close();
}

test('hits acknowledged, then the process stops before their fold: the next start folds them, exactly once', async () => {
  const recipients = delivered.slice(0, 40);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  await Promise.all(recipients.map((r) => crashed.open(open(r, 10))));
  assert.deepEqual(await counts(recipients), { raw: 0, lines: 0, inbox: 40 }, 'acknowledged: in the inbox, not yet folded');

  await foldAtStart(testDb.db);
  assert.deepEqual(await counts(recipients), { raw: 40, lines: 40, inbox: 0 });
  await foldAtStart(testDb.db);
  assert.deepEqual(await counts(recipients), { raw: 40, lines: 40, inbox: 0 }, 'a second start folds nothing again');
  assert.deepEqual(await readStats(testDb.db, CAMPAIGN), await computeStats(testDb.db, CAMPAIGN), 'the roll-ups moved with the fold');
});

test('the server folds at its start what an earlier run acknowledged and left in the inbox', async () => {
  const recipients = delivered.slice(305, 315);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  await Promise.all(recipients.map((r) => crashed.open(open(r, 11))));
  const server = await startServer({ db: testDb.db, port: 0, host: '127.0.0.1', vite: false, seed: false, demoSignIn: false, production: true });
  try {
    const until = Date.now() + 10_000;
    while ((await counts(recipients)).inbox > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await counts(recipients), { raw: 10, lines: 10, inbox: 0 });
  } finally {
    await server.close();
  }
});

test('a fold that dies before its commit leaves every row it took in the inbox; the next folds each once', async () => {
  const recipients = delivered.slice(40, 80);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  await Promise.all(recipients.map((r) => crashed.open(open(r, 10))));
  // The process dies once the fold's writes are done, before its COMMIT: nothing more reaches the database.
  let dead = false;
  const dying: Db = {
    ...testDb.db,
    query: (sql, params) => (dead ? Promise.reject(new Error('the process is gone')) : testDb.db.query(sql, params)),
    transaction: (work) => testDb.db.transaction(async (tx) => {
      await work(tx);
      dead = true;
      throw new Error('the process is gone');
    }),
  };
  const errors = console.error;
  console.error = () => undefined;
  try {
    const folding = new HitRecorder(dying, { fold: { retryMs: 60_000 } });
    folding.foldLeftovers();
    await folding.folded();
    await folding.close();
  } finally {
    console.error = errors;
  }
  assert.deepEqual(await counts(recipients), { raw: 0, lines: 0, inbox: 40 }, 'rolled back whole');
  const [{ failed }] = await testDb.db.query<{ failed: number }>('SELECT coalesce(max(failed_folds), 0)::int AS failed FROM open_inbox');
  assert.equal(failed, 0, 'a fold cut off by the crash is not counted against the rows');

  await foldAtStart(testDb.db);
  assert.deepEqual(await counts(recipients), { raw: 40, lines: 40, inbox: 0 });
});

test('two instances folding one inbox at once, in small chunks: every hit folded once', async () => {
  const recipients = delivered.slice(80, 280);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  // Two readers per mail, each opening it twice a minute and more apart: four raw hits, four lines.
  const hits = recipients.flatMap((r) => [open(r, 20, 'a'), open(r, 20, 'b'), open(r, 21.5, 'a'), open(r, 21.5, 'b')]);
  await Promise.all(hits.map((hit) => crashed.open(hit)));
  const small = { maxChunk: 25, chunkMs: undefined };
  await Promise.all([foldAtStart(testDb.db, { fold: small }), foldAtStart(secondDb, { fold: small })]);
  assert.deepEqual(await counts(recipients), { raw: hits.length, lines: hits.length, inbox: 0 });
  assert.deepEqual(await readStats(testDb.db, CAMPAIGN), await computeStats(testDb.db, CAMPAIGN));
});

test('one reader\'s hits keep the minute rule in the order they came, folded a few at a time', async () => {
  const [r] = delivered.slice(280, 281);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  // Each in a batch of its own, as hits a moment apart are.
  for (const minutes of [30, 30.2, 30.5, 31.5, 31.6, 33]) await crashed.open(open(r, minutes));
  await foldAtStart(testDb.db, { fold: { maxChunk: 2, chunkMs: undefined } });
  const lines = await testDb.db.query<{ at: Date }>('SELECT responded_at AS at FROM response_lines WHERE recipient_id = $1 AND detail_id = $2 ORDER BY 1', [r, 'opened']);
  assert.deepEqual(lines.map((l) => (new Date(l.at).getTime() - SENT_AT) / 60_000), [30, 31.5, 33]);
  assert.deepEqual(await counts([r]), { raw: 6, lines: 3, inbox: 0 });
});

test('a hit whose fold fails alone is retried, then set aside after three failures; the hits around it fold', async () => {
  const recipients = delivered.slice(300, 305);
  assert.equal(recipients.length, 5);
  const [poisoned] = recipients.slice(2, 3);
  const crashed = new HitRecorder(testDb.db, { fold: false });
  for (const r of recipients) await crashed.open(open(r, 12));
  // The database refuses the writes of this one hit, whatever batch it comes in.
  const refusing: Db = {
    ...testDb.db,
    transaction: (work) => testDb.db.transaction((tx) => work({
      ...tx,
      query: (sql, params) => (/record_open_hits/u.test(sql) && JSON.stringify(params).includes(`"${poisoned}"`)
        ? Promise.reject(new Error('refused')) : tx.query(sql, params)),
    })),
  };
  const errors = console.error;
  const logged: string[] = [];
  console.error = (message: unknown) => void logged.push(String(message));
  try {
    for (let i = 0; i < 4; i++) await foldAtStart(refusing);
  } finally {
    console.error = errors;
  }
  const others = recipients.filter((r) => r !== poisoned);
  assert.deepEqual(await counts(others), { raw: 4, lines: 4, inbox: 1 }, 'the others folded on the first try');
  const [row] = await testDb.db.query<{ recipient_id: string; failed_folds: number }>('SELECT recipient_id, failed_folds FROM open_inbox');
  assert.deepEqual(row, { recipient_id: poisoned, failed_folds: 3 }, 'tried three times, then passed by and kept');
  assert.equal(logged.filter((m) => m.includes('Folding the tracked open')).length, 3);
  await testDb.db.query('DELETE FROM open_inbox');
});

test('while hits keep coming the fold leaves the time to their answers, until the oldest has waited its bound', async () => {
  const waitingAfter = async (recipients: readonly string[], maxLagMs: number) => {
    // A fold that yields almost always: a duty of 1% and 30 s between chunks while hits come.
    const recorder = new HitRecorder(testDb.db, { fold: { maxChunk: 500, chunkMs: undefined, duty: 0.01, gatherMs: 30_000, maxLagMs } });
    for (const recipient of recipients) {
      await recorder.open(open(recipient, 5));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const [{ n }] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM open_inbox WHERE recipient_id = ANY($1::text[])', [recipients]);
    // Someone waiting for the fold ends its wait for hits to gather: this close takes no 30 s.
    await recorder.close();
    return n;
  };
  const yielding = delivered.slice(316, 346);
  const bounded = delivered.slice(346, 376);
  const leftWithFarBound = await waitingAfter(yielding, 60_000);
  const leftWithNearBound = await waitingAfter(bounded, 100);
  assert.ok(leftWithFarBound >= 25, `the bound far off: the first hit folded, the rest left to gather (${leftWithFarBound} of 30 waiting)`);
  assert.ok(leftWithNearBound <= 12, `a bound of 100 ms: the fold kept within it (${leftWithNearBound} of 30 waiting)`);
  assert.deepEqual(await counts([...yielding, ...bounded]), { raw: 60, lines: 60, inbox: 0 }, 'both folded whole once closed');
});

test('a hit whose mail was never delivered is acknowledged and dropped by the fold', async () => {
  const recorder = new HitRecorder(testDb.db);
  await recorder.open({ ...open('nobody', 5), claims: { recipientId: 'nobody', eventId: EVENT, expiresAt: SENT_AT + 86_400_000 } });
  await recorder.close();
  assert.deepEqual(await counts(['nobody']), { raw: 0, lines: 0, inbox: 0 });
});
