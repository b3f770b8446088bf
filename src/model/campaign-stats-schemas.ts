/**
 * The Valibot schemas of the campaign side's answers (statistics, the response summary and detail
 * reports, the clickthrough report, the answer of sending an email event), built as in schemas.ts,
 * so the adapter validates these answers the way it validates the others. Each `satisfies` its type
 * in campaign-stats.ts, so the two cannot drift apart.
 */
import * as v from 'valibot';
import { CHANNELS } from './types.js';
import type { Figure, NotAvailableReason } from './stats.js';
import { InstantSchema, MachineCauseSchema, pageSchema, ResponseLineSchema } from './schemas.js';
import type {
  CampaignResponseRow,
  CampaignStats,
  Clickthrough,
  RatedCount,
  ResponseSummary,
  SendResult,
  StatsFigures,
  TrackedCount,
} from './campaign-stats.js';

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
