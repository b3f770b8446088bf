/**
 * Crash points: the page is killed — its iframe removed, so its IndexedDB
 * connections, Web Lock and requests go with it and no closing code runs — at each point of an
 * edit's way to the server, and a page opened afterwards on the same database finishes the job:
 *
 * - right after enqueue (durable, not yet claimed: another page held the sender's Web Lock);
 * - after claim (inflight, the request never left: the sender hangs before fetching);
 * - after the request left (the proxy holds it: the server has not seen it), the original then
 *   reaching the server late — before the new page re-sends it, or after it re-sent it and later
 *   edits were applied;
 * - after the answer arrived, before it was recorded (the server committed; the sender hangs
 *   after reading the answer).
 *
 * Each for an add and for a delete-all (with existing lines before it and an add after it, so a
 * late or replayed delete-all that deleted the later line would show). Checked on the server's
 * audit trail: the edit took effect exactly once, by its own idempotency key.
 */
import { expect } from '@open-wc/testing';
import { createRestAdapter } from '../../src/adapter/index.js';
import type { NewResponseLine } from '../../src/model/types.js';
import type { OutboxOp } from '../../src/offline/index.js';
import {
  CLOCK_SCALE,
  TEST_BACKOFF,
  drained,
  effectsByLine,
  keyEvents,
  lineOf,
  removeTabs,
  startBackend,
  testDbName,
  until,
  type Backend,
  Tab,
} from '../support/browser/harness.js';
import type { HoldSpec } from '../support/browser/tab.js';

type Point = 'after enqueue' | 'after claim' | 'after the request left (late original first)' | 'after the request left (late original last)' | 'after the answer arrived';
const POINTS: Point[] = [
  'after enqueue',
  'after claim',
  'after the request left (late original first)',
  'after the request left (late original last)',
  'after the answer arrived',
];

describe('Reliability: crash points (the page killed, then reopened)', function () {
  this.timeout(30_000);
  let backend: Backend;
  let tabs: Tab[] = [];
  let dbName: string;

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
    await backend.release();
    await backend.configure({ rules: [] });
  });

  for (const kind of ['add', 'deleteAll'] as const) {
    for (const point of POINTS) {
      it(`${kind === 'add' ? 'an add' : 'a delete-all'}, killed ${point}: applied exactly once after restart`, async () => {
        await crashAt(kind, point);
      });
    }
  }

  async function crashAt(kind: 'add' | 'deleteAll', point: Point): Promise<void> {
    const fixture = await backend.fixture('crash', 1);
    const campaignId = fixture.campaigns[0].id;
    const direct = createRestAdapter({ baseUrl: backend.apiBase, headers: { Authorization: `Bearer ${backend.token}` } });
    // Lines already on the server (what a delete-all must remove, once).
    const before: NewResponseLine[] = [];
    if (kind === 'deleteAll') {
      for (const note of ['before 1', 'before 2']) {
        const line = lineOf(fixture, 0, crypto.randomUUID(), note);
        await direct.addResponse(line, { idempotencyKey: crypto.randomUUID() });
        before.push(line);
      }
    }
    const target = lineOf(fixture, 0, crypto.randomUUID(), 'the edit');
    const match = kind === 'add' ? { method: 'PUT', pathIncludes: target.id } : { method: 'DELETE', pathIncludes: `/campaigns/${campaignId}/responses` };
    const holdSpec: HoldSpec = kind === 'add' ? { kind, lineId: target.id, at: 'claim' } : { kind, campaignId, at: 'claim' };

    dbName = testDbName('crash');
    const config = { dbName, apiBase: backend.apiBase, token: backend.token, clockScale: CLOCK_SCALE, clockEpoch: Date.now(), backoff: TEST_BACKOFF };
    let releaseLock: (() => void) | undefined;
    if (point === 'after enqueue') {
      // Another page holds the sender's lock: this one only enqueues.
      await new Promise<void>((granted) => {
        void navigator.locks.request(`cr-outbox-sender:${dbName}`, () => {
          granted();
          return new Promise<void>((resolve) => (releaseLock = resolve));
        });
      });
    }
    const leftEarly = point.startsWith('after the request left');
    if (leftEarly) await backend.configure({ rules: [{ id: 'hold', ...match, action: { hold: 'request' }, times: 1 }] });
    const hold = point === 'after claim' ? holdSpec : point === 'after the answer arrived' ? { ...holdSpec, at: 'answer' as const } : undefined;
    const first = await Tab.open('first', { ...config, hold });
    tabs.push(first);

    const { op } = kind === 'add' ? await first.api.enqueueAdd(target) : await first.api.enqueueDeleteAll(fixture.recipientId, campaignId);
    const stored = async () => (await first.api.list()).find((o) => o.opId === op.opId);
    switch (point) {
      case 'after enqueue':
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await stored()).to.include({ state: 'pending', mayHaveReachedServer: false });
        break;
      case 'after claim':
        await until(() => first.api.held.length === 1, 5000, 'the send to stop after its claim');
        expect(await stored()).to.include({ state: 'inflight', mayHaveReachedServer: true });
        break;
      case 'after the answer arrived':
        await until(() => first.api.held.length === 1, 5000, 'the answer to arrive');
        expect(keyEvents((await backend.state(fixture.recipientId, [op.opId])).audit).get(op.opId), 'the server committed').to.have.length(1);
        expect(await stored(), 'not recorded').to.include({ state: 'inflight' });
        break;
      default:
        await until(async () => (await backend.report()).held === 1, 5000, 'the proxy to hold the request');
        expect(await stored()).to.include({ state: 'inflight' });
    }

    first.kill();
    releaseLock?.();
    if (point === 'after the request left (late original first)') await lateOriginal();

    const second = await Tab.open('second', config);
    tabs.push(second);
    let after: NewResponseLine | undefined;
    let afterOp: OutboxOp | undefined;
    if (kind === 'deleteAll') {
      after = lineOf(fixture, 0, crypto.randomUUID(), 'after the delete-all');
      afterOp = (await second.api.enqueueAdd(after)).op;
    }
    const counts = await drained([second], 15_000);
    expect(counts).to.include({ failed: 0, conflict: 0 });
    if (point === 'after the request left (late original last)') await lateOriginal();

    const state = await backend.state(fixture.recipientId, [op.opId]);
    const keys = keyEvents(state.audit);
    const effects = effectsByLine(state.audit);
    expect(keys.get(op.opId), 'the edit took effect once').to.have.length(1);
    const txid = keys.get(op.opId)?.[0].txid;
    if (kind === 'add') {
      expect(effects.get(target.id)?.map((e) => [e.kind, e.txid])).to.deep.equal([['insert', txid]]);
      expect(state.lines.map((l) => l.id)).to.deep.equal([target.id]);
    } else {
      for (const line of before) {
        expect(effects.get(line.id)?.map((e) => e.kind), `${line.note}: inserted, then deleted once`).to.deep.equal(['insert', 'delete']);
        expect(effects.get(line.id)?.[1].txid, 'by the delete-all').to.equal(txid);
      }
      expect(effects.get(after!.id)?.map((e) => e.kind), 'the later line was not deleted').to.deep.equal(['insert']);
      expect(keys.get(afterOp!.opId), 'the later add took effect once').to.have.length(1);
      expect(state.lines.map((l) => l.id)).to.deep.equal([after!.id]);
    }
  }

  /** Lets the held original go on to the server (the page that sent it is gone) and waits for its answer. */
  async function lateOriginal(): Promise<void> {
    expect(await backend.release('hold')).to.equal(1);
    await until(async () => ((await backend.report(true)).log ?? []).some((entry) => entry.action === 'rule:hold' && entry.forwarded), 5000, 'the late original to reach the server');
  }
});
