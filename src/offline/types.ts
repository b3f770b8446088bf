/**
 * The outbox's records and options (DESIGN.md §3). Everything stored is plain,
 * structured-clonable data, so it survives IndexedDB and BroadcastChannel unchanged.
 */
import type { DeleteAllResult, NewResponseLine, ResponseLine } from '../model/types.js';
import type { Problem } from '../adapter/errors.js';
import type { BatchLineOutcome } from '../adapter/bulk-operations.js';

/** What an operation does on the server. */
export type OpKind = 'add' | 'deleteAll' | 'deleteLine';

/**
 * pending → inflight → done | failed | conflict. `done` is transient: a confirmed operation is
 * removed in the same transaction that records the answer, so it is seen only in events.
 */
export type OpState = 'pending' | 'inflight' | 'done' | 'failed' | 'conflict';

/** What a person asked for, before the outbox gives it an id, a place in the order and a state. */
export type OutboxEdit =
  | { kind: 'add'; line: NewResponseLine }
  /** `lineIds`: the bound, the lines the person saw (see `DeleteAllOptions.lineIds`). */
  | { kind: 'deleteAll'; recipientId: string; campaignId: string; lineIds?: readonly string[] }
  | { kind: 'deleteLine'; recipientId: string; campaignId: string; lineId: string };

/** The last failure of an operation, kept as plain data (an `AdapterError` does not survive cloning). */
export interface OpError {
  /**
   * The adapter error's kind (`unavailable`, `rate-limited`, `validation`...), `network` for a
   * foreign error, or `expired`: the outbox gave up on an edit older than `maxOperationAgeMs`.
   */
  kind: string;
  status?: number;
  message: string;
  problem?: Problem;
}

/** One queued edit, as stored. */
export interface OutboxOp {
  /** A UUID made at enqueue; sent as `Idempotency-Key` on every attempt, never regenerated. */
  opId: string;
  kind: OpKind;
  /**
   * For `add` the line to send. For `deleteAll`, the earlier never-sent edits it made unnecessary
   * (coalesced): kept inside it so that discarding a delete-all that failed brings them back.
   */
  payload: { line?: NewResponseLine; absorbed?: OutboxOp[]; lineIds?: string[] };
  recipientId: string;
  campaignId: string;
  /** The response line's id (client-made), for `add`. */
  lineId?: string;
  /**
   * For `deleteLine`, the line it deletes. Not `lineId`, whose index is unique per add (a double
   * submit of one line is one edit); the ordering rules read both.
   */
  deletesLineId?: string;
  /** Monotonic per database: the order in which edits were made, across tabs. */
  seq: number;
  state: OpState;
  /** Tries that failed, of any kind except a 401 (which pauses instead) and our own abort. */
  attempts: number;
  /** Of those, the ones the server answered with a retryable error (5xx, 429): bounded by `maxServerAttempts`. */
  serverErrors: number;
  /** Not to be sent before this time (ms since epoch): backoff and `Retry-After`. */
  nextAttemptAt: number;
  lastError?: OpError;
  createdAt: number;
  /** When a sender claimed it (ms); with `leaseUntil` the guard against a frozen tab. */
  claimedAt?: number;
  /** An inflight operation whose lease has passed may be claimed again (same opId: safe). */
  leaseUntil?: number;
  /** Random per claim, so a late answer of an older claim does not overwrite a newer one. */
  claimId?: string;
  /**
   * True from the moment a sender claimed it for sending: the server may have seen it, so it is
   * never coalesced away or changed again.
   */
  mayHaveReachedServer: boolean;
  /** For a conflict: the server's version, when the outbox could obtain it. */
  serverVersion?: unknown;
}

/** An optimistic line as the read path merges it: the line as entered plus its operation. */
export interface LocalLine {
  id: string;
  recipientId: string;
  campaignId: string;
  opId: string;
  seq: number;
  line: NewResponseLine;
  /** When it was queued (ms since epoch): stands in for the server's `recordedAt` until confirmed. */
  createdAt?: number;
}

/** A recipient's edits not yet confirmed, for the data client to merge into what the server said. */
export interface LocalState {
  /** Lines added but not confirmed, oldest first, each with the state of its operation. */
  lines: (LocalLine & { state: OpState; lastError?: OpError })[];
  /** Delete-alls not confirmed, oldest first: server lines of that campaign are to be hidden. */
  deletions: { opId: string; campaignId: string; seq: number; state: OpState; lastError?: OpError }[];
  /** Single-line deletes not confirmed: those lines are to be hidden. */
  lineDeletions?: { opId: string; campaignId: string; lineId: string; seq: number; state: OpState; lastError?: OpError }[];
}

/** What the outbox needs of the adapter: its writes (`CampaignResponseAdapter` satisfies it). */
export interface OutboxSender {
  addResponse(line: NewResponseLine, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<ResponseLine>;
  deleteAllResponses(
    recipientId: string,
    campaignId: string,
    options: { idempotencyKey: string; signal?: AbortSignal; lineIds?: readonly string[] },
  ): Promise<DeleteAllResult>;
  /** Needed only by a queue that holds single-line deletes. */
  deleteResponse?(id: string, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<DeleteAllResult>;
  /**
   * Many adds in one request, each idempotent by its line id (the adapter's batch operation): used
   * only when the outbox is opened with `batchAdds`. Resolves with each line's outcome in order.
   */
  addResponses?(lines: readonly NewResponseLine[], options?: { signal?: AbortSignal }): Promise<BatchLineOutcome[]>;
  /** How long an edit is tried before it fails as `expired` (ms); default `DEFAULT_MAX_OPERATION_AGE_MS`. */
  readonly maxOperationAgeMs?: number;
}

/** Time, injectable so tests can drive backoff without waiting. */
export interface OutboxClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackoffOptions {
  /** First retry waits up to this (ms). Default 1000. */
  baseMs: number;
  /** No wait is longer than this (ms), except what `Retry-After` asks. Default 5 min. */
  capMs: number;
  /** After this many answered retryable failures (5xx, 429) an operation is `failed`. Network errors never count here. Default 8. */
  maxServerAttempts: number;
}

/** Counts for a sync status element. */
export interface OutboxCounts {
  pending: number;
  inflight: number;
  failed: number;
  conflict: number;
  /** createdAt of the oldest pending or inflight operation, or null. */
  oldestPendingAt: number | null;
  /** now − oldestPendingAt, or null. */
  oldestPendingAgeMs: number | null;
  /** When the queue last drained after a successful send, or null. */
  lastSyncAt: number | null;
}
