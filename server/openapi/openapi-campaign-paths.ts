/**
 * The campaign part of the OpenAPI document, its operations: campaigns, statistics, reports,
 * sending an email event and the two tracking URLs, with their parameters. Their schemas are in
 * openapi-campaigns.ts; both are merged into openapi.ts.
 */
import { REPORT_SORTS } from '../../src/model/campaign-stats.js';
import { etagHeader, id, json, liveReadHeaders, param, readErrors, ref, response } from './openapi-schema.js';

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
      '200': { description: 'From the snapshot', headers: liveReadHeaders, content: json(ref(schema)) },
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
        '200': { description: 'One page', headers: liveReadHeaders, content: json(ref('CampaignResponsePage')) },
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
        '200': { description: 'The report', headers: liveReadHeaders, content: json(ref('Clickthrough')) },
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
