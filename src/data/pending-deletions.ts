/**
 * The deletes of one data client that wait out their undo time: a campaign's delete-all or one
 * line's delete, each hidden from reads meanwhile, each announced to subscribers as it goes.
 */
import type { DeleteAllResult, RecipientCampaigns } from '../model/types.js';
import type { DataChange } from './changes.js';
import { PendingDeletion } from './pending-deletion.js';

/** A campaign's pending delete-all; with `lineId`, one line's pending delete. */
const deletionKey = (recipientId: string, campaignId: string, lineId?: string) =>
  `${recipientId}\u0000${campaignId}${lineId === undefined ? '' : `\u0000${lineId}`}`;

export class PendingDeletions {
  #pending = new Map<string, PendingDeletion>();
  #notify: (change: DataChange) => void;
  #stopWatchingPageExit: (() => void) | undefined;

  constructor(notify: (change: DataChange) => void) {
    this.#notify = notify;
  }

  /** The delete waiting for this campaign (or line), if any. */
  get(recipientId: string, campaignId: string, lineId?: string): PendingDeletion | undefined {
    return this.#pending.get(deletionKey(recipientId, campaignId, lineId));
  }

  /** Whether Undo is still possible for this campaign's delete-all (or this line's delete). */
  isPending(recipientId: string, campaignId: string, lineId?: string): boolean {
    return this.get(recipientId, campaignId, lineId)?.undoable ?? false;
  }

  /** Holds a delete back for `delayMs`; the same one again returns the one already waiting. */
  hold(recipientId: string, campaignId: string, lineId: string | undefined, delayMs: number, send: () => Promise<DeleteAllResult>): PendingDeletion {
    const key = deletionKey(recipientId, campaignId, lineId);
    const existing = this.#pending.get(key);
    if (existing) return existing;
    const pending = new PendingDeletion(recipientId, campaignId, delayMs, send, lineId);
    const which = lineId === undefined ? {} : { lineId };
    this.#pending.set(key, pending);
    this.#watchPageExit();
    pending.done.then(
      (result) => {
        this.#forget(key);
        this.#notify(
          result === null
            ? { kind: 'delete-undone', recipientId, campaignId, ...which }
            : { kind: 'deleted', recipientId, campaignId, deleted: result.deleted, ...which },
        );
      },
      (error: unknown) => {
        this.#forget(key);
        this.#notify({ kind: 'delete-failed', recipientId, campaignId, error, ...which });
      },
    );
    this.#notify({ kind: 'delete-pending', recipientId, campaignId, ...which });
    return pending;
  }

  /** Sends every delete still waiting for Undo. */
  flush(): Promise<unknown> {
    return Promise.allSettled([...this.#pending.values()].map((p) => p.commitNow()));
  }

  /**
   * A person who saw "Deleted" and then leaves or hides the page meant it: the Delete is sent then
   * rather than lost with the page (the request is keepalive). Listening only while one waits.
   */
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

  #forget(key: string): void {
    this.#pending.delete(key);
    if (this.#pending.size === 0) this.#stopWatchingPageExit?.();
  }
}

/** A recipient's campaigns as the person sees them: one whose delete-all waits for Undo (`waiting`) shows no latest response. */
export function withoutWaitingDeletes(answer: RecipientCampaigns, waiting: (campaignId: string) => boolean): RecipientCampaigns {
  return { ...answer, campaigns: answer.campaigns.map((campaign) => (waiting(campaign.id) ? { ...campaign, latestResponse: null } : campaign)) };
}
