/**
 * The reads behind a bulk entry's preview, by composition over the data client: who each row is,
 * and who already has this response. Where the adapter has the bulk operations and its backend
 * declares them (`lookupRecipients` with capability `recipientLookup`, `alreadyResponded` with
 * `respondedQuery`), a thousand at a time; otherwise line by line through the ordinary reads, a few
 * at a time, with the same answers. Offline, what cannot be asked stays unknown (the preview says so) rather
 * than failing the whole list.
 */
import type { BulkResponseOperations } from '../adapter/bulk-operations.js';
import { BULK_CALL_SIZE } from '../adapter/bulk-operations.js';
import { capabilitiesOf } from '../adapter/capabilities.js';
import { isAbortError, isAdapterError } from '../adapter/errors.js';
import type { CallOptions } from '../adapter/types.js';
import type { Recipient } from '../model/types.js';
import type { RecipientDirectory } from '../bulk/matching.js';
import type { BulkRow } from '../bulk/rows.js';
import type { ExistingAnswer } from '../bulk/preview.js';
import type { CampaignDataClient } from './data-client.js';
import { asOfOf, localOnlyOf } from './marks.js';

/** How many line-by-line reads run at once: a browser's connections per host, less one for the page. */
const LINE_BY_LINE_CONCURRENCY = 4;

export interface BulkReadOptions extends CallOptions {
  /** How many of the asked-about items are answered so far (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** One event's response detail: what "already has this response" is about. */
export interface BulkScope {
  campaignId: string;
  eventId: string;
  detailId: string;
}

/** A failure that says only that the backend could not be reached (offline, 5xx, timeout). */
function isUnreachable(error: unknown): boolean {
  if (isAbortError(error)) return false;
  return isAdapterError(error) ? error.retryable : true;
}

/**
 * The adapter's bulk reads its backend can answer: a method alone is not enough, since the REST
 * adapter has them for every backend while only some serve them (json-server does not).
 */
function bulkOf(client: CampaignDataClient): BulkResponseOperations {
  const adapter = client.adapter as BulkResponseOperations;
  const capabilities = capabilitiesOf(client.adapter);
  return {
    lookupRecipients: capabilities.recipientLookup === true ? adapter.lookupRecipients?.bind(adapter) : undefined,
    alreadyResponded: capabilities.respondedQuery === true ? adapter.alreadyResponded?.bind(adapter) : undefined,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` on every item, `concurrency` at a time, stopping early when `signal` aborts. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  signal?.throwIfAborted();
}

/**
 * Adds to `directory` the recipients of `rows` it does not know yet. Returns the ids that could not
 * be checked (offline): a row of such an id is kept as that recipient, unverified, for the outbox.
 */
export async function findRecipients(
  client: CampaignDataClient,
  rows: readonly BulkRow[],
  directory: RecipientDirectory,
  options: BulkReadOptions = {},
): Promise<Set<string>> {
  const unchecked = new Set<string>();
  const unknown = [...new Set(rows.filter((row) => row.kind !== 'name' && !known(directory, row)).map((row) => row.key))];
  const lookup = bulkOf(client).lookupRecipients;
  let done = 0;
  if (lookup) {
    for (const keys of chunks(unknown, BULK_CALL_SIZE)) {
      try {
        for (const recipient of await lookup(keys, { signal: options.signal })) directory.add(recipient);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        for (const key of keys) if (!key.includes('@')) unchecked.add(key);
      }
      options.onProgress?.((done += keys.length), unknown.length);
    }
    return unchecked;
  }
  // Line by line: only an id can be asked about (the recipient's campaigns name the recipient).
  const ids = unknown.filter((key) => !key.includes('@'));
  await eachConcurrently(ids, LINE_BY_LINE_CONCURRENCY, async (id) => {
    try {
      directory.add((await client.getRecipientCampaigns(id, { signal: options.signal })).recipient);
    } catch (error) {
      if (isUnreachable(error)) unchecked.add(id);
      else if (!isAdapterError(error) || error.kind !== 'not-found') throw error;
    }
    options.onProgress?.(++done, ids.length);
  }, options.signal);
  return unchecked;
}

function known(directory: RecipientDirectory, row: BulkRow): boolean {
  return directory.match(row).status !== 'not-found';
}

/** A stand-in for a recipient known only by the id a person typed, while the backend cannot say more. */
export function unverifiedRecipient(id: string): Recipient {
  return { id, displayName: id, email: null, timeZone: 'UTC' };
}

/** Whether each of `recipientIds` already has `scope`'s response: yes, no, or unknown (could not ask). */
export async function findResponded(
  client: CampaignDataClient,
  recipientIds: readonly string[],
  scope: BulkScope,
  options: BulkReadOptions = {},
): Promise<Map<string, ExistingAnswer>> {
  const answers = new Map<string, ExistingAnswer>();
  const find = bulkOf(client).alreadyResponded;
  let done = 0;
  if (find) {
    for (const ids of chunks(recipientIds, BULK_CALL_SIZE)) {
      try {
        const responded = new Set(await find({ ...scope, recipientIds: ids, signal: options.signal }));
        for (const id of ids) answers.set(id, responded.has(id) ? 'yes' : 'no');
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        for (const id of ids) answers.set(id, 'unknown');
      }
      options.onProgress?.((done += ids.length), recipientIds.length);
    }
    return answers;
  }
  await eachConcurrently(recipientIds, LINE_BY_LINE_CONCURRENCY, async (id) => {
    answers.set(id, await respondedLineByLine(client, id, scope, options.signal));
    options.onProgress?.(++done, recipientIds.length);
  }, options.signal);
  return answers;
}

/** The history of one recipient on one event, page by page, until the response is found. */
async function respondedLineByLine(client: CampaignDataClient, recipientId: string, scope: BulkScope, signal?: AbortSignal): Promise<ExistingAnswer> {
  let cursor: string | undefined;
  try {
    do {
      const page = await client.getHistoryPage(recipientId, { campaignId: scope.campaignId, eventId: scope.eventId, cursor, limit: 500, signal });
      // A line waiting on this device counts too: it is on its way.
      if (page.items.some((line) => line.eventId === scope.eventId && line.detailId === scope.detailId)) return 'yes';
      // Read from this device's cache (offline): a line added elsewhere since would not be in it.
      if (asOfOf(page) !== undefined || localOnlyOf(page)) return 'unknown';
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return 'no';
  } catch (error) {
    if (isUnreachable(error)) return 'unknown';
    // A recipient the backend does not know has no responses; Save will say why it fails.
    if (isAdapterError(error) && error.kind === 'not-found') return 'no';
    throw error;
  }
}
