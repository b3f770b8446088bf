/** The outbox's read-only transactions: what is queued, a recipient's local state, the counts. */
import type { OutboxDb } from './db.js';
import type { LocalState, OutboxCounts, OutboxOp } from './types.js';

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
