/**
 * Offline writes: an edit is queued and the caller hears "saved" once it is durable on this
 * device. Without IndexedDB the edit goes straight to the backend, as with the plain client.
 */
import type { ClientWrites } from '../parts.js';
import type { DeleteAllResult } from '../../model/types.js';
import type { OutboxEdit, OutboxOp } from '../../offline/types.js';
import { queuedOpOf, withQueuedOp } from '../marks.js';
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

    /**
     * Many lines queued in one transaction (a booth's bulk entry): durable together, or, when the
     * device cannot store them, each rejected with the reason (the entry keeps them to retry).
     */
    async addResponses(lines, options) {
      await device.ready;
      const outbox = device.queue;
      if (!outbox) {
        if (direct.addResponses) return device.track(direct.addResponses(lines, options));
        return Promise.all(lines.map((line) => device.track(direct.addResponse(line, options)).then((saved) => ({ saved }), (error: unknown) => ({ error }))));
      }
      let ops: OutboxOp[];
      try {
        ops = await outbox.enqueueMany(lines.map((line) => ({ kind: 'add' as const, line })));
      } catch (error) {
        return lines.map(() => ({ error }));
      }
      for (const recipientId of new Set(lines.map((line) => line.recipientId))) device.serverAnswers.changedLocally(recipientId);
      return lines.map((line, index) => {
        const op = ops[index];
        const local = localResponseLine(
          { id: line.id, recipientId: line.recipientId, campaignId: line.campaignId, opId: op.opId, seq: op.seq, line, createdAt: op.createdAt, state: op.state },
          device.vocabulary,
        );
        return { saved: withQueuedOp(local, op.opId) };
      });
    },

    /** After the undo time: queues the delete (the lines stay hidden until it is confirmed). */
    deleteAll(recipientId, campaignId, lineIds) {
      return queueDelete({ kind: 'deleteAll', recipientId, campaignId, ...(lineIds ? { lineIds } : {}) }, () => direct.deleteAll(recipientId, campaignId, lineIds));
    },

    deleteLine(line) {
      return queueDelete({ kind: 'deleteLine', recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id }, () => direct.deleteLine(line));
    },

    discardUnsentDelete(opId) {
      return device.receipts?.discardUnsent(opId) ?? Promise.resolve(false);
    },

    deliveredDeletion(result, options) {
      const opId = queuedOpOf(result);
      return opId && device.receipts ? device.receipts.answerTo(opId, options.signal) : direct.deliveredDeletion(result, options);
    },
  };

  async function queueDelete(edit: OutboxEdit, send: () => Promise<DeleteAllResult>): Promise<DeleteAllResult> {
    await device.ready;
    const outbox = device.queue;
    if (!outbox) return device.track(send());
    // How many the server will delete is known only when it has: 0 here, and the result is marked queued.
    return withQueuedOp({ deleted: 0 }, (await outbox.enqueue(edit)).opId);
  }
}
