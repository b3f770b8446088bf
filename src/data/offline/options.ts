import type { OutboxOptions } from '../../offline/outbox.js';

/** What `offlineParts()` needs: whose edits these are, and how the device's stores are tuned. */
export interface OfflineOptions {
  /**
   * The signed-in user, as the host knows them (an id, not a secret). Names the databases, so one
   * user's queued edits are never sent under another's session; `wipeOfflineData(userKey)` on logout.
   */
  userKey: string;
  /** The outbox database's name instead of one made from `userKey` (tests). The cache's is `<dbName>-cache`. */
  dbName?: string;
  /** Null: behave as if this browser had no IndexedDB (online-only, with the notice). */
  indexedDB?: IDBFactory | null;
  /** Keep the last lists shown on this device (default true). */
  readCache?: boolean;
  /**
   * On the first read of a list in this page, how long to wait for the server before showing the
   * cached list (marked "as of") and replacing it when the server answers. Default 300 ms.
   */
  cacheGraceMs?: number;
  /** The outbox's own options (backoff, lease, clock, test seams). */
  outbox?: Omit<OutboxOptions, 'userKey' | 'dbName' | 'sender' | 'indexedDB'>;
}
