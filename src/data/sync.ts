/**
 * The offline side of a data client as elements see it (`<campaign-sync-status>`, the marks): the
 * mode, whether requests get through, the queue's counts and the edits a person has to decide on.
 * Plain types: the elements import them without importing the outbox.
 */
import type { NewResponseLine, ResponseLine } from '../model/types.js';
import type { OpError, OpKind } from '../offline/types.js';

/**
 * - `off`: this client sends edits straight to the backend (no user key given);
 * - `opening`: the device's store is being opened;
 * - `on`: edits are stored on this device first and sent when the backend can be reached;
 * - `unavailable`: offline edits were asked for, but this browser refuses the storage (private
 *   mode, disabled, blocked): edits go straight to the backend and need a connection. Say so.
 */
export type OfflineMode = 'off' | 'opening' | 'on' | 'unavailable';

/** What the last requests did: answered (`online`), did not get through (`offline`), or none yet. */
export type Connectivity = 'online' | 'offline' | 'unknown';

/** A failed or conflicted edit, for a person to retry or discard. */
export interface SyncProblem {
  opId: string;
  kind: OpKind;
  state: 'failed' | 'conflict';
  recipientId: string;
  campaignId: string;
  /** The campaign's title, when the client has seen it. */
  campaignTitle?: string;
  /** For an added line: the line as entered. */
  line?: NewResponseLine;
  /** The server's reason. */
  error?: OpError;
  /**
   * For a conflict: what the server holds instead, when it could be fetched (a response line with
   * the same id), else undefined: then only `error` (the server's 409 problem) is known.
   */
  serverVersion?: unknown;
  createdAt: number;
  attempts: number;
}

export interface SyncStatus {
  mode: OfflineMode;
  connectivity: Connectivity;
  /** Edits waiting to be sent. */
  pending: number;
  /** Edits on their way to the server now. */
  syncing: number;
  failed: number;
  conflict: number;
  /** When the oldest edit still waiting was made (ms since epoch), or null. */
  oldestPendingAt: number | null;
  /** When the queue last emptied after a successful send, or null. */
  lastSyncAt: number | null;
  /** Sending waits for a new sign-in (the server answered 401). */
  authPaused: boolean;
  /** Failed and conflicted edits, oldest first. */
  problems: SyncProblem[];
}

/** What a data client tells sync subscribers. `remote`: it happened in another tab. */
export type SyncEvent =
  /** Anything about the status changed: read `getSyncStatus()` again. */
  | { type: 'changed' }
  /** An edit was made durable on this device. */
  | { type: 'queued'; opId: string; kind: OpKind; recipientId: string; campaignId: string; line?: NewResponseLine; remote?: boolean }
  /**
   * A queued response line reached the backend: `line` as the server stored it. Told only in the
   * tab that sent it (once, however many tabs are open).
   */
  | { type: 'delivered'; opId: string; line: ResponseLine }
  /** The queue has nothing left to send now. */
  | { type: 'sync-complete'; at: number; sent: number; failed: number; conflict: number; remote?: boolean }
  /** A send failed; `final` when it waits for a person (failed, conflict), else `retryAt`. */
  | { type: 'sync-failed'; opId: string; error: OpError; final: boolean; retryAt?: number; remote?: boolean }
  /** The server answered 401: sending waits until `resumeSync()` after a new sign-in. */
  | { type: 'auth-required'; opId: string; error: OpError; remote?: boolean };

export type SyncListener = (event: SyncEvent) => void;

export const EMPTY_SYNC_STATUS: Omit<SyncStatus, 'mode' | 'connectivity'> = {
  pending: 0,
  syncing: 0,
  failed: 0,
  conflict: 0,
  oldestPendingAt: null,
  lastSyncAt: null,
  authPaused: false,
  problems: [],
};
