/**
 * The read cache: the last lists each element showed (a recipient's campaigns,
 * the first page of a history, the vocabulary), so the tab opens offline with what was last seen,
 * marked with when it was stored. Its own database beside the outbox's (`cr-read-cache-<user>`):
 * losing it loses nothing that matters, and it can change without touching the outbox's schema.
 * Every failure of the cache is swallowed: it is a courtesy, never a reason for a read to fail.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { defaultFactory } from './db.js';

export interface CachedEntry<T = unknown> {
  key: string;
  value: T;
  /** When it was stored (ms since epoch): shown as "as of". */
  storedAt: number;
}

interface ReadCacheSchema extends DBSchema {
  entries: { key: string; value: CachedEntry };
}

/** Each version only adds (see the outbox's `db.ts`). */
const UPGRADES: ((db: IDBPDatabase<ReadCacheSchema>) => void)[] = [(db) => void db.createObjectStore('entries', { keyPath: 'key' })];

export function readCacheDbName(userKey: string): string {
  return `cr-read-cache-${encodeURIComponent(userKey)}`;
}

export class ReadCache {
  readonly dbName: string;
  #db: Promise<IDBPDatabase<ReadCacheSchema> | undefined>;

  private constructor(dbName: string, factory: IDBFactory | undefined) {
    this.dbName = dbName;
    this.#db = factory ? this.#open() : Promise.resolve(undefined);
  }

  /** The cache of `userKey` (or of `dbName`). Without IndexedDB it stores nothing and finds nothing. */
  static open(options: { userKey?: string; dbName?: string; indexedDB?: IDBFactory | null }): ReadCache {
    const name = options.dbName ?? (options.userKey !== undefined ? readCacheDbName(options.userKey) : undefined);
    if (name === undefined) throw new TypeError('ReadCache.open: give a userKey (or a dbName)');
    return new ReadCache(name, options.indexedDB === null ? undefined : (options.indexedDB ?? defaultFactory()));
  }

  #open(): Promise<IDBPDatabase<ReadCacheSchema> | undefined> {
    let db: IDBPDatabase<ReadCacheSchema> | undefined;
    return openDB<ReadCacheSchema>(this.dbName, UPGRADES.length, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion; v < UPGRADES.length; v += 1) UPGRADES[v](database);
      },
      blocking: () => {
        // Another tab upgrades or a logout wipes: step aside, reopen on next use.
        db?.close();
        this.#db = this.#open();
      },
      terminated: () => {
        this.#db = this.#open();
      },
    }).then(
      (opened) => (db = opened),
      () => undefined,
    );
  }

  async get<T>(key: string): Promise<CachedEntry<T> | undefined> {
    try {
      return (await (await this.#db)?.get('entries', key)) as CachedEntry<T> | undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` (structured-cloned: marks and other symbol keys are dropped). */
  async put(key: string, value: unknown, storedAt = Date.now()): Promise<void> {
    try {
      await (await this.#db)?.put('entries', { key, value, storedAt });
    } catch {
      // Full or closed: the next visit shows older data, or none; the server's answer stands.
    }
  }

  async close(): Promise<void> {
    (await this.#db)?.close();
  }

  /** Deletes the cache of `userKey` (part of `wipeOfflineData`). */
  static async wipe(userKey: string): Promise<void> {
    if (!defaultFactory()) return;
    await deleteDB(readCacheDbName(userKey));
  }
}
