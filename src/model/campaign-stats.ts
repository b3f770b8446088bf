/**
 * The campaign side of the contract: statistics, the response summary and detail reports,
 * the clickthrough report, and the answer of sending an email event. Types first, then their Valibot
 * schemas (as in schemas.ts), so the adapter validates these answers the way it validates the others.
 */
import * as v from 'valibot';
import { CHANNELS, type Channel, type Instant, type MachineCause, type ResponseLine, type ResponseSource, type Page } from './types.js';
import type { Figure, NotAvailableReason } from './stats.js';
import { InstantSchema, MachineCauseSchema, pageSchema, ResponseLineSchema } from './schemas.js';

/** What a rate is a share of: the campaign's recipients, the emails sent, or those delivered (sent, not bounced). */
export type RateBase = 'recipients' | 'sent' | 'delivered';

/** A count of unique recipients, with its share of `of` (null when that divisor is 0). */
export interface RatedCount {
  count: number;
  /** 0…1; null when the divisor is 0. */
  rate: number | null;
  of: RateBase;
}

/**
 * Opens or clicks: `count` is every unique recipient, `human` those with at least one line judged
 * human, `machine` those with at least one judged a machine (a recipient may be in both). Leaving
 * machines out means showing `human`.
 */
export interface TrackedCount extends RatedCount {
  human: RatedCount;
  machine: RatedCount;
}

/** The figures of DESIGN.md §2 for a campaign (totals) or one of its events. */
export interface StatsFigures {
  /** The cost entered on this record itself: the campaign's base cost, or the event's cost. */
  ownCost: number | null;
  /** Campaign: base cost + every event's cost. Event: its own cost. */
  totalCost: Figure;
  /** Campaign: the sum of its events' revenue (null when none was entered). Event: its own. */
  revenue: number | null;
  profit: Figure;
  /** Percent. */
  roi: Figure;
  costPerLead: Figure;
  costPerPurchaser: Figure;
  /** Recipients the campaign was sent to (every event applies to all of them). */
  recipients: number;
  leads: RatedCount;
  purchasers: RatedCount;
  /** Unique recipients with at least one human click-through (derived; the kit has no web analytics). */
  websiteVisitors: number;
  /**
   * Delivery counts one outcome per message (recipient and event), so sent = delivered + bounced and
   * bounced = hard + soft. Campaign: a recipient is delivered when any message arrived, else bounced
   * (hard when any bounced hard), else failed, else skipped. Skipped and failed messages were not sent.
   */
  sent: RatedCount;
  delivered: RatedCount;
  bounced: RatedCount;
  hardBounced: RatedCount;
  softBounced: RatedCount;
  /** "Failed – …" details of older email events (no bounce kind): not sent; of recipients. */
  failed: RatedCount;
  /** Not sent because the address bounced hard before; of recipients. */
  skipped: RatedCount;
  opened: TrackedCount;
  clickedThrough: TrackedCount;
  responded: RatedCount;
  unsubscribed: RatedCount;
}

export interface EventStats extends StatsFigures {
  eventId: string;
  name: string;
  channel: Channel;
  date: Instant | null;
}

/** When a snapshot was computed and when the schedule computes the next one. */
export interface SnapshotTimes {
  asOf: Instant;
  nextRefreshAt: Instant;
}

/**
 * Response lines of one UTC day (by `respondedAt`), for a "responses over time" picture. Lines, not
 * unique recipients: a picture of activity, where the figures above count people.
 */
export interface TimelineDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  opened: number;
  /** Of `opened`, lines judged a machine. */
  openedByMachine: number;
  clickedThrough: number;
  /** Of `clickedThrough`, lines judged a machine. */
  clickedByMachine: number;
  /** Lines whose detail counts as responded (purchases, unsubscribes and the like included). */
  responded: number;
  purchased: number;
}

export interface CampaignStats extends SnapshotTimes {
  campaignId: string;
  title: string;
  currency: string;
  totals: StatsFigures;
  events: EventStats[];
  /** Days with opens, clicks or responses, oldest first. Optional: a backend may not offer it. */
  timeline?: TimelineDay[];
}

/** Lines and unique recipients of one group of the summary. */
export interface SummaryCount {
  lines: number;
  recipients: number;
}

export interface SummaryEvent {
  id: string;
  name: string;
  channel: Channel;
  date: Instant | null;
}

export interface ResponseSummary extends SnapshotTimes {
  campaignId: string;
  /** Every event of the campaign, in date order, so a table can show the ones without lines too. */
  events: SummaryEvent[];
  /** One cell per event and detail that has lines. */
  cells: (SummaryCount & { eventId: string; detailId: string; categoryId: string })[];
  byDetail: (SummaryCount & { detailId: string; categoryId: string })[];
  byCategory: (SummaryCount & { categoryId: string })[];
  byEvent: (SummaryCount & { eventId: string })[];
  total: SummaryCount;
}

/** A row of the detail report: a response line and who it is from. */
export interface CampaignResponseRow extends ResponseLine {
  recipientName: string;
}

export type CampaignResponsePage = Page<CampaignResponseRow>;

export const REPORT_SORTS = ['respondedAt', '-respondedAt', 'recipient', '-recipient', 'detail', '-detail'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** The filters of the detail report and its CSV export (query parameters of the same names). */
export interface ResponseFilters {
  detailId?: string;
  categoryId?: string;
  eventId?: string;
  /** Inclusive. */
  from?: Instant;
  /** Exclusive. */
  to?: Instant;
  source?: ResponseSource;
  /** true: only lines judged a machine; false: everything else (people, and lines without evidence). */
  machine?: boolean;
  /** Text the note contains, any case, taken literally (no wildcards). */
  q?: string;
  sort?: ReportSort;
}

export interface Clicker {
  recipientId: string;
  recipientName: string;
  clickedAt: Instant;
  machine: boolean;
  machineReason: string | null;
  machineCause?: MachineCause | null;
}

export interface ClickthroughLink {
  linkId: string;
  url: string;
  /** Every click line. */
  clicks: number;
  humanClicks: number;
  machineClicks: number;
  uniqueClickers: number;
  uniqueHumanClickers: number;
  /** Each click, oldest first. */
  clickers: Clicker[];
}

export interface ClickthroughEvent {
  eventId: string;
  name: string;
  links: ClickthroughLink[];
}

export interface Clickthrough {
  campaignId: string;
  events: ClickthroughEvent[];
}

export interface TrackingUrls {
  /** The 1×1 pixel; loading it records Opened. */
  openUrl: string;
  /** One per link of the event; following it records Clicked Through and redirects to `url`. */
  links: { linkId: string; url: string; clickUrl: string }[];
  expiresAt: Instant;
}

export interface Delivery {
  recipientId: string;
  recipientName: string;
  email: string;
  /** sent, or the bounce detail (hard, soft, or skipped due to a previous hard bounce). */
  outcome: string;
  categoryId: string;
  deliveredAt: Instant;
  /** false when an earlier send of this event already delivered to this recipient. */
  newlySent: boolean;
  /** Null when the message did not arrive (a bounce). */
  tracking: TrackingUrls | null;
}

export interface SendResult {
  campaignId: string;
  eventId: string;
  deliveries: Delivery[];
  /** Recipients of the campaign with no email address: nothing was sent to them. */
  withoutEmail: { recipientId: string; recipientName: string }[];
}

// ---- Schemas ----

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const money = v.nullable(v.pipe(v.number(), v.finite()));
const reason = v.picklist(['no-cost', 'no-revenue', 'no-leads', 'no-purchasers'] satisfies NotAvailableReason[]);

export const FigureSchema = v.variant('available', [
  v.object({ available: v.literal(true), value: v.pipe(v.number(), v.finite()) }),
  v.object({ available: v.literal(false), reason }),
]) satisfies v.GenericSchema<unknown, Figure>;

const ratedEntries = {
  count,
  rate: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  of: v.picklist(['recipients', 'sent', 'delivered']),
};
export const RatedCountSchema = v.object(ratedEntries) satisfies v.GenericSchema<unknown, RatedCount>;
export const TrackedCountSchema = v.object({
  ...ratedEntries,
  human: RatedCountSchema,
  machine: RatedCountSchema,
}) satisfies v.GenericSchema<unknown, TrackedCount>;

const figureEntries = {
  ownCost: money,
  totalCost: FigureSchema,
  revenue: money,
  profit: FigureSchema,
  roi: FigureSchema,
  costPerLead: FigureSchema,
  costPerPurchaser: FigureSchema,
  recipients: count,
  leads: RatedCountSchema,
  purchasers: RatedCountSchema,
  websiteVisitors: count,
  sent: RatedCountSchema,
  delivered: RatedCountSchema,
  bounced: RatedCountSchema,
  hardBounced: RatedCountSchema,
  softBounced: RatedCountSchema,
  failed: RatedCountSchema,
  skipped: RatedCountSchema,
  opened: TrackedCountSchema,
  clickedThrough: TrackedCountSchema,
  responded: RatedCountSchema,
  unsubscribed: RatedCountSchema,
};
export const StatsFiguresSchema = v.object(figureEntries) satisfies v.GenericSchema<unknown, StatsFigures>;

const eventHead = { name: v.pipe(v.string(), v.maxLength(500)), channel: v.picklist(CHANNELS), date: v.nullable(InstantSchema) };
const snapshotEntries = { asOf: InstantSchema, nextRefreshAt: InstantSchema };

export const CampaignStatsSchema = v.object({
  campaignId: id,
  title: v.pipe(v.string(), v.maxLength(500)),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/u)),
  ...snapshotEntries,
  totals: StatsFiguresSchema,
  events: v.array(v.object({ eventId: id, ...eventHead, ...figureEntries })),
  timeline: v.optional(
    v.array(
      v.object({
        day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/u)),
        opened: count,
        openedByMachine: count,
        clickedThrough: count,
        clickedByMachine: count,
        responded: count,
        purchased: count,
      }),
    ),
  ),
}) satisfies v.GenericSchema<unknown, CampaignStats>;

const summaryCount = { lines: count, recipients: count };
export const ResponseSummarySchema = v.object({
  campaignId: id,
  ...snapshotEntries,
  events: v.array(v.object({ id, ...eventHead })),
  cells: v.array(v.object({ eventId: id, detailId: id, categoryId: id, ...summaryCount })),
  byDetail: v.array(v.object({ detailId: id, categoryId: id, ...summaryCount })),
  byCategory: v.array(v.object({ categoryId: id, ...summaryCount })),
  byEvent: v.array(v.object({ eventId: id, ...summaryCount })),
  total: v.object(summaryCount),
}) satisfies v.GenericSchema<unknown, ResponseSummary>;

export const CampaignResponseRowSchema = v.object({
  ...ResponseLineSchema.entries,
  recipientName: v.pipe(v.string(), v.maxLength(500)),
}) satisfies v.GenericSchema<unknown, CampaignResponseRow>;

export const CampaignResponsePageSchema = pageSchema(CampaignResponseRowSchema);

export const ClickthroughSchema = v.object({
  campaignId: id,
  events: v.array(
    v.object({
      eventId: id,
      name: v.pipe(v.string(), v.maxLength(500)),
      links: v.array(
        v.object({
          linkId: id,
          url: v.pipe(v.string(), v.maxLength(4000)),
          clicks: count,
          humanClicks: count,
          machineClicks: count,
          uniqueClickers: count,
          uniqueHumanClickers: count,
          clickers: v.array(
            v.object({
              recipientId: id,
              recipientName: v.pipe(v.string(), v.maxLength(500)),
              clickedAt: InstantSchema,
              machine: v.boolean(),
              machineReason: v.nullable(v.pipe(v.string(), v.maxLength(500))),
              machineCause: v.optional(v.nullable(MachineCauseSchema)),
            }),
          ),
        }),
      ),
    }),
  ),
}) satisfies v.GenericSchema<unknown, Clickthrough>;

export const SendResultSchema = v.object({
  campaignId: id,
  eventId: id,
  deliveries: v.array(
    v.object({
      recipientId: id,
      recipientName: v.pipe(v.string(), v.maxLength(500)),
      email: v.pipe(v.string(), v.maxLength(320)),
      outcome: id,
      categoryId: id,
      deliveredAt: InstantSchema,
      newlySent: v.boolean(),
      tracking: v.nullable(
        v.object({
          openUrl: v.string(),
          links: v.array(v.object({ linkId: id, url: v.pipe(v.string(), v.maxLength(4000)), clickUrl: v.string() })),
          expiresAt: InstantSchema,
        }),
      ),
    }),
  ),
  withoutEmail: v.array(v.object({ recipientId: id, recipientName: v.pipe(v.string(), v.maxLength(500)) })),
}) satisfies v.GenericSchema<unknown, SendResult>;
