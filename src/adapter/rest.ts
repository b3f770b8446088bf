/**
 * `createRestAdapter()`: the kit's `CampaignResponseAdapter` for a REST backend. The defaults speak
 * the contract of DESIGN.md §4 (the reference server); paths, headers, the query and mappers adapt it
 * to a backend of another shape by configuration alone.
 */
import { BadRequestError, ValidationError } from './errors.js';
import { createRestCaller, identity, queryString } from './caller.js';
import { loadContract } from './contract-load.js';
import type { RestAdapterConfig } from './config.js';
import { getMe, ME_PATH } from './me.js';
import type { HistoryParams } from './operations.js';
import type { CampaignResponseAdapter, Operation } from './types.js';
import { AUDIT_PATHS, auditOperations, emptyDeleteAnswer } from './rest-audit.js';
import { BULK_PATHS, bulkOperations } from './rest-bulk.js';
import type { BulkResponseOperations } from './bulk-operations.js';
import { liveOperations } from './rest-live.js';

export type { FromServer, RestAdapterConfig, RestMappers } from './config.js';
export type { HeadersSource } from './http-helper.js';
export type { HistoryParams } from './operations.js';

/** The paths of DESIGN.md §4. `{name}` placeholders are filled with encoded values. */
export const DEFAULT_PATHS: Readonly<Record<Operation, string>> = {
  getResponseTypes: '/response-types',
  getRecipientCampaigns: '/recipients/{recipientId}/campaigns',
  getRecipientResponses: '/recipients/{recipientId}/responses',
  addResponse: '/responses/{id}',
  deleteAllResponses: '/recipients/{recipientId}/campaigns/{campaignId}/responses',
  ...AUDIT_PATHS,
  ...BULK_PATHS,
  followChanges: '/changes',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Makes the kit's adapter for a REST backend. The config is read once; headers per request.
 *
 * Every method resolves with model objects that passed the model's schema, or rejects with an
 * `AdapterError` by status (401/403 auth, 404 not-found, 409/412 conflict, 422 validation, 429
 * rate-limited, 5xx/network/timeout unavailable, other 4xx bad-request; an answer that is not JSON,
 * too large or of the wrong shape is malformed), or with the caller's `AbortError`. `addResponse`
 * expects the stored line back (200/201; a 204 is malformed); `deleteAllResponses` accepts 204.
 * A backend on another origin must expose `Retry-After` (CORS) for `retryAfterMs` to be read.
 *
 * @example
 * const adapter = createRestAdapter({
 *   baseUrl: '/api',
 *   headers: async () => ({ Authorization: `Bearer ${await auth.token()}` }),
 * });
 * const { campaigns } = await adapter.getRecipientCampaigns(recipientId, { signal });
 */
export function createRestAdapter(config: RestAdapterConfig): CampaignResponseAdapter & Required<BulkResponseOperations> {
  const mappers = config.mappers ?? {};
  const { call, stream, mapLine, http, readTags } = createRestCaller(config, { ...DEFAULT_PATHS, getMe: ME_PATH });
  const mapLatestResponse = (campaign: unknown) =>
    isRecord(campaign) && campaign.latestResponse != null
      ? { ...campaign, latestResponse: mapLine(campaign.latestResponse) }
      : campaign;
  const historyQuery = mappers.historyQuery ?? ((query: HistoryParams) => ({ ...query }));

  return {
    getResponseTypes: (options = {}) =>
      call('getResponseTypes', {}, (contract) => contract.ResponseVocabularySchema, mappers.responseTypes?.fromServer ?? identity, options),

    getRecipientCampaigns: (recipientId, options = {}) =>
      call(
        'getRecipientCampaigns',
        { recipientId },
        (contract) => contract.RecipientCampaignsSchema,
        mappers.recipientCampaigns?.fromServer ??
          (mapLine === identity ? identity : (body) => mapNested(body, 'campaigns', mapLatestResponse)),
        { signal: options.signal },
      ),

    getRecipientResponses: (recipientId, { signal, ...query } = {}) =>
      call(
        'getRecipientResponses',
        { recipientId },
        (contract) => contract.ResponseLinePageSchema,
        mappers.responsePage?.fromServer ?? (mapLine === identity ? identity : (body) => mapNested(body, 'items', mapLine)),
        { signal, query: queryString(historyQuery(query)), args: { query } },
      ),

    async addResponse(line, options = {}) {
      const checks = await loadContract();
      const checked = checks.check(checks.NewResponseLineSchema, line);
      if (!checked.success) {
        throw new ValidationError('addResponse: the line is not valid', checked.issues);
      }
      let body: unknown;
      try {
        body = (mappers.newResponseLine?.toServer ?? identity)(checked.output);
      } catch (error) {
        throw new BadRequestError('addResponse: the line could not be mapped', { cause: error });
      }
      const idempotencyKey = options.idempotencyKey ?? line.id;
      return call('addResponse', { id: line.id }, (contract) => contract.ResponseLineSchema, (answer) => mapLine(answer), {
        method: 'PUT',
        body,
        idempotencyKey,
        signal: options.signal,
        args: { line: checked.output, idempotencyKey },
      });
    },

    getMe: (options = {}) => getMe(call, options),

    deleteAllResponses: (recipientId, campaignId, { idempotencyKey, signal, lineIds } = {}) =>
      call(
        'deleteAllResponses',
        { recipientId, campaignId },
        (contract) => contract.DeleteAllResultSchema,
        mappers.deleteResult?.fromServer ?? emptyDeleteAnswer,
        // The bound goes in the body, so it is part of what the idempotency key stands for.
        { method: 'DELETE', idempotencyKey, signal, body: lineIds ? { lineIds } : undefined, args: { idempotencyKey, lineIds } },
      ),

    ...auditOperations(call, mapLine, mappers),
    ...bulkOperations(call, mapLine, mappers),
    ...liveOperations({ stream, mapLine, http, readTags }, config),
    ...(config.maxOperationAgeMs !== undefined ? { maxOperationAgeMs: config.maxOperationAgeMs } : {}),
  };
}

/** Applies `map` to each element of `body[key]`, when the body has such an array. */
function mapNested(body: unknown, key: string, map: (item: unknown) => unknown): unknown {
  const list = isRecord(body) ? body[key] : undefined;
  return Array.isArray(list) ? { ...(body as object), [key]: list.map(map) } : body;
}
