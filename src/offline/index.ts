/**
 * The offline outbox: `Outbox.open({ userKey, sender })`, `wipeOfflineData(userKey)`,
 * the pure ordering rules and the typed storage error.
 */
export { Outbox, type OutboxOptions } from './outbox.js';
export { outboxDbName, wipeOfflineData, SCHEMA_VERSION } from './db.js';
export { ReadCache, readCacheDbName, type CachedEntry } from './read-cache.js';
export { OutboxStorageError, type OutboxStorageErrorKind } from './errors.js';
export type { OutboxEvent, OutboxEventType, OutboxListener } from './events.js';
export { nextSendable, nextWakeAt, dependsOn, coalescedByDeleteAll, leaseExpired, type OrderedOp } from './ordering.js';
export { fullJitterDelay, retryDelay, classify, DEFAULT_BACKOFF, type Outcome } from './backoff.js';
export type {
  BackoffOptions,
  LocalLine,
  LocalState,
  OpError,
  OpKind,
  OpState,
  OutboxClock,
  OutboxCounts,
  OutboxEdit,
  OutboxOp,
  OutboxSender,
} from './types.js';
