import type { DataChange, DataChangeListener } from './changes.js';

/** Who hears of the data client's changes: listeners of one recipient, or of all (no recipient). */
export class ChangeFeed {
  #listeners = new Set<{ recipientId: string | undefined; listener: DataChangeListener }>();

  /** Calls `listener` on every change of `recipientId`'s data (of any recipient when omitted). */
  subscribe(listener: DataChangeListener, recipientId?: string): () => void {
    const entry = { recipientId, listener };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  notify(change: DataChange): void {
    // A copy: a listener may unsubscribe (or subscribe) while it hears of the change.
    for (const { recipientId, listener } of [...this.#listeners]) {
      if (recipientId === undefined || recipientId === change.recipientId) listener(change);
    }
  }
}
