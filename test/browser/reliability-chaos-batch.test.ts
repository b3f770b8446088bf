/**
 * Chaos with batches: the outbox of two tabs drains adds through the batch endpoint (POST
 * /responses/batch, `batchAdds`), with the REST adapter, to the reference server behind the fault
 * proxy (30% of writes fail: dropped, answer lost after the commit, 5xx, 429). On top:
 * - partial failures: about one line in eight is one the server refuses (a detail only tracking
 *   sets), inside batches whose other lines it stores;
 * - reloads mid-batch: every third list, the batch's answer is held at the proxy after the server
 *   applied it, and both tabs are reloaded while it is held (the outbox closed and reopened with the
 *   batch in flight, its answer never read); other reloads come at random during the drain.
 * At the end: every accepted line inserted exactly once, no refused line inserted, the refused ones
 * (and only they) failed in the outbox with the server's reason. The same checks, on a sender that
 * re-sends under fresh ids or confirms batches it never sent, find what they are there to find.
 *
 * The single adds' chaos (with delete-alls and Retry-After) is reliability-chaos.test.ts.
 */
import { expect } from '@open-wc/testing';
import type { NewResponseLine } from '../../src/model/types.js';
import type { BatchSabotage } from '../support/browser/tab.js';
import { CLOCK_SCALE, TEST_BACKOFF, drained, lineOf, removeTabs, sleep, startBackend, testDbName, until, withSeed, type Backend, Tab } from '../support/browser/harness.js';
import { between, mulberry32, seededUuid } from '../support/browser/prng.js';

// Not the other chaos suite's seed: the same seed draws the same line ids, which the shared server then
// already holds with other content (409) when both files run against it.
const SEED = 20260611;
const CAMPAIGNS = 6;
const RATES = { dropBefore: 0.08, loseAfter: 0.08, serverError: 0.08, rateLimited: 0.06 };
/** Hand entry of a detail only tracking may set: the server refuses the line, alone. */
const REFUSED_DETAIL = 'opened';
const HOLD = 'batch-in-flight';

interface Figures {
  lists: number;
  lines: number;
  refused: number;
  heldReloads: number;
  otherReloads: number;
  batchRequests: number;
  faults: Record<string, number>;
  lost: number;
  /** Stored once, but under an id other than the line's. */
  misplaced: number;
  duplicated: number;
  refusedApplied: number;
  wrongOutbox: number;
  ms: number;
}

describe('Reliability: chaos with batches (partial failures, lost answers, reloads mid-batch)', function () {
  let backend: Backend;
  let tabs: Tab[] = [];
  let dbName = '';

  before(async function () {
    this.timeout(60_000);
    backend = await startBackend();
  });
  after(async () => {
    await backend?.stop();
  });
  afterEach(async () => {
    await removeTabs(tabs, dbName);
    tabs = [];
  });

  it('every accepted line stored exactly once, every refused one failed alone: 0 lost, 0 applied twice', async function () {
    this.timeout(120_000);
    const replay = 'npx web-test-runner --files test/browser/reliability-chaos-batch.test.ts';
    const figures = await withSeed(SEED, replay, () => runChaos(SEED, 12));
    console.log(`chaos with batches (seed ${SEED}): ${JSON.stringify(figures)}`);
    expect(figures.heldReloads, 'reloads with a batch in flight').to.be.above(0);
    expect(figures.refused, 'lists with refused lines').to.be.above(0);
    expect(figures.lost, 'lost').to.equal(0);
    expect(figures.duplicated, 'applied twice').to.equal(0);
    expect(figures.misplaced, 'stored under another id').to.equal(0);
    expect(figures.refusedApplied, 'refused lines stored').to.equal(0);
    expect(figures.wrongOutbox, 'failed in the outbox: the refused lines, no other').to.equal(0);
  });

  it('the checks catch a sender that sends a batch again under fresh ids (applied twice)', async function () {
    this.timeout(90_000);
    const figures = await runChaos(SEED + 1, 4, 'batchFreshIds');
    expect(figures.duplicated).to.be.above(0);
  });

  it('the checks catch a sender that confirms batches it never sent (lost)', async function () {
    this.timeout(90_000);
    const figures = await runChaos(SEED + 2, 4, 'ackBatchWithoutSending');
    expect(figures.lost).to.be.above(0);
  });

  async function runChaos(seed: number, lists: number, sabotage?: BatchSabotage): Promise<Figures> {
    const random = mulberry32(seed);
    await backend.configure({ seed, rates: RATES, rules: [], killed: false });
    const fixture = await backend.fixture('chaos-batch', CAMPAIGNS);
    dbName = testDbName('chaos-batch');
    const config = { dbName, apiBase: backend.apiBase, token: backend.token, clockScale: CLOCK_SCALE, clockEpoch: Date.now(), backoff: TEST_BACKOFF, batchAdds: true, sabotage };
    tabs = [await Tab.open('A', { ...config, seed: seed * 2 }), await Tab.open('B', { ...config, seed: seed * 2 + 1 })];

    const accepted = new Map<string, string>(); // line id → note
    const refused = new Map<string, string>();
    let heldReloads = 0;
    let otherReloads = 0;
    const started = performance.now();
    for (let list = 0; list < lists; list += 1) {
      const lines: NewResponseLine[] = Array.from({ length: between(random, 5, 30) }, (_, i) => {
        const id = seededUuid(random);
        const note = `${seed} list ${list} line ${i}`;
        const refuse = random() < 0.125;
        (refuse ? refused : accepted).set(id, note);
        const line = lineOf(fixture, Math.floor(random() * CAMPAIGNS), id, note);
        return refuse ? { ...line, detailId: REFUSED_DETAIL } : line;
      });
      const holding = list % 3 === 1;
      if (holding) await backend.configure({ rules: [{ id: HOLD, method: 'POST', pathIncludes: '/responses/batch', action: { hold: 'answer' }, times: 1 }] });
      const tab = tabs[Math.floor(random() * 2)];
      await tab.api.enqueueAdds(lines);
      if (holding) {
        // The server has applied the batch; its answer waits at the proxy while both pages reload.
        const held = await until(async () => (await backend.report()).held > 0, 10_000, 'a batch held at the proxy').then(() => true, () => false);
        if (held) {
          await Promise.all(tabs.map((t) => t.reload()));
          heldReloads += 1;
        }
        await backend.configure({ rules: [] });
        await backend.release(HOLD);
      } else if (random() < 0.3) {
        await sleep(between(random, 0, 60));
        await tabs[Math.floor(random() * 2)].reload();
        otherReloads += 1;
      }
      await sleep(between(random, 0, 80));
    }
    const counts = await drained(tabs, 60_000);
    await sleep(300); // a request of a reloaded page may still land

    const state = await backend.state(fixture.recipientId);
    const insertsByNote = new Map<string, number>();
    for (const event of state.audit) if (event.kind === 'insert' && event.note) insertsByNote.set(event.note, (insertsByNote.get(event.note) ?? 0) + 1);
    let lost = 0;
    let duplicated = 0;
    let misplaced = 0;
    const problems: string[] = [];
    for (const [id, note] of accepted) {
      const inserts = insertsByNote.get(note) ?? 0;
      if (inserts === 0) lost += 1;
      if (inserts > 1) duplicated += inserts - 1;
      if (inserts !== 1) problems.push(`line ${id} (${note}) inserted ${inserts} times`);
      else if (!state.lines.some((line) => line.id === id && line.note === note)) {
        misplaced += 1;
        problems.push(`line ${id} stored under another id`);
      }
    }
    const refusedApplied = [...refused.values()].filter((note) => insertsByNote.has(note)).length;
    const failedIds = (await tabs[0].api.list()).filter((op) => op.state === 'failed' && op.lastError?.status === 422).map((op) => op.lineId);
    const wrongOutbox = Math.abs(counts.failed - refused.size) + [...refused.keys()].filter((id) => !failedIds.includes(id)).length;
    if (problems.length > 0) console.error(`${sabotage ? `negative control ${sabotage}, problems expected` : 'chaos with batches'}: ${problems.slice(0, 20).join('\n')}`);
    const report = await backend.report(true);
    return {
      lists,
      lines: accepted.size + refused.size,
      refused: refused.size,
      heldReloads,
      otherReloads,
      batchRequests: (report.log ?? []).filter((entry) => entry.path.includes('/responses/batch')).length,
      faults: report.stats.faults,
      lost,
      misplaced,
      duplicated,
      refusedApplied,
      wrongOutbox,
      ms: Math.round(performance.now() - started),
    };
  }
});
