/**
 * The REST adapter's operations for soft deletes, restores and the audit trail: one line's delete,
 * a deletion's restore, one line's restore, and the audit read. Apart from `rest.ts` so that file
 * stays a readable list of the recipient side's first operations; the defaults are the reference
 * server's contract, and paths, methods and overrides adapt them like every other operation.
 */
import { identity, queryString, type RestCaller } from './caller.js';
import type { RestMappers } from './config.js';
import type { CampaignResponseAdapter } from './types.js';

export const AUDIT_PATHS = {
  deleteResponse: '/responses/{id}',
  restoreDeletion: '/deletions/{deletionId}/restore',
  restoreResponse: '/responses/{id}/restore',
  getAudit: '/audit',
} as const;

/** A 204 from a delete says nothing of how many lines went: 0 is the honest floor. */
export const emptyDeleteAnswer = (body: unknown): unknown => body ?? { deleted: 0 };

type AuditOperations = Required<Pick<CampaignResponseAdapter, 'deleteResponse' | 'restoreDeletion' | 'restoreResponse' | 'getAudit'>>;

export function auditOperations(call: RestCaller['call'], mapLine: RestCaller['mapLine'], mappers: RestMappers): AuditOperations {
  return {
    deleteResponse: (id, { idempotencyKey, signal } = {}) =>
      call('deleteResponse', { id }, (contract) => contract.DeleteAllResultSchema, mappers.deleteResult?.fromServer ?? emptyDeleteAnswer, {
        method: 'DELETE', idempotencyKey, signal, args: { idempotencyKey },
      }),

    restoreDeletion: (deletionId, { idempotencyKey, signal } = {}) =>
      call('restoreDeletion', { deletionId }, (contract) => contract.RestoreResultSchema, identity, {
        method: 'POST', idempotencyKey, signal, args: { idempotencyKey },
      }),

    restoreResponse: (id, { idempotencyKey, signal } = {}) =>
      call('restoreResponse', { id }, (contract) => contract.ResponseLineSchema, (answer) => mapLine(answer), {
        method: 'POST', idempotencyKey, signal, args: { idempotencyKey },
      }),

    getAudit: ({ signal, ...query } = {}) =>
      call('getAudit', {}, (contract) => contract.AuditPageSchema, identity, { signal, query: queryString({ ...query }), args: { query } }),
  };
}
