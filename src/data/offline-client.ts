/**
 * `OfflineDataClient`: the data client with the outbox and the read cache plugged into its seams
 * (DESIGN.md §3). Edits are stored on this device before the UI says "saved" and sent
 * later, in order, exactly once; reads merge the unconfirmed edits in and fall back to what was
 * last seen when the server cannot be reached. Elements need no change beyond showing the marks.
 */
import { createRestAdapter } from '../adapter/rest.js';
import { isAbortError, isAdapterError } from '../adapter/errors.js';
import { CachedReads, isUnreachable, type CachedAnswer } from './cached-reads.js';
import type { CallOptions, HistoryQuery } from '../adapter/types.js';
import type { DeleteAllResult, NewResponseLine, Page, RecipientCampaigns, ResponseLine, ResponseVocabulary } from '../model/types.js';
import { Outbox, type OutboxOptions } from '../offline/outbox.js';
import { ReadCache } from '../offline/read-cache.js';
import type { OutboxEvent } from '../offline/events.js';
import type { LocalState, OpError, OutboxEdit, OutboxOp } from '../offline/types.js';
import { DeliveryReceipts } from './delivery-receipts.js';
import type { RestClientConfig } from './configure.js';
import { CampaignDataClient, type CampaignDataClientOptions } from './data-client.js';
import { queuedOpOf, withAsOf, withLocalOnly, withQueuedOp } from './marks.js';
import { ServerAnswers } from './server-answers.js';
import { localResponseLine, mergeCampaigns, mergeHistoryPage } from './merge.js';
import { EMPTY_SYNC_STATUS, type Connectivity, type OfflineMode, type SyncEvent, type SyncListener, type SyncProblem, type SyncStatus } from './sync.js';

export interface OfflineDataClientOptions extends CampaignDataClientOptions {
  /**
   * The signed-in user, as the host knows them (an id, not a secret). Names the databases, so one
   * user's queued edits are never sent under another's session; `wipeOfflineData(userKey)` on logout.
   */
  userKey: string;
  /** The outbox database's name instead of one made from `userKey` (tests). The cache's is `<dbName>-cache`. */
  dbName?: string;
  /** Null: behave as if this browser had no IndexedDB (online-only, with the notice). */
  indexedDB?: IDBFactory | null;
  /** Keep the last lists shown on this device (default true). */
  readCache?: boolean;
  /**
   * On the first read of a list in this page, how long to wait for the server before showing the
   * cached list (marked "as of") and replacing it when the server answers. Default 300 ms.
   */
  cacheGraceMs?: number;
  /** The outbox's own options (backoff, lease, clock, test seams). */
  outbox?: Omit<OutboxOptions, 'userKey' | 'dbName' | 'sender' | 'indexedDB'>;
}

/** Did the request reach a server that answered? Undefined: nothing to learn (aborted). */
function reachedServer(error: unknown): boolean | undefined {
  if (isAbortError(error)) return undefined;
  return isAdapterError(error) ? error.status !== undefined : false;
}

function opErrorReachedServer(error: OpError): boolean {
  return error.status !== undefined;
}

/** How long outbox events of one recipient are gathered into one re-read of the elements. */
const CHANGE_BATCH_MS = 30;

/**
 * A data client whose writes go through the outbox and whose reads merge it in and use the read
 * cache. `offlineMode` is `opening` until the device's store is open, then `on`, or `unavailable`
 * when the browser refuses IndexedDB (then every edit goes straight to the backend, as with the
 * plain client, and elements show a notice).
 *
 * - `addResponse()` resolves once the edit is durable on this device, with the line marked
 *   pending (`syncMarkOf`); it rejects with `OutboxStorageError` (`quota`...) when it is not.
 * - A Delete, once its undo time is over, is queued the same way (its result marked `queuedOpOf`).
 * - Reads: the server's answer (stored for next time) merged with the unconfirmed edits; when the
 *   server cannot be reached, the last stored list, marked `asOfOf`.
 *
 * @example
 * const client = new OfflineDataClient({ adapter, userKey: session.userId });
 * configureCampaignKit({ client });
 * // on logout:
 * await client.close();
 * await wipeOfflineData(session.userId);
 */
export class OfflineDataClient extends CampaignDataClient {
  readonly userKey: string;
  /** Resolves when the device's store is open (or known to be unavailable). Never rejects. */
  readonly ready: Promise<void>;
  #mode: OfflineMode = 'opening';
  #outbox: Outbox | undefined;
  #cache: ReadCache | undefined;
  #reads: CachedReads | undefined;
  #connectivity: Connectivity = 'unknown';
  #syncListeners = new Set<SyncListener>();
  /** The vocabulary last read, for marking a queued line without waiting on the network. */
  #vocabulary: ResponseVocabulary | undefined;
  #titles = new Map<string, string>();
  /** Per recipient in the batch: a campaign that changed, and whether the server's data did. */
  #changed = new Map<string, { campaignId: string; onServer: boolean }>();
  #serverAnswers = new ServerAnswers();
  #changeTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribeOutbox: (() => void) | undefined;
  #receipts: DeliveryReceipts | undefined;

  constructor(options: OfflineDataClientOptions) {
    super(options);
    this.userKey = options.userKey;
    this.ready = this.#open(options);
  }

  async #open(options: OfflineDataClientOptions): Promise<void> {
    try {
      const outbox = await Outbox.open({
        ...options.outbox,
        userKey: options.userKey,
        dbName: options.dbName,
        indexedDB: options.indexedDB,
        sender: this.adapter,
        fetchConflictVersion: (op) => this.#serverVersionOf(op),
      });
      this.#outbox = outbox;
      this.#mode = outbox.available ? 'on' : 'unavailable';
      if (outbox.available) {
        this.#unsubscribeOutbox = outbox.subscribe((event) => this.#onOutboxEvent(event));
        this.#receipts = new DeliveryReceipts(outbox);
        if (options.readCache !== false) {
          const cache = ReadCache.open(options.dbName !== undefined ? { dbName: `${options.dbName}-cache` } : { userKey: options.userKey });
          this.#cache = cache;
          this.#reads = new CachedReads({
            cache,
            graceMs: options.cacheGraceMs ?? 300,
            offline: () => this.#connectivity === 'offline',
            refreshed: (recipientId) => this.notifyChange({ kind: 'refreshed', recipientId }),
          });
        }
      }
    } catch {
      this.#mode = 'unavailable';
    }
    this.#emitSync({ type: 'changed' });
  }

  override get offlineMode(): OfflineMode {
    return this.#mode;
  }

  /** What the last requests did (reads and sends), not `navigator.onLine`. */
  get connectivity(): Connectivity {
    return this.#connectivity;
  }

  /** The outbox, once open (for hosts and tests that need more than the client offers). */
  get outbox(): Outbox | undefined {
    return this.#outbox;
  }

  // ---- reads -------------------------------------------------------------------------------

  protected override readVocabulary(): Promise<ResponseVocabulary> {
    return this.#read('vocabulary', undefined, () => super.readVocabulary()).then(({ value }) => (this.#vocabulary = value));
  }

  protected override async readRecipientCampaigns(recipientId: string, options: CallOptions): Promise<RecipientCampaigns> {
    const [{ value, asOf }, local] = await Promise.all([
      this.#read(`campaigns:${recipientId}`, recipientId, (signal) => super.readRecipientCampaigns(recipientId, { ...options, signal }), options.signal),
      this.#localState(recipientId),
    ]);
    for (const campaign of value.campaigns) this.#titles.set(campaign.id, campaign.title);
    const merged = mergeCampaigns(value, local, await this.#vocabularyIfKnown(options.signal));
    return asOf === undefined ? merged : withAsOf(merged, asOf);
  }

  protected override async readHistoryPage(recipientId: string, query: HistoryQuery): Promise<Page<ResponseLine>> {
    const fetch = (signal?: AbortSignal) => super.readHistoryPage(recipientId, { ...query, signal });
    // Only first pages are kept: they are what a person sees on opening; a cursor belongs to one answer.
    const read = query.cursor
      ? this.#track(fetch(query.signal)).then((value) => ({ value, asOf: undefined }))
      : this.#read(historyKey(recipientId, query), recipientId, fetch, query.signal);
    // Offline with nothing kept on this device: the edits waiting here are still worth showing.
    const localOnly = (error: unknown) => {
      if (query.cursor || !this.#outbox || !isUnreachable(error)) throw error;
      return { value: { items: [], nextCursor: null } as Page<ResponseLine>, asOf: undefined, localOnly: true };
    };
    const [answer, local] = await Promise.all([read.catch(localOnly), this.#localState(recipientId)]);
    const { value, asOf } = answer;
    const merged = mergeHistoryPage(value, local, query, await this.#vocabularyIfKnown(query.signal));
    if ('localOnly' in answer) return withLocalOnly(merged);
    return asOf === undefined ? merged : withAsOf(merged, asOf);
  }

  /** Through the read cache when there is one; the request is watched for connectivity either way. */
  async #read<T>(key: string, recipientId: string | undefined, fetch: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<CachedAnswer<T>> {
    await this.ready;
    const reused = this.#serverAnswers.take<T>(key);
    if (reused) return reused;
    const tracked = (callSignal?: AbortSignal) => this.#track(fetch(callSignal));
    const answer = this.#reads ? await this.#reads.read(key, recipientId, tracked, signal) : { value: await tracked(signal) };
    if (answer.asOf === undefined) this.#serverAnswers.store(key, recipientId, answer.value);
    return answer;
  }

  async #localState(recipientId: string): Promise<LocalState> {
    await this.ready;
    try {
      return (await this.#outbox?.readLocalState(recipientId)) ?? { lines: [], deletions: [] };
    } catch {
      // The store went away under us (a wipe in another tab): show the server's data alone.
      return { lines: [], deletions: [] };
    }
  }

  async #vocabularyIfKnown(signal: AbortSignal | undefined): Promise<ResponseVocabulary | undefined> {
    return this.getVocabulary({ signal }).catch(() => undefined);
  }

  /** Learns from each request whether the backend can be reached. */
  #track<T>(request: Promise<T>): Promise<T> {
    request.then(
      () => this.#setConnectivity('online'),
      (error: unknown) => {
        const reached = reachedServer(error);
        if (reached !== undefined) this.#setConnectivity(reached ? 'online' : 'offline');
      },
    );
    return request;
  }

  #setConnectivity(connectivity: Connectivity): void {
    if (this.#connectivity === connectivity) return;
    const wasOffline = this.#connectivity === 'offline';
    this.#connectivity = connectivity;
    // Reads get through again: the sender need not wait out its backoff to find out.
    if (wasOffline && connectivity === 'online') this.#outbox?.poke();
    this.#emitSync({ type: 'changed' });
  }

  // ---- writes ------------------------------------------------------------------------------

  /**
   * Queues the line: resolves once it is durable on this device, with the line marked pending.
   * Rejects with `OutboxStorageError` when it is not (the form must stay filled). Without
   * IndexedDB, sends it straight to the backend.
   */
  protected override async writeAddResponse(line: NewResponseLine, options: CallOptions): Promise<ResponseLine> {
    await this.ready;
    const outbox = this.#outbox;
    if (!outbox?.available) return this.#track(super.writeAddResponse(line, options));
    const op = await outbox.enqueueAdd(line);
    // Only this device's queue changed: the re-reads that "added" causes need not ask the server.
    this.#serverAnswers.changedLocally(line.recipientId);
    // Durable now: say so at once, with what is known (the form was filled from this vocabulary).
    const vocabulary = this.#vocabulary;
    const local = localResponseLine(
      { id: line.id, recipientId: line.recipientId, campaignId: line.campaignId, opId: op.opId, seq: op.seq, line, createdAt: op.createdAt, state: op.state, ...(op.lastError ? { lastError: op.lastError } : {}) },
      vocabulary,
    );
    return withQueuedOp(local, op.opId);
  }

  /** After the undo time: queues the delete (the lines stay hidden until it is confirmed). */
  protected override async writeDeleteAll(recipientId: string, campaignId: string, lineIds?: readonly string[]): Promise<DeleteAllResult> {
    return this.#queueDelete({ kind: 'deleteAll', recipientId, campaignId, ...(lineIds ? { lineIds } : {}) }, () => super.writeDeleteAll(recipientId, campaignId, lineIds));
  }

  protected override writeDeleteLine(line: ResponseLine): Promise<DeleteAllResult> {
    return this.#queueDelete({ kind: 'deleteLine', recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id }, () => super.writeDeleteLine(line));
  }

  async #queueDelete(edit: OutboxEdit, direct: () => Promise<DeleteAllResult>): Promise<DeleteAllResult> {
    await this.ready;
    const outbox = this.#outbox;
    if (!outbox?.available) return this.#track(direct());
    // How many the server will delete is known only when it has: 0 here, and the result is marked queued.
    return withQueuedOp({ deleted: 0 }, (await outbox.enqueue(edit)).opId);
  }

  protected override discardUnsentDelete(opId: string): Promise<boolean> {
    return this.#receipts?.discardUnsent(opId) ?? Promise.resolve(false);
  }

  override async deliveredDeletion(result: DeleteAllResult, options: CallOptions = {}): Promise<DeleteAllResult> {
    const opId = queuedOpOf(result);
    return opId && this.#receipts ? this.#receipts.answerTo(opId, options.signal) : super.deliveredDeletion(result, options);
  }

  // ---- the offline queue --------------------------------------------------------------------

  override async getSyncStatus(): Promise<SyncStatus> {
    await this.ready;
    const outbox = this.#outbox;
    const base = { mode: this.#mode, connectivity: this.#connectivity };
    if (!outbox?.available) return { ...EMPTY_SYNC_STATUS, ...base };
    const [counts, ops] = await Promise.all([outbox.counts(), outbox.list()]);
    const problems: SyncProblem[] = ops
      .filter((op): op is OutboxOp & { state: 'failed' | 'conflict' } => op.state === 'failed' || op.state === 'conflict')
      .map((op) => ({
        opId: op.opId,
        kind: op.kind,
        state: op.state,
        recipientId: op.recipientId,
        campaignId: op.campaignId,
        ...(this.#titles.has(op.campaignId) ? { campaignTitle: this.#titles.get(op.campaignId) } : {}),
        ...(op.payload.line ? { line: op.payload.line } : {}),
        ...(op.lastError ? { error: op.lastError } : {}),
        ...(op.serverVersion !== undefined ? { serverVersion: op.serverVersion } : {}),
        createdAt: op.createdAt,
        attempts: op.attempts,
      }));
    return {
      ...base,
      pending: counts.pending,
      syncing: counts.inflight,
      failed: counts.failed,
      conflict: counts.conflict,
      oldestPendingAt: counts.oldestPendingAt,
      lastSyncAt: counts.lastSyncAt,
      authPaused: outbox.authPaused,
      problems,
    };
  }

  override subscribeSync(listener: SyncListener): () => void {
    this.#syncListeners.add(listener);
    return () => this.#syncListeners.delete(listener);
  }

  override async retryEdit(opId: string): Promise<void> {
    await this.ready;
    await this.#requireOutbox().retry(opId);
  }

  override async discardEdit(opId: string): Promise<void> {
    await this.ready;
    await this.#requireOutbox().discard(opId);
  }

  override resumeSync(): void {
    this.#outbox?.resume();
  }

  /** Stops sending in this tab (another tab takes over) and closes the device's stores. */
  async close(): Promise<void> {
    await this.ready;
    this.#unsubscribeOutbox?.();
    clearTimeout(this.#changeTimer);
    await Promise.all([this.#outbox?.close(), this.#cache?.close()]);
  }

  #requireOutbox(): Outbox {
    const outbox = this.#outbox;
    if (!outbox?.available) throw new Error('offline edits are not available in this browser');
    return outbox;
  }

  /** For a 409: the line the server holds under the same id, when it can be found. */
  async #serverVersionOf(op: OutboxOp): Promise<unknown> {
    if (op.kind !== 'add' || !op.lineId) return undefined;
    const page = await this.adapter.getRecipientResponses(op.recipientId, {
      campaignId: op.campaignId,
      eventId: op.payload.line?.eventId,
      limit: 500,
    });
    return page.items.find((line) => line.id === op.lineId);
  }

  #emitSync(event: SyncEvent): void {
    for (const listener of [...this.#syncListeners]) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Elements of the recipient read again, once per batch of outbox events (any tab's). */
  #changedRecipient(recipientId: string, campaignId: string, onServer: boolean): void {
    this.#reads?.forget(recipientId);
    this.#changed.set(recipientId, { campaignId, onServer: onServer || this.#changed.get(recipientId)?.onServer === true });
    this.#changeTimer ??= setTimeout(() => {
      this.#changeTimer = undefined;
      const changed = [...this.#changed];
      this.#changed.clear();
      for (const [recipient, { campaignId: campaign, onServer: changedOnServer }] of changed) {
        // Queued, sending, failed: the server holds what it held, and the re-read merges the queue
        // into its last answer. Sent: the one re-read that asks the server.
        if (changedOnServer) this.#serverAnswers.changedOnServer(recipient);
        else this.#serverAnswers.changedLocally(recipient);
        this.notifyChange({ kind: 'sync', recipientId: recipient, campaignId: campaign });
      }
    }, CHANGE_BATCH_MS);
  }

  #onOutboxEvent(event: OutboxEvent): void {
    const remote = event.remote ? { remote: true } : {};
    switch (event.type) {
      case 'queued':
        this.#changedRecipient(event.op.recipientId, event.op.campaignId, false);
        this.#emitSync({
          type: 'queued',
          opId: event.op.opId,
          kind: event.op.kind,
          recipientId: event.op.recipientId,
          campaignId: event.op.campaignId,
          ...(event.op.payload.line ? { line: event.op.payload.line } : {}),
          ...remote,
        });
        break;
      case 'state':
        if (event.op) this.#changedRecipient(event.op.recipientId, event.op.campaignId, event.to === 'done');
        if (event.to === 'done' && !event.remote) this.#setConnectivity('online');
        this.#emitSync({ type: 'changed' });
        break;
      case 'removed':
        this.#changedRecipient(event.op.recipientId, event.op.campaignId, event.reason === 'done');
        this.#emitSync({ type: 'changed' });
        // The adapter's answer to an add is the stored line (checked by its schema).
        if (event.reason === 'done' && event.op.kind === 'add' && !event.remote && event.result) {
          this.#emitSync({ type: 'delivered', opId: event.opId, line: event.result as ResponseLine });
        }
        break;
      case 'sync-complete':
        this.#emitSync({ type: 'sync-complete', at: event.at, sent: event.sent, failed: event.failed, conflict: event.conflict, ...remote });
        break;
      case 'sync-failed':
        if (!event.remote) this.#setConnectivity(opErrorReachedServer(event.error) ? 'online' : 'offline');
        this.#emitSync({ type: 'sync-failed', opId: event.opId, error: event.error, final: event.final, ...(event.retryAt !== undefined ? { retryAt: event.retryAt } : {}), ...remote });
        break;
      case 'auth-required':
        this.#emitSync({ type: 'auth-required', opId: event.opId, error: event.error, ...remote });
        break;
      default:
        this.#emitSync({ type: 'changed' });
    }
  }
}

function historyKey(recipientId: string, query: HistoryQuery): string {
  const parts = [query.campaignId, query.eventId, query.categoryId, query.q, query.include].map((part) => encodeURIComponent(part ?? ''));
  return `history:${recipientId}:${parts.join(':')}`;
}

export interface OfflineRestClientConfig extends RestClientConfig {
  /** The signed-in user (see `OfflineDataClientOptions.userKey`). */
  userKey: string;
  /** The rest of `OfflineDataClientOptions` (cache, grace, outbox tuning). */
  offline?: Omit<OfflineDataClientOptions, 'adapter' | 'userKey' | 'undoDelayMs'>;
}

/**
 * An offline-capable client on the kit's REST adapter, with the token added to every request:
 * `configureCampaignKit({ client: createOfflineRestDataClient({ apiBase: '/api', getToken, userKey }) })`.
 */
export function createOfflineRestDataClient(config: OfflineRestClientConfig): OfflineDataClient {
  const adapter = createRestAdapter({
    ...config.rest,
    baseUrl: config.apiBase,
    headers: async (): Promise<Record<string, string>> => {
      const token = await config.getToken?.();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });
  return new OfflineDataClient({ ...config.offline, adapter, userKey: config.userKey, undoDelayMs: config.undoDelayMs });
}

