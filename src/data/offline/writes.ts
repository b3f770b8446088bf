/**
 * Offline writes: an edit is queued and the caller hears "saved" once it is durable on this
 * device. Without IndexedDB the edit goes straight to the backend, as with the plain client.
 */
import type { ClientWrites } from '../parts.js';
import { withQueuedOp } from '../marks.js';
import { localResponseLine } from '../merge.js';
import type { OfflineDevice } from './device.js';

export function outboxWrites(device: OfflineDevice, direct: ClientWrites): ClientWrites {
  return {
    /** Rejects with `OutboxStorageError` when the line is not durable (the form must stay filled). */
    async addResponse(line, options) {
      await device.ready;
      const outbox = device.queue;
      if (!outbox) return device.track(direct.addResponse(line, options));
      const op = await outbox.enqueueAdd(line);
      // Only this device's queue changed: the re-reads that "added" causes need not ask the server.
      device.serverAnswers.changedLocally(line.recipientId);
      // Durable now: say so at once, with what is known (the form was filled from this vocabulary).
      const local = localResponseLine(
        { id: line.id, recipientId: line.recipientId, campaignId: line.campaignId, opId: op.opId, seq: op.seq, line, createdAt: op.createdAt, state: op.state, ...(op.lastError ? { lastError: op.lastError } : {}) },
        device.vocabulary,
      );
      return withQueuedOp(local, op.opId);
    },

    /** After the undo time: queues the delete (the lines stay hidden until it is confirmed). */
    async deleteAll(recipientId, campaignId) {
      await device.ready;
      const outbox = device.queue;
      if (!outbox) return device.track(direct.deleteAll(recipientId, campaignId));
      const op = await outbox.enqueueDeleteAll(recipientId, campaignId);
      // How many the server will delete is known only when it has: 0 here, and the result is marked queued.
      return withQueuedOp({ deleted: 0 }, op.opId);
    },
  };
}
