/**
 * An in-memory CampaignReportsAdapter for the campaign elements' tests (stats panel, reports):
 * seeded answers per campaign, a log of calls, and per method a delay, a failure to throw, or a
 * gate (a promise the call waits for). The figures of SPRING_STATS are worked out by hand.
 */
import type { CallOptions, CampaignReportsAdapter, ClickthroughOptions, ReportQuery, SendOptions, StatsOptions } from '../../src/adapter/types.js';
import { NotFoundError } from '../../src/adapter/errors.js';
import type {
  CampaignResponsePage,
  CampaignResponseRow,
  CampaignStats,
  Clickthrough,
  RatedCount,
  ResponseSummary,
  SendResult,
  StatsFigures,
  TrackedCount,
} from '../../src/model/campaign-stats.js';
import type { Figure } from '../../src/model/stats.js';
import type { Campaign, Page } from '../../src/model/types.js';
import { FakeCalls, foundCampaign } from './fake-calls.js';

type Method = keyof CampaignReportsAdapter;

const rated = (count: number, rate: number | null, of: RatedCount['of']): RatedCount => ({ count, rate, of });
const tracked = (count: number, human: number, machine: number, delivered: number): TrackedCount => ({
  ...rated(count, delivered ? count / delivered : null, 'delivered'),
  human: rated(human, delivered ? human / delivered : null, 'delivered'),
  machine: rated(machine, delivered ? machine / delivered : null, 'delivered'),
});
const value = (v: number): Figure => ({ available: true, value: v });

export const AS_OF = '2026-04-01T12:00:00.000Z';
export const NEXT_REFRESH_AT = '2026-04-01T14:00:00.000Z';

/**
 * Spring: base cost 1,000 + email 200 + call 300 = 1,500 USD; revenue 6,000; profit 4,500; ROI 300 %;
 * 10 recipients; 8 sent, 2 bounced (1 hard, 1 soft), 6 delivered; 5 opened (3 by people, 3 by
 * machines), 4 clicked (2 people, 2 machines); 3 responded, 3 leads (500 each), 2 purchasers (750 each).
 */
export const SPRING_TOTALS: StatsFigures = {
  ownCost: 1000,
  totalCost: value(1500),
  revenue: 6000,
  profit: value(4500),
  roi: value(300),
  costPerLead: value(500),
  costPerPurchaser: value(750),
  recipients: 10,
  leads: rated(3, 0.3, 'recipients'),
  purchasers: rated(2, 0.2, 'recipients'),
  websiteVisitors: 2,
  sent: rated(8, 0.8, 'recipients'),
  delivered: rated(6, 0.75, 'sent'),
  bounced: rated(2, 0.25, 'sent'),
  hardBounced: rated(1, 0.125, 'sent'),
  softBounced: rated(1, 0.125, 'sent'),
  failed: rated(0, 0, 'recipients'),
  skipped: rated(0, 0, 'recipients'),
  opened: tracked(5, 3, 3, 6),
  clickedThrough: tracked(4, 2, 2, 6),
  responded: rated(3, 0.3, 'recipients'),
  unsubscribed: rated(1, 0.1, 'recipients'),
};

const nothing = (count = 0): RatedCount => rated(count, null, 'sent');

export const SPRING_STATS: CampaignStats = {
  campaignId: 'spring',
  title: 'Spring Launch',
  currency: 'USD',
  asOf: AS_OF,
  nextRefreshAt: NEXT_REFRESH_AT,
  totals: SPRING_TOTALS,
  events: [
    {
      eventId: 'spring-mail',
      name: 'Launch email',
      channel: 'email',
      date: '2026-03-01T09:00:00.000Z',
      ...SPRING_TOTALS,
      ownCost: 200,
      totalCost: value(200),
      revenue: 6000,
      profit: value(5800),
      roi: value(2900),
      costPerLead: { available: false, reason: 'no-leads' },
      costPerPurchaser: { available: false, reason: 'no-purchasers' },
      leads: rated(0, 0, 'recipients'),
      purchasers: rated(0, 0, 'recipients'),
    },
    {
      eventId: 'spring-call',
      name: 'Follow-up call',
      channel: 'phone',
      date: '2026-03-05T09:00:00.000Z',
      ...SPRING_TOTALS,
      ownCost: 300,
      totalCost: value(300),
      revenue: null,
      profit: { available: false, reason: 'no-revenue' },
      roi: { available: false, reason: 'no-revenue' },
      costPerLead: value(100),
      costPerPurchaser: value(150),
      sent: nothing(),
      delivered: nothing(),
      bounced: nothing(),
      hardBounced: nothing(),
      softBounced: nothing(),
      failed: nothing(),
      opened: tracked(0, 0, 0, 0),
      clickedThrough: tracked(0, 0, 0, 0),
      websiteVisitors: 0,
    },
  ],
  timeline: [
    { day: '2026-03-01', opened: 5, openedByMachine: 3, clickedThrough: 6, clickedByMachine: 2, responded: 0, purchased: 0 },
    { day: '2026-03-02', opened: 1, openedByMachine: 0, clickedThrough: 1, clickedByMachine: 0, responded: 1, purchased: 1 },
    { day: '2026-03-05', opened: 0, openedByMachine: 0, clickedThrough: 0, clickedByMachine: 0, responded: 2, purchased: 1 },
  ],
};

/** A campaign with no cost entered, no revenue and no lines: every derived figure is not available. */
export const BARE_STATS: CampaignStats = {
  campaignId: 'bare',
  title: 'Nothing yet',
  currency: 'EUR',
  asOf: AS_OF,
  nextRefreshAt: NEXT_REFRESH_AT,
  totals: {
    ownCost: null,
    totalCost: { available: false, reason: 'no-cost' },
    revenue: null,
    profit: { available: false, reason: 'no-cost' },
    roi: { available: false, reason: 'no-cost' },
    costPerLead: { available: false, reason: 'no-cost' },
    costPerPurchaser: { available: false, reason: 'no-cost' },
    recipients: 0,
    leads: rated(0, null, 'recipients'),
    purchasers: rated(0, null, 'recipients'),
    websiteVisitors: 0,
    sent: rated(0, null, 'recipients'),
    delivered: nothing(),
    bounced: nothing(),
    hardBounced: nothing(),
    softBounced: nothing(),
    failed: rated(0, null, 'recipients'),
    skipped: rated(0, null, 'recipients'),
    opened: tracked(0, 0, 0, 0),
    clickedThrough: tracked(0, 0, 0, 0),
    responded: rated(0, null, 'recipients'),
    unsubscribed: rated(0, null, 'recipients'),
  },
  events: [],
  timeline: [],
};

export const REPORT_CAMPAIGNS: Campaign[] = [
  { id: 'spring', title: 'Spring Launch', currency: 'USD', baseCost: 1000, expectedRevenue: 5000, events: [] },
  { id: 'bare', title: 'Nothing yet', currency: 'EUR', baseCost: null, expectedRevenue: null, events: [] },
];

/**
 * In-memory campaign side. Seed `stats`, `summaries`, `rows`, `clickthrough` and `sendResults` per
 * campaign id; an id without stats is a NotFoundError.
 */
export class FakeReportsAdapter extends FakeCalls<Method> implements CampaignReportsAdapter {
  campaigns: Campaign[] = structuredClone(REPORT_CAMPAIGNS);
  stats = new Map<string, CampaignStats>([
    ['spring', structuredClone(SPRING_STATS)],
    ['bare', structuredClone(BARE_STATS)],
  ]);
  summaries = new Map<string, ResponseSummary>();
  rows = new Map<string, CampaignResponseRow[]>();
  clickthrough = new Map<string, Clickthrough>();
  sendResults = new Map<string, SendResult>();
  /** Applied to the stats of a campaign on each `fresh` read (a refresh that brings new figures). */
  onFresh: ((stats: CampaignStats) => CampaignStats) | undefined;
  pageSize = 50;

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
    await this.enter('getCampaignResponses', [campaignId, { ...query, signal: undefined }], query.signal);
    const all = foundCampaign(this.rows, campaignId).filter(
      (row) =>
        (!query.detailId || row.detailId === query.detailId) &&
        (!query.categoryId || row.categoryId === query.categoryId) &&
        (!query.eventId || row.eventId === query.eventId) &&
        (!query.source || row.source === query.source) &&
        (!query.q || row.note.toLowerCase().includes(query.q.toLowerCase())),
    );
    const start = query.cursor ? Number(query.cursor) : 0;
    const size = query.limit ?? this.pageSize;
    return { items: all.slice(start, start + size), nextCursor: start + size < all.length ? String(start + size) : null, total: all.length };
  }

  async exportCampaignResponsesCsv(campaignId: string, query: ReportQuery = {}): Promise<ReadableStream<Uint8Array>> {
    await this.enter('exportCampaignResponsesCsv', [campaignId, { ...query, signal: undefined }], query.signal);
    const rows = foundCampaign(this.rows, campaignId);
    const csv = ['id,recipient,detail', ...rows.map((r) => `${r.id},${r.recipientName},${r.detailId}`)].join('\r\n');
    return new Blob([csv]).stream();
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
