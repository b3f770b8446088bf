/**
 * What the data client's live part does once a recipient is followed, loaded on demand by
 * `recipient-live.ts` (the first element that follows a recipient asks for it, after the first
 * paint): the shared connections (LiveHub), and the bursts. Changes that arrive within `burstMs` of
 * each other make one `remote` news per recipient, and one arrival for the announcement; the echo
 * of this page's own write is dropped. It imports no module the page's first chunk holds, so
 * loading it later splits nothing out of that chunk.
 */
import type { LiveChange, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import type { DataChange } from '../changes.js';
import { LiveHub, type LiveState } from './live-hub.js';
import type { LiveNewsListener } from './live-news.js';

export interface RecipientStreamsOptions {
  follow: LiveOperations['followChanges'];
  notify(change: DataChange): void;
  /** Whether a change is the echo of this page's own write. */
  isEcho(change: LiveChange): boolean;
  /** Where the state and the arrivals go. */
  tell: LiveNewsListener;
  burstMs: number;
}

export class RecipientStreams {
  readonly #hub: LiveHub;
  readonly #options: RecipientStreamsOptions;
  #bursts = new Map<string, { changes: LiveChange[]; timer: ReturnType<typeof setTimeout> }>();

  constructor(options: RecipientStreamsOptions) {
    this.#options = options;
    this.#hub = new LiveHub({ follow: options.follow });
    this.#hub.onState((state) => options.tell({ kind: 'state', state }));
  }

  get state(): LiveState {
    return this.#hub.state;
  }

  /** Follows `recipientId`; returns the leave. */
  join(recipientId: string): () => void {
    return this.#hub.join({ recipientId }, (news) => this.#hear(recipientId, news));
  }

  /** Closes every stream (live was turned off, or the client closed). */
  closeAll(): void {
    this.#hub.closeAll();
    for (const burst of this.#bursts.values()) clearTimeout(burst.timer);
    this.#bursts.clear();
  }

  #hear(recipientId: string, news: LiveNews): void {
    if (news.kind === 'reset') this.#options.notify({ kind: 'refreshed', recipientId });
    if (news.kind !== 'change' || this.#options.isEcho(news.change)) return;
    const burst = this.#bursts.get(recipientId);
    if (burst) {
      burst.changes.push(news.change);
      return;
    }
    const timer = setTimeout(() => this.#flush(recipientId), this.#options.burstMs);
    this.#bursts.set(recipientId, { changes: [news.change], timer });
  }

  #flush(recipientId: string): void {
    const burst = this.#bursts.get(recipientId);
    this.#bursts.delete(recipientId);
    if (!burst) return;
    const { changes } = burst;
    const last = changes[changes.length - 1];
    this.#options.notify({ kind: 'remote', recipientId, campaignId: last.campaignId, changes });
    const lines = changes.filter((c) => c.kind === 'line-added' || c.kind === 'line-restored').length;
    const tracked = changes.filter((c) => c.kind === 'tracked-open' || c.kind === 'tracked-click').length;
    if (lines + tracked > 0) this.#options.tell({ kind: 'arrived', arrival: { recipientId, lines, tracked } });
  }
}
