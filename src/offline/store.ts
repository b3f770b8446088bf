/**
 * The outbox's transactions that change what is queued after the enqueue (`enqueue.ts`): claim,
 * update, confirm, discard. Each is short and touches only IndexedDB: no transaction is ever held
 * across a network request (a claim commits before the send; the answer is recorded in another).
 */
import { nextSendable, nextWakeAt } from './ordering.js';
import type { OutboxDb } from './db.js';
import { abortQuietly, quiet } from './tx.js';
import type { OutboxOp, OpState } from './types.js';

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
