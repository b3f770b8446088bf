/**
 * What the offline parts share on one device: the outbox and the read cache once open, whether
 * requests get through, and what the reads learned that the writes and the status need (the
 * vocabulary to mark a queued line at once, campaign titles for a problem). Reads, writes and sync
 * each keep their own job; this holds only the state they have in common.
 */
import { isAbortError, isAdapterError } from '../../adapter/errors.js';
import type { CampaignResponseAdapter } from '../../adapter/types.js';
import type { ResponseVocabulary } from '../../model/types.js';
import { Outbox } from '../../offline/outbox.js';
import { ReadCache } from '../../offline/read-cache.js';
import type { OutboxListener } from '../../offline/events.js';
import type { LocalState, OutboxOp } from '../../offline/types.js';
import { CachedReads } from '../cached-reads.js';
import { DeliveryReceipts } from '../delivery-receipts.js';
import type { DataChange } from '../changes.js';
import { ServerAnswers } from '../server-answers.js';
import type { Connectivity, OfflineMode, SyncEvent, SyncListener } from '../sync.js';
import type { OfflineOptions } from './options.js';
import { capabilitiesOf } from '../../adapter/capabilities.js';

/** Did the request reach a server that answered? Undefined: nothing to learn (aborted). */
function reachedServer(error: unknown): boolean | undefined {
  if (isAbortError(error)) return undefined;
  return isAdapterError(error) ? error.status !== undefined : false;
}

export class OfflineDevice {
  readonly userKey: string;
  /** Resolves when the device's store is open (or known to be unavailable). Never rejects. */
  readonly ready: Promise<void>;
  readonly serverAnswers = new ServerAnswers();
  /** Campaign titles seen in reads, so a problem can name its campaign. */
  readonly titles = new Map<string, string>();
  /** The vocabulary last read, for marking a queued line without waiting on the network. */
  vocabulary: ResponseVocabulary | undefined;
  mode: OfflineMode = 'opening';
  outbox: Outbox | undefined;
  cache: ReadCache | undefined;
  /** The server's answers to queued deletes, once delivered (for Undo after sending). */
  receipts: DeliveryReceipts | undefined;
  reads: CachedReads | undefined;
  #connectivity: Connectivity = 'unknown';
  #listeners = new Set<SyncListener>();

  readonly #adapter: CampaignResponseAdapter;
  #unsubscribeOutbox: (() => void) | undefined;

  /** `news` hears the outbox from the moment it opens, so no early event is missed. */
  constructor(options: OfflineOptions, adapter: CampaignResponseAdapter, notify: (change: DataChange) => void, news: OutboxListener) {
    this.userKey = options.userKey;
    this.#adapter = adapter;
    this.ready = this.#open(options, notify, news);
  }

  async #open(options: OfflineOptions, notify: (change: DataChange) => void, news: OutboxListener): Promise<void> {
    try {
      const outbox = await Outbox.open({
        ...options.outbox,
        userKey: options.userKey,
        dbName: options.dbName,
        indexedDB: options.indexedDB,
        sender: this.#adapter,
        // Queued adds (a booth's bulk entry, a day offline) drain in batches where the backend can.
        batchAdds: capabilitiesOf(this.#adapter).batchAdd === true,
        fetchConflictVersion: (op) => this.#serverVersionOf(op),
      });
      this.outbox = outbox;
      this.mode = outbox.available ? 'on' : 'unavailable';
      if (outbox.available) {
        this.#unsubscribeOutbox = outbox.subscribe(news);
        this.receipts = new DeliveryReceipts(outbox);
      }
      if (outbox.available && options.readCache !== false) {
        const cache = ReadCache.open(options.dbName !== undefined ? { dbName: `${options.dbName}-cache` } : { userKey: options.userKey });
        this.cache = cache;
        this.reads = new CachedReads({
          cache,
          graceMs: options.cacheGraceMs ?? 300,
          offline: () => this.#connectivity === 'offline',
          refreshed: (recipientId) => notify({ kind: 'refreshed', recipientId }),
        });
      }
    } catch {
      this.mode = 'unavailable';
    }
    this.emit({ type: 'changed' });
  }

  /** The outbox when edits can be queued on this device, else undefined (they go straight out). */
  get queue(): Outbox | undefined {
    return this.outbox?.available ? this.outbox : undefined;
  }

  /** What the last requests did (reads and sends), not `navigator.onLine`. */
  get connectivity(): Connectivity {
    return this.#connectivity;
  }

  set connectivity(connectivity: Connectivity) {
    if (this.#connectivity === connectivity) return;
    const wasOffline = this.#connectivity === 'offline';
    this.#connectivity = connectivity;
    // Reads get through again: the sender need not wait out its backoff to find out.
    if (wasOffline && connectivity === 'online') this.outbox?.poke();
    this.emit({ type: 'changed' });
  }

  /** Learns from each request whether the backend can be reached. */
  track<T>(request: Promise<T>): Promise<T> {
    request.then(
      () => (this.connectivity = 'online'),
      (error: unknown) => {
        const reached = reachedServer(error);
        if (reached !== undefined) this.connectivity = reached ? 'online' : 'offline';
      },
    );
    return request;
  }

  async localState(recipientId: string): Promise<LocalState> {
    await this.ready;
    try {
      return (await this.outbox?.readLocalState(recipientId)) ?? { lines: [], deletions: [] };
    } catch {
      // The store went away under us (a wipe in another tab): show the server's data alone.
      return { lines: [], deletions: [] };
    }
  }

  subscribe(listener: SyncListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: SyncEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber must not stop the others, nor the outbox's news.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async close(): Promise<void> {
    await this.ready;
    this.#unsubscribeOutbox?.();
    await Promise.all([this.outbox?.close(), this.cache?.close()]);
  }

  /** For a 409: the line the server holds under the same id, when it can be found. */
  async #serverVersionOf(op: OutboxOp): Promise<unknown> {
    if (op.kind !== 'add' || !op.lineId) return undefined;
    const page = await this.#adapter.getRecipientResponses(op.recipientId, {
      campaignId: op.campaignId,
      eventId: op.payload.line?.eventId,
      limit: 500,
    });
    return page.items.find((line) => line.id === op.lineId);
  }
}
