/**
 * The offline sync part: the queue's status as elements show it, and what a person may do about
 * an edit that failed or conflicted.
 */
import type { OutboxOp } from '../../offline/types.js';
import type { ClientSync } from '../parts.js';
import { EMPTY_SYNC_STATUS, type OfflineMode, type SyncProblem, type SyncStatus } from '../sync.js';
import type { OfflineDevice } from './device.js';

export function outboxSync(device: OfflineDevice): ClientSync {
  const requireOutbox = async () => {
    await device.ready;
    const outbox = device.queue;
    if (!outbox) throw new Error('offline edits are not available in this browser');
    return outbox;
  };
  return {
    get mode(): OfflineMode {
      return device.mode;
    },
    async status(): Promise<SyncStatus> {
      await device.ready;
      const outbox = device.queue;
      const base = { mode: device.mode, connectivity: device.connectivity };
      if (!outbox) return { ...EMPTY_SYNC_STATUS, ...base };
      const [counts, ops] = await Promise.all([outbox.counts(), outbox.list()]);
      const problems: SyncProblem[] = ops
        .filter((op): op is OutboxOp & { state: 'failed' | 'conflict' } => op.state === 'failed' || op.state === 'conflict')
        .map((op) => ({
          opId: op.opId,
          kind: op.kind,
          state: op.state,
          recipientId: op.recipientId,
          campaignId: op.campaignId,
          ...(device.titles.has(op.campaignId) ? { campaignTitle: device.titles.get(op.campaignId) } : {}),
          ...(op.payload.line ? { line: op.payload.line } : {}),
          ...(op.lastError ? { error: op.lastError } : {}),
          ...(op.serverVersion !== undefined ? { serverVersion: op.serverVersion } : {}),
          createdAt: op.createdAt,
          attempts: op.attempts,
        }));
      return {
        ...base,
        pending: counts.pending,
        syncing: counts.inflight,
        failed: counts.failed,
        conflict: counts.conflict,
        oldestPendingAt: counts.oldestPendingAt,
        lastSyncAt: counts.lastSyncAt,
        authPaused: outbox.authPaused,
        problems,
      };
    },
    subscribe: (listener) => device.subscribe(listener),
    retry: async (opId) => (await requireOutbox()).retry(opId),
    discard: async (opId) => (await requireOutbox()).discard(opId),
    resume: () => device.outbox?.resume(),
    wake: () => device.outbox?.poke(),
  };
}
