/**
 * Pixel hits per second (`npm run bench -- tracking`): 20 concurrent clients over keep-alive
 * connections, each hit a DISTINCT token (a different mail), against, side by side in one run:
 *   - a bare node:http server answering the same GIF (the floor of an HTTP answer here),
 *   - the ceiling: Hono + the HMAC check of the token, no database,
 *   - the durable ceiling on each engine: the same, plus each batch of hits in one INSERT, answered
 *     after its commit (what any design that answers only stored hits pays at least),
 *   - the reference server (startServer, no Vite) on PGlite, and on PostgreSQL when
 *     CR_TEST_DATABASE_URL or DATABASE_URL is set (in a schema of its own, dropped afterwards).
 * Each server runs in a child process of its own; the load comes from this one. Per row: hits/s,
 * p50/p99 latency, errors, and for the database rows the acknowledged hits against the raw hits
 * counted in the database afterwards (every acknowledged hit must be stored), once the open inbox is
 * folded, and how long that fold took after the load stopped (its lag). Must hold: ≥ 0.15× the
 * bare server on PGlite, ≥ 0.25× on PostgreSQL, p99 ≤ 50 ms, 0 errors. BENCH_SECONDS (default 5;
 * BENCH_QUICK=1: 2) per row. Measures and prints; asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../server/db/db.js';
import { BENCH_EVENT, trackingFixture } from './tracking-fixture.js';
import { flushBound, serveLog } from './tracking-ceilings.js';

const ROLE = process.env.TRACKING_BENCH_ROLE;
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 5));
const CLIENTS = 20;
/** Distinct mails prepared per database row: more than a run can open. */
const MAILS = Number(process.env.BENCH_MAILS ?? (QUICK ? 20_000 : 60_000));
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

type Ready = { port: number; tokens: string[] };
type Counted = { rawHits: number; lines: number; foldLagMs?: number };

/**
 * Waits until the open inbox is empty (every acknowledged hit folded into the raw hits, the lines and
 * the roll-ups) and resolves with how long that took after the load stopped: the fold's lag.
 */
async function foldCaughtUp(db: Db): Promise<number> {
  const start = performance.now();
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM open_inbox');
    if (n === 0) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ---- the servers (child processes) ----

async function serveBare(): Promise<Ready> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'image/gif', 'Content-Length': String(GIF.length), 'Cache-Control': 'no-store, no-cache, must-revalidate, private' });
    res.end(GIF);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (message) => message === 'count' && process.send?.({ rawHits: 0, lines: 0 }));
  return { port: (server.address() as AddressInfo).port, tokens: Array.from({ length: MAILS }, (_, i) => `bare-${i}`) };
}

async function serveCeiling(): Promise<Ready> {
  const { Hono } = await import('hono');
  const { getRequestListener } = await import('@hono/node-server');
  const { issueToken, trackingKey, verifyToken } = await import('../../server/tracking/tracking-token.js');
  const keys = { current: trackingKey(randomBytes(32)), previous: [] };
  const bytes = new Uint8Array(GIF);
  const app = new Hono().basePath('/api');
  let verified = 0;
  app.get('/t/o/:file', (c) => {
    if (verifyToken(keys, c.req.param('file').slice(0, -4), new Date())) verified += 1;
    return new Response(bytes, { headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' } });
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (message) => message === 'count' && process.send?.({ rawHits: verified, lines: 0 }));
  const expiresAt = Date.now() + 86_400_000;
  return { port: (server.address() as AddressInfo).port, tokens: Array.from({ length: MAILS }, (_, i) => issueToken(keys.current, { recipientId: `c${i}`, eventId: 'e', expiresAt })) };
}

async function serveDatabase(databaseUrl: string | undefined): Promise<Ready> {
  const { startServer } = await import('../../server/start.js');
  const { issueToken, loadTrackingKeys } = await import('../../server/tracking/tracking-token.js');
  const fixture = await trackingFixture(databaseUrl, MAILS);
  const { db } = fixture;
  const keys = await loadTrackingKeys(db);
  const running = await startServer({ db, port: 0, host: '127.0.0.1', vite: false, seed: false, demoSignIn: false, production: true });
  process.on('message', (message) => {
    if (message === 'count') {
      void foldCaughtUp(db).then((foldLagMs) => db.query<{ raw: number; lines: number }>(
        `SELECT (SELECT coalesce(sum(open_hits), 0)::int FROM event_deliveries WHERE event_id = '${BENCH_EVENT}') AS raw,
                (SELECT count(*)::int FROM response_lines WHERE event_id = '${BENCH_EVENT}') AS lines`,
      ).then(([row]) => process.send?.({ rawHits: row.raw, lines: row.lines, foldLagMs })));
    }
    if (message === 'stop') {
      void running.close().then(async () => {
        await fixture.drop();
        process.exit(0);
      });
    }
  });
  const expiresAt = Date.now() + 86_400_000;
  const tokens = Array.from({ length: MAILS }, (_, i) => issueToken(keys.current, { recipientId: `tb${i + 1}`, eventId: BENCH_EVENT, expiresAt }));
  return { port: Number(new URL(running.url).port), tokens };
}

if (ROLE) {
  const databaseUrl = ROLE === 'postgres' ? process.env.CR_TEST_DATABASE_URL || process.env.DATABASE_URL : undefined;
  const logUrl = ROLE === 'log-postgres' ? process.env.CR_TEST_DATABASE_URL || process.env.DATABASE_URL : undefined;
  const ready = ROLE === 'bare' ? await serveBare() : ROLE === 'ceiling' ? await serveCeiling() : ROLE.startsWith('log-') ? await serveLog(logUrl, MAILS, GIF) : await serveDatabase(databaseUrl);
  process.on('message', (message) => message === 'stop' && (ROLE === 'bare' || ROLE === 'ceiling') && process.exit(0));
  process.send?.(ready);
}

// ---- the load (this process) ----

interface Result {
  what: string;
  hits: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  counted?: Counted;
}

function hit(agent: Agent, port: number, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path: `/api/t/o/${token}.gif`, agent, headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

async function load(what: string, role: string): Promise<Result> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, TRACKING_BENCH_ROLE: role } });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`${what}: the server exited (${code}) before it was ready`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const run = async (until: number, record: boolean) => {
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until && next < ready.tokens.length) {
        const token = ready.tokens[next++];
        const start = performance.now();
        const status = await hit(agent, ready.port, token).catch(() => 0);
        if (status !== 200) errors += 1;
        if (record) latencies.push(performance.now() - start);
      }
    }));
  };
  await run(performance.now() + 500, false); // warm-up: connections, JIT, first statements
  const warm = next;
  const start = performance.now();
  await run(start + SECONDS * 1000, true);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  const counted = await new Promise<Counted>((resolve) => {
    child.once('message', (message) => resolve(message as Counted));
    child.send('count');
  });
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const acknowledged = next - errors;
  return { what, hits: next - warm, seconds, p50: at(0.5), p99: at(0.99), errors, counted: role === 'bare' ? undefined : { ...counted, rawHits: counted.rawHits, lines: acknowledged } };
}

async function main(): Promise<void> {
  const pg = process.env.CR_TEST_DATABASE_URL || process.env.DATABASE_URL;
  console.log(`\nPixel hits per second (Node ${process.version}): ${CLIENTS} clients, distinct tokens, ${SECONDS} s per row`);
  const rows: Result[] = [];
  rows.push(await load('bare node:http, the same GIF', 'bare'));
  rows.push(await load('ceiling: Hono + HMAC, no database', 'ceiling'));
  rows.push(await load('durable ceiling, PGlite: + one INSERT a batch', 'log-pglite'));
  rows.push(await load('reference server, PGlite', 'pglite'));
  if (pg) {
    rows.push(await load('durable ceiling, PostgreSQL: + one INSERT a batch', 'log-postgres'));
    rows.push(await load('reference server, PostgreSQL', 'postgres'));
  }
  else console.log('  (PostgreSQL row left out: set CR_TEST_DATABASE_URL or DATABASE_URL)');
  const bare = rows[0].hits / rows[0].seconds;
  const header = ['server', 'hits/s', '× bare', 'p50', 'p99', 'errors', 'acknowledged (all, warm-up too)', 'counted in the database', 'folded after the load'];
  const table = rows.map((r) => [
    r.what, Math.round(r.hits / r.seconds).toLocaleString('en'), `${(r.hits / r.seconds / bare).toFixed(2)}×`, `${r.p50.toFixed(1)} ms`, `${r.p99.toFixed(1)} ms`, String(r.errors),
    r.counted ? r.counted.lines.toLocaleString('en') : '—',
    r.counted ? `${r.counted.rawHits.toLocaleString('en')} ${r.what.startsWith('ceiling') ? 'verified tokens' : r.what.startsWith('durable') ? 'logged hits' : 'raw hits'}${r.counted.rawHits === r.counted.lines ? ' (all)' : ' (MISMATCH)'}` : '—',
    r.counted?.foldLagMs === undefined ? '—' : `${(r.counted.foldLagMs / 1000).toFixed(2)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`;
  console.log(line(header));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const t of table) console.log(line(t));
  console.log('  Must hold: PGlite ≥ 0.15× bare, PostgreSQL ≥ 0.25× bare, p99 ≤ 50 ms, 0 errors, every acknowledged hit counted.');
  console.log('  A pixel hit is acknowledged once it is in the open inbox; "folded after the load": how long, after the last hit, the fold');
  console.log('  took to empty the inbox into the raw hits, the lines and the roll-ups (the hits are counted after it).');
  if (pg) await flushBound(pg, bare, CLIENTS);
}


if (!ROLE) {
  main().catch((error: unknown) => {
    console.error('The tracking bench failed:', error);
    process.exit(1);
  });
}
