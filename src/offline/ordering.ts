/**
 * The outbox's ordering and coalescing rules as pure functions, so they can be property-tested
 * apart from IndexedDB and the network.
 *
 * Ordering is per response line, with a delete-all as a barrier for its recipient's campaign: an
 * operation depends on every earlier operation (lower `seq`) of the same recipient and campaign
 * when either of them is a delete-all, or when both are about the same line (its add, its delete:
 * a delete of a line queued offline must not overtake the add). Operations of other lines
 * and other campaigns are independent, so one failed edit holds back only what depends on it.
 */
import type { OutboxOp } from './types.js';

/** The fields the rules look at. */
export type OrderedOp = Pick<
  OutboxOp,
  'opId' | 'kind' | 'recipientId' | 'campaignId' | 'lineId' | 'seq' | 'state' | 'nextAttemptAt' | 'leaseUntil' | 'mayHaveReachedServer'
> & Partial<Pick<OutboxOp, 'deletesLineId'>>;

/** The line an operation is about: the one an add writes or a single-line delete removes. */
const lineOf = (op: OrderedOp): string | undefined => op.lineId ?? op.deletesLineId;

/** Whether `later` must wait for `earlier` (assumes `earlier.seq < later.seq`). */
export function dependsOn(later: OrderedOp, earlier: OrderedOp): boolean {
  if (later.recipientId !== earlier.recipientId || later.campaignId !== earlier.campaignId) return false;
  if (later.kind === 'deleteAll' || earlier.kind === 'deleteAll') return true;
  const line = lineOf(later);
  return line !== undefined && line === lineOf(earlier);
}

/** An inflight operation whose lease has run out: its sender is presumed frozen or gone. */
export function leaseExpired(op: OrderedOp, now: number): boolean {
  return op.state === 'inflight' && (op.leaseUntil ?? 0) <= now;
}

/**
 * Whether `op` blocks the operations that depend on it. Everything not confirmed does: pending
 * (even while backing off), inflight, and also failed and conflict, because sending a later edit
 * of the same line or campaign past one a person has not yet retried or discarded would apply
 * them out of order. `done` never blocks.
 */
function blocks(op: OrderedOp): boolean {
  return op.state !== 'done';
}

const byGroup = (op: OrderedOp) => `${op.recipientId}\u0000${op.campaignId}`;

/**
 * The operations that may be sent now, oldest first: pending ones whose time has come and inflight
 * ones whose lease expired, each with no unconfirmed earlier operation it depends on. The result
 * holds no two operations that depend on each other, so they may be sent in any order or at once.
 * At most `limit` are returned (a probe asks for one).
 */
export function nextSendable<T extends OrderedOp>(ops: readonly T[], now: number, limit = Infinity): T[] {
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  // Per recipient+campaign, what earlier unconfirmed operations there are: any (for a barrier
  // that comes later), a barrier (which blocks everything after it), and the lines in flight.
  const groups = new Map<string, { any: boolean; barrier: boolean; lines: Set<string> }>();
  const result: T[] = [];
  for (const op of sorted) {
    if (result.length >= limit) break;
    const key = byGroup(op);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { any: false, barrier: false, lines: new Set() }));
    const line = lineOf(op);
    const blockedByEarlier =
      group.barrier ||
      (op.kind === 'deleteAll' && group.any) ||
      (line !== undefined && group.lines.has(line));
    const due =
      (op.state === 'pending' && op.nextAttemptAt <= now) || leaseExpired(op, now);
    if (!blockedByEarlier && due) result.push(op);
    if (blocks(op)) {
      group.any = true;
      if (op.kind === 'deleteAll') group.barrier = true;
      if (line !== undefined) group.lines.add(line);
    }
  }
  return result;
}

/**
 * The earliest time something not sendable now may become sendable by the clock alone (a backoff
 * ending, a lease running out), or null when only an answer or a person can unblock the queue.
 */
export function nextWakeAt(ops: readonly OrderedOp[], now: number): number | null {
  let earliest: number | null = null;
  for (const op of ops) {
    const at = op.state === 'pending' ? op.nextAttemptAt : op.state === 'inflight' ? (op.leaseUntil ?? 0) : null;
    if (at !== null && at > now && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/**
 * What a new delete-all of `recipientId`/`campaignId` makes unnecessary: earlier operations of that
 * campaign that are pending and that the server cannot have seen (never claimed for sending). The
 * delete-all removes whatever they would have written. Anything the server may have seen, and
 * anything failed or in conflict (a person decides about those), is kept. So is a single-line
 * delete: a bounded delete-all names only the lines the person saw, and a line whose delete is
 * queued is hidden from them, so only its own delete removes it.
 */
export function coalescedByDeleteAll<T extends OrderedOp>(ops: readonly T[], recipientId: string, campaignId: string): T[] {
  return ops.filter(
    (op) =>
      op.recipientId === recipientId &&
      op.campaignId === campaignId &&
      op.state === 'pending' &&
      op.kind !== 'deleteLine' &&
      !op.mayHaveReachedServer,
  );
}
