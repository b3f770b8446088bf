/**
 * The outbox's enqueue transaction: an edit is durable, with its optimistic local state, in one
 * commit before the caller hears "saved"; a delete-all absorbs the earlier edits no server saw.
 */
import { coalescedByDeleteAll } from './ordering.js';
import type { OutboxDb } from './db.js';
import { newOp } from './new-op.js';
import { abortQuietly, quiet } from './tx.js';
import type { OutboxEdit, OutboxOp } from './types.js';

export interface Enqueued {
  ops: OutboxOp[];
  /** Operations a delete-all made unnecessary, removed in the same transaction. */
  coalesced: OutboxOp[];
  /** Whether this was the first edit ever queued in this database (for `persist()`). */
  first: boolean;
}

/** Test seam: runs inside the enqueue transaction, before it commits; throwing aborts it. */
export type EnqueueHook = () => void;

type EnqueueOptions = { now: number; makeId: () => string; durability: IDBTransactionDurability; hook?: EnqueueHook };

/**
 * Writes the edits (each record is also its optimistic local state) in ONE transaction, with
 * coalescing, and resolves only after it committed: when this resolves the edits are durable.
 * The fast path reads nothing for adds; a line already queued (a double submit) makes the unique
 * index refuse the write, and the edits are then written again, looking up each line first.
 */
export async function enqueueEdits(db: OutboxDb, edits: readonly OutboxEdit[], options: EnqueueOptions): Promise<Enqueued> {
  try {
    return await writeEdits(db, edits, options, false);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
    return writeEdits(db, edits, options, true);
  }
}

async function writeEdits(db: OutboxDb, edits: readonly OutboxEdit[], options: EnqueueOptions, lookUp: boolean): Promise<Enqueued> {
  const { now, makeId, hook } = options;
  const tx = db.transaction('ops', 'readwrite', { durability: options.durability });
  try {
    const ops = tx.store;
    const result: OutboxOp[] = [];
    const coalesced: OutboxOp[] = [];
    const keys: Promise<number>[] = [];
    const byLine = new Map<string, OutboxOp>();
    for (const edit of edits) {
      if (edit.kind === 'add' && lookUp) {
        // The same line queued twice is one edit: its line id is its identity.
        const again = byLine.get(edit.line.id) ?? (await ops.index('lineId').get(edit.line.id));
        if (again) {
          result.push(again);
          continue;
        }
      }
      const op = newOp(edit, now, makeId());
      if (op.kind === 'deleteAll') {
        // Reads in a transaction see its own earlier writes, so this includes this batch's edits.
        const group = await ops.index('recipient').getAll(op.recipientId);
        const absorbed: OutboxOp[] = [];
        for (const gone of coalescedByDeleteAll(group, op.recipientId, op.campaignId)) {
          const { absorbed: nested, ...payload } = gone.payload;
          absorbed.push({ ...gone, payload }, ...(nested ?? []));
          quiet(ops.delete(gone.seq));
          coalesced.push(gone);
        }
        if (absorbed.length > 0) op.payload.absorbed = absorbed.sort((a, b) => a.seq - b.seq);
      }
      if (op.lineId !== undefined) byLine.set(op.lineId, op);
      // No seq yet: the key generator assigns it, and IndexedDB writes it into the record.
      const assigned = ops.add(op).then((seq) => (op.seq = seq));
      quiet(assigned);
      keys.push(assigned);
      result.push(op);
    }
    hook?.();
    const [seqs] = await Promise.all([Promise.all(keys), tx.done]);
    const removed = new Set(coalesced.map((op) => op.opId));
    return { ops: result.filter((op) => !removed.has(op.opId)), coalesced, first: seqs[0] === 1 };
  } catch (error) {
    abortQuietly(tx);
    // tx.done rejects too once aborted; nobody else awaits it.
    tx.done.catch(() => undefined);
    throw error;
  }
}
