/**
 * The data client's live part: joins the stream of each recipient an element shows, and turns
 * what arrives into the client's change news, so the elements re-read through the normal reads
 * (which keep pending offline edits merged). A burst is told once: changes that arrive within
 * `burstMs` of each other make one `remote` news per recipient, and one arrival for the
 * announcement. The echo of this page's own write is dropped.
 */
import type { LiveFilter, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import type { DataChange } from '../changes.js';
import type { LiveState } from './live-hub.js';
import { LiveSide, type Burst } from './live-side.js';
import { OwnWrites } from './own-writes.js';

/** What the page heard in one burst: lines others added (or restored), and tracked hits. */
export interface LiveArrival {
  recipientId: string;
  lines: number;
  tracked: number;
}

export type LiveNewsListener = (news: { kind: 'state'; state: LiveState } | { kind: 'arrived'; arrival: LiveArrival }) => void;

export interface RecipientLiveOptions {
  follow: LiveOperations['followChanges'] | undefined;
  notify(change: DataChange): void;
  /** Off: no stream is opened until `enabled` is set. */
  enabled: boolean;
  burstMs?: number;
}

export class RecipientLive extends LiveSide {
  readonly ownWrites = new OwnWrites();
  readonly #notify: (change: DataChange) => void;
  #listeners = new Set<LiveNewsListener>();

  constructor(options: RecipientLiveOptions) {
    super({ follow: options.follow, enabled: options.enabled, burstMs: options.burstMs ?? 150 });
    this.#notify = options.notify;
    this.hub.onState((state) => this.#tell({ kind: 'state', state }));
  }

  subscribe(listener: LiveNewsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected override filterOf(recipientId: string): LiveFilter {
    return { recipientId };
  }

  protected override hear(recipientId: string, news: LiveNews): void {
    if (news.kind === 'reset') this.#notify({ kind: 'refreshed', recipientId });
    if (news.kind === 'change' && !this.ownWrites.isEcho(news.change)) this.gather(recipientId, [news.change], true);
  }

  protected override flush(recipientId: string, { changes }: Burst): void {
    const last = changes[changes.length - 1];
    this.#notify({ kind: 'remote', recipientId, campaignId: last.campaignId, changes });
    const lines = changes.filter((c) => c.kind === 'line-added' || c.kind === 'line-restored').length;
    const tracked = changes.filter((c) => c.kind === 'tracked-open' || c.kind === 'tracked-click').length;
    if (lines + tracked > 0) this.#tell({ kind: 'arrived', arrival: { recipientId, lines, tracked } });
  }

  #tell(news: Parameters<LiveNewsListener>[0]): void {
    for (const listener of [...this.#listeners]) listener(news);
  }
}
