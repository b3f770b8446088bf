/**
 * What the data client does for single-line deletes, bounded delete-alls and restores, apart from
 * `data-client.ts` so that file stays about reads and the pending delete. Pure of elements: each
 * function gets what it needs.
 */
import type { CampaignResponseAdapter, HistoryQuery } from '../adapter/types.js';
import { BadRequestError } from '../adapter/errors.js';
import { capabilitiesOf } from '../adapter/capabilities.js';
import type { RestoreResult } from '../model/audit.js';
import type { DeleteAllResult, Page, ResponseLine } from '../model/types.js';
import { queuedOpOf } from './marks.js';

/** The most lines a bounded delete-all may name (the reference server's limit). */
export const MAX_BOUND_LINES = 2000;

/**
 * The ids of the lines a person sees of a campaign (the merged view: the server's lines and their
 * own queued adds, without lines whose delete waits), for a delete-all that must not remove lines
 * added since. Undefined when the backend cannot bound a delete-all, or there are more lines than
 * a bound may name: then the delete-all goes unbounded, as before there were bounds.
 */
export async function linesSeen(
  adapter: CampaignResponseAdapter,
  readPage: (query: HistoryQuery) => Promise<Page<ResponseLine>>,
  campaignId: string,
  signal?: AbortSignal,
): Promise<string[] | undefined> {
  if (capabilitiesOf(adapter).boundedDeleteAll !== true) return undefined;
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await readPage({ campaignId, cursor, limit: 500, signal });
    for (const line of page.items) ids.add(line.id);
    if (ids.size > MAX_BOUND_LINES) return undefined;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return [...ids];
}

/** What restoring needs of the data client. */
export interface RestoreDeps {
  adapter: CampaignResponseAdapter;
  /** Drops a queued delete that no server has seen: the cheapest restore. False: it may have been sent. */
  discardQueued(opId: string): Promise<boolean>;
  /** The server's answer to a delete queued on this device, once it was delivered. */
  delivered(result: DeleteAllResult): Promise<DeleteAllResult>;
}

/**
 * Undoes a delete that was sent: a queued one never sent is dropped; otherwise, once the server
 * has answered, its deletion is restored as a whole (`deletionId`), or the one line is. Needs a
 * connection: a restore is not queued, since a queued restore racing a queued delete of the same
 * lines could leave either outcome, and the person would not know which.
 */
export async function restoreDeleted(deps: RestoreDeps, result: DeleteAllResult, lineId: string | undefined): Promise<RestoreResult> {
  const queued = queuedOpOf(result);
  if (queued && (await deps.discardQueued(queued))) return { restored: 0 };
  const answer = queued ? await deps.delivered(result) : result;
  const { adapter } = deps;
  const idempotencyKey = crypto.randomUUID();
  if (answer.deletionId && adapter.restoreDeletion) return adapter.restoreDeletion(answer.deletionId, { idempotencyKey });
  if (lineId && adapter.restoreResponse) {
    await adapter.restoreResponse(lineId, { idempotencyKey });
    return { restored: 1 };
  }
  throw new BadRequestError('this delete cannot be restored: the backend gave no deletion to restore');
}

/**
 * How many lines a recipient has for a campaign (for Delete's confirmation): the backend's total
 * when it gives one, else counted page by page.
 */
export async function countLines(readPage: (query: HistoryQuery) => Promise<Page<ResponseLine>>, campaignId: string, signal?: AbortSignal): Promise<number> {
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await readPage({ campaignId, cursor, limit: 500, signal });
    if (page.total !== undefined) return page.total;
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}
