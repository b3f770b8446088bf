/**
 * `Outbox`: edits made durable in IndexedDB before the caller hears "saved", delivered later by
 * one tab, in order, exactly once (the operation id is the Idempotency-Key). Plain TypeScript on
 * `idb`; no DOM: it runs in a window or a worker (IndexedDB, Web Locks, BroadcastChannel and
 * `navigator.storage` exist in both).
 */
import type { NewResponseLine } from '../model/types.js';
import { OutboxConnection } from './connection.js';
import { defaultFactory, outboxDbName, type OutboxDb } from './db.js';
import { OutboxStorageError } from './errors.js';
import { askPersistence } from './election.js';
import { OutboxEmitter, type OutboxListener } from './events.js';
import { enqueueEdits } from './enqueue.js';
import { countOps, listOps, readLocalState } from './queries.js';
import { discardOp, updateOp } from './store.js';
import { OutboxTabs } from './outbox-tabs.js';
import { systemClock, type OutboxOptions } from './outbox-options.js';
import type { LocalState, OutboxClock, OutboxCounts, OutboxEdit, OutboxOp } from './types.js';
import { renewedForRetry } from './send-op.js';

export type { OutboxOptions } from './outbox-options.js';

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
  readonly #connection: OutboxConnection;
  readonly #tabs: OutboxTabs;
  #available = false;

  private constructor(dbName: string, options: OutboxOptions) {
    this.dbName = dbName;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#connection = new OutboxConnection(dbName, (event) => this.#emitter.emit(event));
    this.#tabs = new OutboxTabs(dbName, this.#emitter);
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
    outbox.#available = await outbox.#connection.open(factory);
    if (outbox.#available) outbox.#start();
    return outbox;
  }

  /** False when IndexedDB is missing or would not open: run online-only and say so. */
  get available(): boolean {
    return this.#available;
  }

  /** Whether this instance is the one sending for its database now. */
  get isLeader(): boolean {
    return this.#tabs.isLeader;
  }

  /** Whether sending waits for `resume()` after a 401 (as far as this tab has heard). */
  get authPaused(): boolean {
    return this.#tabs.authPaused;
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
    for (const op of done.coalesced) this.#tabs.publish({ type: 'removed', opId: op.opId, reason: 'coalesced', op });
    for (const op of done.ops) if (op.seq > 0 && op.attempts === 0 && op.state === 'pending') this.#tabs.publish({ type: 'queued', op });
    if (done.first && this.#options.requestPersistence !== false) void this.#askPersistence();
    this.#tabs.poke();
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
    if (removed) this.#tabs.publish({ type: 'removed', opId, reason: 'discarded', op: removed });
    for (const op of restored) this.#tabs.publish({ type: 'queued', op });
    this.#tabs.poke();
  }

  /** After a 401: the host has a token again; sending continues (in whichever tab sends). */
  resume(): void {
    this.#tabs.resume();
  }

  /** Look for work now (e.g. on `online`, or when the host knows the server is back). */
  poke(): void {
    this.#tabs.poke({ probeNow: true });
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
    this.#connection.markClosing();
    await this.#tabs.stop();
    this.#connection.close();
  }

  #start(): void {
    const { sender } = this.#options;
    const sending = sender && { options: this.#options, sender, clock: this.#clock, db: () => this.#connection.get(), signal: this.#closing.signal };
    this.#tabs.start(sending);
  }

  async #change(doing: string, opId: string, change: (op: OutboxOp) => OutboxOp): Promise<void> {
    if (!this.available) throw new OutboxStorageError('unavailable', 'offline storage is not available');
    const { before, after } = await this.#withDb(doing, (db) => updateOp(db, opId, change));
    if (!before) return;
    if (after) this.#tabs.publish({ type: 'state', opId, from: before.state, to: after.state, op: after });
    this.#tabs.poke();
  }

  async #askPersistence(): Promise<void> {
    const persisted = await askPersistence();
    if (persisted !== undefined) this.#emitter.emit({ type: 'storage', persisted });
  }

  #withDb<T>(doing: string, work: (db: OutboxDb) => Promise<T>): Promise<T> {
    return this.#connection.run(doing, work);
  }
}
