/**
 * The campaign part of the OpenAPI document, its schemas: campaigns, statistics, reports, sending an
 * email event and the two tracking URLs (their operations are in openapi-campaign-paths.ts). Merged
 * into openapi.ts; a function of the response line's properties so the detail report's row is a line
 * plus the recipient's name, without a cycle.
 */
import { CHANNELS } from '../../src/model/types.js';
import { id, money, nullable, object, ref, text } from './openapi-schema.js';

const count = { type: 'integer', minimum: 0 };

const rated = {
  count,
  rate: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'count ÷ the divisor named by `of`; null when it is 0.' },
  of: { enum: ['recipients', 'sent', 'delivered'] },
};
const figures = {
  ownCost: { ...money, description: 'Campaign: its base cost. Event: its cost.' },
  totalCost: { ...ref('Figure'), description: 'Campaign: base cost + every event cost. Event: its cost.' },
  revenue: { ...money, description: 'Event: entered revenue. Campaign: the sum over its events (null when none entered).' },
  profit: { ...ref('Figure'), description: 'revenue − total cost' },
  roi: { ...ref('Figure'), description: 'profit ÷ total cost × 100 (percent)' },
  costPerLead: ref('Figure'),
  costPerPurchaser: ref('Figure'),
  recipients: { ...count, description: 'Recipients of the campaign (each event applies to all).' },
  leads: ref('RatedCount'),
  purchasers: ref('RatedCount'),
  websiteVisitors: { ...count, description: 'Unique recipients with a human click-through (derived).' },
  sent: { ...ref('RatedCount'), description: 'Unique recipients a message went out to: delivered + bounced (skipped and failed not included); of recipients.' },
  delivered: { ...ref('RatedCount'), description: 'Event: the message arrived (Sent, no bounce). Campaign: at least one message arrived. Of sent.' },
  bounced: { ...ref('RatedCount'), description: 'hardBounced + softBounced. Campaign: no message arrived. Of sent.' },
  hardBounced: { ...ref('RatedCount'), description: 'A hard bounce (skipped not included); of sent.' },
  softBounced: { ...ref('RatedCount'), description: 'A soft bounce and no hard one; of sent.' },
  failed: { ...ref('RatedCount'), description: '"Failed – …" details of older email events: not sent; of recipients.' },
  skipped: { ...ref('RatedCount'), description: 'Skipped due to a previous hard bounce: not sent; of recipients.' },
  opened: ref('TrackedCount'),
  clickedThrough: ref('TrackedCount'),
  responded: ref('RatedCount'),
  unsubscribed: ref('RatedCount'),
};
const eventHead = { name: text(500), channel: { enum: [...CHANNELS] }, date: nullable(ref('Instant')) };
const snapshot = {
  asOf: { ...ref('Instant'), description: 'When these figures were computed.' },
  nextRefreshAt: { ...ref('Instant'), description: 'When the schedule computes them next.' },
};
const summaryCount = { lines: count, recipients: { ...count, description: 'Unique recipients.' } };

export function campaignSchemas(responseLineProperties: Record<string, object>) {
  return {
    Figure: {
      description: 'A derived amount, or why it is not available (never Infinity or NaN).',
      oneOf: [
        object({ available: { const: true }, value: { type: 'number' } }),
        object({ available: { const: false }, reason: { enum: ['no-cost', 'no-revenue', 'no-leads', 'no-purchasers'] } }),
      ],
    },
    RatedCount: object(rated),
    TrackedCount: object({
      ...rated,
      human: { ...ref('RatedCount'), description: 'Recipients with at least one line judged human.' },
      machine: { ...ref('RatedCount'), description: 'Recipients with at least one line judged a machine (may overlap human).' },
    }),
    StatsFigures: object(figures),
    CampaignStats: object({
      campaignId: id,
      title: text(500),
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      totals: ref('StatsFigures'),
      events: { type: 'array', items: object({ eventId: id, ...eventHead, ...figures }) },
      timeline: {
        type: 'array',
        description: 'Lines per UTC day (by respondedAt) of opens, clicks and responses, oldest first; days with none left out.',
        items: object({
          day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, UTC.' },
          opened: count,
          openedByMachine: { ...count, description: 'Of opened, lines judged a machine.' },
          clickedThrough: count,
          clickedByMachine: { ...count, description: 'Of clickedThrough, lines judged a machine.' },
          responded: { ...count, description: 'Lines whose detail counts as responded.' },
          purchased: count,
        }),
      },
      ...snapshot,
    }, ['campaignId', 'title', 'currency', 'totals', 'events', 'asOf', 'nextRefreshAt']),
    ResponseSummary: object({
      campaignId: id,
      events: { type: 'array', items: object({ id, ...eventHead }) },
      cells: { type: 'array', items: object({ eventId: id, detailId: id, categoryId: id, ...summaryCount }) },
      byDetail: { type: 'array', items: object({ detailId: id, categoryId: id, ...summaryCount }) },
      byCategory: { type: 'array', items: object({ categoryId: id, ...summaryCount }) },
      byEvent: { type: 'array', items: object({ eventId: id, ...summaryCount }) },
      total: object(summaryCount),
      ...snapshot,
    }),
    CampaignResponseRow: object({ ...responseLineProperties, recipientName: text(500) }),
    CampaignResponsePage: object({
      items: { type: 'array', items: ref('CampaignResponseRow') },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` (with the same sort) for the next page.' },
      total: { ...count, description: 'Lines over all pages with these filters.' },
    }),
    CampaignPage: object({ items: { type: 'array', items: ref('Campaign') }, nextCursor: { type: ['string', 'null'] } }),
    Clickthrough: object({
      campaignId: id,
      events: {
        type: 'array',
        items: object({
          eventId: id,
          name: text(500),
          links: {
            type: 'array',
            items: object({
              linkId: id,
              url: { ...text(4000), description: 'Data: show as text; a link only when http(s).' },
              clicks: count,
              humanClicks: count,
              machineClicks: count,
              uniqueClickers: count,
              uniqueHumanClickers: count,
              clickers: {
                type: 'array',
                description: 'Every click, oldest first.',
                items: object({ recipientId: id, recipientName: text(500), clickedAt: ref('Instant'), machine: { type: 'boolean' }, machineReason: nullable(text(500)), machineCause: nullable(ref('MachineCause')) }, ['recipientId', 'recipientName', 'clickedAt', 'machine', 'machineReason']),
              },
            }),
          },
        }),
      },
    }),
    SendResult: object({
      campaignId: id,
      eventId: id,
      deliveries: {
        type: 'array',
        items: object({
          recipientId: id,
          recipientName: text(500),
          email: text(320),
          outcome: { ...id, description: 'sent, or a bounce detail (skipped-previous-hard-bounce after an earlier hard bounce).' },
          categoryId: id,
          deliveredAt: ref('Instant'),
          newlySent: { type: 'boolean', description: 'false when an earlier send already delivered to this recipient.' },
          tracking: nullable(
            object({
              openUrl: { type: 'string', format: 'uri', description: 'The 1×1 pixel; loading it records Opened.' },
              links: {
                type: 'array',
                items: object({ linkId: id, url: text(4000), clickUrl: { type: 'string', format: 'uri', description: 'Records Clicked Through, then 302 to url.' } }),
              },
              expiresAt: ref('Instant'),
            }),
          ),
        }),
      },
      withoutEmail: { type: 'array', items: object({ recipientId: id, recipientName: text(500) }) },
    }),
  };
}
