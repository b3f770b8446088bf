/**
 * The campaign side's seeds for the fake reports adapter and the tests that read them back: the
 * statistics of two campaigns (`spring`, worked out by hand, and `bare`, with nothing entered), the
 * response summary of the same two, rows of the detail report, and the campaign list.
 */
import type {
  CampaignResponseRow,
  CampaignStats,
  RatedCount,
  ResponseSummary,
  StatsFigures,
  TrackedCount,
} from '../../../src/model/campaign-stats.js';
import type { Figure } from '../../../src/model/stats.js';
import type { Campaign } from '../../../src/model/types.js';
import { DEFAULT_VOCABULARY, findDetail } from '../../../src/model/vocabulary.js';

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

/** A row of the detail report (campaign `spring`). */
export function reportRow(overrides: Partial<CampaignResponseRow> & Pick<CampaignResponseRow, 'id'>): CampaignResponseRow {
  const detailId = overrides.detailId ?? 'responded';
  return {
    recipientId: '42',
    recipientName: 'Ada Lovelace',
    campaignId: 'spring',
    eventId: 'spring-call',
    detailId,
    categoryId: findDetail(DEFAULT_VOCABULARY, detailId)?.categoryId ?? 'responded',
    respondedAt: '2026-03-10T09:00:00.000Z',
    recordedAt: '2026-03-10T09:05:00.000Z',
    note: '',
    author: 'sam',
    source: 'manual',
    link: null,
    evidence: null,
    ...overrides,
  };
}

/**
 * Spring: two events. Email: 8 sent, 7 opens by 5 people, 1 purchase; call: 2 purchases, 3
 * responded. Totals (by detail, category, event, all) are the cells' sums, worked out by hand.
 */
export const SPRING_SUMMARY: ResponseSummary = {
  campaignId: 'spring',
  asOf: AS_OF,
  nextRefreshAt: NEXT_REFRESH_AT,
  events: [
    { id: 'spring-mail', name: 'Launch email', channel: 'email', date: '2026-03-01T09:00:00.000Z' },
    { id: 'spring-call', name: 'Follow-up call', channel: 'phone', date: '2026-03-05T09:00:00.000Z' },
  ],
  cells: [
    { eventId: 'spring-mail', detailId: 'sent', categoryId: 'sent', lines: 8, recipients: 8 },
    { eventId: 'spring-mail', detailId: 'opened', categoryId: 'received', lines: 7, recipients: 5 },
    { eventId: 'spring-mail', detailId: 'purchased', categoryId: 'purchased', lines: 1, recipients: 1 },
    { eventId: 'spring-call', detailId: 'purchased', categoryId: 'purchased', lines: 2, recipients: 2 },
    { eventId: 'spring-call', detailId: 'responded', categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byDetail: [
    { detailId: 'sent', categoryId: 'sent', lines: 8, recipients: 8 },
    { detailId: 'opened', categoryId: 'received', lines: 7, recipients: 5 },
    { detailId: 'purchased', categoryId: 'purchased', lines: 3, recipients: 2 },
    { detailId: 'responded', categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byCategory: [
    { categoryId: 'sent', lines: 8, recipients: 8 },
    { categoryId: 'received', lines: 7, recipients: 5 },
    { categoryId: 'purchased', lines: 3, recipients: 2 },
    { categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byEvent: [
    { eventId: 'spring-mail', lines: 16, recipients: 8 },
    { eventId: 'spring-call', lines: 5, recipients: 4 },
  ],
  total: { lines: 21, recipients: 8 },
};

export const EMPTY_SUMMARY: ResponseSummary = {
  ...SPRING_SUMMARY,
  campaignId: 'bare',
  cells: [],
  byDetail: [],
  byCategory: [],
  byEvent: [],
  total: { lines: 0, recipients: 0 },
};
