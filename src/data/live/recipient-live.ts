/**
 * The data client's live part: joins the stream of each recipient an element shows, and turns
 * what arrives into the client's change news, so the elements re-read through the normal reads
 * (which keep pending offline edits merged). A burst is told once: changes that arrive within
 * `burstMs` of each other make one `remote` news per recipient, and one arrival for the
 * announcement. The echo of this page's own write is dropped.
 */
import type { LiveChange, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import type { DataChange } from '../changes.js';
import { LiveHub, type LiveState } from './live-hub.js';
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

export class RecipientLive {
  readonly ownWrites = new OwnWrites();
  readonly #hub: LiveHub;
  readonly #notify: (change: DataChange) => void;
  readonly #burstMs: number;
  #enabled: boolean;
  #bursts = new Map<string, { changes: LiveChange[]; timer: ReturnType<typeof setTimeout> }>();
  #listeners = new Set<LiveNewsListener>();

  constructor(options: RecipientLiveOptions) {
    this.#hub = new LiveHub({ follow: options.follow });
    this.#notify = options.notify;
    this.#enabled = options.enabled;
    this.#burstMs = options.burstMs ?? 150;
    this.#hub.onState((state) => this.#tell({ kind: 'state', state }));
  }

  get state(): LiveState {
    return this.#hub.state;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Turned off, every stream closes; turned on, the next join opens one. */
  set enabled(on: boolean) {
    this.#enabled = on;
    if (!on) this.#hub.closeAll();
  }

  /** Follows `recipientId` (while `enabled`); returns the leave. */
  join(recipientId: string): () => void {
    if (!this.#enabled || !this.#hub.available) return () => undefined;
    return this.#hub.join({ recipientId }, (news) => this.#hear(recipientId, news));
  }

  /** Runs a read of `recipientId`'s lists, so its stream starts after it (see LiveHub.read). */
  read<T>(recipientId: string, run: () => Promise<T>): Promise<T> {
    return this.#enabled ? this.#hub.read({ recipientId }, run) : run();
  }

  subscribe(listener: LiveNewsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#hub.closeAll();
    for (const burst of this.#bursts.values()) clearTimeout(burst.timer);
    this.#bursts.clear();
  }

  #hear(recipientId: string, news: LiveNews): void {
    if (news.kind === 'reset') this.#notify({ kind: 'refreshed', recipientId });
    if (news.kind !== 'change' || this.ownWrites.isEcho(news.change)) return;
    const burst = this.#bursts.get(recipientId);
    if (burst) {
      burst.changes.push(news.change);
      return;
    }
    const timer = setTimeout(() => this.#flush(recipientId), this.#burstMs);
    this.#bursts.set(recipientId, { changes: [news.change], timer });
  }

  #flush(recipientId: string): void {
    const burst = this.#bursts.get(recipientId);
    this.#bursts.delete(recipientId);
    if (!burst) return;
    const { changes } = burst;
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
