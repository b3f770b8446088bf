/**
 * `createRestAdapter()`: the kit's `CampaignResponseAdapter` for a REST backend. The defaults speak
 * the contract of DESIGN.md §4 (the reference server); paths, headers, the query and mappers adapt it
 * to a backend of another shape by configuration alone.
 */
import * as v from 'valibot';
import {
  DeleteAllResultSchema,
  NewResponseLineSchema,
  RecipientCampaignsSchema,
  ResponseLinePageSchema,
  ResponseLineSchema,
  ResponseVocabularySchema,
  fieldIssues,
} from '../model/schemas.js';
import type { NewResponseLine } from '../model/types.js';
import { BadRequestError, ValidationError, type Problem } from './errors.js';
import { createRestCaller, identity, queryString } from './caller.js';
import { getMe, ME_PATH } from './me.js';
import { AUDIT_PATHS, auditOperations, emptyDeleteAnswer } from './rest-audit.js';
import type { HeadersSource } from './http-helper.js';
import type { HistoryParams, OperationsConfig } from './operations.js';
import type { CampaignOperation, CampaignResponseAdapter, Operation } from './types.js';

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
};

/**
 * Turns a server's answer into the kit's model (before validation, which follows every mapper).
 * `mapLine` applies the `responseLine` mapper, so a list mapper can reuse the line mapping.
 */
export type FromServer = (body: unknown, mapLine: (line: unknown) => unknown) => unknown;

/**
 * Mappers per resource, for a backend whose JSON is not the kit's model. Each `fromServer` gets the
 * parsed body; what it returns is validated against the model's schema, so a mapper never needs to
 * check types itself, and one that throws on a surprising body yields a `MalformedResponseError`.
 */
export interface RestMappers {
  /** `GET` vocabulary → `ResponseVocabulary`. */
  responseTypes?: { fromServer?: FromServer };
  /**
   * Campaigns of a recipient → `RecipientCampaigns`. Without one, each campaign's `latestResponse`
   * still goes through the `responseLine` mapper.
   */
  recipientCampaigns?: { fromServer?: FromServer };
  /** A history page → `Page<ResponseLine>`. Without one, each item still goes through `responseLine`. */
  responsePage?: { fromServer?: FromServer };
  /** One response line, as `addResponse` answers and as history and campaigns contain it. */
  responseLine?: { fromServer?: (line: unknown) => unknown };
  /** The body `addResponse` sends; the default sends the `NewResponseLine` as it is. */
  newResponseLine?: { toServer?: (line: NewResponseLine) => unknown };
  /** `deleteAllResponses` answer → `DeleteAllResult`. An empty answer (204) arrives as `undefined`. */
  deleteResult?: { fromServer?: FromServer };
  /**
   * The query string of `getRecipientResponses`, e.g. `(q) => ({ campaign_id: q.campaignId,
   * page_token: q.cursor })`. Undefined and null values are left out.
   */
  historyQuery?: (query: HistoryParams) => Record<string, string | number | boolean | null | undefined>;
  /** Reads a non-RFC 9457 error body (parsed JSON) into a `Problem`, for messages and field errors. */
  errorFromServer?: (body: unknown, status: number) => Problem | undefined;
}

export interface RestAdapterConfig {
  /**
   * Prefix of every path: `/api` (relative works in browsers) or `https://crm.example/api`; or a
   * function called per request, for a base URL per tenant.
   */
  baseUrl: string | (() => string);
  /** Path templates per operation, replacing those of `DEFAULT_PATHS` and `DEFAULT_CAMPAIGN_PATHS`. */
  paths?: Partial<Record<Operation | CampaignOperation, string>>;
  /**
   * Per operation: the method, headers, a path function, or an override made of several requests
   * (see `OperationSettings`). `paths` is the shorthand for templates.
   */
  operations?: OperationsConfig;
  /**
   * Sent with every request after `Accept` (so they may replace it). A function is called for each
   * request, and may be async: a rejection becomes an `AuthError` (unless it is already an
   * `AdapterError`). It runs before the timeout starts, so a token refresh needs its own.
   */
  headers?: HeadersSource;
  /** Defaults to the global `fetch`, looked up at each call. */
  fetch?: typeof fetch;
  /** `fetch`'s `credentials`, e.g. `'include'` for cookies on another origin. */
  credentials?: RequestCredentials;
  /** How long the outbox keeps trying a queued edit (see `CampaignResponseAdapter.maxOperationAgeMs`). */
  maxOperationAgeMs?: number;
  /** Per request, body included; then the call fails with an `UnavailableError`. Default 15000. */
  timeoutMs?: number;
  /** An answer larger than this fails with a `MalformedResponseError`. Default 10 MB. */
  maxResponseBytes?: number;
  mappers?: RestMappers;
}

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
export function createRestAdapter(config: RestAdapterConfig): CampaignResponseAdapter {
  const mappers = config.mappers ?? {};
  const { call, mapLine } = createRestCaller(config, { ...DEFAULT_PATHS, getMe: ME_PATH });
  const mapLatestResponse = (campaign: unknown) =>
    isRecord(campaign) && campaign.latestResponse != null
      ? { ...campaign, latestResponse: mapLine(campaign.latestResponse) }
      : campaign;
  const historyQuery = mappers.historyQuery ?? ((query: HistoryParams) => ({ ...query }));

  return {
    getResponseTypes: (options = {}) =>
      call('getResponseTypes', {}, ResponseVocabularySchema, mappers.responseTypes?.fromServer ?? identity, options),

    getRecipientCampaigns: (recipientId, options = {}) =>
      call(
        'getRecipientCampaigns',
        { recipientId },
        RecipientCampaignsSchema,
        mappers.recipientCampaigns?.fromServer ??
          (mapLine === identity ? identity : (body) => mapNested(body, 'campaigns', mapLatestResponse)),
        { signal: options.signal },
      ),

    getRecipientResponses: (recipientId, { signal, ...query } = {}) =>
      call(
        'getRecipientResponses',
        { recipientId },
        ResponseLinePageSchema,
        mappers.responsePage?.fromServer ?? (mapLine === identity ? identity : (body) => mapNested(body, 'items', mapLine)),
        { signal, query: queryString(historyQuery(query)), args: { query } },
      ),

    async addResponse(line, options = {}) {
      const checked = v.safeParse(NewResponseLineSchema, line);
      if (!checked.success) {
        throw new ValidationError('addResponse: the line is not valid', fieldIssues(checked.issues));
      }
      let body: unknown;
      try {
        body = (mappers.newResponseLine?.toServer ?? identity)(checked.output);
      } catch (error) {
        throw new BadRequestError('addResponse: the line could not be mapped', { cause: error });
      }
      const idempotencyKey = options.idempotencyKey ?? line.id;
      return call('addResponse', { id: line.id }, ResponseLineSchema, (answer) => mapLine(answer), {
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
        DeleteAllResultSchema,
        mappers.deleteResult?.fromServer ?? emptyDeleteAnswer,
        // The bound goes in the body, so it is part of what the idempotency key stands for.
        { method: 'DELETE', idempotencyKey, signal, body: lineIds ? { lineIds } : undefined, args: { idempotencyKey, lineIds } },
      ),

    ...auditOperations(call, mapLine, mappers),
    ...(config.maxOperationAgeMs !== undefined ? { maxOperationAgeMs: config.maxOperationAgeMs } : {}),
  };
}

/** Applies `map` to each element of `body[key]`, when the body has such an array. */
function mapNested(body: unknown, key: string, map: (item: unknown) => unknown): unknown {
  const list = isRecord(body) ? body[key] : undefined;
  return Array.isArray(list) ? { ...(body as object), [key]: list.map(map) } : body;
}
