/**
 * Server-side benchmark, run by `npm run bench` (or `node --import tsx bench/node/audit.bench.ts`):
 * the median latency of adding a line (PUT /responses/{id}, in-process, PGlite in memory) with its
 * audit record against the same add with the audit insert left out (a database wrapper that skips
 * that one statement), interleaved in one run. Must hold: with ÷ without ≤ 1.3. Also prints the
 * two inserts alone (a line, a line and its record, one transaction each), the floor of that cost.
 * Measures; prints the ratios.
 */
import { randomUUID } from 'node:crypto';
import { createApp } from '../../server/app.js';
import { openDb, type Db, type Queryable } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 100 : 1000;
const TOKEN = 'bench-token';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const db = await openDb({});
await migrate(db);
await seed(db);

/** The same database, with every audit insert skipped: what an add costs without its record. */
function withoutAudit(target: Db): Db {
  const skip = (on: Queryable): Queryable => ({
    query: async (sql, params) => (/^\s*INSERT INTO audit_records/u.test(sql) ? [] : on.query(sql, params)),
    exec: (sql) => on.exec(sql),
  });
  return { ...target, ...skip(target), transaction: (work) => target.transaction((tx) => work(skip(tx))) };
}

const audited = createApp({ db, token: TOKEN });
const plain = createApp({ db: withoutAudit(db), token: TOKEN });

async function add(app: typeof audited): Promise<number> {
  const id = randomUUID();
  const line = { id, recipientId: '42', campaignId: 'renewal-calls', eventId: 'renewal-round-2', detailId: 'responded',
    respondedAt: '2026-05-20T09:30:00.000Z', note: 'Called back about the renewal quote.' };
  const start = performance.now();
  const answer = await app.request(`/api/responses/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${id}` },
    body: JSON.stringify(line),
  });
  await answer.arrayBuffer();
  if (answer.status !== 201) throw new Error(`PUT answered ${answer.status}`);
  return performance.now() - start;
}

const INSERT_LINE = `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note, author, source)
  VALUES ($1::uuid, '42', 'renewal-calls', 'renewal-round-2', 'responded', 'responded', now(), now(), 'bench', 'bench', 'manual')`;
const INSERT_AUDIT = `INSERT INTO audit_records (at, principal_id, principal_name, action, recipient_id, campaign_id, line_ids, after, request_id, idempotency_key)
  VALUES (now(), 'service', 'bench', 'add', '42', 'renewal-calls', ARRAY[$1::uuid], $2::jsonb, $3, $4)`;

async function insert(withRecord: boolean): Promise<number> {
  const id = randomUUID();
  const start = performance.now();
  await db.transaction(async (tx) => {
    await tx.query(INSERT_LINE, [id]);
    if (withRecord) await tx.query(INSERT_AUDIT, [id, JSON.stringify({ id, note: 'bench', recipientId: '42' }), randomUUID(), `bench-${id}`]);
  });
  return performance.now() - start;
}

async function compare(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  // Warm up both (the JIT, the database's caches), then interleave them so drift hits both alike.
  for (let i = 0; i < 50; i += 1) {
    await a();
    await b();
  }
  const [first, second]: [number[], number[]] = [[], []];
  for (let i = 0; i < ROUNDS; i += 1) {
    if (i % 2 === 0) {
      first.push(await a());
      second.push(await b());
    } else {
      second.push(await b());
      first.push(await a());
    }
  }
  return [median(first), median(second)];
}

const [withMs, withoutMs] = await compare(() => add(audited), () => add(plain));
const [insertWith, insertWithout] = await compare(() => insert(true), () => insert(false));
console.log(`\nAdding a line (PUT /responses/{id}, in-process, PGlite in memory), ${ROUNDS} adds each`);
console.log(`  with its audit record     median ${withMs.toFixed(3)} ms`);
console.log(`  without (record skipped)  median ${withoutMs.toFixed(3)} ms`);
console.log(`  with ÷ without            ${(withMs / withoutMs).toFixed(3)} (must be ≤ 1.30)`);
console.log(`The inserts alone, one transaction each`);
console.log(`  line + audit record       median ${insertWith.toFixed(3)} ms`);
console.log(`  line                      median ${insertWithout.toFixed(3)} ms`);
console.log(`  ratio                     ${(insertWith / insertWithout).toFixed(3)}`);
await db.close();
