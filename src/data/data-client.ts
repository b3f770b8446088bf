import type { AuditQuery, CampaignResponseAdapter, CallOptions, HistoryQuery } from '../adapter/types.js';
import { BadRequestError } from '../adapter/errors.js';
import { capabilitiesOf } from '../adapter/capabilities.js';
import type { LiveChange } from '../adapter/live-types.js';
import type { AuditPage, RestoreResult } from '../model/audit.js';
import type { Action } from '../model/principal.js';
import type { DeleteAllResult, NewResponseLine, Page, RecipientCampaigns, ResponseLine, ResponseVocabulary } from '../model/types.js';
import { RequestSlots } from './abort.js';
import { ChangeFeed } from './change-feed.js';
import type { DataChange, DataChangeListener } from './changes.js';
import { clientEdits, type ClientEdits } from './client-edits.js';
import type { CampaignDataClientOptions, ResponseDraft, SubscribeOptions } from './client-options.js';
import { countLines } from './deletions.js';
import type { LiveState } from './live/live-hub.js';
import { RecipientLive, type LiveNewsListener } from './live/recipient-live.js';
import { directParts, type ClientParts, type ManyLineResult } from './parts.js';
import type { PendingDeletion } from './pending-deletion.js';
import { PendingDeletions, withoutWaitingDeletes } from './pending-deletions.js';
import { capabilityLimit, Permissions, type ActionAnswer } from './permissions.js';
import { SharedLoad } from './shared-load.js';
import type { OfflineMode, SyncListener, SyncStatus } from './sync.js';

/**
 * The one data client of a page (DESIGN.md §3): elements ask it, never the network. It caches the
 * vocabulary, hides lines whose Delete is waiting for Undo, tells subscribers when a recipient's data
 * changed, and hands each element a view whose newer loads abort its older ones.
 *
 * How it reads, writes and syncs are parts it is given (`parts`), not methods a subclass
 * overrides: the same client serves a page with offline edits and one without, and an element
 * never knows which.
 */
export class CampaignDataClient {
  readonly adapter: CampaignResponseAdapter;
  readonly undoDelayMs: number;
  readonly historyPageSize: number;
  readonly #vocabulary = new SharedLoad(() => this.#parts.reads.vocabulary());
  #changes = new ChangeFeed();
  #pendingDeletions = new PendingDeletions((change) => this.#changes.notify(change));
  /** What the caller may do: `can()` reads it, narrowed by what the adapter's backend can do (its `capabilities`). */
  readonly permissions: Permissions;
  /** Resolves when the client's parts can serve (the device's store opened); never rejects. */
  readonly ready: Promise<void>;
  readonly #parts: ClientParts;
  readonly #live: RecipientLive;
  readonly #edits: ClientEdits;

  constructor(options: CampaignDataClientOptions) {
    this.adapter = options.adapter;
    this.undoDelayMs = options.undoDelayMs ?? 5000;
    this.historyPageSize = options.historyPageSize ?? 200;
    this.permissions = new Permissions(this.adapter.getMe ? (callOptions) => this.adapter.getMe?.(callOptions) ?? Promise.resolve(undefined) : undefined);
    this.permissions.limit(capabilityLimit(capabilitiesOf(this.adapter)));
    const notify = (change: DataChange) => this.#changes.notify(change);
    this.#parts = (options.parts ?? directParts)({ adapter: this.adapter, vocabulary: (signal) => this.getVocabulary({ signal }).catch(() => undefined), notify });
    this.ready = this.#parts.ready;
    const follow = capabilitiesOf(this.adapter).live === false ? undefined : this.adapter.followChanges?.bind(this.adapter);
    this.#live = new RecipientLive({ follow, enabled: options.live ?? true, notify });
    // Through the public method: a subclass that wraps `deliveredDeletion` wraps the restore's wait too.
    this.#edits = clientEdits(this.adapter, this.#parts.reads, this.#parts.writes, this.#live.ownWrites, this.#pendingDeletions, (result) => this.deliveredDeletion(result), notify);
  }

  /** Whether the elements follow the change stream (see the `live` option); false closes it. */
  get live(): boolean {
    return this.#live.enabled;
  }

  set live(on: boolean) {
    this.#live.enabled = on;
  }

  /** Whether the page is live now: `off`, `connecting`, `live` or `reconnecting`. */
  get liveState(): LiveState {
    return this.#live.state;
  }

  /** Whether `change` (from a change stream) is the echo of this client's own write: a campaign-side client drops it too. */
  isOwnWrite(change: LiveChange): boolean {
    return this.#live.ownWrites.isEcho(change);
  }

  /** Hears when `liveState` changes and when others' lines arrive (once per burst); returns the unsubscribe. */
  subscribeLive(listener: LiveNewsListener): () => void {
    return this.#live.subscribe(listener);
  }

  /**
   * Whether the caller may do `action` on this backend: what its adapter declares it can do, and
   * the person's permissions (true until the backend has said them; it checks anyway).
   */
  can(action: Action): boolean {
    return this.permissions.can(action);
  }

  /** As `can()`, with why not (the person's permission or the backend) or what to know first (a note). */
  check(action: Action): ActionAnswer {
    return this.permissions.check(action);
  }

  /**
   * A per-element handle for request cancellation.
   * @deprecated The elements cancel their loads with their LoadController; kept one release.
   */
  createView(): RequestSlots {
    return new RequestSlots();
  }

  /** The response vocabulary, fetched once per client (again only after a failure). */
  getVocabulary(options: CallOptions = {}): Promise<ResponseVocabulary> {
    return this.#vocabulary.get(options.signal);
  }

  /** The campaigns sent to a recipient, each with its latest response (none while a Delete waits). */
  async getRecipientCampaigns(recipientId: string, options: CallOptions = {}): Promise<RecipientCampaigns> {
    const answer = await this.#live.read(recipientId, () => this.#parts.reads.recipientCampaigns(recipientId, options));
    return withoutWaitingDeletes(answer, (campaignId) => this.isDeletionPending(recipientId, campaignId));
  }

  /** One page of a recipient's history, newest first, without lines whose Delete waits for Undo. */
  async getHistoryPage(recipientId: string, query: HistoryQuery = {}): Promise<Page<ResponseLine>> {
    if (query.campaignId && this.isDeletionPending(recipientId, query.campaignId)) return { items: [], nextCursor: null, total: 0 };
    const page = await this.#live.read(recipientId, () => this.#parts.reads.historyPage(recipientId, { ...query, limit: query.limit ?? this.historyPageSize }));
    const shown = (line: ResponseLine) => !this.isDeletionPending(recipientId, line.campaignId) && !this.#pendingDeletions.isPending(recipientId, line.campaignId, line.id);
    return { ...page, items: page.items.filter(shown) };
  }

  /** How many lines a recipient has for a campaign (for Delete's confirmation). */
  async countResponses(recipientId: string, campaignId: string, options: CallOptions = {}): Promise<number> {
    return countLines((query) => this.#parts.reads.historyPage(recipientId, query), campaignId, options.signal);
  }

  /** A line ready to send: the draft with a new UUID. Keep it to retry with the same id. */
  createResponseLine(draft: ResponseDraft): NewResponseLine {
    return { id: crypto.randomUUID(), ...draft };
  }

  /** Adds a line (Add Response, Update Status); a Delete of the same campaign still waiting goes first. */
  addResponse(line: NewResponseLine, options: CallOptions = {}): Promise<ResponseLine> {
    return this.#edits.addResponse(line, options);
  }

  /**
   * Adds many lines (a bulk entry) in one outbox transaction or one batch request where it can, else
   * a few at a time; a Delete waiting on one of their campaigns goes first. Each line's result in
   * order: a refused line does not refuse the others.
   */
  addResponses(lines: readonly NewResponseLine[], options: CallOptions = {}): Promise<ManyLineResult[]> {
    return this.#edits.addResponses(lines, options);
  }

  /**
   * Deletes all of a recipient's responses to a campaign after the undo time: the lines disappear
   * from every view at once and come back on `undo()`. Where the backend can bound it, the delete
   * names the lines the person sees now (their own queued adds too): lines added meanwhile, on
   * another device, stay, and the answer counts them as `kept`.
   */
  deleteAllResponses(recipientId: string, campaignId: string, options: { undoDelayMs?: number } = {}): PendingDeletion {
    return this.#edits.deleteAllResponses(recipientId, campaignId, options.undoDelayMs ?? this.undoDelayMs);
  }

  /** Deletes one line after the undo time, as `deleteAllResponses` does a campaign's (capability `deleteLine`). */
  deleteResponse(line: ResponseLine, options: { undoDelayMs?: number } = {}): PendingDeletion {
    return this.#edits.deleteResponse(line, options.undoDelayMs ?? this.undoDelayMs);
  }

  /**
   * The server's answer to a delete once it has it: at once for a delete sent straight away; for
   * one queued on this device (offline edits), when the outbox has delivered it.
   */
  deliveredDeletion(result: DeleteAllResult, options: CallOptions = {}): Promise<DeleteAllResult> {
    return this.#parts.writes.deliveredDeletion(result, options);
  }

  /**
   * Undoes a delete after it was sent (`PendingDeletion.done`'s answer): the whole delete-all by its
   * deletion, or the one line (capability `restore`). Needs a connection.
   */
  restoreDeletion(deletion: PendingDeletion, result: DeleteAllResult): Promise<RestoreResult> {
    return this.#edits.restoreDeletion(deletion, result);
  }

  /** Brings back one line shown as deleted (a history read with `include: 'deleted'`). Needs a connection. */
  restoreResponse(line: ResponseLine): Promise<ResponseLine> {
    return this.#edits.restoreResponse(line);
  }

  /** Who changed what (capability `audit`, permission `admin`), newest first. */
  getAudit(query: AuditQuery = {}): Promise<AuditPage> {
    if (!this.adapter.getAudit) return Promise.reject(new BadRequestError('this backend keeps no audit trail'));
    return this.adapter.getAudit(query);
  }

  isDeletionPending(recipientId: string, campaignId: string): boolean {
    return this.#pendingDeletions.isPending(recipientId, campaignId);
  }

  /** Sends every Delete still waiting for Undo (done by itself when the page is left or hidden). */
  flushPendingDeletions(): Promise<unknown> {
    return this.#pendingDeletions.flush();
  }

  /**
   * Calls `listener` on every change of `recipientId`'s data (of any recipient when omitted). For a
   * recipient, it also follows the change stream (unless `live: false`), so others' changes come too.
   */
  subscribe(listener: DataChangeListener, recipientId?: string, options: SubscribeOptions = {}): () => void {
    const stop = this.#changes.subscribe(listener, recipientId);
    const leave = recipientId !== undefined && options.live !== false ? this.#live.join(recipientId) : undefined;
    return () => {
      stop();
      leave?.();
    };
  }

  // Edits not yet delivered: the sync part answers (with offline parts, the outbox; else nothing waits).

  /** Whether edits are stored on this device first (`on`), or sent straight away (`off`). */
  get offlineMode(): OfflineMode {
    return this.#parts.sync.mode;
  }

  /** Counts and problems of the offline queue (all zero without offline edits). */
  getSyncStatus(): Promise<SyncStatus> {
    return this.#parts.sync.status();
  }

  /**
   * How many edits this device has not delivered (waiting, being sent, failed, conflicted): what a
   * sign-out that wipes the offline data would lose, for the host to ask first. 0 without offline edits.
   */
  async countUnsentEdits(): Promise<number> {
    const status = await this.getSyncStatus();
    return status.pending + status.syncing + status.failed + status.conflict;
  }

  /** Calls `listener` on news of the offline queue; returns the unsubscribe. */
  subscribeSync(listener: SyncListener): () => void {
    return this.#parts.sync.subscribe(listener);
  }

  /** Sends a failed or conflicted edit again (rejects without offline edits). */
  retryEdit(opId: string): Promise<void> {
    return this.#parts.sync.retry(opId);
  }

  /** Drops a failed or conflicted edit (rejects without offline edits). */
  discardEdit(opId: string): Promise<void> {
    return this.#parts.sync.discard(opId);
  }

  /** After a 401 and a new sign-in: sending continues. */
  resumeSync(): void {
    this.#parts.sync.resume();
  }

  /** Looks for edits to send now, without waiting out a backoff (the host knows the server is back). */
  syncNow(): void {
    this.#parts.sync.wake();
  }

  /** Stops sending in this tab (another tab takes over) and closes the device's stores, if any. */
  close(): Promise<void> {
    this.#live.close();
    return this.#parts.close();
  }
}
