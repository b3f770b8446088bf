/**
 * The Deletes of one client still waiting for Undo, by recipient and campaign. A person who saw
 * "Deleted" and then leaves or hides the page meant it: the Delete is sent then rather than lost
 * with the page (the request is keepalive). The page is listened to only while one waits.
 */
import type { PendingDeletion } from './pending-deletion.js';

const keyOf = (recipientId: string, campaignId: string) => `${recipientId}\u0000${campaignId}`;

export class WaitingDeletions {
  #waiting = new Map<string, PendingDeletion>();
  #stopWatchingPageExit: (() => void) | undefined;

  get(recipientId: string, campaignId: string): PendingDeletion | undefined {
    return this.#waiting.get(keyOf(recipientId, campaignId));
  }

  add(pending: PendingDeletion): void {
    this.#waiting.set(keyOf(pending.recipientId, pending.campaignId), pending);
    this.#watchPageExit();
  }

  forget(pending: PendingDeletion): void {
    this.#waiting.delete(keyOf(pending.recipientId, pending.campaignId));
    if (this.#waiting.size === 0) this.#stopWatchingPageExit?.();
  }

  /** Sends every Delete still waiting for Undo. */
  flush(): Promise<unknown> {
    return Promise.allSettled([...this.#waiting.values()].map((p) => p.commitNow()));
  }

  #watchPageExit(): void {
    const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>> & { document?: Document };
    if (this.#stopWatchingPageExit || !page.addEventListener || !page.removeEventListener) return;
    const onExit = (event: Event) => {
      if (event.type === 'visibilitychange' && page.document?.visibilityState !== 'hidden') return;
      void this.flush();
    };
    page.addEventListener('pagehide', onExit);
    page.document?.addEventListener('visibilitychange', onExit);
    this.#stopWatchingPageExit = () => {
      page.removeEventListener?.('pagehide', onExit);
      page.document?.removeEventListener('visibilitychange', onExit);
      this.#stopWatchingPageExit = undefined;
    };
  }
}
