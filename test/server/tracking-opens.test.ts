// 200 loads of one pixel by one mail reader: one Opened line a minute, every hit still counted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { SendResult } from '../../src/model/campaign-stats.js';
import { call, countLines, openTestDb, opensFolded, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
const T0 = new Date('2026-07-01T10:00:00.000Z');
let clock = T0;
const at = (ms: number) => new Date(T0.getTime() + ms);
const EVENT = 'spring-last-chance';
const READER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const OTHER_READER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
let recipientId = '';
let openPath = '';

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db, { now: () => clock });
  const sent = (await call(app, 'POST', `/api/campaigns/spring-launch-2026/events/${EVENT}/send`)).json as SendResult;
  const mail = sent.deliveries.find((d) => d.outcome === 'sent');
  assert.ok(mail?.tracking);
  recipientId = mail.recipientId;
  openPath = new URL(mail.tracking.openUrl).pathname;
});
after(() => testDb.cleanup());

const opens = () => countLines(testDb.db, 'event_id = $1 AND recipient_id = $2 AND detail_id = $3', [EVENT, recipientId, 'opened']);
async function hits(): Promise<number> {
  const [row] = await testDb.db.query<{ open_hits: number }>('SELECT open_hits FROM event_deliveries WHERE event_id = $1 AND recipient_id = $2', [EVENT, recipientId]);
  return row.open_hits;
}
/** A load of the pixel; with `fold`, once its hit is folded from the open inbox into the raw hits and the lines. */
async function load(userAgent: string, fold = true) {
  const answer = await call(app, 'GET', openPath, { token: null, headers: { 'User-Agent': userAgent } });
  if (fold) await opensFolded(app);
  return answer;
}

test('200 loads by one client within a minute are one Opened line; each hit is counted', async () => {
  // Folded every 25 loads: one reader's hits both within one fold (its rounds) and across folds.
  for (let i = 0; i < 200; i += 1) {
    clock = at(3_600_000 + i * 250);
    assert.equal((await load(READER, i % 25 === 24)).status, 200);
  }
  assert.equal(await opens(), 1);
  assert.equal(await hits(), 200);
});

test('another client is another line at once; the same client again after a minute is a new line (controls)', async () => {
  clock = at(3_600_000 + 50_000);
  await load(OTHER_READER);
  assert.equal(await opens(), 2, 'another reader');
  clock = at(3_600_000 + 50_000 + 60_000);
  await load(READER);
  assert.equal(await opens(), 3, 'a minute after the first reader\'s last line');
  await load(READER);
  assert.equal(await opens(), 3);
  assert.equal(await hits(), 203);
});
