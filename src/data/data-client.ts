import type { AuditQuery, CampaignResponseAdapter, CallOptions, HistoryQuery } from '../adapter/types.js';
import type { AuditPage, RestoreResult } from '../model/audit.js';
import { BadRequestError } from '../adapter/errors.js';
import { linesSeen, restoreDeleted } from './deletions.js';
import { queuedOpOf } from './marks.js';
import type {
  DeleteAllResult,
  NewResponseLine,
  Page,
  RecipientCampaigns,
  ResponseLine,
  ResponseVocabulary,
} from '../model/types.js';
import { raceAbort, RequestSlots } from './abort.js';
import type { DataChange, DataChangeListener } from './changes.js';
import type { PendingDeletion } from './pending-deletion.js';
import { PendingDeletions } from './pending-deletions.js';
import { capabilityLimit, Permissions, type ActionAnswer } from './permissions.js';
import { capabilitiesOf } from '../adapter/capabilities.js';
import type { Action } from '../model/principal.js';
import { EMPTY_SYNC_STATUS, type OfflineMode, type SyncListener, type SyncStatus } from './sync.js';

export interface CampaignDataClientOptions {
  adapter: CampaignResponseAdapter;
  /** How long a Delete waits for Undo before it is sent, in ms. Default 5000. */
  undoDelayMs?: number;
  /** Lines per history page asked of the backend. Default 200. */
  historyPageSize?: number;
}

/** What a person fills in; the client adds the line's id. */
export type ResponseDraft = Omit<NewResponseLine, 'id'>;

/**
 * The one data client of a page (DESIGN.md §3): elements ask it, never the network. It caches the
 * vocabulary, hides lines whose Delete is waiting for Undo, tells subscribers when a recipient's data
 * changed, and hands each element a view whose newer loads abort its older ones.
 *
 * The offline seam: every read goes through `readX()` and every write through `writeX()`, all
 * protected. The outbox (writes durable in IndexedDB, replayed in order) and the read cache plug in
 * there, by subclassing or by wrapping the adapter, without any element changing.
 */
export class CampaignDataClient {
  readonly adapter: CampaignResponseAdapter;
  readonly undoDelayMs: number;
  readonly historyPageSize: number;
  #vocabulary: Promise<ResponseVocabulary> | undefined;
  #listeners = new Set<{ recipientId: string | undefined; listener: DataChangeListener }>();
  #pendingDeletions = new PendingDeletions((change) => this.#notify(change));
  /** What the caller may do: `can()` reads it, narrowed by what the adapter's backend can do (its `capabilities`). */
  readonly permissions: Permissions;

  constructor(options: CampaignDataClientOptions) {
    this.adapter = options.adapter;
    this.undoDelayMs = options.undoDelayMs ?? 5000;
    this.historyPageSize = options.historyPageSize ?? 200;
    this.permissions = new Permissions(this.adapter.getMe ? (callOptions) => this.adapter.getMe?.(callOptions) ?? Promise.resolve(undefined) : undefined);
    this.permissions.limit(capabilityLimit(capabilitiesOf(this.adapter)));
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

  /** A per-element handle for request cancellation: `view.next('history')` aborts the older load. */
  createView(): RequestSlots {
    return new RequestSlots();
  }

  /** The response vocabulary, fetched once per client (again only after a failure). */
  getVocabulary(options: CallOptions = {}): Promise<ResponseVocabulary> {
    if (!this.#vocabulary) {
      const loading = this.readVocabulary();
      this.#vocabulary = loading;
      loading.catch(() => {
        if (this.#vocabulary === loading) this.#vocabulary = undefined;
      });
    }
    // One caller giving up must not cancel the shared load.
    return raceAbort(this.#vocabulary, options.signal);
  }

  /** The campaigns sent to a recipient, each with its latest response (none while a Delete waits). */
  async getRecipientCampaigns(recipientId: string, options: CallOptions = {}): Promise<RecipientCampaigns> {
    const answer = await this.readRecipientCampaigns(recipientId, options);
    return {
      ...answer,
      campaigns: answer.campaigns.map((campaign) =>
        this.isDeletionPending(recipientId, campaign.id) ? { ...campaign, latestResponse: null } : campaign,
      ),
    };
  }

  /** One page of a recipient's history, newest first, without lines whose Delete waits for Undo. */
  async getHistoryPage(recipientId: string, query: HistoryQuery = {}): Promise<Page<ResponseLine>> {
    if (query.campaignId && this.isDeletionPending(recipientId, query.campaignId)) {
      return { items: [], nextCursor: null, total: 0 };
    }
    const page = await this.readHistoryPage(recipientId, { ...query, limit: query.limit ?? this.historyPageSize });
    const items = page.items.filter(
      (line) => !this.isDeletionPending(recipientId, line.campaignId) && !this.#pendingDeletions.isPending(recipientId, line.campaignId, line.id),
    );
    return { ...page, items };
  }

  /** How many lines a recipient has for a campaign (for Delete's confirmation). */
  async countResponses(recipientId: string, campaignId: string, options: CallOptions = {}): Promise<number> {
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await this.readHistoryPage(recipientId, { campaignId, cursor, limit: 500, signal: options.signal });
      if (page.total !== undefined) return page.total;
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  }

  /** A line ready to send: the draft with a new UUID. Keep it to retry with the same id. */
  createResponseLine(draft: ResponseDraft): NewResponseLine {
    return { id: crypto.randomUUID(), ...draft };
  }

  /** Adds a line (Add Response, Update Status); a Delete of the same campaign still waiting goes first. */
  async addResponse(line: NewResponseLine, options: CallOptions = {}): Promise<ResponseLine> {
    const waiting = this.#pendingDeletions.get(line.recipientId, line.campaignId);
    if (waiting) await waiting.commitNow();
    const saved = await this.writeAddResponse(line, options);
    this.#notify({ kind: 'added', recipientId: saved.recipientId, campaignId: saved.campaignId, line: saved });
    return saved;
  }

  /**
   * Deletes all of a recipient's responses to a campaign after the undo time: the lines disappear
   * from every view at once and come back on `undo()`. Where the backend can bound it, the delete
   * names the lines the person sees now (their own queued adds too): lines added meanwhile, on
   * another device, stay, and the answer counts them as `kept`.
   */
  deleteAllResponses(recipientId: string, campaignId: string, options: { undoDelayMs?: number } = {}): PendingDeletion {
    // Read before the lines are hidden, without the hiding: what the person saw when they chose Delete.
    const seen = linesSeen(this.adapter, (query) => this.readHistoryPage(recipientId, query), campaignId);
    seen.catch(() => undefined);
    return this.#pendingDeletions.hold(recipientId, campaignId, undefined, options.undoDelayMs ?? this.undoDelayMs, async () =>
      this.writeDeleteAll(recipientId, campaignId, await seen.catch(() => undefined)));
  }

  /** Deletes one line after the undo time, as `deleteAllResponses` does a campaign's (capability `deleteLine`). */
  deleteResponse(line: ResponseLine, options: { undoDelayMs?: number } = {}): PendingDeletion {
    return this.#pendingDeletions.hold(line.recipientId, line.campaignId, line.id, options.undoDelayMs ?? this.undoDelayMs, () => this.writeDeleteLine(line));
  }

  /**
   * The server's answer to a delete once it has it: at once for a delete sent straight away; for
   * one queued on this device (offline edits), when the outbox has delivered it.
   */
  async deliveredDeletion(result: DeleteAllResult, _options: CallOptions = {}): Promise<DeleteAllResult> {
    if (queuedOpOf(result)) throw new BadRequestError('this data client queues no edits');
    return result;
  }

  /**
   * Undoes a delete after it was sent (`PendingDeletion.done`'s answer): the whole delete-all by its
   * deletion, or the one line (capability `restore`). Needs a connection.
   */
  async restoreDeletion(deletion: PendingDeletion, result: DeleteAllResult): Promise<RestoreResult> {
    const restored = await restoreDeleted(
      {
        adapter: this.adapter,
        discardQueued: (opId) => this.discardUnsentDelete(opId),
        delivered: (answer) => this.deliveredDeletion(answer),
      },
      result,
      deletion.lineId,
    );
    const which = deletion.lineId === undefined ? {} : { lineId: deletion.lineId };
    this.#notify({ kind: 'restored', recipientId: deletion.recipientId, campaignId: deletion.campaignId, ...which });
    return restored;
  }

  /** Brings back one line shown as deleted (a history read with `include: 'deleted'`). Needs a connection. */
  async restoreResponse(line: ResponseLine): Promise<ResponseLine> {
    if (!this.adapter.restoreResponse) throw new BadRequestError('this backend cannot restore a line');
    const restored = await this.adapter.restoreResponse(line.id, { idempotencyKey: crypto.randomUUID() });
    this.#notify({ kind: 'restored', recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id });
    return restored;
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

  /** Calls `listener` on every change of `recipientId`'s data (of any recipient when omitted). */
  subscribe(listener: DataChangeListener, recipientId?: string): () => void {
    const entry = { recipientId, listener };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  #notify(change: DataChange): void {
    for (const { recipientId, listener } of [...this.#listeners]) {
      if (recipientId === undefined || recipientId === change.recipientId) listener(change);
    }
  }

  /** Tells subscribers of the recipient (subclasses: the outbox and the read cache). */
  protected notifyChange(change: DataChange): void {
    this.#notify(change);
  }

  // The offline side (`OfflineDataClient`). This client sends every edit straight to the backend:
  // nothing is ever queued, so elements that show sync state show none, at no cost.

  /** Whether edits are stored on this device first (`on`), or sent straight away. */
  get offlineMode(): OfflineMode {
    return 'off';
  }

  /** Counts and problems of the offline queue (all zero here). */
  async getSyncStatus(): Promise<SyncStatus> {
    return { ...EMPTY_SYNC_STATUS, mode: this.offlineMode, connectivity: 'unknown' };
  }

  /**
   * How many edits this device has not delivered (waiting, being sent, failed, conflicted): what a
   * sign-out that wipes the offline data would lose, for the host to ask first. 0 without offline edits.
   */
  async countUnsentEdits(): Promise<number> {
    const status = await this.getSyncStatus();
    return status.pending + status.syncing + status.failed + status.conflict;
  }

  /** Calls `listener` on news of the offline queue; returns the unsubscribe. Nothing ever happens here. */
  subscribeSync(_listener: SyncListener): () => void {
    return () => undefined;
  }

  /** Sends a failed or conflicted edit again (offline clients only). */
  async retryEdit(_opId: string): Promise<void> {
    throw new Error('this data client queues no edits');
  }

  /** Drops a failed or conflicted edit (offline clients only). */
  async discardEdit(_opId: string): Promise<void> {
    throw new Error('this data client queues no edits');
  }

  /** After a 401 and a new sign-in: sending continues (offline clients only). */
  resumeSync(): void {}

  // The seam for the offline issue: the read cache wraps the reads, the outbox the writes.

  protected readVocabulary(): Promise<ResponseVocabulary> {
    return this.adapter.getResponseTypes();
  }

  protected readRecipientCampaigns(recipientId: string, options: CallOptions): Promise<RecipientCampaigns> {
    return this.adapter.getRecipientCampaigns(recipientId, options);
  }

  protected readHistoryPage(recipientId: string, query: HistoryQuery): Promise<Page<ResponseLine>> {
    return this.adapter.getRecipientResponses(recipientId, query);
  }

  protected writeAddResponse(line: NewResponseLine, options: CallOptions): Promise<ResponseLine> {
    return this.adapter.addResponse(line, { ...options, idempotencyKey: line.id });
  }

  protected writeDeleteAll(recipientId: string, campaignId: string, lineIds?: readonly string[]): Promise<DeleteAllResult> {
    return this.adapter.deleteAllResponses(recipientId, campaignId, { idempotencyKey: crypto.randomUUID(), ...(lineIds ? { lineIds } : {}) });
  }

  /** Drops a queued delete no server has seen (offline clients); false here, where nothing is queued. */
  protected discardUnsentDelete(_opId: string): Promise<boolean> {
    return Promise.resolve(false);
  }

  protected writeDeleteLine(line: ResponseLine): Promise<DeleteAllResult> {
    if (!this.adapter.deleteResponse) return Promise.reject(new BadRequestError('this backend cannot delete one line'));
    return this.adapter.deleteResponse(line.id, { idempotencyKey: crypto.randomUUID() });
  }
}
