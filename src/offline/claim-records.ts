/**
 * What the send loop writes down after a request: the answer to each operation of a claim, each in
 * a transaction of its own, started while the next request is already out. Recording never waits
 * on the network, and the network never waits on a commit. Apart from `sender.ts`, which decides
 * what to send and when.
 */
import { retryDelay, type Outcome } from './backoff.js';
import type { OutboxDb } from './db.js';
import type { OutboxEvent } from './events.js';
import { removeConfirmed, updateOp } from './store.js';
import type { BackoffOptions, OutboxClock, OutboxOp } from './types.js';

/** Confirmations removed per transaction. */
const CONFIRM_BATCH = 10;

/** What recording needs of the send loop. */
export interface RecordDeps {
  db(): Promise<OutboxDb>;
  clock: OutboxClock;
  random: () => number;
  backoff: BackoffOptions;
  emit(event: OutboxEvent): void;
  /** Asks the server for its version of a conflicted edit; its answer is kept on the operation. */
  fetchConflictVersion?: (op: OutboxOp) => Promise<unknown>;
}

/** The records of one claim: begun as its answers come, awaited together when the claim is done. */
export class ClaimRecords {
  readonly #deps: RecordDeps;
  readonly #claimId: string;
  readonly #onConfirmed: (count: number) => void;
  readonly #records: Promise<void>[] = [];
  // Confirmations are removed a few per transaction: a page that dies before that re-sends them
  // under the same key and the server replays its answer, so batching them costs nothing real.
  #confirmed: { op: OutboxOp; result: unknown }[] = [];

  /** `onConfirmed` hears how many operations left the outbox as done, once they have. */
  constructor(deps: RecordDeps, claimId: string, onConfirmed: (count: number) => void) {
    this.#deps = deps;
    this.#claimId = claimId;
    this.#onConfirmed = onConfirmed;
  }

  /** The server applied `op` and answered `result`. */
  confirm(op: OutboxOp, result: unknown): void {
    this.#confirmed.push({ op, result });
    if (this.#confirmed.length >= CONFIRM_BATCH) this.#flush();
  }

  /** The server answered `op` with something other than a confirmation; a conflict with what it holds. */
  answer(op: OutboxOp, outcome: Outcome): void {
    this.#records.push(this.#recordAnswer(op, outcome));
  }

  /** `op` was not answered (not sent, or given up before sending); `reached`: an earlier attempt may have reached the server. */
  record(op: OutboxOp, outcome: Outcome, reached: boolean): void {
    this.#records.push(this.#record(op, outcome, reached));
  }

  /** Waits until every answer of the claim is recorded. */
  async settled(): Promise<void> {
    this.#flush();
    await Promise.all(this.#records);
  }

  #flush(): void {
    if (this.#confirmed.length > 0) this.#records.push(this.#confirm(this.#confirmed));
    this.#confirmed = [];
  }

  async #recordAnswer(op: OutboxOp, outcome: Outcome): Promise<void> {
    let serverVersion: unknown;
    if (outcome.kind === 'conflict' && this.#deps.fetchConflictVersion) {
      serverVersion = await this.#deps.fetchConflictVersion(op).catch(() => undefined);
    }
    await this.#record(op, outcome, true, serverVersion);
  }

  async #confirm(items: { op: OutboxOp; result: unknown }[]): Promise<void> {
    const at = this.#deps.clock.now();
    await removeConfirmed(await this.#deps.db(), items.map(({ op }) => op.seq), at);
    this.#onConfirmed(items.length);
    for (const { op, result } of items) {
      this.#deps.emit({ type: 'state', opId: op.opId, from: 'inflight', to: 'done', op: null, result });
      this.#deps.emit({ type: 'removed', opId: op.opId, reason: 'done', op, result });
    }
  }

  /** Records an answer other than a confirmation, if the op is still ours (our claim). */
  async #record(claimed: OutboxOp, outcome: Outcome, reached: boolean, serverVersion?: unknown): Promise<void> {
    const { clock, backoff, random, emit } = this.#deps;
    const claimId = this.#claimId;
    const now = clock.now();
    const { before, after } = await updateOp(await this.#deps.db(), claimed.opId, (op) => {
      if (op.state !== 'inflight' || op.claimId !== claimId) return null;
      const released = { ...op, state: 'pending' as const, claimId: undefined, claimedAt: undefined, leaseUntil: undefined };
      switch (outcome.kind) {
        case 'aborted':
          return { ...released, mayHaveReachedServer: reached };
        case 'auth':
          return { ...released, lastError: outcome.error };
        case 'conflict':
          return { ...released, state: 'conflict', attempts: op.attempts + 1, lastError: outcome.error, serverVersion };
        case 'failed':
          return { ...released, state: 'failed', attempts: op.attempts + 1, lastError: outcome.error };
        case 'retry': {
          const attempts = op.attempts + 1;
          const serverErrors = op.serverErrors + (outcome.answered ? 1 : 0);
          const exhausted = serverErrors >= backoff.maxServerAttempts;
          const nextAttemptAt = now + retryDelay(attempts, outcome.retryAfterMs, backoff, random);
          return { ...released, state: exhausted ? 'failed' : 'pending', attempts, serverErrors, nextAttemptAt, lastError: outcome.error };
        }
      }
    });
    if (!before || !after || after === before) return;
    emit({ type: 'state', opId: claimed.opId, from: before.state, to: after.state, op: after });
    if (outcome.kind === 'auth') emit({ type: 'auth-required', opId: claimed.opId, error: outcome.error });
    else if (outcome.kind !== 'aborted') {
      const final = after.state === 'failed' || after.state === 'conflict';
      emit({ type: 'sync-failed', opId: claimed.opId, error: outcome.error, final, ...(final ? {} : { retryAt: after.nextAttemptAt }) });
    }
  }
}
