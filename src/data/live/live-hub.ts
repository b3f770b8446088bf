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
import { FirstReads } from './first-reads.js';

/** Whether the page is live: off (no stream, or turned off), connecting, live, or reconnecting. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

interface Topic {
  filter: LiveFilter;
  listeners: Set<LiveListener>;
  stop: AbortController;
  state: LiveState;
  linger: ReturnType<typeof setTimeout> | undefined;
  /** The reads its first `ready` does not cover yet; undefined once it does. */
  reads: FirstReads | undefined;
  /** Waiting for its first reads' answers before it opens; undefined once opened. */
  wait: ReturnType<typeof setTimeout> | undefined;
  /** The first `ready`, kept while reads it must be checked against are still in flight. */
  firstReady: Extract<LiveNews, { kind: 'ready' }> | undefined;
}

export interface LiveHubOptions {
  follow: LiveOperations['followChanges'] | undefined;
  /** How long a topic nobody follows keeps its connection. Default 1000 ms. */
  lingerMs?: number;
  /** How long a new topic waits for its first reads' answers (their change ids) before it opens anyway. Default 3000 ms. */
  firstReadWaitMs?: number;
}

/** Records whose reads wait for a topic; beyond this many, the oldest settled ones are forgotten. */
const MAX_WAITING_READS = 64;

export class LiveHub {
  readonly #follow: LiveOperations['followChanges'] | undefined;
  readonly #lingerMs: number;
  readonly #firstReadWaitMs: number;
  #topics = new Map<string, Topic>();
  /** Reads of records no topic follows yet: the topic that comes opens after them. */
  #readsBeforeJoin = new Map<string, FirstReads>();
  #stateListeners = new Set<(state: LiveState) => void>();
  #state: LiveState = 'off';

  constructor(options: LiveHubOptions) {
    this.#follow = options.follow;
    this.#lingerMs = options.lingerMs ?? 1000;
    this.#firstReadWaitMs = options.firstReadWaitMs ?? 3000;
  }

  /**
   * Runs a read of `filter`'s record (and resolves with its answer). A read its stream does not
   * cover yet is remembered, so the stream opens after the read's change id, or the record is read
   * once more when the stream could not start from there.
   */
  read<T>(filter: LiveFilter, run: () => Promise<T>): Promise<T> {
    if (!this.#follow) return run();
    const key = keyOf(filter);
    const topic = this.#topics.get(key);
    if (topic) return topic.reads ? topic.reads.track(run) : run();
    let reads = this.#readsBeforeJoin.get(key);
    if (!reads) {
      reads = new FirstReads();
      this.#readsBeforeJoin.set(key, reads);
      for (const [oldKey, old] of this.#readsBeforeJoin) {
        if (this.#readsBeforeJoin.size <= MAX_WAITING_READS) break;
        if (old.inFlight === 0) this.#readsBeforeJoin.delete(oldKey);
      }
    }
    return reads.track(run);
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
    const key = keyOf(filter);
    let topic = this.#topics.get(key);
    if (!topic) {
      const reads = this.#readsBeforeJoin.get(key) ?? new FirstReads();
      this.#readsBeforeJoin.delete(key);
      const created: Topic = {
        filter, listeners: new Set(), stop: new AbortController(), state: 'connecting', linger: undefined, reads, wait: undefined, firstReady: undefined,
      };
      topic = created;
      this.#topics.set(key, created);
      reads.onSettled = () => this.#readsSettled(created);
      // The reads under way are answered at a change id the stream should start after: wait for them, briefly.
      if (reads.inFlight > 0) created.wait = setTimeout(() => this.#open(created), this.#firstReadWaitMs);
      else this.#open(created);
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

  #open(topic: Topic): void {
    const follow = this.#follow;
    if (!follow || topic.stop.signal.aborted) return;
    clearTimeout(topic.wait);
    topic.wait = undefined;
    const after = topic.reads && topic.reads.inFlight === 0 ? topic.reads.after : undefined;
    // followChanges never rejects by contract; an adapter of a host's that does costs only its topic.
    follow(topic.filter, (news) => this.#hear(topic, news), { signal: topic.stop.signal, ...(after === undefined ? {} : { after }) }).catch(
      (error: unknown) => this.#hear(topic, { kind: 'stopped', error }),
    );
  }

  #readsSettled(topic: Topic): void {
    if (topic.stop.signal.aborted) return;
    if (topic.wait !== undefined) this.#open(topic);
    else if (topic.firstReady) this.#checkFirstReads(topic);
  }

  /** After the first `ready`: a stream that did not start from the reads' change id may have missed a change; read again. */
  #checkFirstReads(topic: Topic): void {
    const { reads, firstReady } = topic;
    if (!reads || !firstReady || reads.inFlight > 0) return;
    topic.reads = undefined;
    topic.firstReady = undefined;
    if (!firstReady.resumed && reads.missed(firstReady.lastId)) this.#hear(topic, { kind: 'reset' });
  }

  #close(key: string, topic: Topic): void {
    clearTimeout(topic.linger);
    clearTimeout(topic.wait);
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
    // A reset reads everything again, and a stopped stream covers nothing: no reads to check.
    if (news.kind === 'reset' || news.kind === 'stopped') topic.reads = topic.firstReady = undefined;
    else if (news.kind === 'ready' && topic.reads && !topic.firstReady) {
      topic.firstReady = news;
      this.#checkFirstReads(topic);
    }
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

function keyOf(filter: LiveFilter): string {
  return JSON.stringify([filter.recipientId ?? null, filter.campaignId ?? null]);
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
