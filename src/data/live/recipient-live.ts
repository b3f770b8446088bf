/**
 * The data client's live part: joins the stream of each recipient an element shows, and turns
 * what arrives into the client's change news, so the elements re-read through the normal reads
 * (which keep pending offline edits merged). A burst is told once, and the echo of this page's own
 * write is dropped (see `recipient-streams.ts`).
 *
 * What follows the streams is loaded with the first join, after the page's first paint: until then
 * the state is `off`, and a join waits for it. This part keeps only what the client needs at once:
 * the marks of its own writes, the listeners, and whether live is on.
 */
import type { LiveOperations } from '../../adapter/live-types.js';
import type { DataChange } from '../changes.js';
import type { LiveState } from './live-hub.js';
import { OwnWrites } from './own-writes.js';
import type { LiveNewsListener } from './live-news.js';
import type { RecipientStreams } from './recipient-streams.js';

export type { LiveArrival, LiveNewsListener } from './live-news.js';

export interface RecipientLiveOptions {
  follow: LiveOperations['followChanges'] | undefined;
  notify(change: DataChange): void;
  /** Off: no stream is opened until `enabled` is set. */
  enabled: boolean;
  burstMs?: number;
}

export class RecipientLive {
  readonly ownWrites = new OwnWrites();
  readonly #options: RecipientLiveOptions;
  #enabled: boolean;
  #streams: RecipientStreams | undefined;
  #loading: Promise<RecipientStreams> | undefined;
  #listeners = new Set<LiveNewsListener>();
  /** Counts the closes: a join still waiting for the module when live was turned off or closed lapses. */
  #closes = 0;

  constructor(options: RecipientLiveOptions) {
    this.#options = options;
    this.#enabled = options.enabled;
  }

  get state(): LiveState {
    return this.#streams?.state ?? 'off';
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Turned off, every stream closes; turned on, the next join opens one. */
  set enabled(on: boolean) {
    this.#enabled = on;
    if (!on) this.close();
  }

  /** Follows `recipientId` (while `enabled`); returns the leave. */
  join(recipientId: string): () => void {
    if (!this.#enabled || !this.#options.follow) return () => undefined;
    if (this.#streams) return this.#streams.join(recipientId);
    let leave: (() => void) | undefined;
    let left = false;
    const closes = this.#closes;
    // A module that cannot be fetched leaves the page not live, as a stream that cannot open does.
    this.#load().then(
      (streams) => {
        if (!left && this.#enabled && closes === this.#closes) leave = streams.join(recipientId);
      },
      () => undefined,
    );
    return () => {
      left = true;
      leave?.();
    };
  }

  subscribe(listener: LiveNewsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#closes += 1;
    this.#streams?.closeAll();
  }

  #load(): Promise<RecipientStreams> {
    const follow = this.#options.follow!;
    const loading = (this.#loading ??= import('./recipient-streams.js').then(({ RecipientStreams }) => {
      this.#streams = new RecipientStreams({
        follow,
        notify: this.#options.notify,
        isEcho: (change) => this.ownWrites.isEcho(change),
        tell: (news) => {
          for (const listener of [...this.#listeners]) listener(news);
        },
        burstMs: this.#options.burstMs ?? 150,
      });
      return this.#streams;
    }));
    loading.catch(() => {
      if (this.#loading === loading) this.#loading = undefined;
    });
    return loading;
  }
}
