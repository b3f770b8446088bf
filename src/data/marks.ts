/**
 * What the data client says about the lists it hands out, beyond the server's data: a line that is
 * not confirmed yet (pending, syncing, failed, conflict), and a list read from the device's cache
 * while the server could not be reached. Kept in symbol-keyed properties: object spreads carry
 * them, while structured cloning, JSON and the server never see them.
 */
import type { ResponseLine } from '../model/types.js';
import type { OpError } from '../offline/types.js';

/** Where an edit of a line stands: `syncing` is the outbox's `inflight`. */
export type SyncState = 'pending' | 'syncing' | 'failed' | 'conflict';

/** The mark of a line the server has not confirmed yet. */
export interface SyncMark {
  state: SyncState;
  /** The outbox operation (for Retry and Discard). */
  opId: string;
  /** The server's reason, for a failed or conflicted edit (or the last retryable failure). */
  error?: OpError;
}

const SYNC = Symbol.for('cr-sync-mark');
const AS_OF = Symbol.for('cr-as-of');

type Marked = { [SYNC]?: SyncMark; [AS_OF]?: number };

/** The sync mark of a line, or undefined for a line as the server holds it (the usual case). */
export function syncMarkOf(line: ResponseLine | null | undefined): SyncMark | undefined {
  return line ? (line as Marked)[SYNC] : undefined;
}

/** A copy of `line` carrying `mark`. */
export function withSyncMark<T extends ResponseLine>(line: T, mark: SyncMark): T {
  return { ...line, [SYNC]: mark };
}

/**
 * When a list (recipient campaigns, a history page) was stored on this device, if it was read from
 * the device's cache rather than the server (ms since epoch); undefined for a server answer.
 */
export function asOfOf(list: object | null | undefined): number | undefined {
  return list ? (list as Marked)[AS_OF] : undefined;
}

/** A copy of `list` marked as read from the cache, stored at `asOf`. */
export function withAsOf<T extends object>(list: T, asOf: number): T {
  return { ...list, [AS_OF]: asOf };
}

const LOCAL_ONLY = Symbol.for('cr-local-only');

/**
 * Whether a history page holds only the edits waiting on this device: the server could not be
 * reached and the device had never kept the page, so the rest is not available offline.
 */
export function localOnlyOf(list: object | null | undefined): boolean {
  return Boolean(list && (list as { [LOCAL_ONLY]?: boolean })[LOCAL_ONLY]);
}

/** A copy of `list` marked as holding only this device's edits. */
export function withLocalOnly<T extends object>(list: T): T {
  return { ...list, [LOCAL_ONLY]: true };
}

/** The outbox's state in the words of a mark. */
export function syncStateOf(state: 'pending' | 'inflight' | 'done' | 'failed' | 'conflict'): SyncState | undefined {
  switch (state) {
    case 'pending':
      return 'pending';
    case 'inflight':
      return 'syncing';
    case 'failed':
    case 'conflict':
      return state;
    default:
      return undefined;
  }
}

const QUEUED = Symbol.for('cr-queued-op');

/** The outbox operation a write result stands for, when the write was queued rather than sent. */
export function queuedOpOf(result: object | null | undefined): string | undefined {
  return result ? (result as { [QUEUED]?: string })[QUEUED] : undefined;
}

/** A copy of `result` marked as queued under `opId`. */
export function withQueuedOp<T extends object>(result: T, opId: string): T {
  return { ...result, [QUEUED]: opId };
}
