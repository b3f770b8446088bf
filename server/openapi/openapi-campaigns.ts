/**
 * The campaign part of the OpenAPI document: campaigns, statistics, reports, sending an
 * email event and the two tracking URLs. Merged into openapi.ts; a function of the response line's
 * properties so the detail report's row is a line plus the recipient's name, without a cycle.
 */
import { CHANNELS } from '../../src/model/types.js';
import { REPORT_SORTS } from '../../src/model/campaign-stats.js';
import { etagHeader, id, json, money, nullable, object, param, readErrors, ref, response, text } from './openapi-schema.js';

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

export const campaignParameters = {
  eventIdPath: { name: 'eventId', in: 'path', required: true, schema: id },
  fresh: {
    name: 'fresh',
    in: 'query',
    required: false,
    description: '1: recompute the snapshot now (administrators; with this server’s single token, whoever holds it).',
    schema: { enum: ['1', 'true', '0', 'false'] },
  },
};

const filters = [
  { name: 'detailId', in: 'query', required: false, schema: id },
  { name: 'categoryId', in: 'query', required: false, schema: id },
  { name: 'eventId', in: 'query', required: false, description: 'An event of this campaign.', schema: id },
  { name: 'from', in: 'query', required: false, description: 'respondedAt ≥ from (an instant).', schema: { type: 'string', format: 'date-time' } },
  { name: 'to', in: 'query', required: false, description: 'respondedAt < to (an instant, after from).', schema: { type: 'string', format: 'date-time' } },
  { name: 'source', in: 'query', required: false, schema: { enum: ['manual', 'tracked', 'import'] } },
  { name: 'machine', in: 'query', required: false, description: 'true: lines judged a machine; false: all others.', schema: { enum: ['true', 'false'] } },
  { name: 'q', in: 'query', required: false, description: 'Note contains this text (any case; % and _ are plain).', schema: { type: 'string', maxLength: 200 } },
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'respondedAt (then recordedAt, id); recipient (name, id, then time); detail (vocabulary order, then time). "-" descends.',
    schema: { enum: [...REPORT_SORTS], default: '-respondedAt' },
  },
];
const campaignParam = param('campaignId');
const snapshotRead = (operationId: string, summary: string, schema: string) => ({
  get: {
    operationId,
    summary,
    parameters: [campaignParam, param('fresh'), param('IfNoneMatch')],
    responses: {
      '200': { description: 'From the snapshot', headers: etagHeader, content: json(ref(schema)) },
      '404': response('NotFound'),
      '422': response('ValidationFailed'),
      ...readErrors,
    },
  },
});

export const campaignPaths = {
  '/campaigns': {
    get: {
      operationId: 'listCampaigns',
      summary: 'Every campaign with its events, most recent first (one page).',
      parameters: [param('IfNoneMatch')],
      responses: { '200': { description: 'The campaigns', headers: etagHeader, content: json(ref('CampaignPage')) }, ...readErrors },
    },
  },
  '/campaigns/{campaignId}': {
    get: {
      operationId: 'getCampaign',
      summary: 'One campaign with its events.',
      parameters: [campaignParam, param('IfNoneMatch')],
      responses: { '200': { description: 'The campaign', headers: etagHeader, content: json(ref('Campaign')) }, '404': response('NotFound'), ...readErrors },
    },
  },
  '/campaigns/{campaignId}/stats': snapshotRead('getCampaignStats', 'Statistics of the campaign and of each event, from the snapshot.', 'CampaignStats'),
  '/campaigns/{campaignId}/responses/summary': snapshotRead(
    'getResponseSummary',
    'Lines and unique recipients by event × detail, by detail, category and event, with totals; from the snapshot.',
    'ResponseSummary',
  ),
  '/campaigns/{campaignId}/responses': {
    get: {
      operationId: 'getCampaignResponses',
      summary: 'The detail report: response lines of every recipient, filtered, sorted, cursor-paged (live).',
      parameters: [
        campaignParam,
        ...filters,
        { name: 'cursor', in: 'query', required: false, description: 'nextCursor of the previous page (opaque).', schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        param('IfNoneMatch'),
      ],
      responses: {
        '200': { description: 'One page', headers: etagHeader, content: json(ref('CampaignResponsePage')) },
        '404': response('NotFound'),
        '422': response('ValidationFailed'),
        ...readErrors,
      },
    },
  },
  '/campaigns/{campaignId}/responses.csv': {
    get: {
      operationId: 'exportCampaignResponses',
      summary: 'The detail report as CSV, with the same filters and sort, streamed (every line, no paging).',
      description:
        'RFC 4180 with CRLF, UTF-8 with a byte order mark, a header row. A cell starting with =, +, -, @, tab or CR is prefixed with an apostrophe.',
      parameters: [campaignParam, ...filters],
      responses: {
        '200': {
          description: 'The CSV, as an attachment',
          headers: { 'Content-Disposition': { schema: { type: 'string', pattern: '^attachment' } } },
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        '401': response('Unauthorized'),
        '404': response('NotFound'),
        '422': response('ValidationFailed'),
        '500': response('InternalError'),
      },
    },
  },
  '/campaigns/{campaignId}/clickthrough': {
    get: {
      operationId: 'getClickthrough',
      summary: 'Per link of each email event (or of `eventId`): clicks, unique clickers, machine clicks, and who clicked when.',
      parameters: [campaignParam, { name: 'eventId', in: 'query', required: false, schema: id }, param('IfNoneMatch')],
      responses: {
        '200': { description: 'The report', headers: etagHeader, content: json(ref('Clickthrough')) },
        '404': response('NotFound'),
        '422': response('ValidationFailed'),
        ...readErrors,
      },
    },
  },
  '/campaigns/{campaignId}/events/{eventId}/send': {
    post: {
      operationId: 'sendEmailEvent',
      summary: 'Send an email event (simulated): Sent or a bounce line per recipient with an address, and tracking URLs.',
      description:
        'Idempotent: a recipient already delivered keeps the first outcome (newlySent false) and gets fresh tracking URLs. ' +
        'A recipient with an earlier hard bounce gets skipped-previous-hard-bounce. The first send dates an undated event and completes a planned or scheduled one.',
      parameters: [campaignParam, param('eventIdPath')],
      responses: {
        '200': { description: 'One delivery per recipient with an address', content: json(ref('SendResult')) },
        '401': response('Unauthorized'),
        '404': response('NotFound'),
        '413': response('PayloadTooLarge'),
        '422': response('ValidationFailed'),
        '500': response('InternalError'),
      },
    },
  },
  '/t/o/{token}.gif': {
    get: {
      operationId: 'trackOpen',
      summary: 'Open pixel (in mails; needs no bearer token). Records Opened for a valid token; always the same GIF.',
      security: [],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'A 1×1 transparent GIF, Cache-Control: no-store, whether or not the token was valid.',
          content: { 'image/gif': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/t/c/{token}/{linkId}': {
    get: {
      operationId: 'trackClick',
      summary: 'Click redirect (in mails; needs no bearer token). Records Clicked Through, then 302 to the event’s own URL for the link.',
      security: [],
      parameters: [
        { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'linkId', in: 'path', required: true, schema: id },
      ],
      responses: {
        '302': { description: 'To the registered URL of this link.', headers: { Location: { schema: { type: 'string', format: 'uri' } } } },
        '404': { ...response('NotFound'), description: 'The same for a forged, altered or expired token and an unknown link.' },
      },
    },
  },
};
