/**
 * The fold of the open inbox: a pixel hit is acknowledged once its row is in open_inbox, and this
 * folds the rows into what an open records (the raw hits, the readers' minute rule, the Opened lines,
 * the roll-ups, the change log) right after, oldest first, a chunk per transaction. The transaction
 * deletes the rows it folds, so a row is folded exactly once: a crash before its commit leaves the
 * rows for the next fold, at this instance's next start or any other instance's next hit.
 *
 * On PGlite the database is the server's one thread: a chunk's transaction keeps every request out
 * until it ends, so a chunk is sized to last about `chunkMs`, and while hits keep coming the fold
 * takes at most a `duty` share of the time; the backlog of a burst folds once it eases. On
 * PostgreSQL the fold runs on a connection of its own and the chunks go one after the other.
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
  /** After a fold failed (the database gone), the next try is this much later. */
  retryMs?: number;
}

/** Measured with the tracking bench (docs/scaling.md). */
const ENGINE_DEFAULTS: Record<Db['engine'], Required<Omit<FoldOptions, 'chunkMs'>> & Pick<FoldOptions, 'chunkMs'>> = {
  pglite: { maxChunk: 500, chunkMs: 10, duty: 0.3, retryMs: 1000 },
  postgres: { maxChunk: 500, chunkMs: undefined, duty: 1, retryMs: 1000 },
};

const MIN_CHUNK = 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OpenFolder {
  readonly #db: Db;
  readonly #options: Required<Omit<FoldOptions, 'chunkMs'>> & Pick<FoldOptions, 'chunkMs'>;
  #chunk: number;
  #running: Promise<void> | undefined;
  /** Set by every kick: a pass that began before the latest kick may have missed its rows. */
  #wanted = false;
  /** Kicks so far: kicks during a chunk mean hits are coming (see duty). */
  #kicks = 0;
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

  /** Resolves when no fold runs and none is wanted: every row there was at the last kick is folded (or set aside). */
  async folded(): Promise<void> {
    while (this.#running) await this.#running;
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

  /** Folds chunk after chunk until one comes back short: the inbox held no more. */
  async #pass(): Promise<void> {
    const { chunkMs, maxChunk, duty } = this.#options;
    while (!this.#stopped) {
      const limit = this.#chunk;
      const kicks = this.#kicks;
      const started = performance.now();
      const taken = await this.#foldChunk(limit);
      const elapsed = performance.now() - started;
      if (taken < limit) return;
      if (chunkMs !== undefined) this.#chunk = Math.max(MIN_CHUNK, Math.min(maxChunk, Math.round((limit * chunkMs) / Math.max(elapsed, 1))));
      // Hits came meanwhile: leave the database to them for a while before the next chunk.
      if (duty < 1 && this.#kicks !== kicks) await sleep((elapsed * (1 - duty)) / duty);
      else await nextTurn();
    }
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
