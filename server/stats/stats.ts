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
import { SKIPPED_DETAIL } from '../tracking/delivery.js';

/**
 * Per recipient and event: what their lines say. SQL over `l` (line) and `d` (detail). The skipped
 * detail is filed as a hard bounce by the vocabulary, but nothing was sent: it is told apart here.
 */
const LINE_FLAGS = {
  hard_line: `d.bounce = 'hard' AND l.detail_id <> '${SKIPPED_DETAIL}'`,
  soft_line: `d.bounce = 'soft'`,
  skipped_line: `l.detail_id = '${SKIPPED_DETAIL}'`,
  failed_line: `l.category_id = 'failed'`,
  sent_line: `l.category_id = 'sent'`,
  opened: `l.detail_id = 'opened'`,
  opened_human: `l.detail_id = 'opened' AND l.evidence_machine IS NOT TRUE`,
  opened_machine: `l.detail_id = 'opened' AND l.evidence_machine`,
  clicked: `l.category_id = 'clicked-through'`,
  clicked_human: `l.category_id = 'clicked-through' AND l.evidence_machine IS NOT TRUE`,
  clicked_machine: `l.category_id = 'clicked-through' AND l.evidence_machine`,
  // A purchase is a response whatever a vocabulary says, so purchasers are among the responded.
  responded: 'd.counts_responded OR d.counts_purchase',
  lead: 'd.counts_lead',
  purchase: 'd.counts_purchase',
  unsubscribe: 'd.counts_unsubscribe',
} as const;

/** Opens and clicks count among delivered messages only: an open of a mail that bounced is not a figure of this campaign. */
const TRACKED = ['opened', 'opened_human', 'opened_machine', 'clicked', 'clicked_human', 'clicked_machine'] as const;
const RESPONSES = ['responded', 'lead', 'purchase', 'unsubscribe'] as const;

/**
 * One outcome per message (recipient and event), so that sent = delivered + bounced and bounced =
 * hard + soft hold by construction: a bounce overrides the Sent line it follows; skipped and failed
 * messages were not sent.
 */
const EVENT_OUTCOME = `CASE WHEN bool_or(${LINE_FLAGS.hard_line}) THEN 'hard'
      WHEN bool_or(${LINE_FLAGS.soft_line}) THEN 'soft'
      WHEN bool_or(${LINE_FLAGS.skipped_line}) THEN 'skipped'
      WHEN bool_or(${LINE_FLAGS.failed_line}) THEN 'failed'
      WHEN bool_or(${LINE_FLAGS.sent_line}) THEN 'delivered' END`;

/**
 * A recipient's outcome over the whole campaign: delivered when any message arrived; else a hard
 * bounce when any bounced hard, else soft; else failed, else skipped.
 */
const CAMPAIGN_OUTCOME = `CASE WHEN bool_or(outcome = 'delivered') THEN 'delivered'
      WHEN bool_or(outcome = 'hard') THEN 'hard'
      WHEN bool_or(outcome = 'soft') THEN 'soft'
      WHEN bool_or(outcome = 'failed') THEN 'failed'
      WHEN bool_or(outcome = 'skipped') THEN 'skipped' END`;

const OUTCOME_COUNTS = `count(*) FILTER (WHERE outcome IN ('delivered', 'hard', 'soft'))::int AS sent,
    count(*) FILTER (WHERE outcome = 'delivered')::int AS delivered,
    count(*) FILTER (WHERE outcome IN ('hard', 'soft'))::int AS bounced,
    count(*) FILTER (WHERE outcome = 'hard')::int AS hard,
    count(*) FILTER (WHERE outcome = 'soft')::int AS soft,
    count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
    count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
    ${[...TRACKED, ...RESPONSES].map((name) => `count(*) FILTER (WHERE ${name})::int AS ${name}`).join(',\n    ')}`;

type Flag = 'sent' | 'delivered' | 'bounced' | 'hard' | 'soft' | 'failed' | 'skipped' | (typeof TRACKED)[number] | (typeof RESPONSES)[number];
type Counts = Record<Flag, number>;

/**
 * Per message (event, recipient): its outcome and whether it was opened, clicked, answered; then per
 * recipient over the campaign. Only the campaign's recipients count, so no unique count exceeds them.
 */
export const STATS_SQL = `
  WITH message AS (
    SELECT l.event_id, l.recipient_id,
      ${EVENT_OUTCOME} AS outcome,
      ${[...TRACKED, ...RESPONSES].map((name) => `bool_or(${LINE_FLAGS[name]}) AS raw_${name}`).join(',\n      ')}
    FROM response_lines l
      JOIN response_details d ON d.id = l.detail_id
      JOIN campaign_recipients cr ON cr.campaign_id = l.campaign_id AND cr.recipient_id = l.recipient_id
    WHERE l.campaign_id = $1
    GROUP BY l.event_id, l.recipient_id
  ), per_event AS (
    SELECT event_id, recipient_id, outcome,
      ${TRACKED.map((name) => `raw_${name} AND outcome = 'delivered' AS ${name}`).join(',\n      ')},
      ${RESPONSES.map((name) => `raw_${name} AS ${name}`).join(', ')}
    FROM message
  ), per_recipient AS (
    SELECT recipient_id, ${CAMPAIGN_OUTCOME} AS outcome,
      ${[...TRACKED, ...RESPONSES].map((name) => `bool_or(${name}) AS ${name}`).join(',\n      ')}
    FROM per_event
    GROUP BY recipient_id
  )
  SELECT event_id, 0 AS whole,
    ${OUTCOME_COUNTS}
  FROM per_event GROUP BY event_id
  UNION ALL
  SELECT NULL, 1 AS whole,
    ${OUTCOME_COUNTS}
  FROM per_recipient`;

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

const COUNT_NAMES: Flag[] = ['sent', 'delivered', 'bounced', 'hard', 'soft', 'failed', 'skipped', ...TRACKED, ...RESPONSES];
const EMPTY: Counts = Object.fromEntries(COUNT_NAMES.map((name) => [name, 0])) as Counts;

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
    failed: rated(counts.failed, 'recipients'),
    skipped: rated(counts.skipped, 'recipients'),
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
    count(*) FILTER (WHERE ${LINE_FLAGS.opened})::int AS opened,
    count(*) FILTER (WHERE ${LINE_FLAGS.opened_machine})::int AS opened_machine,
    count(*) FILTER (WHERE ${LINE_FLAGS.clicked})::int AS clicked,
    count(*) FILTER (WHERE ${LINE_FLAGS.clicked_machine})::int AS clicked_machine,
    count(*) FILTER (WHERE ${LINE_FLAGS.responded})::int AS responded,
    count(*) FILTER (WHERE ${LINE_FLAGS.purchase})::int AS purchased
  FROM response_lines l JOIN response_details d ON d.id = l.detail_id
  WHERE l.campaign_id = $1
  GROUP BY 1
  HAVING count(*) FILTER (WHERE ${LINE_FLAGS.opened} OR ${LINE_FLAGS.clicked} OR ${LINE_FLAGS.responded}) > 0
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
