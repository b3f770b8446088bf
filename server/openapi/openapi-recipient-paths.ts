/** The recipient side of the contract's paths: vocabulary, recipients, history, add and delete-all. */
import { MAX_BOUND_LINES } from '../routes/delete-bound.js';
import { deleteLineOperation } from './openapi-audit.js';
import { etagHeader, id, json, liveReadHeaders, param, readErrors, ref, replayedHeader, response } from './openapi-schema.js';

export const recipientPaths = {
  '/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document. Needs no token.',
      security: [],
      responses: { '200': { description: 'OpenAPI 3.1', headers: etagHeader, content: json({ type: 'object' }) }, '304': response('NotModified') },
    },
  },
  '/response-types': {
    get: {
      operationId: 'getResponseTypes',
      summary: 'The response vocabulary: categories and details.',
      parameters: [param('IfNoneMatch')],
      responses: { '200': { description: 'The vocabulary', headers: etagHeader, content: json(ref('ResponseVocabulary')) }, ...readErrors },
    },
  },
  '/recipients': {
    get: {
      operationId: 'listRecipients',
      summary: 'Every recipient, by name (one page).',
      parameters: [param('IfNoneMatch')],
      responses: { '200': { description: 'The recipients', headers: etagHeader, content: json(ref('RecipientPage')) }, ...readErrors },
    },
  },
  '/recipients/{recipientId}/campaigns': {
    get: {
      operationId: 'getRecipientCampaigns',
      summary: 'Campaigns sent to a recipient, each with its events and the latest response line.',
      parameters: [param('recipientId'), param('IfNoneMatch')],
      responses: {
        '200': { description: 'The recipient and campaigns', headers: liveReadHeaders, content: json(ref('RecipientCampaigns')) },
        '404': response('NotFound'),
        ...readErrors,
      },
    },
  },
  '/recipients/{recipientId}/responses': {
    get: {
      operationId: 'getRecipientResponses',
      summary: 'A recipient’s history, newest first (respondedAt, then recordedAt, then id, all descending).',
      parameters: [
        param('recipientId'),
        { name: 'campaignId', in: 'query', required: false, schema: id },
        { name: 'eventId', in: 'query', required: false, schema: id },
        { name: 'categoryId', in: 'query', required: false, description: 'Only lines of this response category.', schema: id },
        { name: 'q', in: 'query', required: false, description: 'Only lines whose note contains this text (any case).', schema: { type: 'string', maxLength: 200 } },
        { name: 'cursor', in: 'query', required: false, description: 'nextCursor of the previous page (opaque).', schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        {
          name: 'include',
          in: 'query',
          required: false,
          description: 'deleted: soft-deleted lines still restorable too, each with deletedAt, deletedBy and deletionId. Needs `delete`.',
          schema: { const: 'deleted' },
        },
        param('IfNoneMatch'),
      ],
      responses: {
        '200': { description: 'One page', headers: liveReadHeaders, content: json(ref('ResponseLinePage')) },
        '404': response('NotFound'),
        '422': response('ValidationFailed'),
        ...readErrors,
      },
    },
  },
  '/responses/{id}': {
    put: {
      operationId: 'addResponse',
      summary: 'Add one hand-entered response line. Repeating the same id and body answers the same and stores nothing new.',
      description:
        "Author: the caller's display name (the JWT's name, else preferred_username, else sub; the service token's CR_API_TOKEN_NAME), never a header or a field. " +
        'An unknown recipient, or a campaign not sent to the recipient, is a 422 on recipientId / campaignId.',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        param('IdempotencyKey'),
      ],
      requestBody: { required: true, content: json(ref('NewResponseLine')) },
      responses: {
        '201': {
          description: 'The stored line (also for a repeat of the same line).',
          headers: { ...replayedHeader, Location: { schema: { type: 'string' } } },
          content: json(ref('ResponseLine')),
        },
        '400': response('MalformedRequest'),
        '401': response('Unauthorized'),
        '409': response('Conflict'),
        '413': response('PayloadTooLarge'),
        '415': response('UnsupportedMediaType'),
        '422': response('ValidationFailed'),
        '500': response('InternalError'),
      },
    },
    delete: deleteLineOperation,
  },
  '/recipients/{recipientId}/campaigns/{campaignId}/responses': {
    delete: {
      operationId: 'deleteAllResponses',
      summary: 'Soft-delete a recipient’s live response lines for a campaign (restorable as one deletion).',
      description:
        'With a body, only the lines it names (the lines the person saw): lines added since stay, counted in `kept`. ' +
        'Without one, every live line. The body is part of the request an Idempotency-Key stands for.',
      parameters: [param('recipientId'), param('campaignId'), param('IdempotencyKey')],
      requestBody: {
        required: false,
        content: json({
          type: 'object',
          required: ['lineIds'],
          additionalProperties: false,
          properties: { lineIds: { type: 'array', maxItems: MAX_BOUND_LINES, items: { type: 'string', format: 'uuid' } } },
        }),
      },
      responses: {
        '200': { description: 'How many lines went, how many stayed, and the deletion to restore', headers: replayedHeader, content: json(ref('DeleteAllResult')) },
        '400': response('MalformedRequest'),
        '401': response('Unauthorized'),
        '404': response('NotFound'),
        '409': response('Conflict'),
        '422': response('ValidationFailed'),
        '500': response('InternalError'),
      },
    },
  },
};
