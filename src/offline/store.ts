/**
 * The outbox's transactions. Each is short and touches only IndexedDB: no transaction is ever held
 * across a network request (a claim commits before the send; the answer is recorded in another).
 */
import { coalescedByDeleteAll, nextSendable, nextWakeAt } from './ordering.js';
import type { OutboxDb } from './db.js';
import { newOp } from './new-op.js';
import type { LocalState, OutboxCounts, OutboxEdit, OutboxOp, OpState } from './types.js';

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

/**
 * A write whose outcome the transaction's `done` reports. If the transaction aborts, every such
 * request rejects as well; nobody awaits those, so they must not surface as unhandled.
 */
function quiet(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

export interface Claimed {
  /** The claimed operations, now inflight, each with its state and `mayHaveReachedServer` before. */
  ops: { op: OutboxOp; reachedBefore: boolean; stateBefore: OpState }[];
  /** When waiting alone may make something sendable (backoff, lease), or null. */
  wakeAt: number | null;
}

/**
 * Picks what may be sent (`nextSendable`) and marks it inflight with a lease, in one transaction.
 * `orphaned(op)` says an inflight operation belongs to a sender known to be gone (the Web Lock
 * changed hands), so it is re-sent without waiting for its lease.
 */
export async function claimSendable(
  db: OutboxDb,
  options: {
    now: number;
    limit: number;
    leaseMs: number;
    claimId: string;
    orphaned: (op: OutboxOp) => boolean;
    /** The network seems back: an operation waiting after a network error (no answer) is due now. */
    probeEarly?: boolean;
    /**
     * Claim one operation to probe the server with: the one tried least (oldest first among
     * equals), so one poisoned operation cannot stand between the server and all the others.
     */
    probe?: boolean;
  },
): Promise<Claimed> {
  const tx = db.transaction('ops', 'readwrite');
  const prepare = (op: OutboxOp): OutboxOp => {
    if (op.state === 'inflight' && options.orphaned(op)) return { ...op, leaseUntil: 0 };
    // Only unanswered failures: a server's Retry-After is honoured even when the network returns.
    if (options.probeEarly && op.state === 'pending' && op.lastError && op.lastError.status === undefined) {
      return { ...op, nextAttemptAt: Math.min(op.nextAttemptAt, options.now) };
    }
    return op;
  };
  // Dependencies point only to earlier operations, and the store is in seq order: what is
  // sendable within a prefix is sendable, full stop. So read a prefix, and more only when it
  // did not yield a full batch: a long queue is not read whole for every claim.
  let chosen: OutboxOp[];
  let all: OutboxOp[];
  for (let count = options.probe ? undefined : Math.max(100, options.limit * 4); ; count = (count ?? 0) * 4) {
    all = (await tx.store.getAll(undefined, count)).map(prepare);
    const sendable = nextSendable(all, options.now, options.probe ? Infinity : options.limit);
    chosen = options.probe
      ? sendable.reduce<OutboxOp[]>((best, op) => (best.length === 0 || op.attempts < best[0].attempts ? [op] : best), [])
      : sendable;
    if (count === undefined || all.length < count || chosen.length >= options.limit) break;
  }
  const ops = chosen.map((op) => {
    const claimed: OutboxOp = {
      ...op,
      state: 'inflight',
      claimedAt: options.now,
      leaseUntil: options.now + options.leaseMs,
      claimId: options.claimId,
      // Set before the request can leave: from here on the server may have seen it.
      mayHaveReachedServer: true,
    };
    quiet(tx.store.put(claimed));
    return { op: claimed, reachedBefore: op.mayHaveReachedServer, stateBefore: op.state };
  });
  await tx.done;
  // Only needed when nothing was claimed, and then the whole store was read.
  return { ops, wakeAt: nextWakeAt(all, options.now) };
}

/**
 * Rewrites one operation in one transaction: `change` gets the stored record and returns the new
 * one, `'remove'` (the op goes), or null (leave it). Resolves with the record before and after
 * (after is null when removed or absent).
 */
export async function updateOp(
  db: OutboxDb,
  opId: string,
  change: (op: OutboxOp) => OutboxOp | 'remove' | null,
): Promise<{ before: OutboxOp | undefined; after: OutboxOp | null }> {
  const tx = db.transaction('ops', 'readwrite');
  const before = await tx.store.index('opId').get(opId);
  let after: OutboxOp | null = null;
  if (before) {
    let next: OutboxOp | 'remove' | null;
    try {
      next = change(before);
    } catch (error) {
      abortQuietly(tx);
      tx.done.catch(() => undefined);
      throw error;
    }
    if (next === 'remove') quiet(tx.store.delete(before.seq));
    else if (next) quiet(tx.store.put((after = next)));
    else after = before;
  }
  await tx.done;
  return { before, after };
}

/**
 * Removes confirmed operations (a 2xx) by key, several in one transaction, and notes the time.
 * A confirmation is true whoever claimed the op last, so nothing is read first.
 */
export async function removeConfirmed(db: OutboxDb, seqs: readonly number[], at: number): Promise<void> {
  const tx = db.transaction(['ops', 'meta'], 'readwrite');
  for (const seq of seqs) quiet(tx.objectStore('ops').delete(seq));
  quiet(tx.objectStore('meta').put({ key: 'lastSyncAt', value: at }));
  await tx.done;
}

/**
 * Removes an operation a person gave up on, in one transaction. The edits a discarded delete-all
 * had absorbed come back as they were (pending, at their old place in the order). `check` may
 * throw to refuse. Resolves with the removed operation and the restored ones.
 */
export async function discardOp(
  db: OutboxDb,
  opId: string,
  check: (op: OutboxOp) => void,
): Promise<{ removed: OutboxOp | undefined; restored: OutboxOp[] }> {
  let restored: OutboxOp[] = [];
  const { before } = await updateOp(db, opId, (op) => {
    check(op);
    return 'remove';
  });
  if (before?.payload.absorbed?.length) {
    // A second transaction: if the page dies between the two, the absorbed edits stay dropped,
    // which is what the person saw happen when the delete-all was queued; nothing is doubled.
    const tx = db.transaction('ops', 'readwrite');
    restored = before.payload.absorbed;
    for (const op of restored) quiet(tx.store.put(op));
    await tx.done;
  }
  return { removed: before, restored };
}

/** Every operation still in the outbox, oldest first. */
export async function listOps(db: OutboxDb): Promise<OutboxOp[]> {
  return db.getAll('ops');
}

/** A recipient's unconfirmed edits with their states (each op is its own local state). */
export async function readLocalState(db: OutboxDb, recipientId: string): Promise<LocalState> {
  const ops = (await db.getAllFromIndex('ops', 'recipient', recipientId)).sort((a, b) => a.seq - b.seq);
  const state = (op: OutboxOp) => ({ state: op.state, ...(op.lastError ? { lastError: op.lastError } : {}) });
  return {
    lines: ops.flatMap((op) =>
      op.kind === 'add' && op.payload.line
        ? [{ id: op.payload.line.id, recipientId, campaignId: op.campaignId, opId: op.opId, seq: op.seq, line: op.payload.line, createdAt: op.createdAt, ...state(op) }]
        : [],
    ),
    deletions: ops
      .filter((op) => op.kind === 'deleteAll')
      .map((op) => ({ opId: op.opId, campaignId: op.campaignId, seq: op.seq, ...state(op) })),
    lineDeletions: ops.flatMap((op) =>
      op.kind === 'deleteLine' && op.deletesLineId ? [{ opId: op.opId, campaignId: op.campaignId, lineId: op.deletesLineId, seq: op.seq, ...state(op) }] : []),
  };
}

export async function countOps(db: OutboxDb, now: number): Promise<OutboxCounts> {
  const tx = db.transaction(['ops', 'meta'], 'readonly');
  const [ops, lastSync] = await Promise.all([tx.objectStore('ops').getAll(), tx.objectStore('meta').get('lastSyncAt')]);
  const counts: OutboxCounts = { pending: 0, inflight: 0, failed: 0, conflict: 0, oldestPendingAt: null, oldestPendingAgeMs: null, lastSyncAt: null };
  for (const op of ops) {
    if (op.state === 'pending' || op.state === 'inflight') {
      counts[op.state] += 1;
      if (counts.oldestPendingAt === null || op.createdAt < counts.oldestPendingAt) counts.oldestPendingAt = op.createdAt;
    } else if (op.state === 'failed' || op.state === 'conflict') {
      counts[op.state] += 1;
    }
  }
  if (counts.oldestPendingAt !== null) counts.oldestPendingAgeMs = Math.max(0, now - counts.oldestPendingAt);
  if (typeof lastSync?.value === 'number') counts.lastSyncAt = lastSync.value;
  return counts;
}
