import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { AuthError, ConflictError, ValidationError } from '../../src/adapter/errors.js';
import { Outbox, OutboxStorageError, outboxDbName, wipeOfflineData, type OutboxEvent, type OutboxOptions } from '../../src/offline/index.js';
import { eventually, FakeOutboxSender, ManualClock, newLine } from '../support/browser/outbox-doubles.js';
import { gate } from './fake-adapter.js';

describe('Outbox: durability, states and answers', () => {
  let dbName: string;
  let clock: ManualClock;
  let opened: Outbox[];
  const open = async (options: Partial<OutboxOptions> = {}) => {
    const outbox = await Outbox.open({ dbName, clock, random: () => 0.5, ...options });
    opened.push(outbox);
    return outbox;
  };
  const recorder = (outbox: Outbox) => {
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    return events;
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

  it('an edit is durable when enqueue resolves: another connection and a new Outbox see it', async () => {
    const first = await open();
    const line = newLine();
    const op = await first.enqueueAdd(line);
    expect(op.opId).to.match(/^[0-9a-f-]{36}$/);
    expect(op).to.include({ state: 'pending', kind: 'add', lineId: line.id, attempts: 0, mayHaveReachedServer: false, seq: 1 });
    await first.close();
    const raw = await openDB(dbName);
    expect((await raw.getFromIndex('ops', 'opId', op.opId))?.payload.line).to.deep.equal(line);
    expect((await raw.getFromIndex('ops', 'lineId', line.id))?.opId).to.equal(op.opId);
    raw.close();
    const second = await open();
    expect((await second.list()).map((o) => o.opId)).to.deep.equal([op.opId]);
    expect((await second.readLocalState('42')).lines.map((l) => [l.id, l.state])).to.deep.equal([[line.id, 'pending']]);
  });

  it('goes pending → inflight → done, sends the opId as Idempotency-Key, then removes the op and its local line', async () => {
    const sender = new FakeOutboxSender();
    const held = gate();
    sender.respond = () => held.promise;
    const outbox = await open({ sender });
    const events = recorder(outbox);
    const op = await outbox.enqueueAdd(newLine());
    await eventually(() => sender.calls.length === 1);
    expect(sender.calls[0].idempotencyKey).to.equal(op.opId);
    expect((await outbox.list())[0]).to.include({ state: 'inflight', mayHaveReachedServer: true });
    expect((await outbox.counts()).inflight).to.equal(1);
    held.open();
    await eventually(() => events.some((e) => e.type === 'sync-complete'));
    const states = events.flatMap((e) => (e.type === 'state' ? [`${e.from}→${e.to}`] : []));
    expect(states).to.deep.equal(['pending→inflight', 'inflight→done']);
    expect(events.map((e) => e.type)).to.include.members(['queued', 'removed', 'sync-complete']);
    expect(await outbox.list()).to.deep.equal([]);
    expect((await outbox.readLocalState('42')).lines).to.deep.equal([]);
    const counts = await outbox.counts();
    expect(counts).to.include({ pending: 0, inflight: 0, lastSyncAt: clock.now() });
    expect(sender.effects.get(op.opId)).to.equal(1);
  });

  it('422 → failed, kept visible, not sent again until retried (with the same opId)', async () => {
    const sender = new FakeOutboxSender();
    let refuse = true;
    sender.respond = () => {
      if (refuse) throw new ValidationError('note too long', [{ field: 'note', message: 'too long' }], { status: 422 });
    };
    const outbox = await open({ sender });
    const events = recorder(outbox);
    const op = await outbox.enqueueAdd(newLine());
    await eventually(() => events.some((e) => e.type === 'sync-failed'));
    const [failed] = await outbox.list();
    expect(failed).to.include({ state: 'failed', attempts: 1 });
    expect(failed.lastError).to.include({ kind: 'validation', status: 422 });
    expect(events.find((e) => e.type === 'sync-failed')).to.include({ final: true });
    expect((await outbox.readLocalState('42')).lines[0].state).to.equal('failed');
    clock.advance(3_600_000);
    outbox.poke();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.calls).to.have.length(1);
    expect((await outbox.counts()).failed).to.equal(1);
    refuse = false;
    await outbox.retry(op.opId);
    await eventually(() => sender.calls.length === 2);
    expect(sender.calls[1].idempotencyKey).to.equal(op.opId);
    await eventually(() => events.some((e) => e.type === 'removed'));
  });

  it('409 → conflict, kept with the server version when obtainable', async () => {
    const sender = new FakeOutboxSender();
    sender.respond = () => {
      throw new ConflictError('line exists with other content', { status: 409, problem: { type: 'x/conflict', detail: 'already exists' } });
    };
    const outbox = await open({ sender, fetchConflictVersion: async (op) => ({ id: op.lineId, note: 'theirs' }) });
    const events = recorder(outbox);
    const op = await outbox.enqueueAdd(newLine());
    await eventually(() => events.some((e) => e.type === 'state' && e.to === 'conflict'));
    const [stored] = await outbox.list();
    expect(stored).to.include({ state: 'conflict', opId: op.opId });
    expect(stored.serverVersion).to.deep.equal({ id: op.lineId, note: 'theirs' });
    expect((await outbox.counts()).conflict).to.equal(1);
  });

  it('a 409 "in progress" of a twin request is retried, not a conflict', async () => {
    const sender = new FakeOutboxSender();
    let first = true;
    sender.respond = () => {
      if (first) {
        first = false;
        throw new ConflictError('busy', { status: 409, problem: { detail: 'A request with this Idempotency-Key is in progress; retry.' } });
      }
    };
    const outbox = await open({ sender });
    await outbox.enqueueAdd(newLine());
    await eventually(() => sender.calls.length === 1);
    await eventually(async () => (await outbox.list())[0]?.state === 'pending');
    clock.advance(1000);
    await eventually(() => sender.calls.length === 2);
  });

  it('401 pauses all sending without counting attempts; resume() continues', async () => {
    const sender = new FakeOutboxSender();
    let token = false;
    sender.respond = () => {
      if (!token) throw new AuthError('token expired', { status: 401 });
    };
    const outbox = await open({ sender });
    const events = recorder(outbox);
    await outbox.enqueueAdd(newLine());
    await outbox.enqueueAdd(newLine());
    await eventually(() => events.some((e) => e.type === 'auth-required'));
    await eventually(async () => (await outbox.list()).every((op) => op.state === 'pending'));
    expect((await outbox.list()).map((op) => op.attempts)).to.deep.equal([0, 0]);
    expect(outbox.authPaused).to.equal(true);
    clock.advance(3_600_000);
    outbox.poke();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.calls).to.have.length(1);
    token = true;
    outbox.resume();
    await eventually(() => events.some((e) => e.type === 'sync-complete'));
    expect(sender.lines.size).to.equal(2);
    expect(await outbox.list()).to.deep.equal([]);
  });

  it('a quota error on enqueue rejects with a typed error and writes nothing', async () => {
    const outbox = await open({
      beforeEnqueueCommit: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    let error: unknown;
    await outbox.enqueueAdd(newLine()).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(OutboxStorageError);
    expect((error as OutboxStorageError).kind).to.equal('quota');
    expect(await outbox.list()).to.deep.equal([]);
    expect((await outbox.readLocalState('42')).lines).to.deep.equal([]);
  });

  it('without IndexedDB the outbox reports available: false and refuses to queue', async () => {
    const outbox = await open({ indexedDB: null, sender: new FakeOutboxSender() });
    expect(outbox.available).to.equal(false);
    let error: unknown;
    await outbox.enqueueAdd(newLine()).catch((e: unknown) => (error = e));
    expect((error as OutboxStorageError).kind).to.equal('unavailable');
    expect((await outbox.counts()).pending).to.equal(0);
    expect(await outbox.list()).to.deep.equal([]);
  });

  it('wipeOfflineData(userKey) deletes the user\'s database, even while an outbox has it open', async () => {
    const userKey = `user ${crypto.randomUUID()}/ü`;
    dbName = outboxDbName(userKey);
    expect(dbName.startsWith('cr-outbox-')).to.equal(true);
    const outbox = await Outbox.open({ userKey, clock });
    opened.push(outbox);
    await outbox.enqueueAdd(newLine());
    await wipeOfflineData(userKey);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.to.include(dbName);
  });

  it('the optimistic local state is written with the edit, and a delete-all shows as a pending deletion', async () => {
    const outbox = await open();
    const a = newLine();
    const b = newLine({ campaignId: 'legacy', eventId: 'legacy-mail' });
    await outbox.enqueueMany([{ kind: 'add', line: a }, { kind: 'add', line: b }]);
    const sent = await outbox.list();
    // Mark one as possibly seen by the server, so the delete-all keeps it (see the coalescing tests).
    expect(sent).to.have.length(2);
    const del = await outbox.enqueueDeleteAll('42', 'legacy');
    const local = await outbox.readLocalState('42');
    expect(local.lines.map((l) => l.id)).to.deep.equal([a.id]);
    expect(local.deletions).to.deep.equal([{ opId: del.opId, campaignId: 'legacy', seq: 3, state: 'pending' }]);
    expect((await outbox.readLocalState('7')).lines).to.deep.equal([]);
  });

  it('queuing the same line twice (a double submit) makes one operation', async () => {
    const outbox = await open();
    const line = newLine();
    const [first, second] = [await outbox.enqueueAdd(line), await outbox.enqueueAdd(line)];
    expect(second.opId).to.equal(first.opId);
    expect(await outbox.list()).to.have.length(1);
  });

  it('asks navigator.storage.persist() on the first queued edit only', async () => {
    // WebKitGTK has no navigator.storage (Safari has): a stand-in StorageManager there, removed after.
    const standIn = !('storage' in navigator);
    if (standIn) Object.defineProperty(navigator, 'storage', { value: {}, configurable: true });
    const storage = navigator.storage as StorageManager & { persist: () => Promise<boolean>; persisted: () => Promise<boolean> };
    let asked = 0;
    storage.persist = async () => {
      asked += 1;
      return true;
    };
    storage.persisted = async () => false;
    try {
      const outbox = await open();
      const events = recorder(outbox);
      await outbox.enqueueAdd(newLine());
      await outbox.enqueueAdd(newLine());
      await eventually(() => events.some((e) => e.type === 'storage'));
      expect(asked).to.equal(1);
      expect(events.find((e) => e.type === 'storage')).to.include({ persisted: true });
    } finally {
      delete (storage as Partial<typeof storage>).persist;
      delete (storage as Partial<typeof storage>).persisted;
      if (standIn) Reflect.deleteProperty(navigator, 'storage');
    }
  });

  it('queues and reports with no navigator.storage at all (as in WebKitGTK)', async () => {
    const own = Object.getOwnPropertyDescriptor(navigator, 'storage');
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    try {
      const outbox = await open();
      const events = recorder(outbox);
      await outbox.enqueueAdd(newLine());
      expect(await outbox.list()).to.have.length(1);
      expect(events.some((e) => e.type === 'storage')).to.equal(false);
    } finally {
      if (own) Object.defineProperty(navigator, 'storage', own);
      else Reflect.deleteProperty(navigator, 'storage');
    }
  });

  it('discard() drops a failed edit and refuses one that is in flight', async () => {
    const sender = new FakeOutboxSender();
    const held = gate();
    sender.respond = (call) => (call.lineId === 'keep' ? held.promise : Promise.reject(new ValidationError('no', [], { status: 422 })));
    const outbox = await open({ sender });
    // Sent one after another: the failing one first, so the held one does not hold it back.
    const failing = await outbox.enqueueAdd(newLine());
    const inflight = await outbox.enqueueAdd(newLine({ id: 'keep' }));
    await eventually(async () => (await outbox.list()).some((op) => op.state === 'failed'));
    await eventually(async () => (await outbox.list()).some((op) => op.state === 'inflight'));
    let refused: unknown;
    await outbox.discard(inflight.opId).catch((e: unknown) => (refused = e));
    expect((refused as OutboxStorageError).kind).to.equal('not-allowed');
    await outbox.discard(failing.opId);
    expect((await outbox.list()).map((op) => op.opId)).to.deep.equal([inflight.opId]);
    held.open();
  });
});
