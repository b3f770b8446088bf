/**
 * Offline reads: the server's answer (stored for next time) merged with the edits still queued
 * on this device; when the server cannot be reached, the last stored list, marked "as of".
 */
import type { CallOptions, HistoryQuery } from '../../adapter/types.js';
import type { Page, ResponseLine } from '../../model/types.js';
import { isUnreachable, type CachedAnswer } from '../cached-reads.js';
import { withAsOf, withLocalOnly } from '../marks.js';
import { changeIdOf, withChangeId } from '../../adapter/change-id.js';
import { mergeCampaigns, mergeHistoryPage } from '../merge.js';
import type { ClientReads, PartsContext } from '../parts.js';
import type { LocalState } from '../../offline/types.js';
import type { OfflineDevice } from './device.js';

/** Reads of one view while confirmations keep landing; past it, the next confirmation's re-read follows. */
const MAX_READS = 3;

function historyKey(recipientId: string, query: HistoryQuery): string {
  const parts = [query.campaignId, query.eventId, query.categoryId, query.q, query.include].map((part) => encodeURIComponent(part ?? ''));
  return `history:${recipientId}:${parts.join(':')}`;
}

export function cachedReads(device: OfflineDevice, network: ClientReads, context: PartsContext): ClientReads {
  /** Through the read cache when there is one; the request is watched for connectivity either way. */
  async function read<T>(key: string, recipientId: string | undefined, fetch: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<CachedAnswer<T>> {
    await device.ready;
    const reused = device.serverAnswers.take<T>(key);
    if (reused) return reused;
    const askedAt = device.serverAnswers.generation(recipientId);
    const tracked = (callSignal?: AbortSignal) => device.track(fetch(callSignal));
    const answer = device.reads ? await device.reads.read(key, recipientId, tracked, signal) : { value: await tracked(signal) };
    if (answer.asOf === undefined) device.serverAnswers.store(key, recipientId, answer.value, askedAt);
    return answer;
  }

  /**
   * The server's answer (or the last one, reused) and the queue, read side by side. An edit the
   * server confirms in between can be in neither: the answer was asked before it landed, the queue
   * read after it left. Its confirmation bumps the recipient's generation, so a pair read across one
   * is read again (the stored answer is forgotten by then: the server is asked) instead of shown.
   */
  async function besideQueue<T extends object>(recipientId: string, answer: () => Promise<T>): Promise<T & { local: LocalState }> {
    for (let attempt = 1; ; attempt += 1) {
      const generation = device.serverAnswers.generation(recipientId);
      const [got, local] = await Promise.all([answer(), device.localState(recipientId)]);
      if (generation === device.serverAnswers.generation(recipientId) || attempt === MAX_READS) return { ...got, local };
    }
  }

  return {
    vocabulary: () => read('vocabulary', undefined, () => network.vocabulary()).then(({ value }) => (device.vocabulary = value)),

    async recipientCampaigns(recipientId: string, options: CallOptions) {
      const { value, asOf, local } = await besideQueue(recipientId, () =>
        read(`campaigns:${recipientId}`, recipientId, (signal) => network.recipientCampaigns(recipientId, { ...options, signal }), options.signal));
      for (const campaign of value.campaigns) device.titles.set(campaign.id, campaign.title);
      const merged = mergeCampaigns(value, local, await context.vocabulary(options.signal));
      // The server's answer keeps its change id (the stream starts after it); a stored one has none.
      return asOf === undefined ? withChangeId(merged, changeIdOf(value)) : withAsOf(merged, asOf);
    },

    async historyPage(recipientId: string, query: HistoryQuery) {
      const fetch = (signal?: AbortSignal) => network.historyPage(recipientId, { ...query, signal });
      // Only first pages are kept: they are what a person sees on opening; a cursor belongs to one answer.
      const answer = () => query.cursor
        ? device.track(fetch(query.signal)).then((value) => ({ value, asOf: undefined }))
        : read(historyKey(recipientId, query), recipientId, fetch, query.signal);
      // Offline with nothing kept on this device: the edits waiting here are still worth showing.
      const localOnly = (error: unknown) => {
        if (query.cursor || !device.outbox || !isUnreachable(error)) throw error;
        return { value: { items: [], nextCursor: null } as Page<ResponseLine>, asOf: undefined, localOnly: true };
      };
      const { local, ...got } = await besideQueue(recipientId, () => answer().catch(localOnly));
      const merged = mergeHistoryPage(got.value, local, query, await context.vocabulary(query.signal));
      if ('localOnly' in got) return withLocalOnly(merged);
      return got.asOf === undefined ? withChangeId(merged, changeIdOf(got.value)) : withAsOf(merged, got.asOf);
    },
  };
}
