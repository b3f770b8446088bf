/**
 * The campaign figures computed live by SQL: the statistics (DESIGN.md §2) and the response summary.
 * Served from a snapshot (stats-snapshot.ts); these functions are what a refresh runs, and what the
 * benchmark compares the snapshot with.
 *
 * Counts are of unique recipients. What a line counts as comes from the vocabulary tables: a
 * detail's countsAs flags (responded, lead, purchase, unsubscribe) and bounce kind, and its
 * category for sent, failed and clicked through; Opened is the one detail counted by its id.
 */
import type { CampaignStats, EventStats, RateBase, RatedCount, ResponseSummary, StatsFigures, TimelineDay, TrackedCount } from '../../src/model/campaign-stats.js';
import { deriveStats, rate } from '../../src/model/stats.js';
import type { Channel } from '../../src/model/types.js';
import { toMoney, toNullableInstant, type Queryable } from '../db/db.js';

/** Per recipient (and event): whether any of their lines is of this kind. SQL over `l` (line) and `d` (detail). */
const FLAGS = {
  // Addressed: sent, bounced (skipped included: the vocabulary files it as a hard bounce) or failed.
  sent: `l.category_id = 'sent' OR d.bounce IS NOT NULL OR l.category_id = 'failed'`,
  bounced: 'd.bounce IS NOT NULL',
  hard: `d.bounce = 'hard'`,
  soft: `d.bounce = 'soft'`,
  failed: `l.category_id = 'failed'`,
  opened: `l.detail_id = 'opened'`,
  opened_human: `l.detail_id = 'opened' AND l.evidence_machine IS NOT TRUE`,
  opened_machine: `l.detail_id = 'opened' AND l.evidence_machine`,
  clicked: `l.category_id = 'clicked-through'`,
  clicked_human: `l.category_id = 'clicked-through' AND l.evidence_machine IS NOT TRUE`,
  clicked_machine: `l.category_id = 'clicked-through' AND l.evidence_machine`,
  responded: 'd.counts_responded',
  lead: 'd.counts_lead',
  purchase: 'd.counts_purchase',
  unsubscribe: 'd.counts_unsubscribe',
} as const;
type Flag = keyof typeof FLAGS | 'delivered';
type Counts = Record<Flag, number>;

const flagNames = Object.keys(FLAGS) as (keyof typeof FLAGS)[];

/**
 * One pass: a row per (event, recipient) with a flag per kind, then unique recipients per event
 * and for the whole campaign (GROUPING SETS). Delivered = sent, and neither bounced nor failed.
 */
export const STATS_SQL = `
  WITH per AS (
    SELECT l.event_id, l.recipient_id,
      ${flagNames.map((name) => `bool_or(${FLAGS[name]}) AS ${name}`).join(',\n      ')}
    FROM response_lines l JOIN response_details d ON d.id = l.detail_id
    WHERE l.campaign_id = $1
    GROUP BY l.event_id, l.recipient_id
  )
  SELECT event_id, GROUPING(event_id) AS whole,
    ${flagNames.map((name) => `count(DISTINCT recipient_id) FILTER (WHERE ${name})::int AS ${name}`).join(',\n    ')},
    count(DISTINCT recipient_id) FILTER (WHERE sent AND NOT bounced AND NOT failed)::int AS delivered
  FROM per
  GROUP BY GROUPING SETS ((event_id), ())`;

interface CampaignHead {
  id: string;
  title: string;
  currency: string;
  baseCost: number | null;
  recipients: number;
  events: { id: string; name: string; channel: Channel; date: string | null; cost: number | null; revenue: number | null }[];
}

async function readHead(db: Queryable, campaignId: string): Promise<CampaignHead | undefined> {
  const [campaign] = await db.query<Record<string, unknown>>(
    `SELECT c.id, c.title, c.currency, c.base_cost,
            (SELECT count(*)::int FROM campaign_recipients cr WHERE cr.campaign_id = c.id) AS recipients
       FROM campaigns c WHERE c.id = $1`,
    [campaignId],
  );
  if (!campaign) return undefined;
  const events = await db.query<Record<string, unknown>>(
    'SELECT id, name, channel, date, cost, revenue FROM campaign_events WHERE campaign_id = $1 ORDER BY date NULLS LAST, id',
    [campaignId],
  );
  return {
    id: String(campaign.id),
    title: String(campaign.title),
    currency: String(campaign.currency),
    baseCost: toMoney(campaign.base_cost),
    recipients: Number(campaign.recipients),
    events: events.map((e) => ({
      id: String(e.id),
      name: String(e.name),
      channel: String(e.channel) as Channel,
      date: toNullableInstant(e.date),
      cost: toMoney(e.cost),
      revenue: toMoney(e.revenue),
    })),
  };
}

const EMPTY: Counts = Object.fromEntries([...flagNames, 'delivered'].map((name) => [name, 0])) as Counts;

function figures(counts: Counts, recipients: number, money: { ownCost: number | null; baseCost: number | null; eventCosts: (number | null)[]; revenue: number | null }): StatsFigures {
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
    failed: rated(counts.failed, 'sent'),
    opened: tracked(counts.opened, counts.opened_human, counts.opened_machine),
    clickedThrough: tracked(counts.clicked, counts.clicked_human, counts.clicked_machine),
    responded: rated(counts.responded, 'recipients'),
    unsubscribed: rated(counts.unsubscribe, 'recipients'),
  };
}

const sumOrNull = (values: (number | null)[]) => {
  const entered = values.filter((v): v is number => v !== null);
  return entered.length === 0 ? null : Math.round(entered.reduce((a, b) => a + b, 0) * 100) / 100;
};

/** Lines per UTC day of opens, clicks and responses (the "responses over time" picture); days with none left out. */
export const TIMELINE_SQL = `
  SELECT to_char(l.responded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
    count(*) FILTER (WHERE ${FLAGS.opened})::int AS opened,
    count(*) FILTER (WHERE ${FLAGS.opened_machine})::int AS opened_machine,
    count(*) FILTER (WHERE ${FLAGS.clicked})::int AS clicked,
    count(*) FILTER (WHERE ${FLAGS.clicked_machine})::int AS clicked_machine,
    count(*) FILTER (WHERE ${FLAGS.responded})::int AS responded,
    count(*) FILTER (WHERE ${FLAGS.purchase})::int AS purchased
  FROM response_lines l JOIN response_details d ON d.id = l.detail_id
  WHERE l.campaign_id = $1
  GROUP BY 1
  HAVING count(*) FILTER (WHERE ${FLAGS.opened} OR ${FLAGS.clicked} OR ${FLAGS.responded}) > 0
  ORDER BY 1`;

async function computeTimeline(db: Queryable, campaignId: string): Promise<TimelineDay[]> {
  const rows = await db.query<Record<string, unknown>>(TIMELINE_SQL, [campaignId]);
  return rows.map((row) => ({
    day: String(row.day),
    opened: Number(row.opened),
    openedByMachine: Number(row.opened_machine),
    clickedThrough: Number(row.clicked),
    clickedByMachine: Number(row.clicked_machine),
    responded: Number(row.responded),
    purchased: Number(row.purchased),
  }));
}

/** The statistics without their snapshot times; undefined for an unknown campaign. */
export async function computeStats(db: Queryable, campaignId: string): Promise<Omit<CampaignStats, 'asOf' | 'nextRefreshAt'> | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const rows = await db.query<Record<string, unknown>>(STATS_SQL, [campaignId]);
  const countsOf = (row: Record<string, unknown> | undefined): Counts =>
    row ? (Object.fromEntries(Object.keys(EMPTY).map((name) => [name, Number(row[name])])) as Counts) : EMPTY;
  const whole = rows.find((row) => Number(row.whole) === 1);
  const byEvent = new Map(rows.filter((row) => Number(row.whole) === 0).map((row) => [String(row.event_id), row]));
  const eventCosts = head.events.map((e) => e.cost);
  const events: EventStats[] = head.events.map((e) => ({
    eventId: e.id,
    name: e.name,
    channel: e.channel,
    date: e.date,
    ...figures(countsOf(byEvent.get(e.id)), head.recipients, { ownCost: e.cost, baseCost: null, eventCosts: [e.cost], revenue: e.revenue }),
  }));
  return {
    campaignId: head.id,
    title: head.title,
    currency: head.currency,
    totals: figures(countsOf(whole), head.recipients, {
      ownCost: head.baseCost,
      baseCost: head.baseCost,
      eventCosts,
      revenue: sumOrNull(head.events.map((e) => e.revenue)),
    }),
    events,
    timeline: await computeTimeline(db, campaignId),
  };
}

/** Lines and unique recipients by event × detail, by detail, by category, by event, and in all. */
export const SUMMARY_SQL = `
  SELECT event_id, detail_id, category_id, GROUPING(event_id) AS no_event, GROUPING(detail_id) AS no_detail,
         GROUPING(category_id) AS no_category, count(*)::int AS lines, count(DISTINCT recipient_id)::int AS recipients
    FROM response_lines WHERE campaign_id = $1
   GROUP BY GROUPING SETS ((event_id, detail_id, category_id), (detail_id, category_id), (category_id), (event_id), ())`;

export async function computeSummary(db: Queryable, campaignId: string): Promise<Omit<ResponseSummary, 'asOf' | 'nextRefreshAt'> | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const rows = await db.query<Record<string, unknown>>(SUMMARY_SQL, [campaignId]);
  // Vocabulary order for details and categories, date order for events: the order a table shows.
  const order = new Map<string, number>();
  for (const row of await db.query<{ id: string; position: number }>('SELECT id, position FROM response_details')) order.set(`d:${row.id}`, row.position);
  for (const row of await db.query<{ id: string; position: number }>('SELECT id, position FROM response_categories')) order.set(`c:${row.id}`, row.position);
  head.events.forEach((e, i) => order.set(`e:${e.id}`, i));
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const pick = (noEvent: number, noDetail: number, noCategory: number) =>
    rows.filter((r) => Number(r.no_event) === noEvent && Number(r.no_detail) === noDetail && Number(r.no_category) === noCategory);
  const count = (r: Record<string, unknown>) => ({ lines: Number(r.lines), recipients: Number(r.recipients) });
  const [total] = pick(1, 1, 1);
  return {
    campaignId,
    events: head.events.map((e) => ({ id: e.id, name: e.name, channel: e.channel, date: e.date })),
    cells: pick(0, 0, 0)
      .map((r) => ({ eventId: String(r.event_id), detailId: String(r.detail_id), categoryId: String(r.category_id), ...count(r) }))
      .sort((a, b) => rank(`e:${a.eventId}`) - rank(`e:${b.eventId}`) || rank(`d:${a.detailId}`) - rank(`d:${b.detailId}`)),
    byDetail: pick(1, 0, 0)
      .map((r) => ({ detailId: String(r.detail_id), categoryId: String(r.category_id), ...count(r) }))
      .sort((a, b) => rank(`d:${a.detailId}`) - rank(`d:${b.detailId}`)),
    byCategory: pick(1, 1, 0)
      .map((r) => ({ categoryId: String(r.category_id), ...count(r) }))
      .sort((a, b) => rank(`c:${a.categoryId}`) - rank(`c:${b.categoryId}`)),
    byEvent: pick(0, 1, 1)
      .map((r) => ({ eventId: String(r.event_id), ...count(r) }))
      .sort((a, b) => rank(`e:${a.eventId}`) - rank(`e:${b.eventId}`)),
    total: total ? count(total) : { lines: 0, recipients: 0 },
  };
}
