/**
 * The campaign side's data client: statistics, reports, clickthrough and the reference
 * server's send action. Kept apart from `CampaignDataClient` so a page with only a recipient's tab
 * bundles none of it: this module imports the recipient side, never the other way round.
 */
import type { Action } from '../model/principal.js';
import { Permissions } from './permissions.js';
import type {
  CallOptions,
  CampaignReportsAdapter,
  ClickthroughOptions,
  ReportQuery,
  SendOptions,
  StatsOptions,
} from '../adapter/types.js';
import type {
  CampaignResponsePage,
  CampaignStats,
  Clickthrough,
  ResponseSummary,
  SendResult,
} from '../model/campaign-stats.js';
import type { Campaign, Page } from '../model/types.js';
import { RequestSlots } from './abort.js';
import type { LiveChange } from '../adapter/live-types.js';
import { CampaignLive, type LinkedDataClient } from './live/campaign-live.js';
import type { LiveState } from './live/live-hub.js';
import { SharedLoad } from './shared-load.js';

/** What changed about a campaign; elements showing it re-read (a panel, a report). */
export type CampaignChange =
  /** An email event was sent: new Sent and bounce lines. */
  | { kind: 'sent'; campaignId: string; eventId: string; result: SendResult }
  /** Someone asked for fresh statistics: the snapshot was recomputed, reports may read it too. */
  | { kind: 'refreshed'; campaignId: string; stats: CampaignStats }
  /**
   * The host knows new responses arrived (a tracked open or click, an import): `notifyChanged()`;
   * or a linked data client of this page saved, deleted or restored lines of the campaign.
   */
  | { kind: 'responses'; campaignId: string }
  /**
   * Lines of the campaign changed elsewhere, tracked hits arrived, or its statistics moved (the
   * change stream), gathered over a short burst; `changes` is empty after a reset.
   */
  | { kind: 'remote'; campaignId: string; changes: LiveChange[] };

export type CampaignChangeListener = (change: CampaignChange) => void;

export interface CampaignReportsClientOptions {
  adapter: CampaignReportsAdapter;
  /** Whether panels and reports follow the campaign's changes as they happen (where the adapter can). Default true. */
  live?: boolean;
  /** The page's recipient-side client, whose writes are this page's own (see `linkDataClient`). */
  dataClient?: LinkedDataClient;
}

/**
 * The one campaign-side client of a page: elements ask it, never the network. It hands each
 * element a view whose newer loads abort its older ones (`createView()`), shares one campaign list
 * per client, and tells subscribers of a campaign when it changed (after a send, a fresh
 * statistics read, or `notifyChanged()`).
 *
 * Every read goes through a protected `readX()` and the send through `writeSend()`: the seam for a
 * cache or a host's own logic, by subclassing.
 */
export class CampaignReportsClient {
  readonly adapter: CampaignReportsAdapter;
  readonly #campaigns = new SharedLoad(() => this.readCampaigns());
  #listeners = new Set<{ campaignId: string | undefined; listener: CampaignChangeListener }>();
  readonly #live: CampaignLive;

  /** What the caller may do, as on CampaignDataClient. */
  readonly permissions: Permissions;

  /** Whether the caller may do `action`; true until the backend has said otherwise. */
  can(action: Action): boolean {
    return this.permissions.can(action);
  }

  constructor(options: CampaignReportsClientOptions) {
    this.adapter = options.adapter;
    this.permissions = new Permissions(this.adapter.getMe ? (callOptions) => this.adapter.getMe?.(callOptions) ?? Promise.resolve(undefined) : undefined);
    this.#live = new CampaignLive({
      follow: this.adapter.followChanges?.bind(this.adapter),
      enabled: options.live ?? true,
      notify: (campaignId, changes) => this.#notify({ kind: 'remote', campaignId, changes }),
      notifyOwn: (campaignId) => this.#notify({ kind: 'responses', campaignId }),
    });
    if (options.dataClient) this.linkDataClient(options.dataClient);
  }

  /**
   * Takes `dataClient`'s writes (a bulk entry, a delete, an undo) as this page's own: the
   * campaign's panels and reports re-read once after them, gathered like a burst, and not again
   * when the change stream echoes them. Returns the unlink.
   */
  linkDataClient(dataClient: LinkedDataClient): () => void {
    return this.#live.link(dataClient);
  }

  /** Whether panels and reports follow the change stream; false closes it. */
  get live(): boolean {
    return this.#live.enabled;
  }

  set live(on: boolean) {
    this.#live.enabled = on;
  }

  /** Whether the campaign side is live now: `off`, `connecting`, `live` or `reconnecting`. */
  get liveState(): LiveState {
    return this.#live.state;
  }

  /** Closes the change streams, and unlinks the data clients. */
  close(): void {
    this.#live.close();
  }

  /**
   * A per-element handle for request cancellation.
   * @deprecated The elements cancel their loads with their LoadController; kept one release.
   */
  createView(): RequestSlots {
    return new RequestSlots();
  }

  /** The campaigns (for a campaign select), fetched once per client (again after a failure or `{ fresh }`). */
  listCampaigns(options: CallOptions & { fresh?: boolean } = {}): Promise<Page<Campaign>> {
    return this.#campaigns.get(options.signal, options.fresh);
  }

  getCampaign(campaignId: string, options: CallOptions = {}): Promise<Campaign> {
    return this.readCampaign(campaignId, options);
  }

  /**
   * The campaign's statistics snapshot. `{ fresh: true }` asks the backend to recompute now (the
   * Refresh action); its subscribers then hear `refreshed`, so reports of the campaign re-read too.
   */
  async getCampaignStats(campaignId: string, options: StatsOptions = {}): Promise<CampaignStats> {
    const stats = await this.#live.read(campaignId, () => this.readStats(campaignId, options));
    if (options.fresh) this.#notify({ kind: 'refreshed', campaignId, stats });
    return stats;
  }

  getResponseSummary(campaignId: string, options: StatsOptions = {}): Promise<ResponseSummary> {
    return this.#live.read(campaignId, () => this.readSummary(campaignId, options));
  }

  /** One page of the detail report (filters, sort, cursor). */
  getCampaignResponses(campaignId: string, query: ReportQuery = {}): Promise<CampaignResponsePage> {
    return this.#live.read(campaignId, () => this.readResponses(campaignId, query));
  }

  /** The detail report as a CSV stream, exactly the rows `query` selects (no cursor, no limit). */
  exportCampaignResponsesCsv(campaignId: string, query: ReportQuery = {}): Promise<ReadableStream<Uint8Array>> {
    return this.readCsv(campaignId, query);
  }

  getClickthrough(campaignId: string, options: ClickthroughOptions = {}): Promise<Clickthrough> {
    return this.#live.read(campaignId, () => this.readClickthrough(campaignId, options));
  }

  /** Sends an email event (reference server); subscribers of the campaign hear `sent`. */
  async sendCampaignEvent(campaignId: string, eventId: string, options: SendOptions = {}): Promise<SendResult> {
    // Marked before it goes out: the stream may bring its Sent lines before its answer comes.
    this.#live.ownWrites.markSend(campaignId, eventId);
    const result = await this.writeSend(campaignId, eventId, options);
    this.#notify({ kind: 'sent', campaignId, eventId, result });
    return result;
  }

  /** Tells the campaign's subscribers that responses arrived some other way (tracking, an import). */
  notifyChanged(campaignId: string): void {
    this.#notify({ kind: 'responses', campaignId });
  }

  /**
   * Calls `listener` on every change of `campaignId` (of any campaign when omitted); for a campaign,
   * also follows its change stream unless `live: false`. Returns the unsubscribe.
   */
  subscribe(listener: CampaignChangeListener, campaignId?: string, options: { live?: boolean } = {}): () => void {
    const entry = { campaignId, listener };
    this.#listeners.add(entry);
    const leave = campaignId !== undefined && options.live !== false ? this.#live.join(campaignId) : undefined;
    return () => {
      this.#listeners.delete(entry);
      leave?.();
    };
  }

  #notify(change: CampaignChange): void {
    for (const { campaignId, listener } of [...this.#listeners]) {
      if (campaignId === undefined || campaignId === change.campaignId) listener(change);
    }
  }

  // The seam: a cache or a host's own logic wraps these.

  protected readCampaigns(): Promise<Page<Campaign>> {
    return this.adapter.listCampaigns();
  }

  protected readCampaign(campaignId: string, options: CallOptions): Promise<Campaign> {
    return this.adapter.getCampaign(campaignId, options);
  }

  protected readStats(campaignId: string, options: StatsOptions): Promise<CampaignStats> {
    return this.adapter.getCampaignStats(campaignId, options);
  }

  protected readSummary(campaignId: string, options: StatsOptions): Promise<ResponseSummary> {
    return this.adapter.getResponseSummary(campaignId, options);
  }

  protected readResponses(campaignId: string, query: ReportQuery): Promise<CampaignResponsePage> {
    return this.adapter.getCampaignResponses(campaignId, query);
  }

  protected readCsv(campaignId: string, query: ReportQuery): Promise<ReadableStream<Uint8Array>> {
    return this.adapter.exportCampaignResponsesCsv(campaignId, query);
  }

  protected readClickthrough(campaignId: string, options: ClickthroughOptions): Promise<Clickthrough> {
    return this.adapter.getClickthrough(campaignId, options);
  }

  protected writeSend(campaignId: string, eventId: string, options: SendOptions): Promise<SendResult> {
    return this.adapter.sendCampaignEvent(campaignId, eventId, options);
  }
}
