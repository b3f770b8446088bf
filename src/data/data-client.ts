import type { AuditQuery, CampaignResponseAdapter, CallOptions, HistoryQuery } from '../adapter/types.js';
import type { AuditPage, RestoreResult } from '../model/audit.js';
import { BadRequestError } from '../adapter/errors.js';
import { countLines, linesSeen, restoreDeleted } from './deletions.js';
import { ChangeFeed } from './change-feed.js';
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
import { directParts, type ClientParts, type ClientPartsFactory, type ManyLineResult } from './parts.js';
import type { OfflineMode, SyncListener, SyncStatus } from './sync.js';
import { addMany, lastSavedPerCampaign } from './add-many.js';
import { RecipientLive, type LiveNewsListener } from './live/recipient-live.js';
import type { LiveState } from './live/live-hub.js';
import type { LiveChange } from '../adapter/live-types.js';

export interface CampaignDataClientOptions {
  adapter: CampaignResponseAdapter;
  /** How long a Delete waits for Undo before it is sent, in ms. Default 5000. */
  undoDelayMs?: number;
  /** Lines per history page asked of the backend. Default 200. */
  historyPageSize?: number;
  /**
   * How it reads, writes and syncs: straight to the adapter by default, or `offlineParts({ userKey })`
   * to keep edits on this device first and show the last known lists offline.
   */
  parts?: ClientPartsFactory;
  /**
   * Whether elements show others' changes as they happen, over the backend's change stream (one
   * connection per recipient shown, shared by its elements). Default true where the adapter has
   * `followChanges` and the `live` capability.
   */
  live?: boolean;
}

/** How an element follows a recipient: `live: false` hears this page's own changes only. */
export interface SubscribeOptions {
  live?: boolean;
}

/** What a person fills in; the client adds the line's id. */
export type ResponseDraft = Omit<NewResponseLine, 'id'>;

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
  #vocabulary: Promise<ResponseVocabulary> | undefined;
  #changes = new ChangeFeed();
  #pendingDeletions = new PendingDeletions((change) => this.#notify(change));
  /** What the caller may do: `can()` reads it, narrowed by what the adapter's backend can do (its `capabilities`). */
  readonly permissions: Permissions;
  /** Resolves when the client's parts can serve (the device's store opened); never rejects. */
  readonly ready: Promise<void>;
  readonly #parts: ClientParts;
  readonly #live: RecipientLive;

  constructor(options: CampaignDataClientOptions) {
    this.adapter = options.adapter;
    this.undoDelayMs = options.undoDelayMs ?? 5000;
    this.historyPageSize = options.historyPageSize ?? 200;
    this.permissions = new Permissions(this.adapter.getMe ? (callOptions) => this.adapter.getMe?.(callOptions) ?? Promise.resolve(undefined) : undefined);
    this.permissions.limit(capabilityLimit(capabilitiesOf(this.adapter)));
    this.#parts = (options.parts ?? directParts)({
      adapter: this.adapter,
      vocabulary: (signal) => this.getVocabulary({ signal }).catch(() => undefined),
      notify: (change) => this.#notify(change),
    });
    this.ready = this.#parts.ready;
    const follow = capabilitiesOf(this.adapter).live === false ? undefined : this.adapter.followChanges?.bind(this.adapter);
    this.#live = new RecipientLive({ follow, enabled: options.live ?? true, notify: (change) => this.#notify(change) });
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
    if (!this.#vocabulary) {
      const loading = this.#parts.reads.vocabulary();
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
    const answer = await this.#live.read(recipientId, () => this.#parts.reads.recipientCampaigns(recipientId, options));
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
    const page = await this.#live.read(recipientId, () => this.#parts.reads.historyPage(recipientId, { ...query, limit: query.limit ?? this.historyPageSize }));
    const items = page.items.filter(
      (line) => !this.isDeletionPending(recipientId, line.campaignId) && !this.#pendingDeletions.isPending(recipientId, line.campaignId, line.id),
    );
    return { ...page, items };
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
  async addResponse(line: NewResponseLine, options: CallOptions = {}): Promise<ResponseLine> {
    const waiting = this.#pendingDeletions.get(line.recipientId, line.campaignId);
    if (waiting) await waiting.commitNow();
    this.#live.ownWrites.markLine(line.id);
    const saved = await this.#parts.writes.addResponse(line, options);
    this.#notify({ kind: 'added', recipientId: saved.recipientId, campaignId: saved.campaignId, line: saved });
    return saved;
  }

  /**
   * Adds many lines (a bulk entry) in one outbox transaction or one batch request where it can, else
   * a few at a time; a Delete waiting on one of their campaigns goes first. Each line's result in
   * order: a refused line does not refuse the others.
   */
  async addResponses(lines: readonly NewResponseLine[], options: CallOptions = {}): Promise<ManyLineResult[]> {
    for (const line of lines) await this.#pendingDeletions.get(line.recipientId, line.campaignId)?.commitNow();
    for (const line of lines) this.#live.ownWrites.markLine(line.id);
    const results = await addMany(this.#parts.writes, lines, options);
    for (const saved of lastSavedPerCampaign(results)) this.#notify({ kind: 'added', recipientId: saved.recipientId, campaignId: saved.campaignId, line: saved });
    return results;
  }

  /**
   * Deletes all of a recipient's responses to a campaign after the undo time: the lines disappear
   * from every view at once and come back on `undo()`. Where the backend can bound it, the delete
   * names the lines the person sees now (their own queued adds too): lines added meanwhile, on
   * another device, stay, and the answer counts them as `kept`.
   */
  deleteAllResponses(recipientId: string, campaignId: string, options: { undoDelayMs?: number } = {}): PendingDeletion {
    // Read before the lines are hidden, without the hiding: what the person saw when they chose Delete.
    const seen = linesSeen(this.adapter, (query) => this.#parts.reads.historyPage(recipientId, query), campaignId);
    seen.catch(() => undefined);
    return this.#pendingDeletions.hold(recipientId, campaignId, undefined, options.undoDelayMs ?? this.undoDelayMs, async () => {
      this.#live.ownWrites.markCampaign(recipientId, campaignId);
      return this.#parts.writes.deleteAll(recipientId, campaignId, await seen.catch(() => undefined));
    });
  }

  /** Deletes one line after the undo time, as `deleteAllResponses` does a campaign's (capability `deleteLine`). */
  deleteResponse(line: ResponseLine, options: { undoDelayMs?: number } = {}): PendingDeletion {
    return this.#pendingDeletions.hold(line.recipientId, line.campaignId, line.id, options.undoDelayMs ?? this.undoDelayMs, () => {
      this.#live.ownWrites.markLine(line.id);
      return this.#parts.writes.deleteLine(line);
    });
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
  async restoreDeletion(deletion: PendingDeletion, result: DeleteAllResult): Promise<RestoreResult> {
    if (deletion.lineId === undefined) this.#live.ownWrites.markCampaign(deletion.recipientId, deletion.campaignId);
    else this.#live.ownWrites.markLine(deletion.lineId);
    const restored = await restoreDeleted(
      {
        adapter: this.adapter,
        discardQueued: (opId) => this.#parts.writes.discardUnsentDelete(opId),
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
    this.#live.ownWrites.markLine(line.id);
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

  #notify(change: DataChange): void {
    this.#changes.notify(change);
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
