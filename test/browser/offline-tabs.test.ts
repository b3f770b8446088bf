import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { Outbox, type OutboxEvent, type OutboxOp, type OutboxOptions } from '../../src/offline/index.js';
import { eventually, FakeOutboxSender, ManualClock, newLine } from '../support/browser/outbox-doubles.js';
import { gate } from './fake-adapter.js';

describe('Outbox across tabs: one sender, leases, BroadcastChannel', () => {
  let dbName: string;
  let opened: Outbox[];
  let clock: ManualClock;
  const open = async (options: Partial<OutboxOptions> = {}) => {
    const outbox = await Outbox.open({ dbName, clock, random: () => 0.5, ...options });
    opened.push(outbox);
    return outbox;
  };
  beforeEach(() => {
    dbName = `cr-outbox-test-${crypto.randomUUID()}`;
    opened = [];
    clock = new ManualClock();
  });
  afterEach(async () => {
    await Promise.all(opened.map((outbox) => outbox.close()));
    await deleteDB(dbName);
  });

  it('two outboxes on one database (two tabs): only the Web Lock holder sends; the other takes over when it closes', async () => {
    const senderA = new FakeOutboxSender();
    const senderB = new FakeOutboxSender();
    const held = gate();
    senderA.respond = (call) => (call.lineId === 'held' ? held.promise : undefined);
    const a = await open({ sender: senderA });
    await eventually(() => a.isLeader);
    const b = await open({ sender: senderB });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(b.isLeader).to.equal(false);
    // Tab B queues: tab A is told over BroadcastChannel and sends.
    await b.enqueueAdd(newLine({ id: 'from-b' }));
    await eventually(() => senderA.calls.length === 1);
    await eventually(async () => (await a.list()).length === 0);
    expect(senderB.calls).to.have.length(0);
    // Mid-drain, tab A goes away with a request unanswered: B resumes it under the same opId.
    const heldOp = await b.enqueueAdd(newLine({ id: 'held' }));
    await eventually(() => senderA.calls.length === 2);
    await b.enqueueAdd(newLine({ id: 'queued-behind' }));
    await a.close();
    await eventually(() => b.isLeader);
    await eventually(async () => (await b.list()).length === 0);
    expect(senderB.calls.map((c) => c.lineId)).to.have.members(['held', 'queued-behind']);
    expect(senderB.callsOf(heldOp.opId)).to.have.length(1);
    held.open();
  });

  it('a new lock holder re-sends at once what a vanished sender left inflight (same opId)', async () => {
    const writer = await open();
    const op = await writer.enqueueAdd(newLine());
    await writer.close();
    await markInflight(dbName, op, clock.now() + 600_000);
    const sender = new FakeOutboxSender();
    await open({ sender });
    await eventually(() => sender.calls.length === 1);
    expect(sender.calls[0].idempotencyKey).to.equal(op.opId);
  });

  it('without Web Locks, an inflight op is re-sent only after its lease expired, with the same opId', async () => {
    const writer = await open();
    const op = await writer.enqueueAdd(newLine());
    await writer.close();
    await markInflight(dbName, op, clock.now() + 30_000);
    const sender = new FakeOutboxSender();
    const outbox = await open({ sender, useWebLocks: false, leaseMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sender.calls).to.have.length(0);
    clock.advance(29_999);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sender.calls).to.have.length(0);
    clock.advance(1);
    await eventually(() => sender.calls.length === 1);
    expect(sender.calls[0].idempotencyKey).to.equal(op.opId);
    await eventually(async () => (await outbox.list()).length === 0);
  });

  it('other tabs hear of queued edits and state changes over BroadcastChannel', async () => {
    const sender = new FakeOutboxSender();
    const leader = await open({ sender });
    await eventually(() => leader.isLeader);
    const watcher = await open();
    const heard: OutboxEvent[] = [];
    watcher.subscribe((event) => heard.push(event));
    const op = await leader.enqueueAdd(newLine());
    await eventually(() => heard.some((e) => e.type === 'sync-complete'));
    const kinds = heard.map((e) => (e.type === 'state' ? `state:${e.to}` : e.type));
    expect(kinds).to.include.members(['queued', 'state:inflight', 'state:done', 'removed', 'sync-complete']);
    expect(heard.every((e) => e.remote === true)).to.equal(true);
    expect(heard.find((e) => e.type === 'queued')).to.deep.include({ op: { ...op } });
  });
});

/** What a tab that died mid-send leaves behind: an inflight op with someone else's claim. */
async function markInflight(dbName: string, op: OutboxOp, leaseUntil: number): Promise<void> {
  const raw = await openDB(dbName);
  await raw.put('ops', { ...op, state: 'inflight', claimId: 'a-tab-that-died', claimedAt: leaseUntil - 30_000, leaseUntil, mayHaveReachedServer: true });
  raw.close();
}
