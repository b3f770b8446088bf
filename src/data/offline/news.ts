/**
 * The one place the outbox's news is translated: into sync events (what the status and the host
 * hear) and into data changes (which recipients' elements read again). Everything downstream, the
 * DOM events included (`sync-dom-events.ts`), speaks the sync events' vocabulary.
 */
import type { OutboxEvent } from '../../offline/events.js';
import type { OpError } from '../../offline/types.js';
import type { ResponseLine } from '../../model/types.js';
import type { DataChange } from '../changes.js';
import type { OfflineDevice } from './device.js';

/** How long outbox events of one recipient are gathered into one re-read of the elements. */
const CHANGE_BATCH_MS = 30;

const reachedServer = (error: OpError) => error.status !== undefined;

export class OutboxNews {
  /** Per recipient in the batch: a campaign that changed, and whether the server's data did. */
  #changed = new Map<string, { campaignId: string; onServer: boolean }>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly device: () => OfflineDevice,
    private readonly notify: (change: DataChange) => void,
  ) {}

  stop(): void {
    clearTimeout(this.#timer);
  }

  hear = (event: OutboxEvent): void => {
    const device = this.device();
    const remote = event.remote ? { remote: true } : {};
    switch (event.type) {
      case 'queued':
        this.#changedRecipient(event.op.recipientId, event.op.campaignId, false);
        device.emit({
          type: 'queued',
          opId: event.op.opId,
          kind: event.op.kind,
          recipientId: event.op.recipientId,
          campaignId: event.op.campaignId,
          ...(event.op.payload.line ? { line: event.op.payload.line } : {}),
          ...remote,
        });
        break;
      case 'state':
        if (event.op) this.#changedRecipient(event.op.recipientId, event.op.campaignId, event.to === 'done');
        if (event.to === 'done' && !event.remote) device.connectivity = 'online';
        device.emit({ type: 'changed' });
        break;
      case 'removed':
        this.#changedRecipient(event.op.recipientId, event.op.campaignId, event.reason === 'done');
        device.emit({ type: 'changed' });
        // The adapter's answer to an add is the stored line (checked by its schema).
        if (event.reason === 'done' && event.op.kind === 'add' && !event.remote && event.result) {
          device.emit({ type: 'delivered', opId: event.opId, line: event.result as ResponseLine });
        }
        break;
      case 'sync-complete':
        device.emit({ type: 'sync-complete', at: event.at, sent: event.sent, failed: event.failed, conflict: event.conflict, ...remote });
        break;
      case 'sync-failed':
        if (!event.remote) device.connectivity = reachedServer(event.error) ? 'online' : 'offline';
        device.emit({ type: 'sync-failed', opId: event.opId, error: event.error, final: event.final, ...(event.retryAt !== undefined ? { retryAt: event.retryAt } : {}), ...remote });
        break;
      case 'auth-required':
        device.emit({ type: 'auth-required', opId: event.opId, error: event.error, ...remote });
        break;
      default:
        device.emit({ type: 'changed' });
    }
  };

  /** Elements of the recipient read again, once per batch of outbox events (any tab's). */
  #changedRecipient(recipientId: string, campaignId: string, onServer: boolean): void {
    const device = this.device();
    device.reads?.forget(recipientId);
    // At once, not with the batch: a read between the confirmation and the batch's end would take
    // the last answer, which still holds what the server has just deleted, and merge it with a
    // queue that no longer hides it.
    if (onServer) device.serverAnswers.changedOnServer(recipientId);
    this.#changed.set(recipientId, { campaignId, onServer: onServer || this.#changed.get(recipientId)?.onServer === true });
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      const changed = [...this.#changed];
      this.#changed.clear();
      for (const [recipient, { campaignId: campaign, onServer: changedOnServer }] of changed) {
        // Queued, sending, failed: the server holds what it held, and the re-read merges the queue
        // into its last answer. Sent: the one re-read that asks the server.
        if (changedOnServer) device.serverAnswers.changedOnServer(recipient);
        else device.serverAnswers.changedLocally(recipient);
        this.notify({ kind: 'sync', recipientId: recipient, campaignId: campaign });
      }
    }, CHANGE_BATCH_MS);
  }
}
