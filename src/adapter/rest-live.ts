/**
 * `followChanges` of the REST adapters: GET /changes as Server-Sent Events, read with fetch so the
 * bearer header goes along, resumed with `lastEventId` after a lost connection, and each change
 * validated before it reaches the data client (a line that fails is left out: the client re-reads).
 */
import * as v from 'valibot';
import { ResponseLineSchema } from '../model/schemas.js';
import type { RestCaller } from './caller.js';
import { queryString } from './caller.js';
import type { RestAdapterConfig } from './config.js';
import type { LiveChange, LiveFilter, LiveOperations } from './live-types.js';
import { pollOperations } from './live-poll.js';
import { follow } from './sse-follow.js';

const ChangeSchema = v.object({
  id: v.union([v.string(), v.number()]),
  kind: v.picklist(['line-added', 'line-updated', 'line-deleted', 'line-restored', 'line-purged', 'tracked-open', 'tracked-click', 'stats-changed']),
  recipientId: v.nullable(v.string()),
  campaignId: v.string(),
  lineId: v.nullable(v.string()),
  at: v.string(),
  line: v.optional(v.unknown()),
});

/**
 * The change stream of a REST backend, or (`live.mode: 'poll'`) a poll of the record's list with
 * If-None-Match; none when `live` is false.
 */
export function liveOperations(caller: Pick<RestCaller, 'stream' | 'mapLine' | 'http' | 'readTags'>, config: RestAdapterConfig): LiveOperations | Record<string, never> {
  if (config.live === false) return {};
  const settings = config.live ?? {};
  const backoff = { baseMs: settings.retryBaseMs ?? 1_000, capMs: settings.retryCapMs ?? 30_000 };
  if (settings.mode === 'poll') {
    const recipientPath = config.paths?.getRecipientCampaigns ?? '/recipients/{recipientId}/campaigns';
    const campaignPath = config.paths?.getCampaignStats ?? '/campaigns/{campaignId}/stats';
    const pathOf = (filter: LiveFilter) =>
      filter.recipientId !== undefined
        ? recipientPath.replace('{recipientId}', encodeURIComponent(filter.recipientId))
        : campaignPath.replace('{campaignId}', encodeURIComponent(filter.campaignId ?? ''));
    return pollOperations({ http: caller.http, pathOf, pollMs: settings.pollMs ?? 15_000, backoff, readTags: caller.readTags });
  }
  const parseChange = (data: unknown): LiveChange | undefined => {
    const checked = v.safeParse(ChangeSchema, data);
    if (!checked.success) return undefined;
    const { line, id, ...change } = checked.output;
    const result: LiveChange = { ...change, id: String(id) };
    if (line === null) result.line = null;
    else if (line !== undefined) {
      const parsed = v.safeParse(ResponseLineSchema, safeMap(caller.mapLine, line));
      if (parsed.success) result.line = parsed.output;
    }
    return result;
  };
  return {
    followChanges: (filter, listener, { signal, after }) =>
      follow(
        listener,
        {
          open: (lastEventId, streamSignal) =>
            caller.stream('followChanges', {}, 'text/event-stream', {
              signal: streamSignal,
              query: queryString({ recipientId: filter.recipientId, campaignId: filter.campaignId, lastEventId }),
            }),
          parseChange,
          idleMs: settings.idleMs ?? 45_000,
          backoff,
        },
        signal,
        after,
      ),
  };
}

function safeMap(map: (line: unknown) => unknown, line: unknown): unknown {
  try {
    return map(line);
  } catch {
    return undefined;
  }
}
