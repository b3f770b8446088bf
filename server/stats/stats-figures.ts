/**
 * The statistics and summary answers assembled from counts, whichever source counted them: the live
 * recomputation over the lines (stats.ts) or the roll-ups (rollup-read.ts). One assembly, so the two
 * answers have the same shape and order, and a test can compare them as wholes.
 */
import type { CampaignStats, EventStats, RateBase, RatedCount, ResponseSummary, StatsFigures, TimelineDay, TrackedCount } from '../../src/model/campaign-stats.js';
import { deriveStats, rate } from '../../src/model/stats.js';
import type { Channel } from '../../src/model/types.js';
import { toMoney, toNullableInstant, type Queryable } from '../db/db.js';
import { COUNT_NAMES, type Counts } from './stats-sql.js';

export interface CampaignHead {
  id: string;
  title: string;
  currency: string;
  baseCost: number | null;
  recipients: number;
  events: { id: string; name: string; channel: Channel; date: string | null; cost: number | null; revenue: number | null }[];
}

/**
 * The campaign and its events as one JSON value, for a statement that reads more beside it (the
 * roll-up reads): one round trip, and one row to decode instead of one per event. `$1` is the
 * campaign's id. The event's date is written in UTC by the statement: JSON would write it in the
 * session's time zone, whose offset may have seconds that Date cannot parse. recipient_count is kept
 * by triggers on campaign_recipients (migration 010), and set again by the repair.
 */
export const HEAD_JSON_SQL = `(SELECT json_build_object('id', c.id, 'title', c.title, 'currency', c.currency, 'baseCost', c.base_cost,
    'recipients', c.recipient_count,
    'events', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'channel', e.channel,
                 'date', to_char(e.date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                 'cost', e.cost, 'revenue', e.revenue) ORDER BY e.date NULLS LAST, e.id), '[]')
                 FROM campaign_events e WHERE e.campaign_id = c.id))
    FROM campaigns c WHERE c.id = $1)`;

interface HeadJson {
  id: string;
  title: string;
  currency: string;
  baseCost: number | null;
  recipients: number;
  events: { id: string; name: string; channel: string; date: string | null; cost: number | null; revenue: number | null }[];
}

/** HEAD_JSON_SQL's value (parsed by the driver) as the head; undefined for an unknown campaign. */
export function headOf(json: unknown): CampaignHead | undefined {
  if (json === null || json === undefined) return undefined;
  const campaign = (typeof json === 'string' ? JSON.parse(json) : json) as HeadJson;
  return {
    id: String(campaign.id),
    title: String(campaign.title),
    currency: String(campaign.currency),
    baseCost: toMoney(campaign.baseCost),
    recipients: Number(campaign.recipients),
    events: campaign.events.map((e) => ({
      id: String(e.id),
      name: String(e.name),
      channel: String(e.channel) as Channel,
      date: toNullableInstant(e.date),
      cost: toMoney(e.cost),
      revenue: toMoney(e.revenue),
    })),
  };
}

export async function readHead(db: Queryable, campaignId: string): Promise<CampaignHead | undefined> {
  const [row] = await db.query<{ head: unknown }>(`SELECT ${HEAD_JSON_SQL} AS head`, [campaignId]);
  return headOf(row?.head);
}

export const EMPTY_COUNTS: Counts = Object.fromEntries(COUNT_NAMES.map((name) => [name, 0])) as Counts;

export function figures(counts: Counts, recipients: number, money: { ownCost: number | null; baseCost: number | null; eventCosts: (number | null)[]; revenue: number | null }): StatsFigures {
  const bases: Record<RateBase, number> = { recipients, sent: counts.sent, delivered: counts.delivered };
  const rated = (count: number, of: RateBase): RatedCount => ({ count, rate: rate(count, bases[of]), of });
  const tracked = (all: number, human: number, machine: number): TrackedCount => ({
    ...rated(all, 'delivered'),
    human: rated(human, 'delivered'),
    machine: rated(machine, 'delivered'),
  });
  const derived = deriveStats({
    baseCost: money.baseCost,
    eventCosts: money.eventCosts,
    revenue: money.revenue,
    leads: counts.lead,
    purchasers: counts.purchase,
  });
  return {
    ownCost: money.ownCost,
    totalCost: derived.totalCost,
    revenue: money.revenue,
    profit: derived.profit,
    roi: derived.roi,
    costPerLead: derived.costPerLead,
    costPerPurchaser: derived.costPerPurchaser,
    recipients,
    leads: rated(counts.lead, 'recipients'),
    purchasers: rated(counts.purchase, 'recipients'),
    websiteVisitors: counts.clicked_human,
    sent: rated(counts.sent, 'recipients'),
    delivered: rated(counts.delivered, 'sent'),
    bounced: rated(counts.bounced, 'sent'),
    hardBounced: rated(counts.hard, 'sent'),
    softBounced: rated(counts.soft, 'sent'),
    failed: rated(counts.failed, 'recipients'),
    skipped: rated(counts.skipped, 'recipients'),
    opened: tracked(counts.opened, counts.opened_human, counts.opened_machine),
    clickedThrough: tracked(counts.clicked, counts.clicked_human, counts.clicked_machine),
    responded: rated(counts.responded, 'recipients'),
    unsubscribed: rated(counts.unsubscribe, 'recipients'),
  };
}

export const sumOrNull = (values: (number | null)[]) => {
  const entered = values.filter((v): v is number => v !== null);
  return entered.length === 0 ? null : Math.round(entered.reduce((a, b) => a + b, 0) * 100) / 100;
};


export type StoredStats = Omit<CampaignStats, 'asOf' | 'nextRefreshAt'>;
export type StoredSummary = Omit<ResponseSummary, 'asOf' | 'nextRefreshAt'>;

/** The statistics of a campaign from its counts: `countsOf(eventId)` per event, `countsOf(null)` for the whole. */
export function assembleStats(head: CampaignHead, countsOf: (eventId: string | null) => Counts, timeline: TimelineDay[]): StoredStats {
  const eventCosts = head.events.map((e) => e.cost);
  const events: EventStats[] = head.events.map((e) => ({
    eventId: e.id,
    name: e.name,
    channel: e.channel,
    date: e.date,
    ...figures(countsOf(e.id), head.recipients, { ownCost: e.cost, baseCost: null, eventCosts: [e.cost], revenue: e.revenue }),
  }));
  return {
    campaignId: head.id,
    title: head.title,
    currency: head.currency,
    totals: figures(countsOf(null), head.recipients, {
      ownCost: head.baseCost,
      baseCost: head.baseCost,
      eventCosts,
      revenue: sumOrNull(head.events.map((e) => e.revenue)),
    }),
    events,
    timeline,
  };
}

/** Counts read from rows whose columns are named as the figures; zeros for a missing row. */
export function countsFromRow(row: Record<string, unknown> | undefined): Counts {
  return row ? (Object.fromEntries(COUNT_NAMES.map((name) => [name, Number(row[name] ?? 0)])) as Counts) : EMPTY_COUNTS;
}

/** One row of the summary: a cell (event and detail), or a total over a level (no event, no detail, no category). */
export interface SummaryRow {
  eventId: string | null;
  detailId: string | null;
  categoryId: string | null;
  lines: number;
  recipients: number;
}

/** What the summary needs of the vocabulary: each detail's category and position, each category's position. */
export interface VocabularyOrder {
  details: [id: string, categoryId: string, position: number][];
  categories: [id: string, position: number][];
}

/** The vocabulary's order as one JSON value, for a statement that reads more beside it. */
export const VOCABULARY_JSON_SQL = `(SELECT json_build_object(
    'details', (SELECT coalesce(json_agg(json_build_array(id, category_id, position)), '[]') FROM response_details),
    'categories', (SELECT coalesce(json_agg(json_build_array(id, position)), '[]') FROM response_categories)))`;

export async function readVocabularyOrder(db: Queryable): Promise<VocabularyOrder> {
  const [row] = await db.query<{ vocabulary: VocabularyOrder }>(`SELECT ${VOCABULARY_JSON_SQL} AS vocabulary`);
  return row.vocabulary;
}

export function assembleSummary(head: CampaignHead, rows: SummaryRow[], vocabulary: VocabularyOrder): StoredSummary {
  // Vocabulary order for details and categories, date order for events: the order a table shows.
  const order = new Map<string, number>();
  for (const [id, , position] of vocabulary.details) order.set(`d:${id}`, Number(position));
  for (const [id, position] of vocabulary.categories) order.set(`c:${id}`, Number(position));
  head.events.forEach((e, i) => order.set(`e:${e.id}`, i));
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const pick = (event: boolean, detail: boolean, category: boolean) =>
    rows.filter((r) => (r.eventId !== null) === event && (r.detailId !== null) === detail && (r.categoryId !== null) === category);
  const count = (r: SummaryRow) => ({ lines: r.lines, recipients: r.recipients });
  const [total] = pick(false, false, false);
  return {
    campaignId: head.id,
    events: head.events.map((e) => ({ id: e.id, name: e.name, channel: e.channel, date: e.date })),
    cells: pick(true, true, true)
      .map((r) => ({ eventId: String(r.eventId), detailId: String(r.detailId), categoryId: String(r.categoryId), ...count(r) }))
      .sort((a, b) => rank(`e:${a.eventId}`) - rank(`e:${b.eventId}`) || rank(`d:${a.detailId}`) - rank(`d:${b.detailId}`)),
    byDetail: pick(false, true, true)
      .map((r) => ({ detailId: String(r.detailId), categoryId: String(r.categoryId), ...count(r) }))
      .sort((a, b) => rank(`d:${a.detailId}`) - rank(`d:${b.detailId}`)),
    byCategory: pick(false, false, true)
      .map((r) => ({ categoryId: String(r.categoryId), ...count(r) }))
      .sort((a, b) => rank(`c:${a.categoryId}`) - rank(`c:${b.categoryId}`)),
    byEvent: pick(true, false, false)
      .map((r) => ({ eventId: String(r.eventId), ...count(r) }))
      .sort((a, b) => rank(`e:${a.eventId}`) - rank(`e:${b.eventId}`)),
    total: total ? count(total) : { lines: 0, recipients: 0 },
  };
}
