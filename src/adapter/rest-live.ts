/**
 * `followChanges` of the REST adapters: the change stream of GET /changes, or (`live.mode: 'poll'`)
 * a poll of the record's list with If-None-Match; none when `live` is false. Each change is
 * validated (by the contract's schema) before it reaches the data client (a line that fails is left
 * out: the client re-reads).
 *
 * What reads the stream (the SSE parser, the reconnecting loop, the poll) is a module of its own,
 * `live-reader.ts`, loaded when the first element follows a record: a page's first paint needs none
 * of it, and the stream opens right after.
 */
import type { RestCaller } from './caller.js';
import { queryString } from './caller.js';
import type { RestAdapterConfig } from './config.js';
import { loadContract, type Contract } from './contract-load.js';
import { AdapterError, RateLimitedError, UnavailableError } from './errors.js';
import type { LiveChange, LiveFilter, LiveOperations } from './live-types.js';
import type { FailureVerdict } from './sse-follow.js';
import type { ReaderKit } from './live-reader.js';

/**
 * Answers that trying again will not change: the request itself is wrong (a bad filter, no
 * permission). A 401 is not among them: the host may hand a new token meanwhile. `malformed`: a
 * stream that broke mid-event is tried again; a poll's malformed answer is not.
 */
function verdict(error: unknown, malformedIsFinal: boolean): FailureVerdict {
  const final = error instanceof AdapterError && !error.retryable && error.kind !== 'auth' && (malformedIsFinal || error.kind !== 'malformed');
  const retryAfterMs = error instanceof RateLimitedError || error instanceof UnavailableError ? (error.retryAfterMs ?? 0) : 0;
  return { final, retryAfterMs };
}

export function liveOperations(caller: Pick<RestCaller, 'stream' | 'mapLine' | 'http' | 'readTags'>, config: RestAdapterConfig): LiveOperations | Record<string, never> {
  if (config.live === false) return {};
  const settings = config.live ?? {};
  const recipientPath = config.paths?.getRecipientCampaigns ?? '/recipients/{recipientId}/campaigns';
  const campaignPath = config.paths?.getCampaignStats ?? '/campaigns/{campaignId}/stats';
  const kit = (contract: Contract): ReaderKit => ({
    caller,
    settings,
    pollPath: (filter: LiveFilter) =>
      filter.recipientId !== undefined
        ? recipientPath.replace('{recipientId}', encodeURIComponent(filter.recipientId))
        : campaignPath.replace('{campaignId}', encodeURIComponent(filter.campaignId ?? '')),
    streamQuery: (filter, lastEventId) => queryString({ recipientId: filter.recipientId, campaignId: filter.campaignId, lastEventId }),
    parseChange: (data) => {
      const checked = contract.check(contract.ChangeSchema, data);
      if (!checked.success) return undefined;
      const { line, id, ...change } = checked.output;
      const result: LiveChange = { ...change, id: String(id) };
      if (line === null) result.line = null;
      else if (line !== undefined) {
        const parsed = contract.check(contract.ResponseLineSchema, safeMap(caller.mapLine, line));
        if (parsed.success) result.line = parsed.output;
      }
      return result;
    },
    judgeStream: (error) => verdict(error, false),
    judgePoll: (error) => verdict(error, true),
  });
  let reader: Promise<LiveOperations> | undefined;
  const load = () => {
    const loading = (reader ??= Promise.all([import('./live-reader.js'), loadContract()]).then(([module, contract]) => module.readerOperations(kit(contract))));
    // Modules that could not be fetched (the network was down) are asked for again at the next follow.
    loading.catch(() => {
      if (reader === loading) reader = undefined;
    });
    return loading;
  };
  return {
    async followChanges(filter, listener, options) {
      let operations: LiveOperations;
      try {
        operations = await load();
      } catch (error) {
        // followChanges never rejects: without its reader there is no stream, and the elements say so.
        listener({ kind: 'stopped', error });
        return;
      }
      if (!options.signal.aborted) await operations.followChanges(filter, listener, options);
    },
  };
}

function safeMap(map: (line: unknown) => unknown, line: unknown): unknown {
  try {
    return map(line);
  } catch {
    return undefined;
  }
}
