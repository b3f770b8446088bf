/**
 * The tracking bench's ceilings with a database (see tracking.bench.ts): what any design that
 * answers a pixel hit only once it is stored pays at least, on this machine.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The durable ceiling: Hono + the HMAC check, and each hit written to a logged table and answered
 * once its INSERT has committed, nothing else (no lookup, no line, no roll-up). Hits gather on the
 * event loop's turn, as in the HitRecorder, but a batch does not wait for the one before it: on
 * PostgreSQL up to the pool's 10 commit side by side and share their WAL flushes. No design that
 * answers a hit only once it is stored can beat this row on this machine.
 */
export async function serveLog(databaseUrl: string | undefined, mails: number, gif: Buffer): Promise<{ port: number; tokens: string[] }> {
  const { Hono } = await import('hono');
  const { getRequestListener } = await import('@hono/node-server');
  const { openDb } = await import('../../server/db/db.js');
  const { issueToken, trackingKey, verifyToken } = await import('../../server/tracking/tracking-token.js');
  const schema = databaseUrl ? `bench_hitlog_${randomBytes(4).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl, schema });
  await db.exec('CREATE TABLE hit_log (id bigserial PRIMARY KEY, recipient_id text NOT NULL, event_id text NOT NULL, at timestamptz NOT NULL)');
  const keys = { current: trackingKey(randomBytes(32)), previous: [] };
  type Waiting = { recipientId: string; eventId: string; at: Date; done: (stored: boolean) => void };
  let queue: Waiting[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    const stored = await db.query('INSERT INTO hit_log (recipient_id, event_id, at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])', [
      batch.map((w) => w.recipientId), batch.map((w) => w.eventId), batch.map((w) => w.at),
    ]).then(() => true, () => false);
    for (const waiting of batch) waiting.done(stored);
  };
  const bytes = new Uint8Array(gif);
  const app = new Hono().basePath('/api');
  app.get('/t/o/:file', async (c) => {
    const claims = verifyToken(keys, c.req.param('file').slice(0, -4), new Date());
    if (!claims) return c.text('bad token', 400);
    const stored = await new Promise<boolean>((done) => {
      if (queue.length === 0) setImmediate(() => void flush());
      queue.push({ recipientId: claims.recipientId, eventId: claims.eventId, at: new Date(), done });
    });
    return stored ? new Response(bytes, { headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' } }) : c.text('not stored', 503);
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (message) => {
    if (message === 'count') void db.query<{ n: number }>('SELECT count(*)::int AS n FROM hit_log').then(([row]) => process.send?.({ rawHits: row.n, lines: 0 }));
    if (message === 'stop') void (schema ? db.query(`DROP SCHEMA ${schema} CASCADE`) : Promise.resolve()).then(() => db.close()).then(() => process.exit(0));
  });
  const expiresAt = Date.now() + 86_400_000;
  return { port: (server.address() as AddressInfo).port, tokens: Array.from({ length: mails }, (_, i) => issueToken(keys.current, { recipientId: `c${i}`, eventId: 'e', expiresAt })) };
}

/**
 * On PostgreSQL a hit answered only once stored waits for at least one WAL flush (its commit, shared
 * with others at best), so N closed-loop clients make at most N hits per flush time.
 * Timed here: single-row INSERTs into a logged table, one commit each, one after another.
 */
export async function flushBound(databaseUrl: string, bare: number, clients: number): Promise<void> {
  const { openDb } = await import('../../server/db/db.js');
  const schema = `bench_flush_${randomBytes(4).toString('hex')}`;
  const db = await openDb({ databaseUrl, schema });
  try {
    await db.exec('CREATE TABLE flushed (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await db.query('INSERT INTO flushed DEFAULT VALUES');
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const flush = times[100];
    const bound = (clients / flush) * 1000;
    console.log(`  PostgreSQL: one committed INSERT (a WAL flush) takes ${flush.toFixed(2)} ms (median of 200, one after another), so ${clients} clients that each wait for a stored hit make at most ${Math.round(bound).toLocaleString('en')} hits/s = ${(bound / bare).toFixed(2)}× bare, before any HTTP or work.`);
  } finally {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  }
}
