import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { RateLimitedError, UnavailableError } from '../../src/adapter/errors.js';
import { Outbox, fullJitterDelay, retryDelay, DEFAULT_BACKOFF, type OutboxEvent, type OutboxOptions } from '../../src/offline/index.js';
import { eventually, FakeOutboxSender, ManualClock, newLine } from '../support/browser/outbox-doubles.js';
import { gate } from './fake-adapter.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('Outbox: retries, backoff and probing', () => {
  let dbName: string;
  let clock: ManualClock;
  let opened: Outbox[];
  const open = async (options: Partial<OutboxOptions>) => {
    const outbox = await Outbox.open({ dbName, clock, random: () => 0.5, backoff: { baseMs: 1000, capMs: 60_000 }, ...options });
    opened.push(outbox);
    return outbox;
  };

  beforeEach(() => {
    dbName = `cr-outbox-test-${crypto.randomUUID()}`;
    clock = new ManualClock();
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((outbox) => outbox.close()));
    await deleteDB(dbName);
  });

  it('full jitter: uniform below min(cap, base·2^(n−1)); Retry-After is a floor', () => {
    const options = { baseMs: 100, capMs: 1000 };
    expect(fullJitterDelay(1, options, () => 0.999)).to.equal(99);
    expect(fullJitterDelay(3, options, () => 0.5)).to.equal(200);
    expect(fullJitterDelay(30, options, () => 0.999)).to.equal(999);
    expect(fullJitterDelay(4, options, () => 0)).to.equal(0);
    expect(retryDelay(1, 5000, { ...DEFAULT_BACKOFF, ...options }, () => 0.5)).to.equal(5000);
    expect(retryDelay(5, 10, { ...DEFAULT_BACKOFF, ...options }, () => 0.5)).to.equal(500);
  });

  it('503 with Retry-After: nothing is sent before it, then one probe, then full speed', async () => {
    const sender = new FakeOutboxSender();
    const probe = gate();
    let probed = '';
    sender.respond = (call) => {
      if (sender.calls.length === 1) throw new UnavailableError('down', { status: 503, retryAfterMs: 5000 });
      if (sender.calls.length === 2) {
        probed = call.idempotencyKey;
        return probe.promise;
      }
    };
    const outbox = await open({ sender });
    const ops = await outbox.enqueueMany([1, 2, 3, 4].map(() => ({ kind: 'add' as const, line: newLine() })));
    await eventually(async () => (await outbox.list())[0]?.state === 'pending' && sender.calls.length === 1);
    const [first] = await outbox.list();
    expect(first).to.include({ attempts: 1, serverErrors: 1, nextAttemptAt: clock.now() + 5000 });
    expect(first.lastError).to.include({ kind: 'unavailable', status: 503 });
    // The other three were never sent: the whole sender backs off, not only the failed operation.
    expect((await outbox.list()).slice(1).map((op) => op.state)).to.deep.equal(['pending', 'pending', 'pending']);
    clock.advance(4999);
    await settle();
    expect(sender.calls).to.have.length(1);
    clock.advance(1);
    await eventually(() => sender.calls.length === 2);
    await settle();
    expect(sender.calls, 'one probe at a time').to.have.length(2);
    // The probe is the operation tried least, so a poisoned one cannot stand in the way.
    expect(probed).to.equal(ops[1].opId);
    probe.open();
    await eventually(() => sender.calls.length === 5);
    await eventually(async () => (await outbox.list()).length === 0);
    expect(new Set(sender.calls.map((c) => c.idempotencyKey))).to.have.length(4);
    expect([...sender.effects.values()].every((n) => n === 1)).to.equal(true);
    expect(ops).to.have.length(4);
  });

  it('429 honours Retry-After even when the backoff is shorter', async () => {
    const sender = new FakeOutboxSender();
    sender.respond = () => {
      if (sender.calls.length === 1) throw new RateLimitedError('slow down', { status: 429, retryAfterMs: 30_000 });
    };
    const outbox = await open({ sender });
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    await outbox.enqueueAdd(newLine());
    await eventually(() => events.some((e) => e.type === 'sync-failed'));
    expect(events.find((e) => e.type === 'sync-failed')).to.include({ final: false, retryAt: clock.now() + 30_000 });
    clock.advance(29_999);
    await settle();
    expect(sender.calls).to.have.length(1);
    clock.advance(1);
    await eventually(() => sender.calls.length === 2);
  });

  it('without Retry-After the wait is the jittered backoff, growing per attempt', async () => {
    const sender = new FakeOutboxSender();
    sender.respond = () => {
      if (sender.calls.length <= 2) throw new UnavailableError('down', { status: 502 });
    };
    const outbox = await open({ sender });
    await outbox.enqueueAdd(newLine());
    await eventually(async () => (await outbox.list())[0]?.attempts === 1);
    expect((await outbox.list())[0].nextAttemptAt - clock.now()).to.equal(500); // 0.5 × 1000
    clock.advance(500);
    await eventually(async () => (await outbox.list())[0]?.attempts === 2);
    expect((await outbox.list())[0].nextAttemptAt - clock.now()).to.equal(1000); // 0.5 × 2000
    clock.advance(1000);
    await eventually(async () => (await outbox.list()).length === 0);
  });

  it('a permanent 503 is tried a bounded number of times and then failed; the others arrive', async () => {
    const sender = new FakeOutboxSender();
    sender.respond = (call) => {
      if (call.lineId === 'poison') throw new UnavailableError('broken', { status: 503 });
    };
    const outbox = await open({ sender, backoff: { baseMs: 100, capMs: 1000, maxServerAttempts: 3 } });
    await outbox.enqueueAdd(newLine({ id: 'poison' }));
    await outbox.enqueueMany([1, 2, 3].map(() => ({ kind: 'add' as const, line: newLine() })));
    for (let i = 0; i < 40 && ((await outbox.counts()).failed === 0 || sender.lines.size < 3); i += 1) {
      clock.advance(1000);
      await settle();
    }
    const left = await outbox.list();
    expect(left.map((op) => [op.lineId, op.state, op.serverErrors])).to.deep.equal([['poison', 'failed', 3]]);
    expect(sender.callsOf(left[0].opId)).to.have.length(3);
    expect(sender.lines.size).to.equal(3);
    // The others were not held back until the poisoned one gave up: they arrived at the first probe.
    const poisonCalls = sender.calls.map((c, i) => (c.lineId === 'poison' ? i : -1)).filter((i) => i >= 0);
    expect(poisonCalls[1]).to.be.greaterThan(sender.calls.findIndex((c) => c.lineId !== 'poison'));
  });

  it('network errors (no answer) are retried without the bound, and an online event probes early', async () => {
    const sender = new FakeOutboxSender();
    let offline = true;
    sender.respond = () => {
      if (offline) throw new TypeError('Failed to fetch');
    };
    const outbox = await open({ sender, backoff: { baseMs: 60_000, capMs: 600_000, maxServerAttempts: 1 } });
    await outbox.enqueueAdd(newLine());
    await eventually(async () => (await outbox.list())[0]?.attempts === 1);
    const [waiting] = await outbox.list();
    expect(waiting).to.include({ state: 'pending', serverErrors: 0 });
    expect(waiting.lastError).to.include({ kind: 'network' });
    expect(waiting.nextAttemptAt - clock.now()).to.equal(30_000);
    offline = false;
    globalThis.dispatchEvent(new Event('online'));
    await eventually(() => sender.calls.length === 2);
    await eventually(async () => (await outbox.list()).length === 0);
  });
});
