/**
 * `Outbox`: edits made durable in IndexedDB before the caller hears "saved", delivered later by
 * one tab, in order, exactly once (the operation id is the Idempotency-Key). Plain TypeScript on
 * `idb`; no DOM: it runs in a window or a worker (IndexedDB, Web Locks, BroadcastChannel and
 * `navigator.storage` exist in both).
 */
import type { NewResponseLine } from '../model/types.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { defaultFactory, openOutboxDb, outboxDbName, type ConnectionHooks, type OutboxDb } from './db.js';
import { OutboxStorageError, toStorageError } from './errors.js';
import { OutboxEmitter, type OutboxEvent, type OutboxListener } from './events.js';
import { SendLoop } from './sender.js';
import { renewedForRetry } from './send-op.js';
import { countOps, discardOp, enqueueEdits, listOps, readLocalState, updateOp, type EnqueueHook } from './store.js';
import type { BackoffOptions, LocalState, OutboxClock, OutboxCounts, OutboxEdit, OutboxOp, OutboxSender } from './types.js';

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

const systemClock: OutboxClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Events of one task, posted together: a 1,000-edit enqueue is one message, not 1,000. */
type ChannelMessage = { events: OutboxEvent[] };

/**
 * The outbox of one user. Open it with `Outbox.open()`; every tab may enqueue, and among the open
 * outboxes of one database exactly one sends (the holder of the Web Lock `cr-outbox-sender:<db>`).
 * Tabs tell each other of every change over the BroadcastChannel `cr-outbox:<db>`.
 *
 * @example
 * const outbox = await Outbox.open({ userKey: user.id, sender: adapter });
 * if (!outbox.available) showOnlineOnlyNotice();
 * outbox.subscribe((event) => { if (event.type === 'state') rerender(event.opId); });
 * const op = await outbox.enqueueAdd(line); // resolved: durable; say "saved (pending)"
 */
export class Outbox {
  readonly dbName: string;
  readonly #options: OutboxOptions;
  readonly #clock: OutboxClock;
  readonly #emitter = new OutboxEmitter();
  readonly #closing = new AbortController();
  #available = false;
  #db: OutboxDb | undefined;
  #reopening: Promise<OutboxDb> | undefined;
  #channel: BroadcastChannel | undefined;
  #loop: SendLoop | undefined;
  #running: Promise<void> | undefined;
  #leader = false;
  #authPaused = false;

  private constructor(dbName: string, options: OutboxOptions) {
    this.dbName = dbName;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * Opens the outbox of `userKey` (or `dbName`). Never rejects for storage reasons: when IndexedDB
   * cannot be used the outbox comes back with `available: false`, its reads empty and `enqueue()`
   * rejecting with `OutboxStorageError('unavailable')`.
   */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const dbName = options.dbName ?? (options.userKey !== undefined ? outboxDbName(options.userKey) : undefined);
    if (dbName === undefined) throw new TypeError('Outbox.open: give a userKey (or a dbName)');
    const outbox = new Outbox(dbName, options);
    const factory = options.indexedDB === null ? undefined : (options.indexedDB ?? defaultFactory());
    outbox.#db = await openOutboxDb(dbName, outbox.#hooks(), factory).catch(() => undefined);
    outbox.#available = outbox.#db !== undefined;
    if (outbox.#available) outbox.#start();
    return outbox;
  }

  /** False when IndexedDB is missing or would not open: run online-only and say so. */
  get available(): boolean {
    return this.#available;
  }

  /** Whether this instance is the one sending for its database now. */
  get isLeader(): boolean {
    return this.#leader;
  }

  /** Whether sending waits for `resume()` after a 401 (as far as this tab has heard). */
  get authPaused(): boolean {
    return this.#authPaused;
  }

  /** Queues one edit. Resolves with its operation once durable; see `enqueueMany`. */
  async enqueue(edit: OutboxEdit): Promise<OutboxOp> {
    const [op] = await this.enqueueMany([edit]);
    return op;
  }

  /** Queues adding a response line (its id made by the client, e.g. `crypto.randomUUID()`). */
  enqueueAdd(line: NewResponseLine): Promise<OutboxOp> {
    return this.enqueue({ kind: 'add', line });
  }

  /** Queues deleting all of a recipient's responses to a campaign (a barrier for that campaign). */
  enqueueDeleteAll(recipientId: string, campaignId: string): Promise<OutboxOp> {
    return this.enqueue({ kind: 'deleteAll', recipientId, campaignId });
  }

  /**
   * Queues edits, in this order, in ONE transaction with their optimistic local state; resolves
   * only after that transaction committed. Rejects with `OutboxStorageError` (`quota`,
   * `unavailable`, `closed`, `unknown`) when the edits are not durable: then nothing was written,
   * so the caller keeps the form filled and does not say "saved". An add of a line id already
   * queued resolves with the existing operation. A delete-all removes earlier edits of its campaign
   * that no server can have seen (they are reported as `removed`, reason `coalesced`).
   */
  async enqueueMany(edits: readonly OutboxEdit[]): Promise<OutboxOp[]> {
    if (!this.available) throw new OutboxStorageError('unavailable', 'offline storage is not available; edits cannot be queued');
    const done = await this.#withDb('enqueue', (db) =>
      enqueueEdits(db, edits, {
        now: this.#clock.now(),
        makeId: () => crypto.randomUUID(),
        durability: this.#options.durability ?? 'strict',
        hook: this.#options.beforeEnqueueCommit,
      }),
    );
    for (const op of done.coalesced) this.#publish({ type: 'removed', opId: op.opId, reason: 'coalesced', op });
    for (const op of done.ops) if (op.seq > 0 && op.attempts === 0 && op.state === 'pending') this.#publish({ type: 'queued', op });
    if (done.first && this.#options.requestPersistence !== false) void this.#askPersistence();
    this.#loop?.poke();
    return done.ops;
  }

  /** Every operation still in the outbox (pending, inflight, failed, conflict), oldest first. */
  async list(): Promise<OutboxOp[]> {
    return this.available ? this.#withDb('list', listOps) : [];
  }

  /** Counts for a sync status display. */
  async counts(): Promise<OutboxCounts> {
    if (!this.available) {
      return { pending: 0, inflight: 0, failed: 0, conflict: 0, oldestPendingAt: null, oldestPendingAgeMs: null, lastSyncAt: null };
    }
    return this.#withDb('counts', (db) => countOps(db, this.#clock.now()));
  }

  /** A recipient's unconfirmed edits, for the data client to merge into the server's lists. */
  async readLocalState(recipientId: string): Promise<LocalState> {
    return this.available ? this.#withDb('read', (db) => readLocalState(db, recipientId)) : { lines: [], deletions: [] };
  }

  /**
   * Sends a failed or conflicted edit again, as it was and under the same operation id (the
   * server answers a repeat it already applied with what it answered then). Its counters restart.
   * An expired edit goes as a new operation (new id and key), see `renewedForRetry`.
   */
  async retry(opId: string): Promise<void> {
    await this.#change('retry', opId, (op) => {
      if (op.state !== 'failed' && op.state !== 'conflict') throw new OutboxStorageError('not-allowed', `only a failed or conflicted edit can be retried (this one is ${op.state})`);
      return { ...op, ...renewedForRetry(op, this.#clock.now(), () => crypto.randomUUID()), state: 'pending', attempts: 0, serverErrors: 0, nextAttemptAt: this.#clock.now() };
    });
  }

  /**
   * Drops an edit a person gave up on: a failed or conflicted one, or a pending one no server can
   * have seen. One that may have reached the server is not silently dropped while in flight.
   * Discarding a delete-all brings back the never-sent edits it had made unnecessary.
   */
  async discard(opId: string): Promise<void> {
    if (!this.available) throw new OutboxStorageError('unavailable', 'offline storage is not available');
    const { removed, restored } = await this.#withDb('discard', (db) =>
      discardOp(db, opId, (op) => {
        const droppable = op.state === 'failed' || op.state === 'conflict' || (op.state === 'pending' && !op.mayHaveReachedServer);
        if (!droppable) throw new OutboxStorageError('not-allowed', `this edit (${op.state}) may be on its way to the server and cannot be discarded now`);
      }),
    );
    if (removed) this.#publish({ type: 'removed', opId, reason: 'discarded', op: removed });
    for (const op of restored) this.#publish({ type: 'queued', op });
    this.#loop?.poke();
  }

  /** After a 401: the host has a token again; sending continues (in whichever tab sends). */
  resume(): void {
    this.#authPaused = false;
    this.#loop?.resume();
    this.#publish({ type: 'resumed' });
  }

  /** Look for work now (e.g. on `online`, or when the host knows the server is back). */
  poke(): void {
    this.#loop?.poke({ probeNow: true });
  }

  /** Subscribes to this outbox's events and those of other tabs on the same database. */
  subscribe(listener: OutboxListener): () => void {
    return this.#emitter.subscribe(listener);
  }

  /**
   * Stops sending (an unanswered request is abandoned and its operation put back, to be sent again
   * under the same id), hands the Web Lock to another tab, and closes the database.
   */
  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort();
    this.#watchReturn(false);
    await this.#running?.catch(() => undefined);
    this.#channel?.close();
    this.#db?.close();
    this.#db = undefined;
  }

  #start(): void {
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`cr-outbox:${this.dbName}`) : undefined;
    this.#channel?.addEventListener('message', (message: MessageEvent<ChannelMessage>) => {
      for (const event of message.data.events) this.#onRemote(event);
    });
    const { sender } = this.#options;
    if (!sender) return;
    const locks = this.#options.useWebLocks === false ? undefined : globalThis.navigator?.locks;
    const loop = new SendLoop({
      db: () => this.#connection(),
      sender,
      clock: this.#clock,
      random: this.#options.random ?? Math.random,
      backoff: { ...DEFAULT_BACKOFF, ...this.#options.backoff },
      leaseMs: this.#options.leaseMs ?? 30_000,
      batchSize: this.#options.batchSize ?? 50,
      exclusive: locks !== undefined,
      emit: (event) => this.#publish(event),
      fetchConflictVersion: this.#options.fetchConflictVersion,
    });
    this.#loop = loop;
    this.#watchReturn(true);
    const signal = this.#closing.signal;
    const lead = async () => {
      this.#setLeader(true);
      try {
        await loop.run(signal);
      } finally {
        this.#setLeader(false);
      }
    };
    this.#running = locks
      ? locks.request(`cr-outbox-sender:${this.dbName}`, { signal }, lead).then(
          () => undefined,
          (error: unknown) => {
            if (!signal.aborted) throw error;
          },
        )
      : lead();
    this.#running.catch((error: unknown) => queueMicrotask(() => {
      throw error;
    }));
  }

  /**
   * Hints that the network may be back: `online`, and a tab that comes back (pageshow, visible
   * again). Safari suspends a background tab and keeps pages in its back-forward cache: timers stand
   * still and `online` may pass unheard meanwhile, so a backoff that grew before is cut short there.
   */
  #onReturn = (event: Event) => {
    if (event.type === 'visibilitychange' && globalThis.document?.visibilityState !== 'visible') return;
    this.#loop?.poke({ probeNow: true });
  };

  #watchReturn(on: boolean): void {
    if (typeof globalThis.addEventListener !== 'function') return;
    const method = on ? 'addEventListener' : 'removeEventListener';
    globalThis[method]('online', this.#onReturn);
    globalThis[method]('pageshow', this.#onReturn);
    globalThis.document?.[method]('visibilitychange', this.#onReturn);
  }

  #setLeader(isLeader: boolean): void {
    this.#leader = isLeader;
    this.#emitter.emit({ type: 'leader', isLeader });
  }

  #publish(event: OutboxEvent): void {
    if (event.type === 'auth-required') this.#authPaused = true;
    this.#emitter.emit(event);
    if (!this.#channel) return;
    this.#outgoing.push(event);
    if (this.#outgoing.length === 1) queueMicrotask(() => this.#postOutgoing());
  }

  #outgoing: OutboxEvent[] = [];

  #postOutgoing(): void {
    const events = this.#outgoing;
    this.#outgoing = [];
    try {
      this.#channel?.postMessage({ events } satisfies ChannelMessage);
    } catch {
      // Closed while a late answer was being recorded: the other tabs read the database anyway.
    }
  }

  #onRemote(event: OutboxEvent): void {
    if (event.type === 'leader') return;
    if (event.type === 'auth-required') this.#authPaused = true;
    if (event.type === 'resumed') {
      this.#authPaused = false;
      this.#loop?.resume();
    }
    // Another tab queued or retried something: the sender (if it is us) looks now.
    if (event.type === 'queued' || event.type === 'state') this.#loop?.poke();
    this.#emitter.emit({ ...event, remote: true });
  }

  async #change(doing: string, opId: string, change: (op: OutboxOp) => OutboxOp): Promise<void> {
    if (!this.available) throw new OutboxStorageError('unavailable', 'offline storage is not available');
    const { before, after } = await this.#withDb(doing, (db) => updateOp(db, opId, change));
    if (!before) return;
    if (after) this.#publish({ type: 'state', opId, from: before.state, to: after.state, op: after });
    this.#loop?.poke();
  }

  async #askPersistence(): Promise<void> {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.persist !== 'function') return;
    try {
      const persisted = (await storage.persisted?.()) || (await storage.persist());
      this.#emitter.emit({ type: 'storage', persisted });
    } catch {
      // Asking is a courtesy; a browser that refuses to answer leaves storage "best effort".
    }
  }

  /** The open connection, reopened after another tab's upgrade or the browser closed it. */
  #connection(): Promise<OutboxDb> {
    if (this.#closing.signal.aborted && !this.#db) return Promise.reject(new OutboxStorageError('closed', 'the outbox is closed'));
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
  async #withDb<T>(doing: string, work: (db: OutboxDb) => Promise<T>): Promise<T> {
    try {
      return await work(await this.#connection());
    } catch (error) {
      const mapped = toStorageError(error, doing);
      if (mapped.kind !== 'closed' || this.#closing.signal.aborted) throw mapped;
      this.#db = undefined;
      try {
        return await work(await this.#connection());
      } catch (again) {
        throw toStorageError(again, doing);
      }
    }
  }

  #hooks(): ConnectionHooks {
    const dropped = (reconnecting: boolean) => {
      this.#db = undefined;
      this.#emitter.emit({ type: 'storage', reconnecting });
    };
    return {
      onBlocking: () => dropped(false),
      onTerminated: () => dropped(true),
      onBlocked: () => this.#emitter.emit({ type: 'storage', blocked: true }),
    };
  }
}
