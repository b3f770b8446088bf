/**
 * Runtime schemas of the model, in Valibot: every answer the adapter hands to the kit has passed one,
 * and the reference server checks every input with the same ones. Valibot was chosen over Zod for
 * size: its functions tree-shake, so these schemas cost about 2 KB gzipped in the bundle, against
 * 13 KB or more for Zod 4 (and ~6 KB for zod/mini), with the same strictness and typed issues.
 */
import * as v from 'valibot';
import { CHANNELS, NOTE_MAX_LENGTH } from './types.js';
import type {
  Campaign,
  CampaignEvent,
  DeleteAllResult,
  MachineCause,
  NewResponseLine,
  Recipient,
  RecipientCampaign,
  RecipientCampaigns,
  ResponseLine,
  ResponseVocabulary,
  Page,
} from './types.js';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** An instant: ISO 8601 with seconds and a zone (Z or offset), and a real calendar date. */
export const InstantSchema = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO 8601 instant with a time zone, e.g. 2026-03-04T15:30:00Z'),
  v.check(isRealCalendarDate, 'is not a real date'),
);

/**
 * `Date.parse` rolls 2026-02-30 over into March instead of refusing it, so the day of the month is
 * checked against the month's length (the format is already known to be ISO 8601).
 */
function isRealCalendarDate(instant: string): boolean {
  const [year, month, day] = instant.slice(0, 10).split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && !Number.isNaN(Date.parse(instant));
}

export const UuidSchema = v.pipe(v.string(), v.uuid('must be a UUID'));

const money = v.nullable(v.pipe(v.number(), v.finite()));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ResponseVocabularySchema = v.object({
  categories: v.array(v.object({ id, label: text(200) })),
  details: v.array(
    v.object({
      id,
      label: text(200),
      categoryId: id,
      channelScope: v.picklist(['any', 'email']),
      entry: v.picklist(['manual', 'tracked']),
      legacyEmailOnly: v.boolean(),
      bounce: v.nullable(v.picklist(['hard', 'soft'])),
      countsAs: v.object({
        responded: v.boolean(),
        lead: v.boolean(),
        purchase: v.boolean(),
        unsubscribe: v.boolean(),
      }),
    }),
  ),
}) satisfies v.GenericSchema<unknown, ResponseVocabulary>;

export const CampaignEventSchema = v.object({
  id,
  campaignId: id,
  name: text(500),
  channel: v.picklist(CHANNELS),
  date: v.nullable(InstantSchema),
  status: v.picklist(['planned', 'scheduled', 'in-progress', 'completed', 'cancelled']),
  cost: money,
  legacyEmail: v.boolean(),
}) satisfies v.GenericSchema<unknown, CampaignEvent>;

const campaignEntries = {
  id,
  title: text(500),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/u, 'must be an ISO 4217 code')),
  baseCost: money,
  expectedRevenue: money,
  events: v.array(CampaignEventSchema),
};

export const CampaignSchema = v.object(campaignEntries) satisfies v.GenericSchema<unknown, Campaign>;

export const RecipientSchema = v.object({
  id,
  displayName: text(500),
  email: v.nullable(text(320)),
  timeZone: text(100),
}) satisfies v.GenericSchema<unknown, Recipient>;

/**
 * Any code passes: a newer backend may send one this kit does not know yet, and the kit then shows
 * the backend's own words rather than refusing the whole answer.
 */
export const MachineCauseSchema = v.object({
  code: text(100),
  vendor: v.optional(text(200)),
  seconds: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
}) satisfies v.GenericSchema<unknown, MachineCause>;

export const ResponseLineSchema = v.object({
  id,
  recipientId: id,
  campaignId: id,
  eventId: id,
  detailId: id,
  categoryId: id,
  respondedAt: InstantSchema,
  recordedAt: InstantSchema,
  note: text(NOTE_MAX_LENGTH),
  author: v.nullable(text(500)),
  source: v.picklist(['manual', 'tracked', 'import']),
  link: v.nullable(v.object({ id, url: text(4000) })),
  evidence: v.nullable(
    v.object({
      userAgent: v.nullable(text(2000)),
      secondsSinceDelivery: v.nullable(v.pipe(v.number(), v.finite())),
      machine: v.boolean(),
      machineReason: v.nullable(text(500)),
      machineCause: v.optional(v.nullable(MachineCauseSchema)),
    }),
  ),
  deletedAt: v.optional(v.nullable(InstantSchema)),
  deletedBy: v.optional(v.nullable(text(500))),
  deletionId: v.optional(v.nullable(id)),
}) satisfies v.GenericSchema<unknown, ResponseLine>;

export const RecipientCampaignSchema = v.object({
  ...campaignEntries,
  latestResponse: v.nullable(ResponseLineSchema),
}) satisfies v.GenericSchema<unknown, RecipientCampaign>;

export const RecipientCampaignsSchema = v.object({
  recipient: RecipientSchema,
  campaigns: v.array(RecipientCampaignSchema),
}) satisfies v.GenericSchema<unknown, RecipientCampaigns>;

export function pageSchema<T>(item: v.GenericSchema<unknown, T>) {
  return v.object({
    items: v.array(item),
    nextCursor: v.nullable(v.string()),
    total: v.optional(count),
  }) satisfies v.GenericSchema<unknown, Page<T>>;
}

export const ResponseLinePageSchema = pageSchema(ResponseLineSchema);

export const DeleteAllResultSchema = v.object({
  deleted: count,
  kept: v.optional(count),
  deletionId: v.optional(v.nullable(id)),
}) satisfies v.GenericSchema<
  unknown,
  DeleteAllResult
>;

/** What a client may send to add a line; the server checks it before anything else. */
export const NewResponseLineSchema = v.object({
  id: UuidSchema,
  recipientId: id,
  campaignId: id,
  eventId: id,
  detailId: id,
  respondedAt: InstantSchema,
  note: v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`)),
}) satisfies v.GenericSchema<unknown, NewResponseLine>;

/** One problem found by a schema, with the dotted path of the field it concerns. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Flattens Valibot's issues into field paths a form can point at (`note`, `events.0.cost`). */
export function fieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: (issue.path ?? []).map((item) => String(item.key)).join('.') || '(root)',
    message: issue.message,
  }));
}
