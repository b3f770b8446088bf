/**
 * The outbox's IndexedDB database: its name per user, its schema (upgrades only add), and how a
 * connection copes with other tabs upgrading, the browser closing it, and logout.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OutboxStorageError } from './errors.js';
import type { OutboxOp } from './types.js';

export interface OutboxSchema extends DBSchema {
  /**
   * The operations, keyed by `seq` from the store's key generator: monotonic per database across
   * tabs, with no counter to read first. Each record is also the optimistic local state the read
   * path merges (a queued line is in its add operation), so an edit and its local state are one
   * write. The unique `lineId` index makes a double submit of one line fail instead of doubling it.
   */
  ops: {
    key: number;
    value: OutboxOp;
    indexes: { opId: string; lineId: string; recipient: string };
  };
  /** Facts: `lastSyncAt`. */
  meta: {
    key: string;
    value: { key: string; value: number | boolean | string };
  };
}

export type OutboxDb = IDBPDatabase<OutboxSchema>;

/**
 * Each version only adds stores or indexes, so a tab running older code still works against a
 * database a newer tab upgraded (it opens it at whatever version it has; see `openOutboxDb`).
 */
const UPGRADES: ((db: OutboxDb) => void)[] = [
  (db) => {
    const ops = db.createObjectStore('ops', { keyPath: 'seq', autoIncrement: true });
    ops.createIndex('opId', 'opId', { unique: true });
    ops.createIndex('lineId', 'lineId', { unique: true });
    ops.createIndex('recipient', 'recipientId');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
];

export const SCHEMA_VERSION = UPGRADES.length;

/** The database of one user. The key is encoded, not hashed: it is the host's, and must not collide. */
export function outboxDbName(userKey: string): string {
  return `cr-outbox-${encodeURIComponent(userKey)}`;
}

export interface ConnectionHooks {
  /** Another tab wants a newer version: we closed, and will reopen on next use. */
  onBlocking?: () => void;
  /** Our upgrade waits for another tab that keeps an older connection open. */
  onBlocked?: () => void;
  /** The browser closed the connection (storage cleared, disk error): reopen on next use. */
  onTerminated?: () => void;
}

/** The IndexedDB of this realm (window or worker), or undefined where there is none. */
export function defaultFactory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    // Some browsers throw on the mere access when storage is disabled.
    return undefined;
  }
}

/**
 * Opens (creating or upgrading) the outbox database. Rejects with `OutboxStorageError('unavailable')`
 * when there is no IndexedDB or it cannot be opened.
 */
export async function openOutboxDb(name: string, hooks: ConnectionHooks, factory: IDBFactory | undefined): Promise<OutboxDb> {
  if (!factory) throw new OutboxStorageError('unavailable', 'IndexedDB is not available here');
  // idb uses the global indexedDB; an injected factory (tests) only decides availability.
  const open = (version?: number) => {
    let db: OutboxDb | undefined;
    return openDB<OutboxSchema>(name, version, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion; v < UPGRADES.length; v += 1) UPGRADES[v](database);
      },
      blocked: () => hooks.onBlocked?.(),
      blocking: () => {
        // Closing at once lets the other tab's upgrade go ahead; we reopen lazily.
        db?.close();
        hooks.onBlocking?.();
      },
      terminated: () => hooks.onTerminated?.(),
    }).then((opened) => (db = opened));
  };
  try {
    return await open(SCHEMA_VERSION);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') {
      // A newer tab upgraded further. Upgrades only add, so this code works with that schema too.
      try {
        return await open();
      } catch (again) {
        throw new OutboxStorageError('unavailable', 'the offline store could not be opened', { cause: again });
      }
    }
    throw new OutboxStorageError('unavailable', 'the offline store could not be opened', { cause: error });
  }
}

/**
 * Deletes a user's offline data (queued edits and the read cache), e.g. on logout, so one user's edits are
 * never sent under another's session. Open outboxes of that user should be closed first; if one is
 * still open elsewhere, the deletion waits until that tab closes its connection (the outbox closes
 * on `blocking`, so it does not wait long). Resolves when deleted; safe when there is nothing.
 */
export async function wipeOfflineData(userKey: string): Promise<void> {
  if (!defaultFactory()) return;
  // The read cache (`read-cache.ts`, named alike) holds what the user last saw: it goes too.
  await Promise.all([deleteDB(outboxDbName(userKey)), deleteDB(`cr-read-cache-${encodeURIComponent(userKey)}`)]);
}
