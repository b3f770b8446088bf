/**
 * The REST contract as OpenAPI 3.1, served at GET /api/openapi.json. Its schemas are JSON Schema
 * 2020-12; the contract tests validate every answer of the server against them, so this document
 * cannot drift from what the server does without a test failing.
 */
import { securityPaths, securityResponses, securitySchemas, withSecurityAnswers } from './openapi-security.js';
import { NOTE_MAX_LENGTH, CHANNELS, MACHINE_CAUSE_CODES } from '../../src/model/types.js';
import { campaignParameters, campaignPaths } from './openapi-campaign-paths.js';
import { campaignSchemas } from './openapi-campaigns.js';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE } from '../http/problems.js';
import { etagHeader, id, money, nullable, object, ref, text } from './openapi-schema.js';
import { auditPaths, auditResponses, auditSchemas, deletionProperties } from './openapi-audit.js';
import { recipientPaths } from './openapi-recipient-paths.js';
import { bulkPaths, bulkSchemas } from './openapi-bulk.js';
import { changePaths, changeSchemas } from './openapi-changes.js';

const campaignProperties = {
  id,
  title: text(500),
  currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217' },
  baseCost: money,
  expectedRevenue: money,
  events: { type: 'array', items: ref('CampaignEvent') },
};

/** A line as every read shows it; the history with include=deleted adds deletionProperties. */
const lineProperties = {
  id: { type: 'string', format: 'uuid' },
  recipientId: id,
  campaignId: id,
  eventId: id,
  detailId: id,
  categoryId: { ...id, description: 'Derived from the detail.' },
  respondedAt: ref('Instant'),
  recordedAt: { ...ref('Instant'), description: 'When the server stored the line.' },
  note: text(NOTE_MAX_LENGTH),
  author: nullable(text(500)),
  source: { enum: ['manual', 'tracked', 'import'] },
  link: nullable(ref('TrackedLink')),
  evidence: nullable(ref('TrackingEvidence')),
};

const schemas = {
  Instant: { type: 'string', format: 'date-time', description: 'ISO 8601 instant in UTC, e.g. 2026-03-04T15:30:00.000Z' },
  ResponseCategory: object({ id, label: text(200) }),
  ResponseDetail: object({
    id,
    label: text(200),
    categoryId: id,
    channelScope: { enum: ['any', 'email'] },
    entry: { enum: ['manual', 'tracked'], description: 'tracked: set only by tracking, refused when entered by hand' },
    legacyEmailOnly: { type: 'boolean' },
    bounce: { enum: ['hard', 'soft', null] },
    countsAs: object({
      responded: { type: 'boolean' },
      lead: { type: 'boolean' },
      purchase: { type: 'boolean' },
      unsubscribe: { type: 'boolean' },
    }),
  }),
  ResponseVocabulary: object({
    categories: { type: 'array', items: ref('ResponseCategory') },
    details: { type: 'array', items: ref('ResponseDetail') },
  }),
  Recipient: object({ id, displayName: text(500), email: nullable(text(320)), timeZone: text(100) }),
  CampaignEvent: object({
    id,
    campaignId: id,
    name: text(500),
    channel: { enum: [...CHANNELS] },
    date: nullable(ref('Instant')),
    status: { enum: ['planned', 'scheduled', 'in-progress', 'completed', 'cancelled'] },
    cost: money,
    legacyEmail: { type: 'boolean', description: 'An older email event, which also offers the "Failed – …" details.' },
  }),
  Campaign: object(campaignProperties),
  RecipientCampaign: object({ ...campaignProperties, latestResponse: nullable(ref('ResponseLine')) }),
  RecipientCampaigns: object({ recipient: ref('Recipient'), campaigns: { type: 'array', items: ref('RecipientCampaign') } }),
  TrackedLink: object({ id, url: text(4000) }),
  TrackingEvidence: object({
    userAgent: nullable(text(2000)),
    secondsSinceDelivery: { type: ['number', 'null'] },
    machine: { type: 'boolean', description: 'Looks like a machine: a privacy proxy pre-fetching, a link scanner.' },
    machineReason: nullable(text(500)),
    machineCause: nullable(ref('MachineCause')),
  }, ['userAgent', 'secondsSinceDelivery', 'machine', 'machineReason']),
  MachineCause: object(
    {
      code: { enum: [...MACHINE_CAUSE_CODES], description: 'Why the line looks like a machine, for a client to say in its language.' },
      vendor: { ...text(200), description: 'The proxy\'s or scanner\'s maker.' },
      seconds: { type: 'number', minimum: 0, description: 'Seconds after delivery, or after the previous click.' },
    },
    ['code'],
  ),
  ResponseLine: object({ ...lineProperties, ...deletionProperties }, Object.keys(lineProperties)),
  ResponseLinePage: object({
    items: { type: 'array', items: ref('ResponseLine') },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
    total: { type: 'integer', minimum: 0, description: 'Lines over all pages with these filters.' },
  }),
  RecipientPage: object({
    items: { type: 'array', items: ref('Recipient') },
    nextCursor: { type: ['string', 'null'] },
  }),
  NewResponseLine: object({
    id: { type: 'string', format: 'uuid', description: 'Made by the client; equals the id in the path.' },
    recipientId: id,
    campaignId: id,
    eventId: id,
    detailId: { ...id, description: 'A detail with entry "manual" that applies to the event channel.' },
    respondedAt: {
      ...ref('Instant'),
      description:
        'Not more than 5 minutes ahead of the server clock; not earlier than a day before the campaign’s first dated event, or 1970 where none is dated (422 otherwise).',
    },
    note: text(NOTE_MAX_LENGTH),
  }),
  ...auditSchemas,
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details.',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', pattern: `^${PROBLEM_BASE.replaceAll('.', '\\.')}[a-z-]+$` },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        description: 'For validation problems: each field at fault (a dotted path, or a header name).',
        items: object({ field: { type: 'string', minLength: 1 }, message: { type: 'string', minLength: 1 } }),
      },
    },
  },
};

const problem = (description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});

const responses = {
  NotModified: { description: 'If-None-Match matched the current ETag.', headers: etagHeader },
  MalformedRequest: problem('Malformed JSON or header (type …/malformed-request).'),
  Unauthorized: problem('No or wrong bearer token (type …/unauthorized).', {
    'WWW-Authenticate': { schema: { type: 'string', pattern: '^Bearer' } },
  }),
  NotFound: problem('Unknown recipient, campaign or route (type …/not-found).'),
  Conflict: problem('Stored with other content: a line id or Idempotency-Key reused for the same resource (…/conflict).'),
  PayloadTooLarge: problem('The body is over its limit: 64 KB, unless the operation says otherwise (…/payload-too-large).'),
  UnsupportedMediaType: problem('The body is not application/json (…/unsupported-media-type).'),
  ValidationFailed: problem(
    'A field is wrong (…/validation, with `errors` naming each field), or an Idempotency-Key was reused for another request (…/idempotency-key-reused).',
  ),
  InternalError: problem('The server failed (…/internal).'),
};

const parameters = {
  recipientId: { name: 'recipientId', in: 'path', required: true, schema: id },
  campaignId: { name: 'campaignId', in: 'path', required: true, schema: id },
  IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Replays the stored answer of the same request (with Idempotent-Replayed: true); keys are kept at least 8 days. ' +
      'Reused with another request: 422 (…/idempotency-key-reused), or 409 when it is the same resource.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'Campaign response kit: reference server',
    version: '0.1.0',
    description:
      'Errors are application/problem+json (RFC 9457) with a stable type under ' +
      `${PROBLEM_BASE}. Request bodies are limited to 64 KB, except where an operation says otherwise. GET answers carry ETags.`,
  },
  servers: [{ url: '/api' }],
  security: [{ bearerAuth: [] }],
  paths: withSecurityAnswers({ ...recipientPaths, ...bulkPaths, ...auditPaths, ...campaignPaths, ...changePaths, ...securityPaths }),
  components: {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    schemas: { ...schemas, ...bulkSchemas, ...campaignSchemas(lineProperties), ...securitySchemas, ...changeSchemas },
    responses: { ...responses, ...auditResponses, ...securityResponses },
    parameters: { ...parameters, ...campaignParameters },
  },
} as const;
