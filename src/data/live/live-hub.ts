/**
 * The page's connections to the backend's change stream, shared: every element that shows a
 * recipient (or a campaign) joins that recipient's topic, and a topic holds one connection however
 * many elements joined it. The backend's filter is one recipient and/or one campaign (both at once
 * narrow it), so topics cannot be merged into one request; a page shows one record at a time, so
 * it holds one connection, and a page that shows several holds one per record, within the
 * server's bound per person. A topic left by its last element lingers a moment, so an element
 * that re-renders or moves in the DOM does not reconnect.
 */
import type { LiveFilter, LiveListener, LiveNews, LiveOperations } from '../../adapter/live-types.js';

/** Whether the page is live: off (no stream, or turned off), connecting, live, or reconnecting. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

interface Topic {
  listeners: Set<LiveListener>;
  stop: AbortController;
  state: LiveState;
  linger: ReturnType<typeof setTimeout> | undefined;
}

export interface LiveHubOptions {
  follow: LiveOperations['followChanges'] | undefined;
  /** How long a topic nobody follows keeps its connection. Default 1000 ms. */
  lingerMs?: number;
}

export class LiveHub {
  readonly #follow: LiveOperations['followChanges'] | undefined;
  readonly #lingerMs: number;
  #topics = new Map<string, Topic>();
  #stateListeners = new Set<(state: LiveState) => void>();
  #state: LiveState = 'off';

  constructor(options: LiveHubOptions) {
    this.#follow = options.follow;
    this.#lingerMs = options.lingerMs ?? 1000;
  }

  /** Whether the backend offers a stream at all. */
  get available(): boolean {
    return this.#follow !== undefined;
  }

  /** The page's state: live only when every topic followed is. */
  get state(): LiveState {
    return this.#state;
  }

  /** Calls `listener` when `state` changes; returns the unsubscribe. */
  onState(listener: (state: LiveState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** Hears the news of `filter`'s stream, opened on the first join; returns the leave. */
  join(filter: LiveFilter, listener: LiveListener): () => void {
    const follow = this.#follow;
    if (!follow) return () => undefined;
    const key = JSON.stringify([filter.recipientId ?? null, filter.campaignId ?? null]);
    let topic = this.#topics.get(key);
    if (!topic) {
      const created: Topic = { listeners: new Set(), stop: new AbortController(), state: 'connecting', linger: undefined };
      topic = created;
      this.#topics.set(key, created);
      // followChanges never rejects by contract; an adapter of a host's that does costs only its topic.
      follow(filter, (news) => this.#hear(created, news), { signal: created.stop.signal }).catch((error: unknown) =>
        this.#hear(created, { kind: 'stopped', error }));
      this.#update();
    }
    clearTimeout(topic.linger);
    topic.linger = undefined;
    const joined = topic;
    joined.listeners.add(listener);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      joined.listeners.delete(listener);
      if (joined.listeners.size === 0) joined.linger = setTimeout(() => this.#close(key, joined), this.#lingerMs);
    };
  }

  /** Closes every connection at once (the client is closed, or live was turned off). */
  closeAll(): void {
    for (const [key, topic] of this.#topics) this.#close(key, topic);
  }

  #close(key: string, topic: Topic): void {
    clearTimeout(topic.linger);
    topic.stop.abort();
    if (this.#topics.get(key) === topic) this.#topics.delete(key);
    this.#update();
  }

  #hear(topic: Topic, news: LiveNews): void {
    if (topic.stop.signal.aborted) return;
    const state = stateAfter(topic.state, news);
    if (state !== topic.state) {
      topic.state = state;
      this.#update();
    }
    for (const listener of [...topic.listeners]) listener(news);
  }

  #update(): void {
    const states = [...this.#topics.values()].map((topic) => topic.state);
    const state: LiveState =
      states.length === 0 ? 'off'
      : states.includes('reconnecting') ? 'reconnecting'
      : states.includes('connecting') ? 'connecting'
      : states.every((s) => s === 'off') ? 'off'
      : 'live';
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of [...this.#stateListeners]) listener(state);
  }
}

function stateAfter(state: LiveState, news: LiveNews): LiveState {
  switch (news.kind) {
    case 'ready':
    case 'reset':
      return 'live';
    case 'retrying':
      return 'reconnecting';
    case 'stopped':
      return 'off';
    case 'connecting':
      // A reconnect stays "reconnecting" until the stream runs again.
      return state === 'reconnecting' ? 'reconnecting' : 'connecting';
    case 'change':
      return state;
  }
}
