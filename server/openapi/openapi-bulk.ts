/**
 * Bulk entry's part of the contract: many lines in one request, and the two reads of its preview
 * (who each key is, who already has this response). Merged into openapi.ts.
 */
import { MAX_BATCH_LINES, BATCH_BODY_BYTES } from '../routes/responses-batch.js';
import { BULK_READ_BODY_BYTES, MAX_BULK_KEYS } from '../routes/bulk-body.js';
import { LOOKUP_DEFAULT_LIMIT } from '../routes/recipient-lookup.js';
import { id, json, object, param, ref, response } from './openapi-schema.js';

const uuid = { type: 'string', format: 'uuid' };
const count = { type: 'integer', minimum: 0 };
const mib = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

export const bulkSchemas = {
  BatchLineResult: {
    description: 'One line’s outcome, at the line’s position in the request.',
    oneOf: [
      object({
        id: uuid,
        outcome: { enum: ['stored', 'already-stored'], description: 'already-stored: the same line was stored before (nothing new written).' },
        line: ref('ResponseLine'),
      }),
      object({
        id: { type: ['string', 'null'], description: 'The id the line carried, if it had one.' },
        outcome: { const: 'refused' },
        problem: { ...ref('Problem'), description: 'What a PUT of this line alone would have answered: …/validation (422) or …/conflict (409).' },
      }),
    ],
  },
  BatchResult: object({
    results: { type: 'array', items: ref('BatchLineResult') },
    stored: count,
    alreadyStored: count,
    refused: count,
  }),
  RecipientLookupItem: object({
    key: { type: 'string', description: 'The key as it was sent.' },
    status: { enum: ['found', 'not-found', 'ambiguous'] },
    recipients: { type: 'array', items: ref('Recipient'), description: 'The one match, none, or the choices (by name).' },
  }),
  RecipientLookupPage: object({
    items: { type: 'array', items: ref('RecipientLookupItem') },
    nextCursor: { type: ['string', 'null'], description: 'Send again with the same keys and this `cursor` for the next page; null on the last.' },
    total: { ...count, description: 'How many keys were sent (items over all pages).' },
  }),
  RespondedRecipients: object({
    recipientIds: { type: 'array', items: id, description: 'Those asked about that have a live line of this detail on this event, in the order asked.' },
  }),
};

const keyList = (maxLength: number) => ({
  type: 'array', minItems: 1, maxItems: MAX_BULK_KEYS, items: { type: 'string', minLength: 1, maxLength },
});

const answers = (ok: object) => ({
  '200': ok,
  '400': response('MalformedRequest'),
  '401': response('Unauthorized'),
  '413': response('PayloadTooLarge'),
  '415': response('UnsupportedMediaType'),
  '422': response('ValidationFailed'),
  '500': response('InternalError'),
});

export const bulkPaths = {
  '/responses/batch': {
    post: {
      operationId: 'addResponses',
      summary: `Add up to ${MAX_BATCH_LINES} hand-entered lines at once; each as its own PUT /responses/{id} would be.`,
      description:
        'Each line is checked, stored and audited exactly as PUT /responses/{id} does, and is idempotent by its id: sent again it answers ' +
        '`already-stored`, and its id with other content is refused with …/conflict. A refused line does not refuse the others: the answer ' +
        'is 200 with every line’s outcome, in the order sent. No Idempotency-Key is needed (each line’s id is its key). ' +
        `The body may be up to ${mib(BATCH_BODY_BYTES)} (${MAX_BATCH_LINES} lines with notes at their longest). Needs \`write\`.`,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['lines'],
          additionalProperties: false,
          properties: { lines: { type: 'array', minItems: 1, maxItems: MAX_BATCH_LINES, items: ref('NewResponseLine') } },
        }),
      },
      responses: answers({ description: 'Every line’s outcome, and the counts', content: json(ref('BatchResult')) }),
    },
  },
  '/recipients/lookup': {
    post: {
      operationId: 'lookupRecipients',
      summary: `Who each of up to ${MAX_BULK_KEYS} emails or ids is: found, not found, or ambiguous with the choices. Paged over the keys.`,
      description:
        'A key matches a recipient by id (exactly) or by email (any case), after trimming spaces. A read sent as POST (the list does not fit a URL): ' +
        `needs \`read\`. The body may be up to ${mib(BULK_READ_BODY_BYTES)}.`,
      requestBody: {
        required: true,
        content: json(object(
          {
            keys: keyList(320),
            cursor: { type: 'string', description: 'nextCursor of the previous page, sent with the same keys (opaque).' },
            limit: { type: 'integer', minimum: 1, maximum: MAX_BULK_KEYS, default: LOOKUP_DEFAULT_LIMIT, description: 'Keys answered per page.' },
          },
          ['keys'],
        )),
      },
      responses: answers({ description: 'One page of keys, each with its matches', content: json(ref('RecipientLookupPage')) }),
    },
  },
  '/campaigns/{campaignId}/events/{eventId}/responded': {
    post: {
      operationId: 'alreadyResponded',
      summary: `Which of up to ${MAX_BULK_KEYS} recipients already have a live line of this detail on this event.`,
      description: 'A read sent as POST (the list does not fit a URL): needs `read`. 404 when the campaign has no such event; 422 for an unknown detail.',
      parameters: [param('campaignId'), param('eventIdPath')],
      requestBody: { required: true, content: json(object({ detailId: id, recipientIds: keyList(200) })) },
      responses: { ...answers({ description: 'The recipients that have it', content: json(ref('RespondedRecipients')) }), '404': response('NotFound') },
    },
  },
};
