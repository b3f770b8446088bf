/**
 * What `createRestAdapter()` and `createCampaignRestAdapter()` are configured with. Apart from both
 * adapters and from the caller they share, so that the caller reads the config without importing an
 * adapter that imports the caller.
 */
import type { NewResponseLine } from '../model/types.js';
import type { Problem } from './errors.js';
import type { HeadersSource } from './http-helper.js';
import type { HistoryParams, OperationsConfig } from './operations.js';
import type { CampaignOperation, Operation } from './types.js';

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
  /**
   * The change stream (`followChanges`, path `/changes`): `false` for a backend without one (the
   * adapter then declares no `live` capability, and the data client polls instead); or its timing.
   */
  live?: false | LiveSettings;
}

/** Timing of the change stream's connection. */
export interface LiveSettings {
  /**
   * `stream` (default): GET /changes as Server-Sent Events. `poll`: for a backend without it, the
   * record's list (a recipient's campaigns, a campaign's statistics) is asked every `pollMs` with
   * If-None-Match, and a new ETag makes the elements read everything again.
   */
  mode?: 'stream' | 'poll';
  /** How often `poll` asks. Default 15000. */
  pollMs?: number;
  /** A stream silent this long (the server sends a heartbeat every 15 s) is taken as lost. Default 45000. */
  idleMs?: number;
  /** The ceiling of the first reconnect's wait, doubling up to `retryCapMs`. Default 1000. */
  retryBaseMs?: number;
  /** The longest wait between reconnects. Default 30000. */
  retryCapMs?: number;
}
