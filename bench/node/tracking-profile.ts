/**
 * Where a pixel hit's time goes (`npx tsx bench/node/tracking-profile.ts`; on PostgreSQL too when
 * CR_TEST_DATABASE_URL or DATABASE_URL is set). Not part of `npm run bench`: it explains the
 * tracking bench's figures, it does not make them.
 *
 * - The batch: BATCHES batches of 20 opens of distinct mails (what 20 closed-loop clients make),
 *   through the HitRecorder, each stored in the open inbox and then folded, every statement timed
 *   from the caller (so a PostgreSQL row includes its round trip), and the transaction's own cost
 *   (BEGIN, COMMIT, the time between statements) apart.
 * - The statements' insides: one more batch with every statement run first under EXPLAIN ANALYZE in
 *   a savepoint that is rolled back: planning and execution time, and the triggers each fires (the
 *   foreign keys' checks are triggers) with their time and calls.
 * - The HTTP path per hit, in process (no socket): the token's HMAC, the batch's JavaScript per hit,
 *   a bare Hono route, each middleware the pixel passes, and the whole app with a recorder that
 *   stores nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Db, Queryable } from '../../server/db/db.js';
import { BENCH_EVENT, trackingFixture } from './tracking-fixture.js';

const BATCH = Number(process.env.PROFILE_BATCH ?? 20);
const BATCHES = Number(process.env.PROFILE_BATCHES ?? 60);
const HTTP_ROUNDS = Number(process.env.PROFILE_HTTP_ROUNDS ?? 20_000);
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0';

type Timings = Map<string, number[]>;

const labelOf = (sql: string) => sql.replace(/--[^\n]*/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 72);
const record = (timings: Timings, label: string, ms: number) => {
  const list = timings.get(label) ?? [];
  list.push(ms);
  timings.set(label, list);
};

/** `target`, each statement timed into `timings` and its time added to `spent`. */
function timed(target: Queryable, timings: Timings, spent: { ms: number }): Queryable {
  const run = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - start;
      spent.ms += ms;
      record(timings, labelOf(sql), ms);
    }
  };
  return {
    query: (sql, params) => run(sql, () => target.query(sql, params)),
    exec: (sql) => run(sql, () => target.exec(sql)),
  };
}

function timedDb(db: Db, timings: Timings): Db {
  const outside = { ms: 0 };
  return {
    ...db,
    ...timed(db, timings, outside),
    async transaction(work) {
      const spent = { ms: 0 };
      const start = performance.now();
      const result = await db.transaction((tx) => work(timed(tx, timings, spent)));
      const total = performance.now() - start;
      record(timings, '(transaction: BEGIN, COMMIT, time between statements)', total - spent.ms);
      record(timings, '(the whole transaction)', total);
      return result;
    },
  };
}

interface Explained {
  planning: number;
  execution: number;
  triggers: string[];
}

/** Every statement of a transaction explained (and undone) before it runs for real. */
function explainingDb(db: Db, explained: Map<string, Explained>): Db {
  const explaining = (tx: Queryable): Queryable => ({
    async query(sql, params) {
      if (!/^\s*SET\b/iu.test(sql)) {
        await tx.query('SAVEPOINT profile');
        const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
        await tx.query('ROLLBACK TO SAVEPOINT profile');
        const raw = row['QUERY PLAN'];
        const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { 'Planning Time': number; 'Execution Time': number; Triggers?: { 'Trigger Name': string; Relation: string; Time: number; Calls: number }[] }[];
        explained.set(labelOf(sql), {
          planning: plan['Planning Time'],
          execution: plan['Execution Time'],
          triggers: (plan.Triggers ?? []).map((t) => `${t['Trigger Name']} on ${t.Relation}: ${t.Time.toFixed(2)} ms / ${t.Calls}`),
        });
      }
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  });
  return { ...db, transaction: (work) => db.transaction((tx) => work(explaining(tx))) };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * Times the statements inside the batch's functions: each function's body gets a mark before every
 * statement it runs at its top level, and a mark stores the time since the one before (under the
 * label of the statement that began then) in a table of its own. Only in this throwaway database.
 */
async function instrumentFunctions(db: Db, names: readonly string[]): Promise<void> {
  await db.exec(`CREATE UNLOGGED TABLE profile_marks (label text NOT NULL, ms float8 NOT NULL);
    CREATE FUNCTION profile_mark(p_label text) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      now_ts timestamptz := clock_timestamp();
      previous text := nullif(current_setting('profile.last', true), '');
    BEGIN
      IF p_label IS NOT NULL AND previous IS NOT NULL THEN
        INSERT INTO profile_marks VALUES (split_part(previous, '|', 2), extract(epoch FROM now_ts - split_part(previous, '|', 1)::timestamptz) * 1000);
      END IF;
      PERFORM set_config('profile.last', CASE WHEN p_label IS NULL OR p_label = '(end)' THEN '' ELSE now_ts::text || '|' || p_label END, false);
    END
    $fn$`);
  for (const name of names) {
    const [row] = await db.query<{ def: string }>(`SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p WHERE p.proname = $1 AND p.pronamespace = to_regnamespace(current_schema())::oid`, [name]);
    if (!row) throw new Error(`No function ${name}`);
    const lines = row.def.split('\n');
    const marked: string[] = [];
    const last = name === names[0] ? "'(end)'" : quote(`${name}: (return)`);
    let inBody = false;
    let previous = '';
    for (const line of lines) {
      if (line.startsWith('BEGIN')) {
        marked.push(line);
        if (name === names[0]) marked.push('  PERFORM profile_mark(NULL);');
        inBody = true;
        previous = 'BEGIN;';
        continue;
      }
      // A statement begins at the body's first indentation, after one that ended.
      const begins = inBody && previous.trimEnd().endsWith(';') && /^ {2}(UPDATE|FOR|IF|SELECT|INSERT|PERFORM|WITH|DELETE|RETURN)\b/u.test(line);
      if (begins) marked.push(`  PERFORM profile_mark(${line.startsWith('  RETURN') ? last : quote(`${name}: ${line.trim().slice(0, 60)}`)});`);
      if (inBody && line.startsWith('END')) marked.push(`  PERFORM profile_mark(${last});`);
      marked.push(line);
      if (!/^\s*--/u.test(line)) previous = line;
    }
    await db.exec(marked.join('\n'));
  }
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function profileBatches(engine: string, databaseUrl: string | undefined): Promise<void> {
  const { HitRecorder } = await import('../../server/tracking/hit-recorder.js');
  const { installRollupFunction } = await import('../../server/stats/rollups.js');
  const { scheduleAnalyze } = await import('../../server/db/analyze.js');
  const mails = BATCH * (2 * BATCHES + 10);
  const fixture = await trackingFixture(databaseUrl, mails);
  try {
    await installRollupFunction(fixture.db);
    await (await scheduleAnalyze(fixture.db)).stop();
    if (fixture.db.engine === 'postgres') await fixture.db.exec('ANALYZE');
    const timings: Timings = new Map();
    const totals: number[] = [];
    let next = 1;
    const batchOf = () => Array.from({ length: BATCH }, () => ({
      claims: { recipientId: `tb${next++}`, eventId: BENCH_EVENT, expiresAt: Date.now() + 86_400_000 },
      userAgent: USER_AGENT,
      client: `127.0.0.1\n${USER_AGENT}`,
      at: new Date(),
    }));
    const warm = new HitRecorder(fixture.db);
    for (let i = 0; i < 5; i++) await Promise.all(batchOf().map((hit) => warm.open(hit)));
    await warm.close();
    const recorder = new HitRecorder(timedDb(fixture.db, timings));
    for (let i = 0; i < BATCHES; i++) {
      const start = performance.now();
      // The batch's INSERT into the open inbox (its answer), then its fold (lines, roll-ups, change log).
      await Promise.all(batchOf().map((hit) => recorder.open(hit)));
      await recorder.folded();
      totals.push(performance.now() - start);
    }
    const [{ raw }] = await fixture.db.query<{ raw: number }>('SELECT coalesce(sum(open_hits), 0)::int AS raw FROM event_deliveries WHERE event_id = $1', [BENCH_EVENT]);
    if (raw !== BATCH * (BATCHES + 5)) throw new Error(`${raw} raw hits for ${BATCH * (BATCHES + 5)} opens: a hit was not recorded`);
    const explained = new Map<string, Explained>();
    const explaining = new HitRecorder(explainingDb(fixture.db, explained));
    await Promise.all(batchOf().map((hit) => explaining.open(hit)));
    await explaining.folded();

    await instrumentFunctions(fixture.db, ['record_open_hits', 'rollup_apply', 'change_log_lines']);
    const instrumented = new HitRecorder(fixture.db);
    for (let i = 0; i < BATCHES; i++) {
      await Promise.all(batchOf().map((hit) => instrumented.open(hit)));
      await instrumented.folded();
    }
    const marks = await fixture.db.query<{ label: string; ms: number; n: number }>(
      'SELECT label, avg(ms) AS ms, count(*)::int AS n FROM profile_marks GROUP BY label ORDER BY min(ctid)');

    console.log(`\n${engine}: ${BATCHES} batches of ${BATCH} opens of distinct mails; median per batch ${median(totals).toFixed(2)} ms (${(BATCH / median(totals) * 1000).toFixed(0)} hits/s if nothing else ran)`);
    console.log('  median ms  calls/batch  plan ms  exec ms  statement  [triggers: time / calls]');
    let sum = 0;
    for (const [label, list] of timings) {
      const m = median(list);
      if (label !== '(the whole transaction)') sum += m * (list.length / BATCHES);
      const e = explained.get(label);
      console.log(`  ${m.toFixed(2).padStart(9)}  ${(list.length / BATCHES).toFixed(1).padStart(11)}  ${(e ? e.planning.toFixed(2) : '').padStart(7)}  ${(e ? e.execution.toFixed(2) : '').padStart(7)}  ${label}`);
      for (const trigger of e?.triggers ?? []) console.log(`${' '.repeat(46)}[${trigger}]`);
    }
    console.log(`  ${sum.toFixed(2).padStart(9)}  (sum of the medians; the rest of the batch is JavaScript and waiting for the next turn)`);
    console.log(`  Inside the functions (mean ms: PGlite's clock ticks in whole ms; marks between statements, ${BATCHES} more batches; a segment runs from its statement's start to the next mark):`);
    for (const mark of marks) console.log(`  ${Number(mark.ms).toFixed(2).padStart(9)}  ${(mark.n / BATCHES).toFixed(1).padStart(11)}  ${mark.label}`);
  } finally {
    await fixture.drop();
  }
}

function perHit(what: string, rounds: number, work: () => unknown): void {
  for (let i = 0; i < 1000; i++) work();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) work();
  console.log(`  ${((performance.now() - start) / rounds * 1000).toFixed(1).padStart(7)} µs  ${what}`);
}

async function perHitAsync(what: string, rounds: number, work: () => unknown): Promise<void> {
  for (let i = 0; i < 1000; i++) await work();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await work();
  console.log(`  ${((performance.now() - start) / rounds * 1000).toFixed(1).padStart(7)} µs  ${what}`);
}

async function profileHttp(): Promise<void> {
  const { issueToken, trackingKey, verifyToken } = await import('../../server/tracking/tracking-token.js');
  const { judgeOpen } = await import('../../server/tracking/machine-detect.js');
  const { createApp } = await import('../../server/app.js');
  const { HitRecorder } = await import('../../server/tracking/hit-recorder.js');
  const { apiSecureHeaders } = await import('../../server/http/secure-headers.js');
  const { corsFor } = await import('../../server/http/http.js');
  const { requestIds } = await import('../../server/audit/audit-log.js');
  const { PIXEL_GIF } = await import('../../server/routes/tracking.js');
  const { openDb } = await import('../../server/db/db.js');
  const secret = randomBytes(32);
  const keys = { current: trackingKey(secret), previous: [] };
  const token = issueToken(keys.current, { recipientId: 'tb1', eventId: BENCH_EVENT, expiresAt: Date.now() + 86_400_000 });
  const url = `http://127.0.0.1/api/t/o/${token}.gif`;
  const request = () => new Request(url, { headers: { 'User-Agent': USER_AGENT } });
  console.log(`\nThe HTTP path per hit, in process (${HTTP_ROUNDS} hits each, one after another):`);
  perHit('verifyToken (one HMAC-SHA256, the claims parsed)', HTTP_ROUNDS, () => verifyToken(keys, token, new Date()));
  perHit('the batch\'s JavaScript per hit (sha256 of the client, judgeOpen, a UUID)', HTTP_ROUNDS, () => {
    createHash('sha256').update(`127.0.0.1\n${USER_AGENT}`).digest('base64url');
    judgeOpen(USER_AGENT, 86_400);
    crypto.randomUUID();
  });
  const bytes = new Uint8Array(PIXEL_GIF);
  const bare = (...middleware: MiddlewareHandler[]) => {
    const app = new Hono().basePath('/api');
    for (const m of middleware) app.use('*', m);
    app.get('/t/o/:file', () => new Response(bytes, { headers: { 'Content-Type': 'image/gif' } }));
    return app;
  };
  const plain = bare();
  await perHitAsync('Hono: Request, route, Response (no middleware)', HTTP_ROUNDS, () => plain.fetch(request()));
  const headers = bare(apiSecureHeaders());
  await perHitAsync('  + secure headers', HTTP_ROUNDS, () => headers.fetch(request()));
  const cors = bare(corsFor({ allowedOrigins: [] }));
  await perHitAsync('  + CORS', HTTP_ROUNDS, () => cors.fetch(request()));
  const ids = bare(requestIds());
  await perHitAsync('  + request ids (a UUID, a header)', HTTP_ROUNDS, () => ids.fetch(request()));
  const db = await openDb();
  class StoresNothing extends HitRecorder {
    override open(): Promise<void> {
      return Promise.resolve();
    }
  }
  const app = createApp({ db, token: 'profile', hits: new StoresNothing(db) });
  // The app loads its keys from the database: the token is issued with those.
  const { loadTrackingKeys } = await import('../../server/tracking/tracking-token.js');
  const { migrate } = await import('../../server/db/migrate.js');
  await migrate(db);
  const appKeys = await loadTrackingKeys(db);
  const appToken = issueToken(appKeys.current, { recipientId: 'tb1', eventId: BENCH_EVENT, expiresAt: Date.now() + 86_400_000 });
  const appRequest = () => new Request(`http://127.0.0.1/api/t/o/${appToken}.gif`, { headers: { 'User-Agent': USER_AGENT } });
  await perHitAsync('the app\'s pixel route, every middleware before it, a recorder that stores nothing', HTTP_ROUNDS, () => app.fetch(appRequest()));
  await db.close();
}

const pg = process.env.CR_TEST_DATABASE_URL || process.env.DATABASE_URL;
await profileBatches('PGlite', undefined);
if (pg) await profileBatches('PostgreSQL', pg);
else console.log('\n(PostgreSQL left out: set CR_TEST_DATABASE_URL or DATABASE_URL)');
await profileHttp();
