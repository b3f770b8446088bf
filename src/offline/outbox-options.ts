/** How an outbox is opened and tuned; `Outbox.open()` takes these. */
import type { EnqueueHook } from './enqueue.js';
import type { BackoffOptions, OutboxClock, OutboxOp, OutboxSender } from './types.js';

export interface OutboxOptions {
  /** The host's key for the signed-in user: the database is `cr-outbox-<encoded key>`. */
  userKey?: string;
  /** The database name itself, instead of `userKey` (tests, benchmarks). */
  dbName?: string;
  /** The adapter (or any object with its two writes). Without one, this instance only enqueues. */
  sender?: OutboxSender;
  clock?: OutboxClock;
  /** In [0, 1): the jitter of the backoff. Default `Math.random`. */
  random?: () => number;
  backoff?: Partial<BackoffOptions>;
  /** How long a claim protects an inflight operation from being sent again. Default 30 s. */
  leaseMs?: number;
  /** Operations claimed per transaction at full speed. Default 50. */
  batchSize?: number;
  /**
   * Send the adds of a claim in one request through the sender's `addResponses` (the backend
   * declares `batchAdd`). Each line stays idempotent by its id, so a batch sent again after a lost
   * answer stores nothing twice. Default false: one request per edit.
   */
  batchAdds?: boolean;
  /** Use Web Locks to elect one sender (default when the browser has them). Off: leases alone guard. */
  useWebLocks?: boolean;
  /**
   * Of the enqueue transaction. Default `'strict'`: "saved" means flushed to disk, not only handed
   * to the browser. `'relaxed'` survives a closed tab or crashed page, not a power cut.
   */
  durability?: IDBTransactionDurability;
  /** Ask `navigator.storage.persist()` on the first queued edit. Default true. */
  requestPersistence?: boolean;
  /** Null: behave as if IndexedDB did not exist (tests of the online-only mode). */
  indexedDB?: IDBFactory | null;
  /** Called for a 409: what the server holds instead (e.g. the line with that id); kept on the op. */
  fetchConflictVersion?: (op: OutboxOp) => Promise<unknown>;
  /** Test seam: runs inside each enqueue transaction before commit; throwing aborts the enqueue. */
  beforeEnqueueCommit?: EnqueueHook;
}

export const systemClock: OutboxClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
