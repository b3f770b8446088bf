/**
 * `followChanges` for a backend without a change stream: the record's list is asked again every
 * `pollMs` with If-None-Match, so an unchanged one costs a 304 and no body; a new ETag is a reset
 * (the elements read everything again, since a poll cannot say what changed). The tag asked with
 * is the newest this page has seen of that list, its own reads' included (`readTags`): after the
 * page's own save its elements read the list again, and the poll then takes that version as known,
 * not as another's change.
 */
import type { HttpHelper } from './http-helper.js';
import type { LiveFilter, LiveOperations } from './live-types.js';
import { sleep, type FailureVerdict } from './sse-follow.js';

export interface PollSettings {
  http: Pick<HttpHelper, 'request' | 'baseUrl'>;
  /** The path (after the base URL) whose ETag stands for the filter's data. */
  pathOf(filter: LiveFilter): string;
  pollMs: number;
  backoff: { baseMs: number; capMs: number };
  /** The ETags of this page's reads by URL, shared with the poll (which adds its own answers'). */
  readTags?: Map<string, string>;
  /** What a failure means: a final one (a bad path, no permission, a malformed answer) stops the poll. */
  judge(error: unknown): FailureVerdict;
}

export function pollOperations(settings: PollSettings): LiveOperations {
  return {
    async followChanges(filter, listener, { signal }) {
      const tags = settings.readTags ?? new Map<string, string>();
      const path = settings.pathOf(filter);
      let attempt = 0;
      let started = false;
      listener({ kind: 'connecting' });
      while (!signal.aborted) {
        try {
          const url = settings.http.baseUrl() + path;
          const known = tags.get(url);
          const answer = await settings.http.request('followChanges', { path, headers: known === undefined ? {} : { 'If-None-Match': known }, signal });
          // A read of the page's own may have brought this version meanwhile: then it is known too.
          const shown = tags.get(url);
          const tag = answer.status === 304 ? shown : (answer.headers.get('ETag') ?? undefined);
          const current = tag !== undefined && tag === shown;
          if (shown !== undefined && !current) listener({ kind: 'reset' });
          if (tag !== undefined) tags.set(url, tag);
          // A poll starts from now (its first answer), so a first read older than that may have missed
          // something: `lastId` (the reference server's Last-Change-Id) lets the data client tell.
          const lastId = answer.headers.get('Last-Change-Id') ?? undefined;
          // The first poll finding the version the page read: nothing was missed in between.
          const resumed = started || current;
          if (!started || attempt > 0) listener({ kind: 'ready', resumed, ...(lastId === undefined ? {} : { lastId }) });
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
