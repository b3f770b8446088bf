/**
 * The reconnecting loop under `followChanges`: open a Server-Sent Events stream, parse it, tell the
 * follower, and after a lost connection open it again from the last event id, with backoff. The
 * parser is `eventsource-parser` (the SSE grammar, split chunks and all); `EventSource` cannot be
 * used because it sends no Authorization header.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { LiveChange, LiveListener } from './live-types.js';

export interface FollowSettings {
  /** Opens the stream after `lastEventId` (undefined: from now); rejects with an AdapterError. */
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  /** Reads one `change` event's data; undefined when it is not one. */
  parseChange(data: unknown): LiveChange | undefined;
  /** A stream silent this long (not even a heartbeat) is taken as lost. */
  idleMs: number;
  /** The first retry's ceiling and the largest wait, in ms. */
  backoff: { baseMs: number; capMs: number };
  /** What a failure means: whether trying again cannot help, and how long the backend asked to wait. */
  judge(error: unknown): FailureVerdict;
  random?: () => number;
}

/**
 * Handed in by the adapter rather than read here from its error classes: this loop is loaded on
 * demand, and a chunk that imported the shared error module would split it out of the page's first chunk.
 */
export interface FailureVerdict {
  /** The request itself is wrong (a bad filter, no permission): no further tries. */
  final: boolean;
  /** What `Retry-After` asked for (429, 503), else 0. */
  retryAfterMs: number;
}

/** Follows the stream until `signal` aborts; from `after` (a change id) when given, else from now. */
export async function follow(listener: LiveListener, settings: FollowSettings, signal: AbortSignal, after?: string): Promise<void> {
  let lastEventId = after;
  let attempt = 0;
  while (!signal.aborted) {
    listener({ kind: 'connecting' });
    let error: unknown;
    let expired = false;
    try {
      // Opened after an id (the last heard, or `after`), the stream goes on from there: resumed.
      const resumed = lastEventId !== undefined;
      const body = await settings.open(lastEventId, signal);
      const outcome = await readEvents(body, settings, signal, (message) => {
        if (message.id !== undefined && message.id !== '') lastEventId = message.id;
        switch (message.event) {
          case 'ready':
            attempt = 0;
            listener({ kind: 'ready', resumed, ...(lastEventId === undefined ? {} : { lastId: lastEventId }) });
            break;
          case 'reset':
            attempt = 0;
            listener({ kind: 'reset' });
            break;
          case 'change': {
            const change = settings.parseChange(parseJson(message.data));
            if (change) listener({ kind: 'change', change });
            break;
          }
          case 'expired':
            expired = true;
            break;
        }
      });
      if (outcome === 'idle') error = new Error('the change stream went silent');
      else if (!expired) error = new Error('the change stream ended');
    } catch (thrown) {
      error = thrown;
    }
    if (signal.aborted) return;
    // An expired token: the next request reads fresh headers, so go on at once.
    if (expired) continue;
    const verdict = settings.judge(error);
    if (verdict.final) {
      listener({ kind: 'stopped', error });
      return;
    }
    attempt += 1;
    const ceiling = Math.min(settings.backoff.capMs, settings.backoff.baseMs * 2 ** (attempt - 1));
    // Half fixed, half jitter: pages that lost the same server do not all come back at once.
    const delayMs = Math.max(verdict.retryAfterMs, Math.floor(ceiling / 2 + (settings.random ?? Math.random)() * (ceiling / 2)));
    listener({ kind: 'retrying', attempt, delayMs, error });
    await sleep(delayMs, signal);
  }
}

/** Feeds the body to the parser until it ends, goes silent, or `signal` aborts. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  settings: FollowSettings,
  signal: AbortSignal,
  onEvent: (message: EventSourceMessage) => void,
): Promise<'ended' | 'idle'> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent });
  let idle = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => void reader.cancel().catch(() => undefined);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      stop();
    }, settings.idleMs);
  };
  signal.addEventListener('abort', stop);
  try {
    arm();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done || signal.aborted) break;
      arm();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    stop();
  }
  return idle ? 'idle' : 'ended';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Waits `ms`, or less when `signal` aborts (resolves either way: the caller looks at the signal). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
