/**
 * Server-side benchmark, run by `npm run bench` after the browser benches, or alone:
 * `node --import tsx bench/node/stats.bench.ts`. Measures, asserts nothing.
 *
 * 1. Fills an in-memory PGlite with BENCH_LINES response lines (default 1,000,000) in one campaign,
 *    with generate_series (FK triggers off and the line indexes built after the insert, as a bulk
 *    load would do).
 * 2. Rebuilds the roll-ups from those lines (the repair, `npm run rollups:repair`), then times GET
 *    /stats and GET /responses/summary answered from the roll-ups against the same figures computed
 *    live by SQL (the reference the roll-ups are tested against), side by side. Must hold: median
 *    ≤ 5 ms at 1,000,000 lines. STATS_DATABASE_URL runs it on PostgreSQL (in a schema of its own);
 *    `npm run bench -- stats-10m` does that with 10,000,000 lines (bench/node/stats-10m.bench.ts).
 * 3. Streams the CSV export of 100,000 of those lines to a null sink, sampling the process's memory.
 *
 * The app is called in-process (Hono's app.request), so the times are the server's work without a
 * network. BENCH_QUICK=1 uses 100,000 lines to check the harness quickly. Run with --expose-gc to
 * also see the live heap during the CSV stream.
 */
import { createApp } from '../../server/app.js';
import { openDb, type Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';
import { computeStats, computeSummary } from '../../server/stats/stats.js';
import { rebuildRollups } from '../../server/stats/rollups.js';
import { readStats } from '../../server/stats/rollup-read.js';
import { printBreakdown, timingDb } from './read-breakdown.js';

const QUICK = process.env.BENCH_QUICK === '1';
const LINES = Number(process.env.BENCH_LINES ?? (QUICK ? 100_000 : 1_000_000));
const RECIPIENTS = 20_000;
const EVENTS = 10; // bench-e1 … bench-e8 email, bench-e9 and bench-e10 phone; every tenth line is bench-e1
const CAMPAIGN = 'bench';
const TOKEN = 'bench-token';

const ms = (start: number) => performance.now() - start;
const fmt = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(ms(start));
  }
  return times;
}

async function fill(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO recipients (id, display_name, email, time_zone)
      SELECT 'b' || g, 'Bench person ' || g, 'b' || g || '@bench.example', 'UTC' FROM generate_series(1, ${RECIPIENTS}) g;
    INSERT INTO campaigns (id, title, currency, base_cost) VALUES ('${CAMPAIGN}', 'Benchmark campaign', 'USD', 25000);
    INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost, revenue)
      SELECT 'bench-e' || g, '${CAMPAIGN}', 'Bench event ' || g, CASE WHEN g <= 8 THEN 'email' ELSE 'phone' END,
             timestamptz '2026-01-01' + g * interval '9 days', 'completed', 500 * g, 4000 * g FROM generate_series(1, ${EVENTS}) g;
    INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT '${CAMPAIGN}', 'b' || g FROM generate_series(1, ${RECIPIENTS}) g;`);
  // A bulk load: the lines' indexes are dropped and built once afterwards, and the foreign-key
  // triggers are off for the insert (the rows reference what was just inserted above). In one
  // transaction: on PostgreSQL each statement may take another connection of the pool, and the
  // setting must hold for the insert and end with it. This schema's indexes only: a shared server
  // holds other schemas with the same tables.
  await db.transaction(async (tx) => {
    const indexes = await tx.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'all_response_lines' AND indexname <> 'response_lines_pkey'`,
    );
    for (const index of indexes) await tx.exec(`DROP INDEX ${index.indexname}`);
    await tx.exec('SET LOCAL session_replication_role = replica');
    // Per line g: the event is g % 10 (so bench-e1 holds exactly a tenth); the detail comes from a
    // weighted pool by channel; a seventh of opens and clicks are machines; 1 in 50 notes is a formula.
    await tx.exec(`
      INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note,
        author, source, link_id, link_url, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason)
      SELECT gen_random_uuid(), 'b' || (1 + (g::bigint * 7919) % ${RECIPIENTS}), '${CAMPAIGN}', 'bench-e' || (1 + g % ${EVENTS}),
             d.id, d.category_id, at, at + interval '5 seconds',
             CASE WHEN d.entry = 'manual' THEN CASE WHEN g % 50 = 0 THEN '=SUM(A1:A9) from note ' || g ELSE 'Called back, note ' || g END ELSE '' END,
             CASE WHEN d.entry = 'manual' THEN 'Bench author' END, CASE WHEN d.entry = 'manual' THEN 'manual' ELSE 'tracked' END,
             CASE WHEN d.id = 'clicked-through' THEN 'l' || (g % 3) END,
             CASE WHEN d.id = 'clicked-through' THEN 'https://shop.example.com/p/' || (g % 3) END,
             CASE WHEN d.id IN ('opened', 'clicked-through') THEN 'Mozilla/5.0 (bench)' END,
             CASE WHEN d.id IN ('opened', 'clicked-through') THEN (g % 90000)::float8 END,
             CASE WHEN d.id IN ('opened', 'clicked-through') THEN g % 7 = 0 END,
             CASE WHEN d.id IN ('opened', 'clicked-through') AND g % 7 = 0 THEN 'Bench machine' END
        FROM generate_series(1, ${LINES}) g
        CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01' + g * interval '7 seconds' AS at,
          CASE WHEN 1 + g % ${EVENTS} <= 8
            THEN (ARRAY['sent','sent','sent','sent','sent','sent','opened','opened','opened','opened','opened','opened',
                        'clicked-through','clicked-through','clicked-through','responded','purchased','mailbox-full',
                        'mailbox-disabled','unsubscribed-feedback-loop'])[1 + (g / ${EVENTS}) % 20]
            ELSE (ARRAY['responded','responded','responded','purchased','unsubscribed'])[1 + (g / ${EVENTS}) % 5] END AS detail) x
        JOIN response_details d ON d.id = x.detail`);
    await tx.exec('SET LOCAL session_replication_role = origin');
    for (const index of indexes) await tx.exec(index.indexdef);
  });
  // PostgreSQL vacuums and analyzes ten million new rows on its own, some minutes later, on the same
  // cores as the reads timed below (the first 10,000,000-line run timed reads at 63 ms that took 12 ms
  // a minute later): done here, as after any bulk load, so the reads meet a settled database.
  if (DATABASE_URL) await db.exec('VACUUM (ANALYZE) all_response_lines');
  await db.exec('ANALYZE');
}

interface Row {
  what: string;
  rollups: number[];
  live: number[];
}

const DATABASE_URL = process.env.STATS_DATABASE_URL || undefined;
const SCHEMA = DATABASE_URL ? `bench_stats_${process.pid}` : undefined;

async function main(): Promise<void> {
  const startAll = performance.now();
  console.log(`\nServer benchmark (Node ${process.version}, ${DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'})`);
  const db = await openDb({ databaseUrl: DATABASE_URL, schema: SCHEMA });
  await migrate(db);
  await seed(db);
  const app = createApp({ db, token: TOKEN });
  const get = async (path: string) => {
    const response = await app.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };

  let start = performance.now();
  await fill(db);
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM response_lines WHERE campaign_id = $1`, [CAMPAIGN]);
  const fillMs = ms(start);
  console.log(`  filled ${n.toLocaleString('en')} response lines (${RECIPIENTS.toLocaleString('en')} recipients, ${EVENTS} events) in ${(fillMs / 1000).toFixed(1)} s`);

  start = performance.now();
  await rebuildRollups(db, CAMPAIGN);
  const rebuildMs = ms(start);
  // The roll-ups were filled after the ANALYZE above: the planner's statistics for them, too.
  await db.exec('ANALYZE rollup_counts, rollup_timeline_days, rollup_timeline, rollup_hours, rollup_recipient_lines');
  const [{ rows: rollupRows }] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM rollup_counts WHERE campaign_id = $1', [CAMPAIGN]);
  console.log(`  the repair rebuilt the campaign's roll-ups in ${(rebuildMs / 1000).toFixed(1)} s (${rollupRows} counts)`);

  const liveRuns = 3;
  const rollupRuns = 30;
  // A few reads first: the first of each warms the statements' plans.
  for (let i = 0; i < 3; i += 1) await Promise.all([get(`/api/campaigns/${CAMPAIGN}/stats`), get(`/api/campaigns/${CAMPAIGN}/responses/summary`)]);
  const rows: Row[] = [
    {
      what: 'GET /campaigns/{id}/stats',
      rollups: await timed(rollupRuns, async () => (await get(`/api/campaigns/${CAMPAIGN}/stats`)).text()),
      live: await timed(liveRuns, () => computeStats(db, CAMPAIGN)),
    },
    {
      what: 'GET /campaigns/{id}/responses/summary',
      rollups: await timed(rollupRuns, async () => (await get(`/api/campaigns/${CAMPAIGN}/responses/summary`)).text()),
      live: await timed(liveRuns, () => computeSummary(db, CAMPAIGN)),
    },
  ];
  const header = ['endpoint', 'roll-ups (median)', 'live SQL (median)', 'live ÷ roll-ups', 'live runs'];
  const table = rows.map((r) => [r.what, fmt(median(r.rollups)), fmt(median(r.live)), `${(median(r.live) / median(r.rollups)).toFixed(0)}×`,
    r.live.map(fmt).join(', ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`;
  console.log(`\n  ${n.toLocaleString('en')} lines: ${rollupRuns} reads from the roll-ups vs ${liveRuns} live computations each (must hold: roll-ups ≤ 5 ms)`);
  console.log(line(header));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const t of table) console.log(line(t));

  const timing = timingDb(db);
  const timedApp = createApp({ db: timing.db, token: TOKEN });
  const timedGet = async (path: string) => (await timedApp.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  await printBreakdown('GET /stats', rollupRuns, timing, () => timedGet(`/api/campaigns/${CAMPAIGN}/stats`));
  await printBreakdown('readStats() alone (no route)', rollupRuns, timing, () => readStats(timing.db, CAMPAIGN));
  await printBreakdown('GET /responses/summary', rollupRuns, timing, () => timedGet(`/api/campaigns/${CAMPAIGN}/responses/summary`));

  // CSV: bench-e1 holds every tenth line.
  const [{ selected }] = await db.query<{ selected: number }>(`SELECT count(*)::int AS selected FROM response_lines WHERE event_id = 'bench-e1'`);
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  // heapUsed counts garbage not yet collected too; with --expose-gc, a collection every 10 chunks
  // also shows what the stream really keeps alive.
  const collect = (globalThis as { gc?: () => void }).gc;
  let peakLive = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  start = performance.now();
  const response = await get(`/api/campaigns/${CAMPAIGN}/responses.csv?eventId=bench-e1`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  let chunks = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength; // the null sink: counted, then dropped
    chunks += 1;
    sample();
    if (collect && chunks % 10 === 0) {
      collect();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  }
  const csvMs = ms(start);
  clearInterval(sampler);
  console.log(`\n  CSV export of ${selected.toLocaleString('en')} lines streamed to a null sink: ${mb(bytes)} in ${(csvMs / 1000).toFixed(1)} s (${chunks} chunks)`);
  console.log(`    heapUsed: ${mb(base.heapUsed)} before, peak ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)}, ${((100 * (peakHeap - base.heapUsed)) / bytes).toFixed(1)}% of the CSV's size)`);
  if (collect) console.log(`    heapUsed right after a collection, every 10 chunks: peak ${mb(peakLive)} (+${mb(peakLive - base.heapUsed)}): what the stream keeps alive`);
  console.log(`    rss:      ${mb(base.rss)} before, peak ${mb(peakRss)} (+${mb(peakRss - base.rss)}; rss includes PGlite's WebAssembly memory)`);
  console.log(`\n  Server bench done in ${(ms(startAll) / 1000).toFixed(0)} s.`);
  if (SCHEMA) await db.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  await db.close();
}

main().catch((error: unknown) => {
  console.error('The server bench failed:', error);
  process.exit(1);
});
