/**
 * The change stream of a backend that pushes changes (the reference server's GET /changes): what
 * a follower hears. The adapter keeps the connection (resume, a fresh token, reconnects); the data
 * client decides what each change means for the elements shown.
 */
import type { ResponseLine } from '../model/types.js';

/** Which changes: those of one recipient, of one campaign, or of both at once. */
export interface LiveFilter {
  recipientId?: string;
  campaignId?: string;
}

export type LiveChangeKind =
  | 'line-added'
  | 'line-updated'
  | 'line-deleted'
  | 'line-restored'
  | 'line-purged'
  | 'tracked-open'
  | 'tracked-click'
  | 'stats-changed';

/** One change of the backend's log. */
export interface LiveChange {
  /** The log's id (the stream's event id). */
  id: string;
  kind: LiveChangeKind;
  /** Null for `stats-changed`. */
  recipientId: string | null;
  campaignId: string;
  lineId: string | null;
  /** When it changed (ISO 8601). */
  at: string;
  /**
   * The line as it is now, for added, updated, restored and tracked lines (null when it is gone
   * since); undefined when the backend did not send one, or sent one that failed validation.
   */
  line?: ResponseLine | null;
}

/** What a follower hears, in order. */
export type LiveNews =
  /** A connection is being opened (first, and before each reconnect). */
  | { kind: 'connecting' }
  /**
   * The stream runs. `resumed`: it went on from the last change heard (or from `after`), so
   * nothing was missed; false where it starts from now, so whatever was read before it may be
   * older than its start. `lastId`: where it starts, when the backend says.
   */
  | { kind: 'ready'; resumed: boolean; lastId?: string }
  /** The backend could not resume where the follower stopped: read everything again. */
  | { kind: 'reset' }
  | { kind: 'change'; change: LiveChange }
  /** The connection was lost or refused; another try follows after `delayMs`. */
  | { kind: 'retrying'; attempt: number; delayMs: number; error: unknown }
  /** The backend refused the stream for good (a bad filter, no permission): no further tries. */
  | { kind: 'stopped'; error: unknown };

export type LiveListener = (news: LiveNews) => void;

export interface FollowOptions {
  /** Ends the following; the promise of `followChanges` then resolves. */
  signal: AbortSignal;
  /**
   * Start after this change id (a read's `changeIdOf`), not from now: what changed since that
   * read comes first. A backend that cannot says `ready` with `resumed: false`.
   */
  after?: string;
}

/** The optional operation of an adapter whose backend pushes changes (capability `live`). */
export interface LiveOperations {
  /**
   * Follows the backend's changes for `filter` until `options.signal` aborts: connects, resumes
   * after a lost connection from the last change heard (with backoff), reconnects with fresh
   * headers when the token expires. Never rejects; a failure is news (`retrying`, `stopped`).
   */
  followChanges(filter: LiveFilter, listener: LiveListener, options: FollowOptions): Promise<void>;
}
