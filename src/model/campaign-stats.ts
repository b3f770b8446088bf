/**
 * The campaign side of the contract: statistics, the response summary and detail reports,
 * the clickthrough report, and the answer of sending an email event. The types; their Valibot schemas,
 * which the adapter validates these answers with, are in campaign-stats-schemas.ts, so a module that
 * only needs the shapes (an element, the server) does not import Valibot for them.
 */
import type { Channel, Instant, MachineCause, ResponseLine, ResponseSource, Page } from './types.js';
import type { Figure } from './stats.js';

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
