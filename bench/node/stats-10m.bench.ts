/**
 * Opt-in (`npm run bench -- stats-10m`, with CR_TEST_DATABASE_URL or DATABASE_URL set): the
 * statistics bench (stats.bench.ts) on PostgreSQL with 10,000,000 lines. Left out of a plain
 * `npm run bench`: filling ten million lines takes minutes. BENCH_LINES overrides the count.
 */
const only = (process.env.BENCH_ONLY ?? '').split(',');
const databaseUrl = process.env.CR_TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!only.includes('stats-10m')) {
  console.log('  stats-10m is opt-in: npm run bench -- stats-10m (on PostgreSQL: CR_TEST_DATABASE_URL or DATABASE_URL)');
} else if (!databaseUrl) {
  console.log('  stats-10m runs on PostgreSQL: set CR_TEST_DATABASE_URL or DATABASE_URL');
} else {
  process.env.STATS_DATABASE_URL = databaseUrl;
  process.env.BENCH_LINES ??= '10000000';
  await import('./stats.bench.js');
}
export {};
