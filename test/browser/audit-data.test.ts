// Single-line deletes, bounded delete-alls, restores and the outbox's give-up age, through the data
// client and the outbox (the elements' side is in audit-history.test.ts and audit-tab.test.ts).
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { queuedOpOf } from '../../src/data/marks.js';
import { Outbox, type OutboxEvent } from '../../src/offline/index.js';
import { nextSendable, type OrderedOp } from '../../src/offline/ordering.js';
import { eventually, FakeOutboxSender, ManualClock, newLine } from '../support/browser/outbox-doubles.js';
import { CapableFakeAdapter, FakeAdapter, gate, line } from './fake-adapter.js';
import { OfflineClients } from './offline-fixture.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Data client: single-line delete, bounded delete-all, restore', () => {
  it('deleteResponse hides the line for the undo time, then sends it; restoreDeletion brings it back', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-11T09:00:00.000Z' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 40 });
    const changes: string[] = [];
    client.subscribe((change) => changes.push(`${change.kind}:${'lineId' in change ? change.lineId : ''}`));
    const pending = client.deleteResponse(adapter.lines[0]);
    expect((await client.getHistoryPage('42')).items.map((l) => l.id)).to.deep.equal(['b']);
    expect(adapter.callsOf('deleteResponse')).to.have.length(0);
    const result = await pending.done;
    expect(result).to.include({ deleted: 1 });
    expect(adapter.lines.map((l) => l.id)).to.deep.equal(['b']);
    if (!result) throw new Error('not sent');
    expect(await client.restoreDeletion(pending, result)).to.deep.equal({ restored: 1 });
    expect(adapter.lines.map((l) => l.id).sort()).to.deep.equal(['a', 'b']);
    expect(changes).to.deep.equal(['delete-pending:a', 'deleted:a', 'restored:a']);
  });

  it('a delete-all names the lines the person saw; one added meanwhile elsewhere is kept and counted', async () => {
    const adapter = new FakeAdapter([line({ id: 'seen' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 300 });
    const pending = client.deleteAllResponses('42', 'spring');
    await eventually(() => adapter.callsOf('getRecipientResponses').length > 0);
    // The read of what the person sees has answered (the fake answers at once); the undo time runs on.
    await new Promise((resolve) => setTimeout(resolve, 50));
    adapter.lines.push(line({ id: 'added-elsewhere' }));
    const result = await pending.done;
    expect(adapter.callsOf('deleteAllResponses')[0].args[2]).to.deep.equal({ lineIds: ['seen'] });
    expect(result).to.include({ deleted: 1, kept: 1 });
    expect(adapter.lines.map((l) => l.id)).to.deep.equal(['added-elsewhere']);
    if (!result) throw new Error('not sent');
    expect(await client.restoreDeletion(pending, result)).to.deep.equal({ restored: 1 });
    expect(adapter.lines.map((l) => l.id).sort()).to.deep.equal(['added-elsewhere', 'seen']);
  });

  it('a backend that cannot bound a delete-all gets it unbounded, as before', async () => {
    const adapter = new CapableFakeAdapter({ boundedDeleteAll: false }, [line({ id: 'a' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 10 });
    await client.deleteAllResponses('42', 'spring').done;
    expect(adapter.callsOf('deleteAllResponses')[0].args).to.deep.equal(['42', 'spring']);
  });
});

describe('Outbox: single-line deletes and the give-up age', () => {
  let dbName: string;
  let opened: Outbox[];
  const open = async (options: Parameters<typeof Outbox.open>[0]) => {
    const outbox = await Outbox.open({ random: () => 0.5, requestPersistence: false, ...options });
    opened.push(outbox);
    return outbox;
  };
  beforeEach(() => {
    dbName = `cr-outbox-audit-test-${crypto.randomUUID()}`;
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((outbox) => outbox.close()));
    await deleteDB(dbName);
  });

  it('ordering: a line’s delete waits for its add; deletes of other lines do not', () => {
    const op = (seq: number, kind: OrderedOp['kind'], lineId: string): OrderedOp => ({
      opId: `o${seq}`, kind, recipientId: '42', campaignId: 'spring', seq, state: 'pending', nextAttemptAt: 0, mayHaveReachedServer: false,
      ...(kind === 'add' ? { lineId } : { deletesLineId: lineId }),
    });
    const ops = [op(1, 'add', 'x'), op(2, 'deleteLine', 'x'), op(3, 'deleteLine', 'y')];
    expect(nextSendable(ops, 0).map((o) => o.opId)).to.deep.equal(['o1', 'o3']);
    expect(nextSendable([{ ...ops[0], state: 'done' }, ops[1]], 0).map((o) => o.opId)).to.deep.equal(['o2']);
  });

  it('a queued add then its delete reach the server in that order, each once', async () => {
    const sender = new FakeOutboxSender();
    const held = gate();
    sender.respond = (call) => (call.kind === 'add' ? held.promise : undefined);
    const outbox = await open({ dbName, sender });
    const added = newLine();
    await outbox.enqueueAdd(added);
    const deletion = await outbox.enqueue({ kind: 'deleteLine', recipientId: '42', campaignId: 'spring', lineId: added.id });
    expect(deletion.deletesLineId).to.equal(added.id);
    expect((await outbox.readLocalState('42')).lineDeletions?.map((d) => d.lineId)).to.deep.equal([added.id]);
    await eventually(() => sender.calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sender.calls.map((c) => c.kind)).to.deep.equal(['add'], 'the delete waits for the add');
    held.open();
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.calls.map((c) => c.kind)).to.deep.equal(['add', 'deleteLine']);
    expect(sender.lines.has(added.id)).to.equal(false);
  });

  it('a bounded delete-all carries its lines to the server, which keeps the others', async () => {
    const sender = new FakeOutboxSender();
    const outbox = await open({ dbName, sender });
    const [seen, other] = [newLine(), newLine()];
    await outbox.enqueueMany([{ kind: 'add', line: seen }, { kind: 'add', line: other }]);
    await eventually(async () => (await outbox.list()).length === 0);
    const results: unknown[] = [];
    outbox.subscribe((event: OutboxEvent) => event.type === 'removed' && event.reason === 'done' && results.push(event.result));
    await outbox.enqueue({ kind: 'deleteAll', recipientId: '42', campaignId: 'spring', lineIds: [seen.id] });
    await eventually(() => results.length === 1);
    expect(sender.calls.at(-1)?.lineIds).to.deep.equal([seen.id]);
    expect(results[0]).to.include({ deleted: 1, kept: 1 });
    expect([...sender.lines.keys()]).to.deep.equal([other.id]);
  });

  it('an edit older than the adapter’s maxOperationAgeMs fails visibly as expired; Retry sends it as a new operation with a new key', async () => {
    const clock = new ManualClock();
    const queueOnly = await open({ dbName, clock });
    const op = await queueOnly.enqueueAdd(newLine());
    await queueOnly.close();
    clock.advance(2 * DAY);
    const sender = new FakeOutboxSender();
    sender.maxOperationAgeMs = DAY;
    const outbox = await open({ dbName, clock, sender });
    await eventually(async () => (await outbox.list())[0]?.state === 'failed');
    const [failed] = await outbox.list();
    expect(failed.lastError?.kind).to.equal('expired');
    expect(sender.calls, 'never sent').to.have.length(0);
    await outbox.retry(op.opId);
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.calls).to.have.length(1);
    expect(sender.calls[0].idempotencyKey).to.not.equal(op.opId);
  });

  it('by default an edit is tried for 7 days, under the server’s 8-day key lifetime', async () => {
    const clock = new ManualClock();
    const queueOnly = await open({ dbName, clock });
    await queueOnly.enqueueAdd(newLine());
    await queueOnly.close();
    clock.advance(6.9 * DAY);
    const sender = new FakeOutboxSender();
    const outbox = await open({ dbName, clock, sender });
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.calls).to.have.length(1);
  });
});

describe('OfflineDataClient: deletes through the outbox, restore', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('a line’s delete is queued; its answer (deletionId) comes with delivery; restoring it needs the server', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const client = await clients.open(adapter, { undoDelayMs: 10 });
    const pending = client.deleteResponse(adapter.lines[0]);
    const queued = await pending.done;
    if (!queued) throw new Error('not sent');
    expect(queuedOpOf(queued)).to.be.a('string');
    const delivered = await client.deliveredDeletion(queued);
    expect(delivered.deletionId).to.be.a('string');
    expect(adapter.lines).to.have.length(0);
    expect(await client.restoreDeletion(pending, queued)).to.deep.equal({ restored: 1 });
    expect(adapter.lines.map((l) => l.id)).to.deep.equal(['a']);
  });

  it('restoring a delete still queued (never sent) drops it from the queue: nothing reaches the server', async () => {
    const adapter = new FakeAdapter();
    const held = gate();
    adapter.gates.addResponse = held.promise;
    const client = await clients.open(adapter, { undoDelayMs: 10 });
    // The person's own line, queued and not yet delivered: its delete must wait for it.
    const queuedLine = await client.addResponse(client.createResponseLine({
      recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'responded', respondedAt: '2026-01-10T09:00:00.000Z', note: '',
    }));
    const pending = client.deleteResponse(queuedLine);
    const queued = await pending.done;
    if (!queued) throw new Error('not sent');
    expect((await client.getHistoryPage('42')).items, 'hidden while its delete is queued').to.have.length(0);
    await client.restoreDeletion(pending, queued);
    expect((await client.getHistoryPage('42')).items.map((l) => l.id)).to.deep.equal([queuedLine.id]);
    held.open();
    await eventually(async () => (await client.outbox?.list())?.length === 0);
    expect(adapter.callsOf('deleteResponse')).to.have.length(0);
    expect(adapter.lines.map((l) => l.id)).to.deep.equal([queuedLine.id]);
  });
});
