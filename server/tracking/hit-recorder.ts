/**
 * Group commit for the tracking hits: the pixel and the click redirect hand their hit here and answer
 * once the transaction holding it has committed, so a hit that was answered is stored. While one
 * batch commits, the hits that arrive wait and go together in the next, so under load a commit (and
 * its round trips, and its fsync on PostgreSQL) is shared by many hits, and a lone hit waits for
 * nobody. `close()` flushes what is queued and folds the inbox: a clean shutdown loses nothing that
 * was answered and leaves nothing unfolded.
 *
 * A batch of opens is one INSERT into the open inbox; the Opened lines, the raw hits and the roll-ups
 * follow right after, in the fold (open-fold.ts), so a pixel waits for one statement. A click is
 * written whole before its answer: the redirect needs its link's URL, read in the same transaction.
 */
import type { Db } from '../db/db.js';
import { recordClick } from './delivery.js';
import { storedOpen, type DeferredWrites, type OpenHit, type StoredOpen } from './open-batch.js';
import { OpenFolder, type FoldOptions } from './open-fold.js';
import { insertOpens } from './open-inbox.js';
import type { TrackingClaims } from './tracking-token.js';
import { recordChange } from '../live/change-log.js';
import { applyToRollups } from '../stats/rollups.js';

export interface ClickHit {
  claims: TrackingClaims;
  linkId: string;
  userAgent: string | null;
  at: Date;
}

interface OpenJob { kind: 'open'; open: StoredOpen; resolve: (stored: void) => void; reject: (error: unknown) => void }
interface ClickJob { kind: 'click'; hit: ClickHit; resolve: (url: string | undefined) => void; reject: (error: unknown) => void }
type Job = OpenJob | ClickJob;

/**
 * Waits for the event loop's next turn. PGlite runs each statement synchronously on this thread, so
 * a transaction started at once would run to its commit before the server reads the requests that
 * arrived with this one: every hit would be a batch of one (measured: 447 transactions for 447 hits
 * from 20 clients). After the turn's I/O, every request already received has queued its hit.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Hits per transaction at most: a burst is cut into batches that each commit soon. */
export const DEFAULT_MAX_BATCH = 500;

export class HitRecorder {
  readonly #db: Db;
  readonly #maxBatch: number;
  readonly #folder: OpenFolder | undefined;
  #queue: Job[] = [];
  #running: Promise<void> | undefined;

  /**
   * `fold: false` stores opens in the inbox and never folds them (a test's crash before the fold);
   * otherwise the fold's options, by default the engine's (open-fold.ts).
   */
  constructor(db: Db, options: { maxBatch?: number; fold?: FoldOptions | false } = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    this.#folder = options.fold === false ? undefined : new OpenFolder(db, options.fold);
  }

  /**
   * Resolves once the open is stored durably in the inbox; it is folded into the lines right after.
   * A hit on a mail that was never delivered is stored too, and the fold drops it.
   */
  open(hit: OpenHit): Promise<void> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'open', open: storedOpen(hit), resolve, reject }));
  }

  /** Resolves once the click is stored, with the URL to redirect to; undefined for a link the mail does not have. */
  click(hit: ClickHit): Promise<string | undefined> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'click', hit, resolve, reject }));
  }

  /** Hits waiting for their batch (for a test, or a health figure). */
  get pending(): number {
    return this.#queue.length;
  }

  /** Folds what an earlier run left in the inbox (a crash between an answer and its fold): call at start. */
  foldLeftovers(): void {
    this.#folder?.kick();
  }

  /** Resolves when every hit handed in so far is committed (or failed) and the inbox it went to folded. */
  async folded(): Promise<void> {
    while (this.#running || this.#folder?.busy) {
      await this.#running;
      await this.#folder?.folded();
    }
  }

  /** Flushes the queue and folds the inbox, then folds no more: a clean shutdown. */
  async close(): Promise<void> {
    while (this.#running) await this.#running;
    this.#folder?.kick();
    await this.folded();
    await this.#folder?.stop();
  }

  #enqueue(job: Job): void {
    this.#queue.push(job);
    this.#kick();
  }

  /**
   * Starts a drain unless one runs. A hit queued after a drain found the queue empty but before it
   * ended would otherwise wait for the next hit to start one: the drain's end looks again.
   */
  #kick(): void {
    if (this.#running || this.#queue.length === 0) return;
    this.#running = nextTurn().then(() => this.#drain()).finally(() => {
      this.#running = undefined;
      this.#kick();
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      await this.#commit(batch);
      await nextTurn();
    }
  }

  async #commit(batch: Job[]): Promise<void> {
    const opens = batch.filter((job) => job.kind === 'open');
    const clicks = batch.filter((job) => job.kind === 'click');
    if (opens.length > 0) {
      await this.#settle(opens, async (jobs) => {
        await insertOpens(this.#db, jobs.map((job) => job.open));
        return jobs.map(() => undefined);
      });
      this.#folder?.kick();
    }
    if (clicks.length > 0) await this.#settle(clicks, (jobs) => this.#clicks(jobs));
  }

  /** Stores the jobs together and answers each; one that cannot be stored must not fail the others: each alone, so only it fails. */
  async #settle<J extends Job>(jobs: J[], store: (jobs: J[]) => Promise<Parameters<J['resolve']>[0][]>): Promise<void> {
    try {
      const answers = await store(jobs);
      jobs.forEach((job, i) => (job.resolve as (answer: unknown) => void)(answers[i]));
    } catch (error) {
      if (jobs.length === 1) return jobs[0].reject(error);
      for (const job of jobs) await this.#settle([job], store);
    }
  }

  async #clicks(batch: ClickJob[]): Promise<(string | undefined)[]> {
    return this.#db.transaction(async (tx) => {
      // The roll-ups move once for the whole batch, after its other writes, and the change log is
      // written last, its lock held until commit (see DeferredWrites).
      const deferred: DeferredWrites = { rollups: [], changes: [] };
      const answers: (string | undefined)[] = [];
      // One by one, in order: each is judged by the time since the click before it.
      for (const job of batch) answers.push(await recordClick(tx, job.hit.claims, job.hit.linkId, job.hit.userAgent, job.hit.at, deferred));
      await applyToRollups(tx, deferred.rollups, 1);
      for (const change of deferred.changes) await recordChange(tx, change);
      return answers;
    });
  }
}
