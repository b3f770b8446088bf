/**
 * One queued edit on the wire, and the age past which the outbox stops trying it.
 */
import type { OpError, OutboxOp, OutboxSender } from './types.js';

/**
 * How long the outbox keeps trying an edit by default: 7 days. It must be shorter than the time the
 * backend remembers an Idempotency-Key (8 days on the reference server): an edit whose first try
 * reached the server, sent again after its key was forgotten, would be applied a second time (a
 * line added twice, a delete-all removing lines added since). Giving up a day early leaves room for
 * clocks that differ and a tab asleep over the deadline.
 */
export const DEFAULT_MAX_OPERATION_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Why `op` is not to be sent any more (it is older than the sender allows), or undefined. */
export function expiryOf(op: OutboxOp, now: number, sender: Pick<OutboxSender, 'maxOperationAgeMs'>): OpError | undefined {
  const maxAgeMs = sender.maxOperationAgeMs ?? DEFAULT_MAX_OPERATION_AGE_MS;
  if (now - op.createdAt <= maxAgeMs) return undefined;
  return { kind: 'expired', message: `not sent within ${Math.round(maxAgeMs / 3_600_000)} h of being made; retry sends it as a new edit` };
}

/** Sends `op` under its operation id as the Idempotency-Key. */
export function sendOp(sender: OutboxSender, op: OutboxOp, signal: AbortSignal): Promise<unknown> {
  const options = { idempotencyKey: op.opId, signal };
  switch (op.kind) {
    case 'add':
      if (!op.payload.line) return Promise.reject(new TypeError(`operation ${op.opId} has no line`));
      return sender.addResponse(op.payload.line, options);
    case 'deleteLine':
      if (!op.deletesLineId || !sender.deleteResponse) return Promise.reject(new TypeError(`operation ${op.opId}: this backend cannot delete one line`));
      return sender.deleteResponse(op.deletesLineId, options);
    case 'deleteAll':
      return sender.deleteAllResponses(op.recipientId, op.campaignId, op.payload.lineIds ? { ...options, lineIds: op.payload.lineIds } : options);
  }
}

/**
 * What Retry changes beyond the state: an edit that had expired goes again as a new operation,
 * under a new id (its Idempotency-Key) and a new age, at its old place in the order. Its old key
 * may be forgotten by the server already, so reusing it would promise a deduplication no one keeps.
 */
export function renewedForRetry(op: OutboxOp, now: number, makeId: () => string): Partial<OutboxOp> {
  if (op.lastError?.kind !== 'expired') return {};
  return { opId: makeId(), createdAt: now, mayHaveReachedServer: false, lastError: undefined };
}
