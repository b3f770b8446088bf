/**
 * `followChanges` for a backend without a change stream: the record's list is asked again every
 * `pollMs` with If-None-Match, so an unchanged one costs a 304 and no body; a new ETag is a reset
 * (the elements read everything again, since a poll cannot say what changed). The page's own
 * save changes the tag too, so it costs one read more here than with the stream.
 */
import type { HttpHelper } from './http-helper.js';
import type { LiveFilter, LiveOperations } from './live-types.js';
import { sleep, type FailureVerdict } from './sse-follow.js';

export interface PollSettings {
  http: Pick<HttpHelper, 'request'>;
  /** The path (after the base URL) whose ETag stands for the filter's data. */
  pathOf(filter: LiveFilter): string;
  pollMs: number;
  backoff: { baseMs: number; capMs: number };
  /** What a failure means: a final one (a bad path, no permission, a malformed answer) stops the poll. */
  judge(error: unknown): FailureVerdict;
}

export function pollOperations(settings: PollSettings): LiveOperations {
  return {
    async followChanges(filter, listener, { signal }) {
      let etag: string | undefined;
      let attempt = 0;
      let started = false;
      listener({ kind: 'connecting' });
      while (!signal.aborted) {
        try {
          const answer = await settings.http.request('followChanges', {
            path: settings.pathOf(filter),
            headers: etag === undefined ? {} : { 'If-None-Match': etag },
            signal,
          });
          if (answer.status !== 304) {
            const tag = answer.headers.get('ETag') ?? undefined;
            if (etag !== undefined && tag !== etag) listener({ kind: 'reset' });
            etag = tag;
          }
          if (!started || attempt > 0) listener({ kind: 'ready', resumed: started });
          started = true;
          attempt = 0;
          await sleep(settings.pollMs, signal);
        } catch (error) {
          if (signal.aborted) return;
          if (settings.judge(error).final) {
            listener({ kind: 'stopped', error });
            return;
          }
          attempt += 1;
          const delayMs = Math.min(settings.backoff.capMs, settings.backoff.baseMs * 2 ** (attempt - 1));
          listener({ kind: 'retrying', attempt, delayMs, error });
          await sleep(delayMs, signal);
        }
      }
    },
  };
}
