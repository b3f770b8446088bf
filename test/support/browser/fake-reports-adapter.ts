/**
 * An in-memory CampaignReportsAdapter for the campaign elements' tests (statistics panel, detail and
 * clickthrough reports): seeded answers per campaign (report-fixtures.ts), a log of every call with
 * its query, per method a delay, a failure or a gate (fake-calls.ts), and a CSV export whose chunks
 * the test feeds one at a time (`csvFeeds`). An unknown campaign id is a NotFoundError, as a backend
 * answers it.
 */
import type { CallOptions, CampaignReportsAdapter, ClickthroughOptions, ReportQuery, SendOptions, StatsOptions } from '../../../src/adapter/types.js';
import { NotFoundError } from '../../../src/adapter/errors.js';
import type { CampaignResponsePage, CampaignResponseRow, CampaignStats, Clickthrough, ResponseSummary, SendResult } from '../../../src/model/campaign-stats.js';
import type { Campaign, Page } from '../../../src/model/types.js';
import { CsvFeed } from './csv-download.js';
import { FakeCalls, foundCampaign } from './fake-calls.js';
import { BARE_STATS, EMPTY_SUMMARY, REPORT_CAMPAIGNS, SPRING_STATS, SPRING_SUMMARY } from './report-fixtures.js';

export * from './report-fixtures.js';

type Method = keyof CampaignReportsAdapter;

/**
 * The campaign side in memory. Seed `campaigns`, `stats`, `summaries`, `rows`, `clickthrough` and
 * `sendResults` (keyed `campaign/event`) per campaign id; `spring` and `bare` come seeded, with no
 * rows and no clickthrough.
 */
export class FakeReportsAdapter extends FakeCalls<Method> implements CampaignReportsAdapter {
  campaigns: Campaign[] = structuredClone(REPORT_CAMPAIGNS);
  /** A change stream, where a test gives one (`FakeLive.follow`). */
  followChanges?: CampaignReportsAdapter['followChanges'];
  stats = new Map<string, CampaignStats>([
    ['spring', structuredClone(SPRING_STATS)],
    ['bare', structuredClone(BARE_STATS)],
  ]);
  summaries = new Map<string, ResponseSummary>([
    ['spring', structuredClone(SPRING_SUMMARY)],
    ['bare', structuredClone(EMPTY_SUMMARY)],
  ]);
  rows = new Map<string, CampaignResponseRow[]>([['spring', []], ['bare', []]]);
  clickthrough = new Map<string, Clickthrough>();
  sendResults = new Map<string, SendResult>();
  /** Each export answers the next feed made here (a fresh one per call). */
  csvFeeds: CsvFeed[] = [];
  /** Applied to the stats of a campaign on each `fresh` read (a refresh that brings new figures). */
  onFresh: ((stats: CampaignStats) => CampaignStats) | undefined;
  pageSize = 50;

  /** The query (without its signal) of the last detail-report read. */
  lastQuery(): ReportQuery | undefined {
    return this.callsOf('getCampaignResponses').at(-1)?.args[1] as ReportQuery | undefined;
  }

  async listCampaigns(options: CallOptions = {}): Promise<Page<Campaign>> {
    await this.enter('listCampaigns', [], options.signal);
    return { items: structuredClone(this.campaigns), nextCursor: null };
  }

  async getCampaign(campaignId: string, options: CallOptions = {}): Promise<Campaign> {
    await this.enter('getCampaign', [campaignId], options.signal);
    const found = this.campaigns.find((c) => c.id === campaignId);
    if (!found) throw new NotFoundError(`Campaign ${campaignId} not found`);
    return structuredClone(found);
  }

  async getCampaignStats(campaignId: string, options: StatsOptions = {}): Promise<CampaignStats> {
    await this.enter('getCampaignStats', [campaignId, { fresh: options.fresh }], options.signal);
    if (options.fresh && this.onFresh && this.stats.has(campaignId)) {
      this.stats.set(campaignId, this.onFresh(foundCampaign(this.stats, campaignId)));
    }
    return foundCampaign(this.stats, campaignId);
  }

  async getResponseSummary(campaignId: string, options: StatsOptions = {}): Promise<ResponseSummary> {
    await this.enter('getResponseSummary', [campaignId, { fresh: options.fresh }], options.signal);
    return foundCampaign(this.summaries, campaignId);
  }

  async getCampaignResponses(campaignId: string, query: ReportQuery = {}): Promise<CampaignResponsePage> {
    const { signal, ...rest } = query;
    await this.enter('getCampaignResponses', [campaignId, rest], signal);
    const all = foundCampaign(this.rows, campaignId).filter(
      (row) =>
        (!query.detailId || row.detailId === query.detailId) &&
        (!query.categoryId || row.categoryId === query.categoryId) &&
        (!query.eventId || row.eventId === query.eventId) &&
        (!query.source || row.source === query.source) &&
        (query.machine === undefined || (row.evidence?.machine === true) === query.machine) &&
        (!query.from || row.respondedAt >= query.from) &&
        (!query.to || row.respondedAt < query.to) &&
        (!query.q || row.note.toLowerCase().includes(query.q.toLowerCase())),
    );
    const sort = query.sort ?? '-respondedAt';
    const key = sort.replace('-', '') as 'respondedAt' | 'recipient' | 'detail';
    const of = (row: CampaignResponseRow) => (key === 'recipient' ? row.recipientName : key === 'detail' ? row.detailId : row.respondedAt);
    all.sort((a, b) => of(a).localeCompare(of(b)) * (sort.startsWith('-') ? -1 : 1));
    const start = query.cursor ? Number(query.cursor) : 0;
    const size = query.limit ?? this.pageSize;
    return { items: all.slice(start, start + size), nextCursor: start + size < all.length ? String(start + size) : null, total: all.length };
  }

  async exportCampaignResponsesCsv(campaignId: string, query: ReportQuery = {}): Promise<ReadableStream<Uint8Array>> {
    const { signal, ...rest } = query;
    await this.enter('exportCampaignResponsesCsv', [campaignId, rest], signal);
    foundCampaign(this.rows, campaignId);
    const feed = new CsvFeed();
    this.csvFeeds.push(feed);
    signal?.addEventListener('abort', () => feed.fail(new DOMException('aborted', 'AbortError')));
    return feed.stream;
  }

  async getClickthrough(campaignId: string, options: ClickthroughOptions = {}): Promise<Clickthrough> {
    await this.enter('getClickthrough', [campaignId, { eventId: options.eventId }], options.signal);
    return foundCampaign(this.clickthrough, campaignId);
  }

  async sendCampaignEvent(campaignId: string, eventId: string, options: SendOptions = {}): Promise<SendResult> {
    await this.enter('sendCampaignEvent', [campaignId, eventId], options.signal);
    return foundCampaign(this.sendResults, `${campaignId}/${eventId}`);
  }
}
