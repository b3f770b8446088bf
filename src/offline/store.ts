/**
 * The outbox's transactions. Each is short and touches only IndexedDB: no transaction is ever held
 * across a network request (a claim commits before the send; the answer is recorded in another).
 */
import { coalescedByDeleteAll, nextSendable, nextWakeAt } from './ordering.js';
import type { OutboxDb } from './db.js';
import type { LocalLine, LocalState, OutboxCounts, OutboxEdit, OutboxOp, OpState } from './types.js';

export interface Enqueued {
  ops: OutboxOp[];
  /** Operations a delete-all made unnecessary, removed in the same transaction. */
  coalesced: OutboxOp[];
  /** Whether this was the first edit ever queued in this database (for `persist()`). */
  first: boolean;
}

/** Test seam: runs inside the enqueue transaction, before it commits; throwing aborts it. */
export type EnqueueHook = () => void;

/**
 * Writes the edits and their optimistic local state in ONE transaction, with coalescing, and
 * resolves only after it committed: when this resolves the edits are durable.
 */
export async function enqueueEdits(
  db: OutboxDb,
  edits: readonly OutboxEdit[],
  options: { now: number; makeId: () => string; durability: IDBTransactionDurability; hook?: EnqueueHook },
): Promise<Enqueued> {
  const { now, makeId, hook } = options;
  const tx = db.transaction(['ops', 'localLines', 'meta'], 'readwrite', { durability: options.durability });
  try {
    const ops = tx.objectStore('ops');
    const lines = tx.objectStore('localLines');
    const meta = tx.objectStore('meta');
    const addedIds = edits.flatMap((edit) => (edit.kind === 'add' ? [edit.line.id] : []));
    const [seqRecord, ...existingLines] = await Promise.all([meta.get('seq'), ...addedIds.map((id) => lines.get(id))]);
    const existingByLine = new Map(existingLines.filter((l): l is LocalLine => l !== undefined).map((l) => [l.id, l]));
    let seq = typeof seqRecord?.value === 'number' ? seqRecord.value : 0;
    const first = seq === 0;
    const result: OutboxOp[] = [];
    const coalesced: OutboxOp[] = [];
    const written = new Map<string, OutboxOp>();
    for (const edit of edits) {
      if (edit.kind === 'add') {
        // The same line queued twice (a double submit) is one edit: its line id is its identity.
        const existing = existingByLine.get(edit.line.id);
        const again = existing ? (written.get(existing.opId) ?? (await ops.get(existing.opId))) : undefined;
        if (again) {
          result.push(again);
          continue;
        }
      }
      seq += 1;
      const op = newOp(edit, seq, now, makeId());
      if (op.kind === 'deleteAll') {
        // Reads in a transaction see its own earlier writes, so this includes this batch's edits.
        const group = await ops.index('recipient').getAll(op.recipientId);
        const absorbed: OutboxOp[] = [];
        for (const gone of coalescedByDeleteAll(group, op.recipientId, op.campaignId)) {
          const { absorbed: nested, ...payload } = gone.payload;
          absorbed.push({ ...gone, payload }, ...(nested ?? []));
          written.delete(gone.opId);
          quiet(ops.delete(gone.opId));
          if (gone.lineId !== undefined) {
            quiet(lines.delete(gone.lineId));
            existingByLine.delete(gone.lineId);
          }
          coalesced.push(gone);
        }
        if (absorbed.length > 0) op.payload.absorbed = absorbed.sort((a, b) => a.seq - b.seq);
      }
      written.set(op.opId, op);
      quiet(ops.put(op));
      if (op.kind === 'add' && op.payload.line) {
        const line = op.payload.line;
        const local: LocalLine = { id: line.id, recipientId: op.recipientId, campaignId: op.campaignId, opId: op.opId, seq, line };
        existingByLine.set(line.id, local);
        quiet(lines.put(local));
      }
      result.push(op);
    }
    quiet(meta.put({ key: 'seq', value: seq }));
    hook?.();
    await tx.done;
    const removed = new Set(coalesced.map((op) => op.opId));
    return { ops: result.filter((op) => !removed.has(op.opId)), coalesced, first };
  } catch (error) {
    abortQuietly(tx);
    // tx.done rejects too once aborted; nobody else awaits it.
    tx.done.catch(() => undefined);
    throw error;
  }
}

function newOp(edit: OutboxEdit, seq: number, now: number, opId: string): OutboxOp {
  const base = { opId, seq, state: 'pending' as const, attempts: 0, serverErrors: 0, nextAttemptAt: now, createdAt: now, mayHaveReachedServer: false };
  if (edit.kind === 'add') {
    const line = structuredClone(edit.line);
    return { ...base, kind: 'add', payload: { line }, recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id };
  }
  return { ...base, kind: 'deleteAll', payload: {}, recipientId: edit.recipientId, campaignId: edit.campaignId };
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
  /** Operations still unconfirmed (pending or inflight) after this claim, the claimed included. */
  unconfirmed: number;
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
  const all = (await tx.store.getAll()).map((op) => {
    if (op.state === 'inflight' && options.orphaned(op)) return { ...op, leaseUntil: 0 };
    // Only unanswered failures: a server's Retry-After is honoured even when the network returns.
    if (options.probeEarly && op.state === 'pending' && op.lastError && op.lastError.status === undefined) {
      return { ...op, nextAttemptAt: Math.min(op.nextAttemptAt, options.now) };
    }
    return op;
  });
  const sendable = nextSendable(all, options.now, options.probe ? Infinity : options.limit);
  const chosen = options.probe
    ? sendable.reduce<OutboxOp[]>((best, op) => (best.length === 0 || op.attempts < best[0].attempts ? [op] : best), [])
    : sendable;
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
  const unconfirmed = all.filter((op) => op.state === 'pending' || op.state === 'inflight').length;
  return { ops, wakeAt: nextWakeAt(all, options.now), unconfirmed };
}

/**
 * Rewrites one operation in one transaction: `change` gets the stored record and returns the new
 * one, `'remove'` (confirmed or discarded: the op and its local line go), or null (leave it).
 * Resolves with the record before and after (after is null when removed or absent).
 */
export async function updateOp(
  db: OutboxDb,
  opId: string,
  change: (op: OutboxOp) => OutboxOp | 'remove' | null,
  extra?: { lastSyncAt?: number },
): Promise<{ before: OutboxOp | undefined; after: OutboxOp | null }> {
  const tx = db.transaction(['ops', 'localLines', 'meta'], 'readwrite');
  const before = await tx.objectStore('ops').get(opId);
  let after: OutboxOp | null = null;
  if (before) {
    const next = change(before);
    if (next === 'remove') {
      quiet(tx.objectStore('ops').delete(opId));
      if (before.lineId !== undefined) quiet(tx.objectStore('localLines').delete(before.lineId));
      if (extra?.lastSyncAt !== undefined) quiet(tx.objectStore('meta').put({ key: 'lastSyncAt', value: extra.lastSyncAt }));
    } else if (next) {
      quiet(tx.objectStore('ops').put(next));
      after = next;
    } else {
      after = before;
    }
  }
  await tx.done;
  return { before, after };
}

/**
 * Removes an operation a person gave up on, with its local line, in one transaction. The edits a
 * discarded delete-all had absorbed come back as they were (pending, their old place in the order).
 * `check` may throw to refuse. Resolves with the removed operation and the restored ones.
 */
export async function discardOp(
  db: OutboxDb,
  opId: string,
  check: (op: OutboxOp) => void,
): Promise<{ removed: OutboxOp | undefined; restored: OutboxOp[] }> {
  const tx = db.transaction(['ops', 'localLines'], 'readwrite');
  const ops = tx.objectStore('ops');
  const lines = tx.objectStore('localLines');
  const removed = await ops.get(opId);
  if (!removed) {
    await tx.done;
    return { removed, restored: [] };
  }
  try {
    check(removed);
  } catch (error) {
    abortQuietly(tx);
    tx.done.catch(() => undefined);
    throw error;
  }
  quiet(ops.delete(opId));
  if (removed.lineId !== undefined) quiet(lines.delete(removed.lineId));
  const restored = removed.payload.absorbed ?? [];
  for (const op of restored) {
    quiet(ops.put(op));
    const line = op.payload.line;
    if (line) quiet(lines.put({ id: line.id, recipientId: op.recipientId, campaignId: op.campaignId, opId: op.opId, seq: op.seq, line }));
  }
  await tx.done;
  return { removed, restored };
}

/** Every operation still in the outbox, oldest first. */
export async function listOps(db: OutboxDb): Promise<OutboxOp[]> {
  return db.getAllFromIndex('ops', 'seq');
}

/** A recipient's unconfirmed edits with their states, read in one transaction. */
export async function readLocalState(db: OutboxDb, recipientId: string): Promise<LocalState> {
  const tx = db.transaction(['ops', 'localLines'], 'readonly');
  const [ops, lines] = await Promise.all([
    tx.objectStore('ops').index('recipient').getAll(recipientId),
    tx.objectStore('localLines').index('recipient').getAll(recipientId),
  ]);
  const byId = new Map(ops.map((op) => [op.opId, op]));
  const withState = (opId: string): { state: OpState; lastError?: OutboxOp['lastError'] } => {
    const op = byId.get(opId);
    return op ? { state: op.state, ...(op.lastError ? { lastError: op.lastError } : {}) } : { state: 'done' };
  };
  return {
    lines: lines.map((line) => ({ ...line, ...withState(line.opId) })).sort((a, b) => a.seq - b.seq),
    deletions: ops
      .filter((op) => op.kind === 'deleteAll')
      .sort((a, b) => a.seq - b.seq)
      .map((op) => ({ opId: op.opId, campaignId: op.campaignId, seq: op.seq, ...withState(op.opId) })),
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

/** Reads and sets a flag in `meta` in one transaction; resolves with its value before. */
export async function testAndSetFlag(db: OutboxDb, key: string): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const before = await tx.store.get(key);
  if (!before) quiet(tx.store.put({ key, value: true }));
  await tx.done;
  return before !== undefined;
}
