/** The record of a newly queued edit, before the store gives it its place in the order (`seq`). */
import type { OutboxEdit, OutboxOp } from './types.js';

export function newOp(edit: OutboxEdit, now: number, opId: string): OutboxOp {
  // seq 0 until the store assigns it (it never assigns 0); the record is written without it.
  const base = { opId, state: 'pending' as const, attempts: 0, serverErrors: 0, nextAttemptAt: now, createdAt: now, mayHaveReachedServer: false };
  switch (edit.kind) {
    case 'add': {
      // A copy, so a caller changing its object later cannot change what the outbox returned.
      const line = { ...edit.line };
      return { ...base, kind: 'add', payload: { line }, recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id } as OutboxOp;
    }
    case 'deleteLine':
      return { ...base, kind: 'deleteLine', payload: {}, recipientId: edit.recipientId, campaignId: edit.campaignId, deletesLineId: edit.lineId } as OutboxOp;
    case 'deleteAll': {
      const payload = edit.lineIds ? { lineIds: [...edit.lineIds] } : {};
      return { ...base, kind: 'deleteAll', payload, recipientId: edit.recipientId, campaignId: edit.campaignId } as OutboxOp;
    }
  }
}
