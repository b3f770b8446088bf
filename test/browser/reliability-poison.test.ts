/**
 * Poison: among 100 edits through the real Outbox and REST adapter, one line is
 * answered 422 by every request and one 503 by every request (scripted in the fault proxy). The
 * other 98 arrive, once each; the 422 is tried once (final), the 503 a bounded number of times
 * (`maxServerAttempts`, production's 8); the outbox's counts and list show both as failed, with
 * the server's status, for the sync status element to show.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_BACKOFF } from '../../src/offline/index.js';
import {
  CLOCK_SCALE,
  TEST_BACKOFF,
  effectsByLine,
  lineOf,
  removeTabs,
  startBackend,
  testDbName,
  until,
  withSeed,
  type Backend,
  Tab,
} from '../support/browser/harness.js';
import { mulberry32, seededUuid } from '../support/browser/prng.js';

const SEED = 4242;

describe('Reliability: poison edits (a permanent 422 and a permanent 503 among 100)', function () {
  this.timeout(60_000);
  let backend: Backend;
  const tabs: Tab[] = [];
  let dbName: string;

  before(async () => {
    backend = await startBackend();
  });
  after(async () => {
    await removeTabs(tabs, dbName);
    await backend?.stop();
  });

  it('the other 98 arrive once; the 422 is tried once, the 503 a bounded number of times; both show as failed', async () => {
    await withSeed(SEED, 'the seed is fixed in test/browser/reliability-poison.test.ts', async () => {
      const random = mulberry32(SEED);
      const fixture = await backend.fixture('poison', 5);
      const lines = Array.from({ length: 100 }, (_, i) => lineOf(fixture, Math.floor(random() * 5), seededUuid(random), `edit ${i}`));
      const invalid = lines[Math.floor(random() * 50)];
      const unavailable = lines[50 + Math.floor(random() * 50)];
      await backend.configure({
        rules: [
          { id: '422', method: 'PUT', pathIncludes: invalid.id, action: { status: 422, detail: 'The server refuses this line.' } },
          { id: '503', method: 'PUT', pathIncludes: unavailable.id, action: { status: 503, detail: 'Always down for this line.' } },
        ],
      });
      dbName = testDbName('poison');
      const tab = await Tab.open('A', { dbName, apiBase: backend.apiBase, token: backend.token, clockScale: CLOCK_SCALE, clockEpoch: Date.now(), backoff: TEST_BACKOFF, seed: SEED });
      tabs.push(tab);
      // Entered one by one, as a person would.
      const ops = [];
      for (const line of lines) ops.push((await tab.api.enqueueAdd(line)).op);

      await until(async () => {
        const counts = await tab.api.counts();
        return counts.pending === 0 && counts.inflight === 0;
      }, 45_000, 'the queue to settle');
      const counts = await tab.api.counts();
      expect(counts).to.include({ pending: 0, inflight: 0, failed: 2, conflict: 0 });
      const left = await tab.api.list();
      expect(left.map((op) => [op.lineId, op.state, op.lastError?.status]).sort()).to.deep.equal(
        [[invalid.id, 'failed', 422], [unavailable.id, 'failed', 503]].sort(),
      );
      expect(left.find((op) => op.lineId === invalid.id)?.lastError?.problem?.detail).to.equal('The server refuses this line.');

      const { log = [] } = await backend.report(true);
      const tries = (id: string) => log.filter((entry) => entry.path.includes(id)).length;
      expect(tries(invalid.id), 'the 422 is final at once').to.equal(1);
      expect(tries(unavailable.id), 'the 503 is bounded').to.equal(DEFAULT_BACKOFF.maxServerAttempts);

      const state = await backend.state(fixture.recipientId, ops.map((op) => op.opId));
      const effects = effectsByLine(state.audit);
      const others = lines.filter((line) => line !== invalid && line !== unavailable);
      for (const line of others) expect(effects.get(line.id)?.map((e) => e.kind), `${line.note} once`).to.deep.equal(['insert']);
      expect(state.lines.map((l) => l.id).sort()).to.deep.equal(others.map((l) => l.id).sort());
      console.log(`poison figures ${JSON.stringify({ operations: 100, arrived: state.lines.length, triesOf422: tries(invalid.id), triesOf503: tries(unavailable.id), requests: log.length })}`);
    });
  });
});
