/**
 * A bulk entry's Save through the outbox: 1,000 lines from the save (one `enqueueMany`, one
 * transaction: what the data client's offline parts do with `addResponses`) until the outbox has
 * every one confirmed, drained through the batch endpoint (`batchAdds`, POST /responses/batch),
 * against the same 1,000 lines drained as single adds (PUT /responses/{id}) through the same outbox
 * with `batchAdds` off. The same REST adapter sends both; the runner's API answers both without a
 * database, so the figure is the requests' and the outbox's, not the server's (bench/node/batch.bench.ts
 * weighs the reference server). The issue's target: ≥ 5× faster, i.e. ratio ≤ 0.2.
 */
import { deleteDB } from 'idb';
import { createRestAdapter } from '../../src/adapter/index.js';
import { Outbox } from '../../src/offline/index.js';
import { newLine } from '../../test/support/browser/outbox-doubles.js';
import type { BenchContext, BenchResult } from './harness.js';

const LINES = 1000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const quick = context.rounds < 10;
  const headers = { Authorization: `Bearer ${context.token}` };
  const adapter = createRestAdapter({ baseUrl: context.apiBase, headers: async () => headers });

  /** Milliseconds from the save of `LINES` lines to the last one confirmed (the outbox empty again). */
  async function saveAndDrain(batchAdds: boolean): Promise<number> {
    const dbName = `cr-outbox-batch-bench-${crypto.randomUUID()}`;
    const outbox = await Outbox.open({ dbName, sender: adapter, batchAdds, requestPersistence: false });
    try {
      const lines = Array.from({ length: LINES }, () => newLine());
      let confirmed = 0;
      const all = new Promise<void>((resolve) =>
        outbox.subscribe((event) => {
          if (!event.remote && event.type === 'removed' && event.reason === 'done' && ++confirmed === LINES) resolve();
        }),
      );
      const start = performance.now();
      await outbox.enqueueMany(lines.map((line) => ({ kind: 'add' as const, line })));
      await all;
      const ms = performance.now() - start;
      if ((await outbox.list()).length > 0) throw new Error('the outbox still holds edits after all were confirmed');
      return ms;
    } finally {
      await outbox.close();
      await deleteDB(dbName);
    }
  }

  // A warm-up of each, then rounds alternating which goes first.
  await saveAndDrain(true);
  await saveAndDrain(false);
  const samples = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < (quick ? 1 : 3); round += 1) {
    const order = round % 2 ? ([false, true] as const) : ([true, false] as const);
    for (const batchAdds of order) samples[batchAdds ? 'ours' : 'baseline'].push(await saveAndDrain(batchAdds));
  }
  const ours = median(samples.ours);
  const baseline = median(samples.baseline);
  return [
    {
      name: `bulk save of ${LINES.toLocaleString('en')} lines through the outbox, batches (whole run, ms)`,
      baselineName: 'the same outbox, single adds',
      target: 0.2,
      ours,
      baseline,
      samples,
      note: `one enqueueMany of ${LINES.toLocaleString('en')} lines, then until every line is confirmed; batchAdds on (POST /responses/batch) against off (one PUT per line), the same REST adapter and outbox; medians of ${samples.ours.length} rounds. Batches are ${(baseline / ours).toFixed(1)}× faster here (target ≥ 5×: ratio ≤ 0.2)`,
    },
  ];
}
