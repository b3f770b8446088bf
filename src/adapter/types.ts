import type {
  CampaignResponsePage,
  CampaignStats,
  Clickthrough,
  ResponseFilters,
  ResponseSummary,
  SendResult,
} from '../model/campaign-stats.js';
import type {
  Campaign,
  DeleteAllResult,
  NewResponseLine,
  Page,
  RecipientCampaigns,
  ResponseLine,
  ResponseVocabulary,
} from '../model/types.js';
import type { AuditFilters, AuditPage, RestoreResult } from '../model/audit.js';
import type { BackendCapabilities } from './capabilities.js';
import type { Me } from '../model/principal.js';
import type { LiveOperations } from './live-types.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call; the adapter rejects with an `AbortError` DOMException, as `fetch` does. */
  signal?: AbortSignal;
}

export interface HistoryQuery extends CallOptions {
  campaignId?: string;
  eventId?: string;
  /** Only lines of this response category. */
  categoryId?: string;
  /** Only lines whose note contains this text, any case. */
  q?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Page size; the server caps it. */
  limit?: number;
  /**
   * `deleted`: also the lines deleted and still restorable, each with `deletedAt`, `deletedBy` and
   * `deletionId` (needs the `delete` permission and a backend with the `restore` capability).
   */
  include?: 'deleted';
}

export interface AddResponseOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; the outbox passes its operation id. Defaults to the line's id. */
  idempotencyKey?: string;
}

export interface DeleteAllOptions extends CallOptions {
  idempotencyKey?: string;
  /**
   * The bound: only these lines (those the person saw) are deleted; lines added since stay and are
   * counted as `kept`. At most 2000; without it every line of the campaign goes.
   */
  lineIds?: readonly string[];
}

/** Options of the single-line delete and of the restores. */
export interface WriteOptions extends CallOptions {
  idempotencyKey?: string;
}

/** The audit read: its filters and the caller's signal. */
export interface AuditQuery extends AuditFilters, CallOptions {}

/**
 * One method per operation of the REST contract (DESIGN.md §4). The kit talks to a backend only
 * through this; `createRestAdapter()` makes one for a REST backend, and a host may pass any object
 * that implements it. Every method resolves with validated model objects or rejects with an
 * `AdapterError` (or an `AbortError` when its signal aborted).
 */
export interface CampaignResponseAdapter {
  getResponseTypes(options?: CallOptions): Promise<ResponseVocabulary>;
  getRecipientCampaigns(recipientId: string, options?: CallOptions): Promise<RecipientCampaigns>;
  getRecipientResponses(recipientId: string, query?: HistoryQuery): Promise<Page<ResponseLine>>;
  /** Adds one line; repeating the same call (same id and body) is harmless. */
  addResponse(line: NewResponseLine, options?: AddResponseOptions): Promise<ResponseLine>;
  deleteAllResponses(recipientId: string, campaignId: string, options?: DeleteAllOptions): Promise<DeleteAllResult>;
  /** Deletes one line (soft on the reference server); a line already deleted answers `deleted: 0`. Capability `deleteLine`. */
  deleteResponse?(id: string, options?: WriteOptions): Promise<DeleteAllResult>;
  /** Brings back every line of a deletion (a delete-all as a whole, or one line). Capability `restore`. */
  restoreDeletion?(deletionId: string, options?: WriteOptions): Promise<RestoreResult>;
  /** Brings back one deleted line; resolves with it as ordinary reads show it. Capability `restore`. */
  restoreResponse?(id: string, options?: WriteOptions): Promise<ResponseLine>;
  /** Who changed what, newest first (needs the `admin` permission). Capability `audit`. */
  getAudit?(query?: AuditQuery): Promise<AuditPage>;
  /**
   * How long the outbox keeps trying one queued edit before it gives up with reason `expired`
   * (ms). Shorter than the backend keeps idempotency keys. Default 7 days (`DEFAULT_MAX_OPERATION_AGE_MS`).
   */
  readonly maxOperationAgeMs?: number;
  /** What the backend can do (see `canDo()`); an adapter without it is taken to do everything. */
  readonly capabilities?: BackendCapabilities;
  /** Who the caller is and what they may do; undefined (or no method) when the backend does not say. */
  getMe?(options?: CallOptions): Promise<Me | undefined>;
  /** Follows the backend's changes (capability `live`): see `LiveOperations`. */
  followChanges?: LiveOperations['followChanges'];
}

/** The operations, by the names path templates and mappers use. */
export type Operation =
  | 'getResponseTypes'
  | 'getRecipientCampaigns'
  | 'getRecipientResponses'
  | 'addResponse'
  | 'deleteAllResponses'
  | 'deleteResponse'
  | 'restoreDeletion'
  | 'restoreResponse'
  | 'getAudit'
  | 'addResponses'
  | 'lookupRecipients'
  | 'alreadyResponded'
  | 'followChanges';

// ---- The campaign side: statistics, reports, clickthrough and (reference server) sending ----------

export interface StatsOptions extends CallOptions {
  /** Recompute now instead of reading the scheduled snapshot (an administrator's request). */
  fresh?: boolean;
}

export interface ReportQuery extends ResponseFilters, CallOptions {
  cursor?: string;
  limit?: number;
}

export interface ClickthroughOptions extends CallOptions {
  eventId?: string;
}

export interface SendOptions extends CallOptions {
  idempotencyKey?: string;
}

/**
 * The operations of a campaign's Statistics subtab and reports (DESIGN.md §4). Separate from
 * `CampaignResponseAdapter` so a page that shows only a recipient's tab bundles none of this.
 */
export interface CampaignReportsAdapter {
  listCampaigns(options?: CallOptions): Promise<Page<Campaign>>;
  getCampaign(campaignId: string, options?: CallOptions): Promise<Campaign>;
  getCampaignStats(campaignId: string, options?: StatsOptions): Promise<CampaignStats>;
  getResponseSummary(campaignId: string, options?: StatsOptions): Promise<ResponseSummary>;
  getCampaignResponses(campaignId: string, query?: ReportQuery): Promise<CampaignResponsePage>;
  /** The detail report as CSV, exactly the rows `query` selects, as a stream (it may be large). */
  exportCampaignResponsesCsv(campaignId: string, query?: ReportQuery): Promise<ReadableStream<Uint8Array>>;
  getClickthrough(campaignId: string, options?: ClickthroughOptions): Promise<Clickthrough>;
  /** Sends an email event (reference server; a demo action): Sent or a bounce per recipient, with tracking URLs. */
  sendCampaignEvent(campaignId: string, eventId: string, options?: SendOptions): Promise<SendResult>;
  /** As on CampaignResponseAdapter: who the caller is, undefined when the backend does not say. */
  getMe?(options?: CallOptions): Promise<Me | undefined>;
  /** As on CampaignResponseAdapter: the backend's changes, here followed per campaign. */
  followChanges?: LiveOperations['followChanges'];
}

export type CampaignOperation =
  | 'listCampaigns'
  | 'getCampaign'
  | 'getCampaignStats'
  | 'getResponseSummary'
  | 'getCampaignResponses'
  | 'exportCampaignResponsesCsv'
  | 'getClickthrough'
  | 'sendCampaignEvent'
  | 'followChanges';
