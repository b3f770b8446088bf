/**
 * The outbox against what it is built on: enqueueing against a raw `idb` put of the same record
 * (one edit: ≤ 1.5×; 1,000 edits in one `enqueueMany` against one raw transaction of 1,000 puts:
 * ≤ 1.5×), and draining 1,000 queued edits through the REST adapter against a raw sequential
 * `fetch` loop of the same PUTs to the same server (throughput ≥ 0.8×, i.e. time ≤ 1.25×).
 * Both sides of each comparison use the same durability (`strict`, the outbox's default).
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { createRestAdapter } from '../../src/adapter/index.js';
import { Outbox, type OutboxEdit, type OutboxOp, type OutboxSender } from '../../src/offline/index.js';
import { newLine } from '../../test/support/browser/outbox-doubles.js';
import { compare, type BenchContext, type BenchResult } from './harness.js';

const durability: IDBTransactionDurability = 'strict';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** An op record as the outbox stores it, for the raw side. */
function rawRecord(seq: number): OutboxOp {
  const line = newLine();
  return {
    opId: crypto.randomUUID(), kind: 'add', payload: { line }, recipientId: line.recipientId, campaignId: line.campaignId,
    lineId: line.id, seq, state: 'pending', attempts: 0, serverErrors: 0, nextAttemptAt: Date.now(), createdAt: Date.now(),
    mayHaveReachedServer: false,
  };
}

/**
 * The harness's method for work too big for its 30 × 50 calls: `setup` (untimed) before each run,
 * a warm-up of each side, then rounds alternating which side goes first; medians per item.
 */
async function alternate(
  rounds: number,
  items: number,
  sides: { ours: () => Promise<unknown>; baseline: () => Promise<unknown>; setup: () => Promise<void> },
): Promise<{ ours: number; baseline: number; samples: Record<string, number[]> }> {
  const samples = { ours: [] as number[], baseline: [] as number[] };
  const time = async (side: 'ours' | 'baseline', record: boolean) => {
    await sides.setup();
    const start = performance.now();
    await sides[side]();
    if (record) samples[side].push((performance.now() - start) / items);
  };
  await time('ours', false);
  await time('baseline', false);
  for (let round = 0; round < rounds; round += 1) {
    for (const side of round % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) await time(side, true);
  }
  return { ours: median(samples.ours), baseline: median(samples.baseline), samples };
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const quick = context.rounds < 10;
  const results: BenchResult[] = [];
  const dbName = `cr-outbox-bench-${crypto.randomUUID()}`;
  const rawName = `${dbName}-raw`;
  const raw: IDBPDatabase = await openDB(rawName, 1, { upgrade: (db) => db.createObjectStore('ops', { keyPath: 'opId' }) });
  const writer = await Outbox.open({ dbName, durability, requestPersistence: false });
  let seq = 0;
  const clearBoth = async () => {
    await raw.clear('ops');
    const db = await openDB(dbName);
    await db.clear('ops');
    db.close();
  };

  try {
    const one = await compare(
      {
        name: 'outbox enqueue 1 edit',
        baselineName: 'idb put, 1 tx',
        target: 1.5,
        ours: () => writer.enqueueAdd(newLine()),
        baseline: async () => {
          const tx = raw.transaction('ops', 'readwrite', { durability });
          await Promise.all([tx.store.put(rawRecord(++seq)), tx.done]);
        },
      },
      { ...context, rounds: Math.min(context.rounds, 15), callsPerRound: Math.min(context.callsPerRound, 20) },
    );
    results.push({ ...one, note: `each side its own transaction, durability '${durability}'; ours writes into a store with 3 indexes (opId, lineId unique, recipient) and its seq comes from the key generator; the raw store has none` });

    const batch = (): OutboxEdit[] => Array.from({ length: 1000 }, () => ({ kind: 'add', line: newLine() }));
    const many = await alternate(quick ? 2 : 7, 1000, {
      setup: clearBoth,
      ours: () => writer.enqueueMany(batch()),
      baseline: async () => {
        const records = Array.from({ length: 1000 }, () => rawRecord(++seq));
        const tx = raw.transaction('ops', 'readwrite', { durability });
        await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
      },
    });
    results.push({
      name: 'outbox enqueue 1,000 edits (per edit)',
      baselineName: '1,000 idb puts, 1 tx',
      target: 1.5,
      ...many,
      note: `one enqueueMany() call = one transaction (each op record is also the local state; 3 indexes), against one raw transaction of 1,000 puts of the same op records; emptied before each run; '${durability}'`,
    });

    await writer.close();
    const headers = { Authorization: `Bearer ${context.token}` };
    const adapter = createRestAdapter({ baseUrl: context.apiBase, headers: async () => headers });
    const drainCount = quick ? 200 : 1000;
    let lines = [] as ReturnType<typeof newLine>[];
    const put = async (line: ReturnType<typeof newLine>, idempotencyKey: string) => {
      const response = await fetch(`${context.apiBase}/responses/${line.id}`, {
        method: 'PUT',
        headers: { ...headers, Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(line),
      });
      return response.json();
    };
    // The same request as the baseline's, behind the sender interface: what the outbox itself costs.
    const rawSender: OutboxSender = {
      addResponse: (line, options) => put(line, options.idempotencyKey),
      deleteAllResponses: async () => ({ deleted: 0 }),
    };
    // The page has 120 s in all (scripts/bench.mjs): 3 rounds each, the breakdown on 500 edits.
    for (const [label, sender, count] of [['REST adapter', adapter, drainCount], ['raw fetch sender', rawSender, drainCount / 2]] as const) {
      const drain = await alternate(quick ? 2 : 3, count, {
        setup: async () => {
          await clearBoth();
          lines = Array.from({ length: count }, () => newLine());
          const filler = await Outbox.open({ dbName, durability, requestPersistence: false });
          await filler.enqueueMany(lines.map((line) => ({ kind: 'add', line })));
          await filler.close();
        },
        ours: async () => {
          const sending = await Outbox.open({ dbName, sender, requestPersistence: false });
          await new Promise<void>((resolve) => sending.subscribe((event) => event.type === 'sync-complete' && resolve()));
          await sending.close();
        },
        baseline: async () => {
          for (const line of lines) await put(line, crypto.randomUUID());
        },
      });
      results.push({
        name: `outbox drain ${count.toLocaleString('en')} edits, ${label} (per edit)`,
        baselineName: 'sequential fetch PUT + json()',
        target: 1.25,
        ...drain,
        note:
          label === 'REST adapter'
            ? 'from opening a sending Outbox (the REST adapter, which also validates each answer) to sync-complete; claims of 50 per transaction, confirmations removed 10 per transaction while the next request is out; against a sequential fetch loop of the same PUTs. ≤ 1.25× time = ≥ 0.8× throughput'
            : 'the same, with a sender doing exactly the baseline\'s fetch: the outbox\'s own cost (claims, records, events)',
      });
    }
  } finally {
    raw.close();
    await deleteDB(rawName);
    await deleteDB(dbName);
  }
  return results;
}
