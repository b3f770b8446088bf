import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { BatchLineOutcome } from '../../src/adapter/bulk-operations.js';
import { UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import type { NewResponseLine } from '../../src/model/types.js';
import { Outbox, type OutboxOptions } from '../../src/offline/index.js';
import { eventually, FakeOutboxSender, ManualClock, newLine } from '../support/browser/outbox-doubles.js';

/**
 * The fake server with a batch route: each line idempotent by its id, as the reference server's
 * POST /responses/batch. `loseNext` stores the batch and then loses the answer (the request fails as
 * a network error would after the commit); `refuse` names lines it refuses with a 422.
 */
class BatchSender extends FakeOutboxSender {
  batches: string[][] = [];
  stored = new Map<string, number>();
  loseNext = false;
  refuse = new Set<string>();
  /** What reached the server, in order: `batch`, and what `respond` notes of single calls. */
  log: string[] = [];

  async addResponses(lines: readonly NewResponseLine[]): Promise<BatchLineOutcome[]> {
    this.batches.push(lines.map((line) => line.id));
    this.log.push('batch');
    const outcomes = lines.map((line): BatchLineOutcome => {
      if (this.refuse.has(line.id)) return { id: line.id, outcome: 'refused', error: new ValidationError('refused', [], { status: 422, problem: { detail: 'Campaign is closed' } }) };
      const already = this.lines.has(line.id);
      if (!already) {
        this.lines.set(line.id, { ...line, categoryId: 'responded', recordedAt: new Date(0).toISOString(), author: 'test', source: 'manual', link: null, evidence: null });
        this.stored.set(line.id, (this.stored.get(line.id) ?? 0) + 1);
      }
      return { id: line.id, outcome: already ? 'already-stored' : 'stored', line: this.lines.get(line.id)! };
    });
    if (this.loseNext) {
      this.loseNext = false;
      throw new UnavailableError('the answer was lost after the commit');
    }
    return outcomes;
  }
}

describe('Outbox: adds drained through a batch endpoint', () => {
  let dbName: string;
  let clock: ManualClock;
  let opened: Outbox[];
  const open = async (options: Partial<OutboxOptions>) => {
    const outbox = await Outbox.open({ dbName, clock, random: () => 0.5, ...options });
    opened.push(outbox);
    return outbox;
  };
  const addsOf = (lines: NewResponseLine[]) => lines.map((line) => ({ kind: 'add' as const, line }));

  beforeEach(() => {
    dbName = `cr-outbox-batch-${crypto.randomUUID()}`;
    clock = new ManualClock();
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((outbox) => outbox.close()));
    await deleteDB(dbName);
  });

  it('queued adds go in one request, and each is confirmed', async () => {
    const sender = new BatchSender();
    const outbox = await open({ sender, batchAdds: true });
    const lines = Array.from({ length: 5 }, () => newLine());
    await outbox.enqueueMany(addsOf(lines));
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.batches).to.deep.equal([lines.map((line) => line.id)]);
    expect(sender.calls.filter((call) => call.kind === 'add'), 'no single adds').to.have.length(0);
    expect([...sender.stored.values()]).to.deep.equal([1, 1, 1, 1, 1]);
  });

  it('a batch whose answer was lost is sent again and stores nothing twice', async () => {
    const sender = new BatchSender();
    sender.loseNext = true;
    const outbox = await open({ sender, batchAdds: true });
    const lines = Array.from({ length: 4 }, () => newLine());
    await outbox.enqueueMany(addsOf(lines));
    await eventually(() => sender.batches.length === 1);
    await eventually(async () => (await outbox.list()).every((op) => op.state === 'pending' && op.attempts === 1));
    // The backoff: the clock moves, the probe sends one line, then the rest go together.
    for (let i = 0; i < 20 && (await outbox.list()).length > 0; i++) {
      clock.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.lines.size).to.equal(4);
    expect([...sender.stored.values()], 'each line stored once').to.deep.equal([1, 1, 1, 1]);
  });

  it('a refused line fails alone, with the server’s reason; the others are confirmed', async () => {
    const sender = new BatchSender();
    const lines = Array.from({ length: 3 }, () => newLine());
    sender.refuse.add(lines[1].id);
    const outbox = await open({ sender, batchAdds: true });
    await outbox.enqueueMany(addsOf(lines));
    await eventually(async () => (await outbox.list()).length === 1);
    const [failed] = await outbox.list();
    expect(failed).to.include({ state: 'failed', lineId: lines[1].id });
    expect(failed.lastError?.problem?.detail).to.equal('Campaign is closed');
    expect([...sender.lines.keys()].sort()).to.deep.equal([lines[0].id, lines[2].id].sort());
  });

  it('a batch of a campaign waits for a delete-all of it queued before, even while that is in flight', async () => {
    const sender = new BatchSender();
    sender.respond = async (call) => {
      sender.log.push(`${call.kind} sent`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      sender.log.push(`${call.kind} answered`);
    };
    const outbox = await open({ sender, batchAdds: true });
    const lines = Array.from({ length: 3 }, () => newLine());
    await outbox.enqueueDeleteAll(lines[0].recipientId, lines[0].campaignId);
    await outbox.enqueueMany(addsOf(lines));
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.log).to.deep.equal(['deleteAll sent', 'deleteAll answered', 'batch']);
    expect([...sender.lines.keys()].sort(), 'the lines outlive the delete-all').to.deep.equal(lines.map((line) => line.id).sort());
  });

  it('without batchAdds, each add is its own request (control)', async () => {
    const sender = new BatchSender();
    const outbox = await open({ sender });
    const lines = Array.from({ length: 3 }, () => newLine());
    await outbox.enqueueMany(addsOf(lines));
    await eventually(async () => (await outbox.list()).length === 0);
    expect(sender.batches).to.have.length(0);
    expect(sender.calls.filter((call) => call.kind === 'add')).to.have.length(3);
  });
});
