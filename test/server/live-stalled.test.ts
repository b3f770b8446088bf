// A reader that never reads must not hold the server's memory: every write to a change stream is
// awaited, and one not taken within CR_SSE_WRITE_TIMEOUT_MS closes that stream, dropping what it
// buffers. The reader here is a raw node:http request whose socket is paused from the first byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { recordChange } from '../../server/live/change-log.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { ONCE_ACROSS_ENGINES, onPostgres, openTestDb, TOKEN, type TestDb } from './helpers.js';
import { openSse } from './live-stream.js';

let testDb: TestDb;
let server: RunningServer;
const WRITE_TIMEOUT_MS = 1_500;
const EVENTS = 10_000;
const MB = 1024 * 1024;

// What a stream holds, not garbage waiting for the next collection: V8 lets its young generation
// grow by tens of MB before it collects, which would swamp the figure either way. So every sample
// is taken right after a full collection.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
/**
 * The figure: on PostgreSQL the process's RSS, which is the server's alone. On PGlite the database
 * lives in this process and its native heap moves RSS by ±20 MB whatever the stream does (measured,
 * one file at a time: −19.1, +15.6, +12.0, −1.4, +18.5 MB, while the JavaScript heap and the buffers
 * moved by under 1.5 MB): there it is what the server's JavaScript holds, its heap and the buffers
 * outside it (where a socket's queued writes sit), and RSS is printed beside it.
 */
const held = () => {
  collect();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, js: heapUsed + external, figure: onPostgres ? rss : heapUsed + external };
};

before(async () => {
  testDb = await openTestDb();
  server = await startServer({
    db: testDb.db, port: 0, host: '127.0.0.1', vite: false, seed: false, statsSchedule: false, token: TOKEN,
    sseWriteTimeoutMs: WRITE_TIMEOUT_MS, sseMaxPerPrincipal: 1, sseHeartbeatMs: 60_000,
  });
});
after(async () => {
  await server.close();
  await testDb.cleanup();
});

// A call note of a few lines, as people write them: each event carries its line.
const NOTE = 'Called back about the renewal quote; wants the three-year price in writing, and a second call with procurement next week. '.repeat(2);

/** `count` lines added for recipient 42, each with its change, committed in batches as a busy campaign would make them. */
async function emit(count: number): Promise<void> {
  for (let done = 0; done < count; done += 500) {
    await testDb.db.transaction(async (tx) => {
      const added = await tx.query<{ id: string }>(
        `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note, author, source)
         SELECT gen_random_uuid(), '42', 'renewal-calls', 'renewal-round-2', d.id, d.category_id, now(), now(), $1, 'Stall test', 'manual'
           FROM response_details d, generate_series(1, $2::int) WHERE d.id = 'responded' RETURNING id::text AS id`,
        [NOTE, Math.min(500, count - done)],
      );
      await recordChange(tx, { kind: 'line-added', recipientId: '42', campaignId: 'renewal-calls', lineIds: added.map((row) => row.id), at: new Date() });
    });
  }
}

function openPaused(lastEventId: string): Promise<IncomingMessage> {
  const url = new URL(`${server.url}/api/changes?recipientId=42&lastEventId=${lastEventId}`);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'text/event-stream' } }, (res) => {
      // Not one byte of the body is read: the socket's buffers fill and stay full.
      res.pause();
      resolve(res);
    });
    req.on('error', reject);
    req.end();
  });
}

test('10,000 events to a reader that reads nothing: the server holds less than 10 MB more (RSS on PostgreSQL), and closes that stream', ONCE_ACROSS_ENGINES, async () => {
  // A first round, read by a reader that reads: it gets all of them, and it takes the one-time
  // growth of serving such reads (the database's heap, compiled code: measured tens of MB on a first
  // round, under 3 MB after), which is not the stalled stream's.
  const lastId = async () => (await testDb.db.query<{ last: string }>('SELECT coalesce(max(id), 0)::text AS last FROM change_log'))[0].last;
  const before = await lastId();
  await emit(EVENTS);
  const reading = await openSse(server.url, `recipientId=42&lastEventId=${before}`);
  for (let delivered = 0; delivered < EVENTS;) {
    if ((await reading.next(20_000))?.event === 'change') delivered++;
  }
  await reading.close();
  // On PGlite the database lives in this process, and its heap grows by tens of MB per 10,000
  // inserts, stream or no stream (measured: +58, +2, +53 MB in three rounds without one). So there
  // the stalled stream resumes from before the first round: it has those 10,000 to send while it
  // is measured. On PostgreSQL, 10,000 more are made first and the stream resumes from before them:
  // made while it was open, this process's own database client counted in the figure (10.2 and
  // 10.4 MB in two CI runs, -0.8 and +4.8 locally, with the same server code).
  let from = before;
  if (onPostgres) {
    from = await lastId();
    await emit(EVENTS);
    // Settled first: RSS right after the round still holds what the allocator gives back a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    held();
  }
  const baseline = held();
  const stalled = await openPaused(from);
  assert.equal(stalled.statusCode, 200);
  const peak = held();
  const sampler = setInterval(() => {
    const now = held();
    for (const key of ['rss', 'js', 'figure'] as const) peak[key] = Math.max(peak[key], now[key]);
  }, 50);
  try {
    // The bound per principal is 1: a second stream opens only once the server let go of the first.
    const deadline = Date.now() + 20_000;
    let next = await openSse(server.url, 'recipientId=43');
    while (next.status === 429) {
      assert.ok(Date.now() < deadline, 'the stalled stream was never closed by the server');
      await next.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      next = await openSse(server.url, 'recipientId=43');
    }
    assert.equal(next.status, 200);
    await next.close();
  } finally {
    clearInterval(sampler);
  }
  const grown = (key: keyof typeof peak) => {
    const mb = (peak[key] - baseline[key]) / MB;
    return `${mb < 0 ? '' : '+'}${mb.toFixed(1)} MB`;
  };
  console.log(`RSS ${Math.round(baseline.rss / MB)} MB before the stalled stream, peak ${grown('rss')}; the JavaScript heap and buffers ${grown('js')}`);
  const what = onPostgres ? 'RSS' : 'With the embedded database in this process, the JavaScript heap and buffers';
  assert.ok(peak.figure - baseline.figure < 10 * MB, `${what} grew by ${grown('figure')}`);

  // What the paused socket still held was dropped with it: reading now ends early, not with every event.
  stalled.resume();
  let received = 0;
  stalled.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8').split('event: change').length - 1;
  });
  await new Promise<void>((resolve) => {
    stalled.on('close', () => resolve());
    stalled.on('error', () => resolve());
  });
  console.log(`the stalled reader got ${received} of ${EVENTS} events before the server closed its stream`);
  assert.ok(received < EVENTS, 'the stream was closed before it had sent them all');
});
