/** The audit trail, soft deletes and restore: their schemas and paths in the OpenAPI document. */
import { AUDIT_ACTIONS } from '../../src/model/audit.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problems.js';
import { AUDIT_MAX_LIMIT } from '../routes/audit.js';
import { etagHeader, id, json, nullable, object, param, readErrors, ref, replayedHeader, response } from './openapi-schema.js';

const uuid = { type: 'string', format: 'uuid' };
const count = { type: 'integer', minimum: 0 };

/** On a line only when a history read asks for deleted lines (include=deleted). */
export const deletionProperties = {
  deletedAt: { ...nullable(ref('Instant')), description: 'When it was deleted; null while live.' },
  deletedBy: { ...nullable({ type: 'string', maxLength: 500 }), description: 'Display name of who deleted it.' },
  deletionId: { ...nullable(uuid), description: 'The deletion that restores it (POST /deletions/{deletionId}/restore).' },
};

export const auditSchemas = {
  DeleteAllResult: object(
    {
      deleted: count,
      kept: { ...count, description: 'Live lines left in place: not in the request’s lineIds (added since the person looked).' },
      deletionId: { ...nullable(uuid), description: 'The deletion to restore; null when nothing was deleted.' },
    },
    ['deleted'],
  ),
  DeleteLineResult: object({ deleted: count, kept: count, deletionId: nullable(uuid) }),
  RestoreResult: object({ restored: { ...count, description: '0 when already restored.' } }),
  ErasureResult: object({
    lines: { ...count, description: 'Lines whose note or user agent was blanked.' },
    auditRecords: { ...count, description: 'Audit records whose line snapshots were blanked.' },
  }),
  AuditRecord: object({
    id: { type: 'string', pattern: '^[0-9]+$', description: 'Orders records as they were written.' },
    at: ref('Instant'),
    principal: object({ id, name: { type: 'string', maxLength: 500 } }),
    action: { enum: [...AUDIT_ACTIONS], description: 'Lines are append-only: the reference server writes no `update`.' },
    recipientId: nullable(id),
    campaignId: nullable(id),
    lineIds: { type: 'array', items: uuid },
    before: { description: 'The line (or lines, an array) before the change; null for an add.' },
    after: { description: 'The line (or lines) after it; null for a delete, purge or erase.' },
    requestId: nullable({ type: 'string', maxLength: 200 }),
    idempotencyKey: nullable({ type: 'string', maxLength: 255 }),
    deletionId: nullable(uuid),
  }),
  AuditPage: object({
    items: { type: 'array', items: ref('AuditRecord') },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
  }),
};

export const auditResponses = {
  Gone: {
    description: 'Past the restore window, or purged (…/gone).',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
  },
};

const writeErrors = { '400': response('MalformedRequest'), '401': response('Unauthorized'), '404': response('NotFound'), '409': response('Conflict'), '500': response('InternalError') };
const path = (name: string) => ({ name, in: 'path', required: true, schema: uuid });
const query = (name: string, description: string, schema: object = id) => ({ name, in: 'query', required: false, description, schema });

/** DELETE /responses/{id}, beside the PUT of the same path. */
export const deleteLineOperation = {
  operationId: 'deleteResponse',
  summary: 'Soft-delete one response line (restorable). Needs `delete`.',
  description: 'A line already deleted answers 200 with deleted 0 and its deletionId.',
  parameters: [path('id'), param('IdempotencyKey')],
  responses: { '200': { description: 'The deletion', headers: replayedHeader, content: json(ref('DeleteLineResult')) }, ...writeErrors },
};

export const auditPaths = {
  '/responses/{id}/restore': {
    post: {
      operationId: 'restoreResponse',
      summary: 'Restore one soft-deleted line. Needs `delete`. A live line answers 200 unchanged.',
      parameters: [path('id'), param('IdempotencyKey')],
      responses: {
        '200': { description: 'The line, as ordinary reads show it', headers: replayedHeader, content: json(ref('ResponseLine')) },
        '410': response('Gone'),
        ...writeErrors,
      },
    },
  },
  '/deletions/{deletionId}/restore': {
    post: {
      operationId: 'restoreDeletion',
      summary: 'Restore every line of a deletion (a delete-all undone as a whole, or one line). Needs `delete`.',
      parameters: [path('deletionId'), param('IdempotencyKey')],
      responses: {
        '200': { description: 'How many lines came back', headers: replayedHeader, content: json(ref('RestoreResult')) },
        '410': response('Gone'),
        ...writeErrors,
      },
    },
  },
  '/recipients/{recipientId}/erasure': {
    post: {
      operationId: 'eraseRecipient',
      summary: 'Blank the recipient’s notes and tracking user agents, in their lines and in the audit trail. Needs `admin`.',
      description: 'Writes an `erase` audit record without the erased content.',
      parameters: [param('recipientId'), param('IdempotencyKey')],
      responses: { '200': { description: 'What was blanked', headers: replayedHeader, content: json(ref('ErasureResult')) }, ...writeErrors },
    },
  },
  '/audit': {
    get: {
      operationId: 'getAudit',
      summary: 'The audit trail, newest first. Needs `admin`.',
      parameters: [
        query('recipientId', 'Only records about this recipient.'),
        query('campaignId', 'Only records about this campaign.'),
        query('lineId', 'Only records that name this line.', uuid),
        query('principal', 'Only records by this principal (its id or display name).'),
        query('from', 'Only records at or after this instant.', ref('Instant')),
        query('to', 'Only records before this instant.', ref('Instant')),
        query('cursor', 'nextCursor of the previous page (opaque).', { type: 'string' }),
        query('limit', 'Records per page.', { type: 'integer', minimum: 1, maximum: AUDIT_MAX_LIMIT, default: 50 }),
        param('IfNoneMatch'),
      ],
      responses: { '200': { description: 'One page', headers: etagHeader, content: json(ref('AuditPage')) }, ...readErrors },
    },
  },
};
