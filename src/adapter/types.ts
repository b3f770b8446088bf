import type {
  DeleteAllResult,
  NewResponseLine,
  Page,
  RecipientCampaigns,
  ResponseLine,
  ResponseVocabulary,
} from '../model/types.js';

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
}

export interface AddResponseOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; the outbox passes its operation id. Defaults to the line's id. */
  idempotencyKey?: string;
}

export interface DeleteAllOptions extends CallOptions {
  idempotencyKey?: string;
}

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
}

/** The operations, by the names path templates and mappers use. */
export type Operation =
  | 'getResponseTypes'
  | 'getRecipientCampaigns'
  | 'getRecipientResponses'
  | 'addResponse'
  | 'deleteAllResponses';
