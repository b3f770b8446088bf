/**
 * Per-operation settings of `createRestAdapter()`: the method, headers, the path (a template or a
 * function of the call's values), and an override that runs the whole operation with the adapter's
 * HTTP helper. What an override resolves with still goes through the operation's mapper and the
 * model's schema, so a preset cannot hand the kit an unchecked answer.
 */
import type { NewResponseLine } from '../model/types.js';
import type { HttpHelper } from './http-helper.js';
import type { AuditQuery, HistoryQuery, Operation } from './types.js';

/** The history query as the kit asks it, without the signal. */
export type HistoryParams = Omit<HistoryQuery, 'signal'>;

/** What each operation was called with, as its override and its path function get it. */
export interface OperationArgs {
  getResponseTypes: Record<string, never>;
  getRecipientCampaigns: { recipientId: string };
  getRecipientResponses: { recipientId: string; query: HistoryParams };
  addResponse: { id: string; line: NewResponseLine; idempotencyKey: string };
  deleteAllResponses: { recipientId: string; campaignId: string; idempotencyKey?: string; lineIds?: readonly string[] };
  deleteResponse: { id: string; idempotencyKey?: string };
  restoreDeletion: { deletionId: string; idempotencyKey?: string };
  restoreResponse: { id: string; idempotencyKey?: string };
  getAudit: { query: Omit<AuditQuery, 'signal'> };
  addResponses: { lines: readonly NewResponseLine[] };
  lookupRecipients: { keys: readonly string[]; cursor?: string };
  alreadyResponded: { campaignId: string; eventId: string; detailId: string; recipientIds: readonly string[] };
  /** The stream's query (`recipientId`, `campaignId`, `lastEventId`); an override's `run` is not used for it. */
  followChanges: Record<string, never>;
}

/** What an override gets: the call's values, the HTTP helper, and the caller's signal. */
export interface OverrideContext<A> {
  args: A;
  http: HttpHelper;
  signal: AbortSignal | undefined;
  /** The operation's name, to start error messages and to name the requests it makes. */
  operation: string;
}

export interface OperationSettings<A = Record<string, unknown>> {
  /** The HTTP method, e.g. `POST` for a backend that creates with POST. */
  method?: string;
  /** Headers of this operation only (`Prefer`, `OData-Version`), after the adapter's own. */
  headers?: Record<string, string> | ((args: A) => Record<string, string>);
  /**
   * The path after the base URL: a template with `{name}` placeholders (filled with encoded values),
   * or a function of the call's values that returns it encoded, e.g. an OData key:
   * `({ id }) => odataKey('campaignresponses', id)`.
   */
  path?: string | ((args: A) => string);
  /**
   * Runs the operation instead of the one request: several requests, a look-up first, chunks. It
   * resolves with what the operation's mapper and schema then check, like a server's body.
   */
  run?: (context: OverrideContext<A>) => Promise<unknown>;
}

/** Settings per operation of the recipient side; the campaign side takes untyped ones. */
export type OperationsConfig = { [K in Operation]?: OperationSettings<OperationArgs[K]> } & {
  [operation: string]: OperationSettings<never> | undefined;
};
