/**
 * What reads a REST backend's changes, loaded on demand by `rest-live.ts`: GET /changes as
 * Server-Sent Events, read with fetch so the bearer header goes along, resumed with `lastEventId`
 * after a lost connection, or a poll of the record's list. What it needs of the kit's shared
 * modules (the change's schema, the error classes, the query) it is handed: importing them would
 * split them out of the page's first chunk into chunks of their own, which compress worse.
 */
import type { LiveChange, LiveFilter, LiveOperations } from './live-types.js';
import type { RestCaller } from './caller.js';
import type { LiveSettings } from './config.js';
import { pollOperations } from './live-poll.js';
import { follow, type FailureVerdict } from './sse-follow.js';

/** What `rest-live.ts` hands the reader. */
export interface ReaderKit {
  caller: Pick<RestCaller, 'stream' | 'http' | 'readTags'>;
  settings: LiveSettings;
  /** The path (after the base URL) whose ETag stands for the filter's data, for the poll. */
  pollPath(filter: LiveFilter): string;
  /** The stream's query for `filter`, resumed after `lastEventId`. */
  streamQuery(filter: LiveFilter, lastEventId: string | undefined): string;
  /** One `change` event's data, validated; undefined when it is not one. */
  parseChange(data: unknown): LiveChange | undefined;
  /** What a failure of the stream means (a malformed answer is retried: the next may be whole). */
  judgeStream(error: unknown): FailureVerdict;
  /** What a failure of the poll means. */
  judgePoll(error: unknown): FailureVerdict;
}

export function readerOperations(kit: ReaderKit): LiveOperations {
  const { caller, settings } = kit;
  const backoff = { baseMs: settings.retryBaseMs ?? 1_000, capMs: settings.retryCapMs ?? 30_000 };
  if (settings.mode === 'poll') {
    return pollOperations({ http: caller.http, pathOf: kit.pollPath, pollMs: settings.pollMs ?? 15_000, backoff, judge: kit.judgePoll, readTags: caller.readTags });
  }
  return {
    followChanges: (filter, listener, { signal, after }) =>
      follow(
        listener,
        {
          open: (lastEventId, streamSignal) =>
            caller.stream('followChanges', {}, 'text/event-stream', { signal: streamSignal, query: kit.streamQuery(filter, lastEventId) }),
          parseChange: kit.parseChange,
          idleMs: settings.idleMs ?? 45_000,
          backoff,
          judge: kit.judgeStream,
        },
        signal,
        after,
      ),
  };
}
