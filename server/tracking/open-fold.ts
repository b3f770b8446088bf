/**
 * The fold of the open inbox: a pixel hit is acknowledged once its row is in open_inbox, and this
 * folds the rows into what an open records (the raw hits, the readers' minute rule, the Opened lines,
 * the roll-ups, the change log) right after, oldest first, a chunk per transaction. The transaction
 * deletes the rows it folds, so a row is folded exactly once: a crash before its commit leaves the
 * rows for the next fold, at this instance's next start or any other instance's next hit.
 *
 * While hits keep coming, the answers come first: the fold takes at most a `duty` share of the time,
 * and the backlog of a burst folds once it eases, unless the oldest hit waiting has waited
 * `maxLagMs`: then the fold goes at full speed, so under a load it cannot keep up with at its share,
 * the statistics fall behind by about that much and no more, and the answers slow down instead. On
 * PGlite the database is the server's one thread: a chunk's transaction keeps every request out until
 * it ends, so a chunk is sized to last about `chunkMs`. On PostgreSQL the fold runs on a connection of
 * its own, but on the same cores as the answers' commits.
 */
import type { Db } from '../db/db.js';
import { recordStoredOpens } from './open-batch.js';
import { claimOpens, MAX_FAILED_FOLDS, noteFailedFold, type InboxRow } from './open-inbox.js';

export interface FoldOptions {
  /** The most rows one transaction folds. */
  maxChunk?: number;
  /** Chunks are sized to last about this long; undefined: always maxChunk. */
  chunkMs?: number;
  /** While hits keep coming, the share of the time the fold may hold the database (0 < duty ≤ 1). */
  duty?: number;
  /**
   * While hits keep coming, the least time between two chunks: a chunk's fixed cost (its transaction,
   * its half-dozen statements) is most of a small chunk's, so the hits that come meanwhile fold together.
   */
  gatherMs?: number;
  /** Once the oldest hit waiting for its fold has waited this long, the fold no longer yields to new hits. */
  maxLagMs?: number;
  /** After a fold failed (the database gone), the next try is this much later. */
  retryMs?: number;
}

/**
 * Measured with the tracking bench (docs/scaling.md). On PostgreSQL too the fold shares the machine's
 * cores with the answers: a fold at full speed costs the database about 115 µs and the server about
 * 35 µs a hit, so it took hits to 4,700–6,200/s against 6,700–7,300 at a duty of 0.2 (two runs
 * each, side by side). The lag bound: opens show "within seconds" in the mail tools people compare.
 */
const ENGINE_DEFAULTS: Record<Db['engine'], Required<Omit<FoldOptions, 'chunkMs'>> & Pick<FoldOptions, 'chunkMs'>> = {
  pglite: { maxChunk: 500, chunkMs: 20, duty: 0.2, gatherMs: 100, maxLagMs: 10_000, retryMs: 1000 },
  postgres: { maxChunk: 500, chunkMs: undefined, duty: 0.2, gatherMs: 50, maxLagMs: 10_000, retryMs: 1000 },
};

const MIN_CHUNK = 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class OpenFolder {
  readonly #db: Db;
  readonly #options: Required<Omit<FoldOptions, 'chunkMs'>> & Pick<FoldOptions, 'chunkMs'>;
  #chunk: number;
  #running: Promise<void> | undefined;
  /** Set by every kick: a pass that began before the latest kick may have missed its rows. */
  #wanted = false;
  /** Kicks so far: kicks since the last chunk began mean hits are coming (see #pass). */
  #kicks = 0;
  #kicksAtLastChunk = 0;
  /** While hits are coming, the next chunk begins no sooner (performance.now()). */
  #nextChunkAt = 0;
  /** Since when (performance.now()) the inbox has held rows not yet folded, at the latest; undefined: caught up. */
  #pendingSince: number | undefined;
  /** Callers of folded() waiting now. */
  #waiters = 0;
  /** Ends the pass's wait for hits to gather early: someone waits for the fold. */
  #wake: (() => void) | undefined;
  #stopped = false;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(db: Db, options: FoldOptions = {}) {
    this.#db = db;
    this.#options = { ...ENGINE_DEFAULTS[db.engine], ...options };
    this.#chunk = this.#options.chunkMs === undefined ? this.#options.maxChunk : Math.min(this.#options.maxChunk, 100);
  }

  /** New rows are in the inbox (or may be, at a start): fold them soon. */
  kick(): void {
    if (this.#stopped) return;
    this.#wanted = true;
    this.#kicks += 1;
    this.#pendingSince ??= performance.now();
    if (this.#running) return;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
    });
  }

  /** A fold runs, or waits to try again. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /**
   * Resolves when no fold runs and none is wanted: every row there was at the last kick is folded
   * (or set aside). Meanwhile the fold does not wait to gather hits.
   */
  async folded(): Promise<void> {
    this.#waiters += 1;
    this.#wake?.();
    try {
      while (this.#running) await this.#running;
    } finally {
      this.#waiters -= 1;
    }
  }

  /** Folds no more after the chunk running now (a clean shutdown, after its last fold). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    await this.folded();
  }

  async #run(): Promise<void> {
    while (this.#wanted && !this.#stopped) {
      this.#wanted = false;
      try {
        await this.#pass();
      } catch (error) {
        console.error('Folding tracked opens failed; trying again shortly:', error);
        if (!this.#stopped) this.#retry = setTimeout(() => this.kick(), this.#options.retryMs);
        this.#retry?.unref?.();
        return;
      }
    }
  }

  /**
   * Folds chunk after chunk until one comes back short: the inbox held no more. While hits keep
   * coming (kicks since the last chunk began), a chunk begins no sooner than `gatherMs` after the
   * last ended, nor before the last's `duty` share of the time is reached: the database is left to
   * the hits meanwhile, and what came folds together, a chunk's fixed cost shared by more rows. A
   * backlog with no new hits (after a burst), one whose oldest hit has waited `maxLagMs`, or someone
   * waiting for the fold, goes at full speed.
   */
  async #pass(): Promise<void> {
    const { chunkMs, maxChunk, duty, gatherMs, maxLagMs } = this.#options;
    while (!this.#stopped) {
      const now = performance.now();
      const wait = Math.min(this.#nextChunkAt - now, (this.#pendingSince ?? now) + maxLagMs - now);
      if (this.#kicks !== this.#kicksAtLastChunk && wait > 0 && this.#waiters === 0) await this.#sleep(wait);
      const limit = this.#chunk;
      const kicksBefore = this.#kicks;
      this.#kicksAtLastChunk = kicksBefore;
      const started = performance.now();
      const taken = await this.#foldChunk(limit);
      const ended = performance.now();
      this.#nextChunkAt = ended + Math.max(gatherMs, ((ended - started) * (1 - duty)) / duty);
      if (taken < limit) {
        // Caught up with what the chunk could see; hits kicked in since came after it began.
        this.#pendingSince = this.#kicks !== kicksBefore ? started : undefined;
        return;
      }
      if (chunkMs !== undefined) this.#chunk = Math.max(MIN_CHUNK, Math.min(maxChunk, Math.round((limit * chunkMs) / Math.max(ended - started, 1))));
      await nextTurn();
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  /** Resolves with the rows taken (folded, or set aside after failing alone). */
  async #foldChunk(limit: number): Promise<number> {
    let claimed: InboxRow[] = [];
    try {
      await this.#db.transaction(async (tx) => {
        claimed = await claimOpens(tx, limit);
        if (claimed.length > 0) await recordStoredOpens(tx, claimed);
      });
      return claimed.length;
    } catch (error) {
      // Nothing claimed: the database itself failed; the pass stops and is tried again later.
      if (claimed.length === 0) throw error;
      // One row that cannot be folded must not hold back the others: each alone, so only it fails.
      const rows = claimed;
      for (const row of rows) await this.#foldAlone(row, rows.length === 1 ? error : undefined);
      return rows.length;
    }
  }

  async #foldAlone(row: InboxRow, failed: unknown): Promise<void> {
    let error = failed;
    if (error === undefined) {
      try {
        await this.#db.transaction(async (tx) => {
          const [again] = await claimOpens(tx, 1, row.id);
          if (again) await recordStoredOpens(tx, [again]);
        });
        return;
      } catch (alone) {
        error = alone;
      }
    }
    console.error(`Folding the tracked open ${row.id} failed (after ${MAX_FAILED_FOLDS} failures it is set aside in open_inbox):`, error);
    await noteFailedFold(this.#db, row.id);
  }
}
