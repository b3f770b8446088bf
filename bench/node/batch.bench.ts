/**
 * Server-side benchmark, run by `npm run bench` (or `node --import tsx bench/node/batch.bench.ts`):
 * 1,000 lines through POST /responses/batch against the same 1,000 lines as single PUTs
 * /responses/{id}, to one reference server over HTTP on loopback (PGlite in memory), through the
 * kit's REST adapter: `addResponses` once, against `addResponse` per line one after another and
 * four at a time (what a bulk entry does without a batch endpoint: a browser's connections per host,
 * less one). Rounds interleaved so drift hits each side alike; medians. Measures; prints the ratios.
 */
import { randomUUID } from 'node:crypto';
import { startServer } from '../../server/start.js';
import { createRestAdapter } from '../../src/adapter/rest.js';
import type { NewResponseLine } from '../../src/model/types.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : 3;
const LINES = 1000;
const AT_ONCE = 4;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', vite: false, token: 'bench-token' });
const adapter = createRestAdapter({ baseUrl: `${server.url}/api`, headers: { Authorization: `Bearer ${server.token}` } });
const recipients = ['42', '44', '46', '49'];

function lines(): NewResponseLine[] {
  const respondedAt = new Date(Date.now() - 60_000).toISOString();
  return Array.from({ length: LINES }, (_, i) => ({
    id: randomUUID(), recipientId: recipients[i % recipients.length], campaignId: 'renewal-calls', eventId: 'renewal-round-2',
    detailId: 'received', respondedAt, note: `Booth visit ${i}: asked for the brochure.`,
  }));
}

async function timed(work: (batch: NewResponseLine[]) => Promise<number>): Promise<number> {
  const batch = lines();
  const start = performance.now();
  const stored = await work(batch);
  const ms = performance.now() - start;
  if (stored !== LINES) throw new Error(`stored ${stored} of ${LINES}`);
  return ms;
}

const viaBatch = (batch: NewResponseLine[]) =>
  adapter.addResponses(batch).then((outcomes) => outcomes.filter((o) => o.outcome === 'stored').length);

async function oneByOne(batch: NewResponseLine[]): Promise<number> {
  for (const line of batch) await adapter.addResponse(line);
  return batch.length;
}

async function fewAtOnce(batch: NewResponseLine[]): Promise<number> {
  for (let start = 0; start < batch.length; start += AT_ONCE) await Promise.all(batch.slice(start, start + AT_ONCE).map((line) => adapter.addResponse(line)));
  return batch.length;
}

// Warm up each path (the JIT, connections, the database's caches) on a smaller scale first.
await viaBatch(lines().slice(0, 100));
for (const line of lines().slice(0, 100)) await adapter.addResponse(line);

const samples = { batch: [] as number[], single: [] as number[], four: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  const order = (['batch', 'single', 'four'] as const).map((name, i, all) => all[(i + round) % all.length]);
  for (const name of order) samples[name].push(await timed(name === 'batch' ? viaBatch : name === 'single' ? oneByOne : fewAtOnce));
}
const [batchMs, singleMs, fourMs] = [median(samples.batch), median(samples.single), median(samples.four)];
console.log(`\n${LINES} lines to the reference server over loopback HTTP (PGlite in memory), median of ${ROUNDS} rounds`);
console.log(`  POST /responses/batch (one request)      ${batchMs.toFixed(0)} ms`);
console.log(`  PUT /responses/{id}, one after another   ${singleMs.toFixed(0)} ms   (${(singleMs / batchMs).toFixed(1)}× the batch)`);
console.log(`  PUT /responses/{id}, ${AT_ONCE} at a time          ${fourMs.toFixed(0)} ms   (${(fourMs / batchMs).toFixed(1)}× the batch)`);
await server.close();
