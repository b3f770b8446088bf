/**
 * The outbox's connection to its database, kept usable across what other tabs and the browser do
 * to it: another tab's upgrade or the browser closing it drops the connection, and the next
 * transaction opens a fresh one instead of failing the edit a person is saving.
 */
import { defaultFactory, openOutboxDb, type ConnectionHooks, type OutboxDb } from './db.js';
import { OutboxStorageError, toStorageError } from './errors.js';
import type { OutboxEvent } from './events.js';

type StorageNews = Extract<OutboxEvent, { type: 'storage' }>;

export class OutboxConnection {
  readonly dbName: string;
  readonly #emit: (event: StorageNews) => void;
  #db: OutboxDb | undefined;
  #reopening: Promise<OutboxDb> | undefined;
  #closed = false;

  constructor(dbName: string, emit: (event: StorageNews) => void) {
    this.dbName = dbName;
    this.#emit = emit;
  }

  /** The first open; false when IndexedDB is missing or refused (the outbox runs online-only). */
  async open(factory: IDBFactory | undefined): Promise<boolean> {
    this.#db = await openOutboxDb(this.dbName, this.#hooks(), factory).catch(() => undefined);
    return this.#db !== undefined;
  }

  /** The open connection, reopened after another tab's upgrade or the browser closed it. */
  get(): Promise<OutboxDb> {
    if (this.#closed && !this.#db) return Promise.reject(new OutboxStorageError('closed', 'the outbox is closed'));
    if (this.#db) return Promise.resolve(this.#db);
    this.#reopening ??= openOutboxDb(this.dbName, this.#hooks(), defaultFactory()).then(
      (db) => {
        this.#db = db;
        this.#reopening = undefined;
        return db;
      },
      (error: unknown) => {
        this.#reopening = undefined;
        throw error;
      },
    );
    return this.#reopening;
  }

  /** Runs `work` on the connection, once more on a fresh one if it was closed under it. */
  async run<T>(doing: string, work: (db: OutboxDb) => Promise<T>): Promise<T> {
    try {
      return await work(await this.get());
    } catch (error) {
      const mapped = toStorageError(error, doing);
      if (mapped.kind !== 'closed' || this.#closed) throw mapped;
      this.#db = undefined;
      try {
        return await work(await this.get());
      } catch (again) {
        throw toStorageError(again, doing);
      }
    }
  }

  /** No reopening from now on: a late answer being recorded finds the outbox closed. */
  markClosing(): void {
    this.#closed = true;
  }

  close(): void {
    this.#closed = true;
    this.#db?.close();
    this.#db = undefined;
  }

  #hooks(): ConnectionHooks {
    const dropped = (reconnecting: boolean) => {
      this.#db = undefined;
      this.#emit({ type: 'storage', reconnecting });
    };
    return {
      onBlocking: () => dropped(false),
      onTerminated: () => dropped(true),
      onBlocked: () => this.#emit({ type: 'storage', blocked: true }),
    };
  }
}
