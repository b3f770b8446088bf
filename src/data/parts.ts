/**
 * The parts a data client is assembled from: how it reads, how it writes, and what it says about
 * edits not yet delivered. The plain parts here go straight to the adapter; a page that wants
 * offline edits hands the client `offlineParts()` instead, and no element changes. Keeping them
 * apart means the online client carries none of the offline code, and the offline one overrides
 * nothing.
 */
import type { CampaignResponseAdapter, CallOptions, HistoryQuery } from '../adapter/types.js';
import type { DeleteAllResult, NewResponseLine, Page, RecipientCampaigns, ResponseLine, ResponseVocabulary } from '../model/types.js';
import { BadRequestError } from '../adapter/errors.js';
import type { DataChange } from './changes.js';
import { queuedOpOf } from './marks.js';
import { EMPTY_SYNC_STATUS, type OfflineMode, type SyncListener, type SyncStatus } from './sync.js';
import type { BulkResponseOperations } from '../adapter/bulk-operations.js';
import { capabilitiesOf } from '../adapter/capabilities.js';

/** Where the lists come from: the network, or the device's cache merged with the edits queued there. */
export interface ClientReads {
  vocabulary(): Promise<ResponseVocabulary>;
  recipientCampaigns(recipientId: string, options: CallOptions): Promise<RecipientCampaigns>;
  historyPage(recipientId: string, query: HistoryQuery): Promise<Page<ResponseLine>>;
}

/** Where an edit goes: straight to the backend, or into the outbox first. */
export interface ClientWrites {
  addResponse(line: NewResponseLine, options: CallOptions): Promise<ResponseLine>;
  /** `lineIds` bounds the delete to the lines the person saw (where the backend can). */
  deleteAll(recipientId: string, campaignId: string, lineIds?: readonly string[]): Promise<DeleteAllResult>;
  deleteLine(line: ResponseLine): Promise<DeleteAllResult>;
  /**
   * Many lines in as few requests as the backend allows (its batch endpoint), or in one outbox
   * transaction: each line's result, in order. Absent: the client adds them one by one.
   */
  addResponses?(lines: readonly NewResponseLine[], options: CallOptions): Promise<ManyLineResult[]>;
  /** Drops a queued delete no server has seen; false when nothing was queued (or it went out). */
  discardUnsentDelete(opId: string): Promise<boolean>;
  /** The server's answer to a delete once it has it (a queued one: when the outbox delivered it). */
  deliveredDeletion(result: DeleteAllResult, options: CallOptions): Promise<DeleteAllResult>;
}

/** One line's result in a write of many: the line as saved (or queued), or why it was not. */
export type ManyLineResult = { saved: ResponseLine } | { error: unknown };

/** What the client tells about edits not yet delivered, and what a person may do about them. */
export interface ClientSync {
  readonly mode: OfflineMode;
  status(): Promise<SyncStatus>;
  subscribe(listener: SyncListener): () => void;
  retry(opId: string): Promise<void>;
  discard(opId: string): Promise<void>;
  resume(): void;
  /** Look for work now, without waiting out a backoff (the host knows the server is back). */
  wake(): void;
}

export interface ClientParts {
  reads: ClientReads;
  writes: ClientWrites;
  sync: ClientSync;
  /** Resolves when the parts can serve (a device store opened); never rejects. */
  ready: Promise<void>;
  /** Releases what the parts hold (databases, the sending tab's lock). */
  close(): Promise<void>;
}

/** What the client gives its parts: the adapter, its shared vocabulary, and its change news. */
export interface PartsContext {
  adapter: CampaignResponseAdapter;
  /** The client's vocabulary (one load for the page), or undefined when it cannot be had. */
  vocabulary(signal?: AbortSignal): Promise<ResponseVocabulary | undefined>;
  /** Tells the client's subscribers that a recipient's data changed. */
  notify(change: DataChange): void;
}

export type ClientPartsFactory = (context: PartsContext) => ClientParts;

export function networkReads(adapter: CampaignResponseAdapter): ClientReads {
  return {
    vocabulary: () => adapter.getResponseTypes(),
    recipientCampaigns: (recipientId, options) => adapter.getRecipientCampaigns(recipientId, options),
    historyPage: (recipientId, query) => adapter.getRecipientResponses(recipientId, query),
  };
}

/** The backend's batch add, where it declares one (`batchAdd`) and the adapter has the method. */
export function batchAddOf(adapter: CampaignResponseAdapter): BulkResponseOperations['addResponses'] {
  const bulk = adapter as BulkResponseOperations;
  return capabilitiesOf(adapter).batchAdd === true && typeof bulk.addResponses === 'function' ? bulk.addResponses.bind(adapter) : undefined;
}

export function directWrites(adapter: CampaignResponseAdapter): ClientWrites {
  const batch = batchAddOf(adapter);
  return {
    // Each line idempotent by its id on the backend, as a single add is.
    ...(batch
      ? { addResponses: async (lines: readonly NewResponseLine[], options: CallOptions) =>
          (await batch(lines, options)).map((answer): ManyLineResult => (answer.outcome === 'refused' ? { error: answer.error } : { saved: answer.line })) }
      : {}),
    // The line's own id is the key: a retried save after a lost answer is applied once.
    addResponse: (line, options) => adapter.addResponse(line, { ...options, idempotencyKey: line.id }),
    deleteAll: (recipientId, campaignId, lineIds) =>
      adapter.deleteAllResponses(recipientId, campaignId, { idempotencyKey: crypto.randomUUID(), ...(lineIds ? { lineIds } : {}) }),
    deleteLine: (line) => {
      if (!adapter.deleteResponse) return Promise.reject(new BadRequestError('this backend cannot delete one line'));
      return adapter.deleteResponse(line.id, { idempotencyKey: crypto.randomUUID() });
    },
    // Nothing is queued here, so there is nothing to drop.
    discardUnsentDelete: () => Promise.resolve(false),
    deliveredDeletion: (result) =>
      queuedOpOf(result) ? Promise.reject(new BadRequestError('this data client queues no edits')) : Promise.resolve(result),
  };
}

const noQueue = () => Promise.reject(new Error('this data client queues no edits'));

/** Edits go straight to the backend: nothing is ever queued, so there is nothing to tell. */
export const directSync: ClientSync = {
  mode: 'off',
  status: async () => ({ ...EMPTY_SYNC_STATUS, mode: 'off', connectivity: 'unknown' }),
  subscribe: () => () => undefined,
  retry: noQueue,
  discard: noQueue,
  resume: () => undefined,
  wake: () => undefined,
};

/** The parts of a client without offline edits. */
export const directParts: ClientPartsFactory = ({ adapter }) => ({
  reads: networkReads(adapter),
  writes: directWrites(adapter),
  sync: directSync,
  ready: Promise.resolve(),
  close: async () => undefined,
});
