/** Small builders the OpenAPI document's parts share, so each part reads like the schema it makes. */

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const json = (schema: object) => ({ 'application/json': { schema } });
/** A closed object: every property required unless listed otherwise, nothing else allowed. */
export const object = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});

export const id = { type: 'string', minLength: 1, maxLength: 200 };
export const text = (maxLength: number) => ({ type: 'string', maxLength });
export const money = { type: ['number', 'null'], description: 'In the campaign currency; null when not entered.' };
export const etagHeader = { ETag: { description: 'Strong validator of this representation.', schema: { type: 'string' } } };
/** On the reads a live page shows: open GET /changes after this id, and nothing changed since the read is missed. */
export const liveReadHeaders = {
  ...etagHeader,
  'Last-Change-Id': {
    description: 'The newest change log id when this answer was read (read before its data): open the change stream with it as Last-Event-ID.',
    schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
  },
};
/** What any read may answer besides its 200. */
export const readErrors = { '304': response('NotModified'), '401': response('Unauthorized'), '500': response('InternalError') };
export const replayedHeader = {
  'Idempotent-Replayed': { description: 'Present (true) when this answer repeats a stored one.', schema: { const: 'true' } },
};
