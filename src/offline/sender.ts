/**
 * The send loop of the one sending tab: claim (one transaction) → send (no transaction open) →
 * record the answer (another transaction). It backs off as a whole on 429/5xx/network errors and
 * then probes with a single operation before going back to full speed; a 401 pauses it.
 */
import { classify, retryDelay, type Outcome } from './backoff.js';
import { ClaimRecords, type RecordDeps } from './claim-records.js';
import { countOps } from './queries.js';
import { claimSendable, type Claimed } from './store.js';
import { expiryOf, sendOp } from './send-op.js';
import { sendAddBatch } from './send-batch.js';
import type { OutboxSender } from './types.js';

export interface SendLoopDeps extends RecordDeps {
  sender: OutboxSender;
  leaseMs: number;
  batchSize: number;
  /** The adds of a claim go in one request (`sender.addResponses`). */
  batchAdds: boolean;
  /** Holding the Web Lock: an inflight operation claimed by anyone else is an orphan of a gone sender. */
  exclusive: boolean;
}

type Claim = Claimed['ops'][number];

export class SendLoop {
  readonly #deps: SendLoopDeps;
  #wake: (() => void) | undefined;
  #poked = false;
  #authPaused = false;
  #backoffUntil = 0;
  /** Consecutive retryable failures of the whole sender: the exponent of its backoff. */
  #streak = 0;
  #probing = false;
  #probeEarly = false;
  #sentSinceComplete = 0;
  #myClaims = new Set<string>();

  constructor(deps: SendLoopDeps) {
    this.#deps = deps;
  }

  get authPaused(): boolean {
    return this.#authPaused;
  }

  /** Something changed (an edit queued, a retry): look again now instead of at the next timer. */
  poke(options: { probeNow?: boolean } = {}): void {
    if (options.probeNow && this.#backoffUntil > this.#deps.clock.now()) {
      // A hint that the network is back (an `online` event): probe now, with one operation.
      this.#backoffUntil = 0;
      this.#probing = true;
      this.#probeEarly = true;
    }
    this.#poked = true;
    this.#wake?.();
  }

  /** After a 401 the host supplied a token again. */
  resume(): void {
    this.#authPaused = false;
    this.poke();
  }

  /** Runs until `signal` aborts; never rejects for a send's failure (those are recorded). */
  async run(signal: AbortSignal): Promise<void> {
    const { clock } = this.#deps;
    while (!signal.aborted) {
      this.#poked = false;
      const now = clock.now();
      if (this.#authPaused) {
        await this.#sleep(null, signal);
        continue;
      }
      if (now < this.#backoffUntil) {
        await this.#sleep(this.#backoffUntil, signal);
        continue;
      }
      const claimId = crypto.randomUUID();
      this.#myClaims.add(claimId);
      const claimed = await claimSendable(await this.#deps.db(), {
        now,
        limit: this.#probing ? 1 : this.#deps.batchSize,
        leaseMs: this.#deps.leaseMs,
        claimId,
        orphaned: (op) => this.#deps.exclusive && !this.#myClaims.has(op.claimId ?? ''),
        probeEarly: this.#probeEarly,
        probe: this.#probing,
      });
      this.#probeEarly = false;
      for (const { op, stateBefore } of claimed.ops) this.#deps.emit({ type: 'state', opId: op.opId, from: stateBefore, to: 'inflight', op });
      if (claimed.ops.length === 0) {
        this.#myClaims.delete(claimId);
        if (claimed.wakeAt === null && this.#sentSinceComplete > 0) await this.#complete();
        await this.#sleep(claimed.wakeAt, signal);
        continue;
      }
      await this.#sendClaimed(claimed.ops, claimId, signal);
      this.#myClaims.delete(claimId);
    }
  }

  async #complete(): Promise<void> {
    const counts = await countOps(await this.#deps.db(), this.#deps.clock.now());
    this.#deps.emit({ type: 'sync-complete', at: this.#deps.clock.now(), sent: this.#sentSinceComplete, failed: counts.failed, conflict: counts.conflict });
    this.#sentSinceComplete = 0;
  }

  /**
   * Sends the claimed operations one after another. The claim holds no two that depend on each
   * other, so each answer is recorded in its own transaction while the next request is already
   * out: recording never waits on the network, and the network never waits on a commit.
   */
  async #sendClaimed(all: Claim[], claimId: string, signal: AbortSignal): Promise<void> {
    const records = new ClaimRecords(this.#deps, claimId, (sent) => (this.#sentSinceComplete += sent));
    let claims = all;
    const adds = this.#deps.batchAdds ? claims.filter(({ op }) => op.kind === 'add' && op.payload.line && !expiryOf(op, this.#deps.clock.now(), this.#deps.sender)) : [];
    // The claim holds no two edits that depend on each other, so its adds may go first, together.
    if (adds.length > 1 && !signal.aborted && !this.#authPaused && this.#backoffUntil <= this.#deps.clock.now()) {
      const answer = await sendAddBatch(this.#deps.sender, adds, signal);
      this.#afterAnswer(answer.kind === 'failed' ? answer.outcome : { kind: 'done' });
      for (const line of answer.kind === 'failed' ? adds.map((claim) => ({ claim, outcome: answer.outcome, result: undefined })) : answer.lines) {
        if (line.outcome.kind === 'done') records.confirm(line.claim.op, line.result);
        else records.answer(line.claim.op, line.outcome);
      }
      claims = claims.filter((claim) => !adds.includes(claim));
    }
    for (let i = 0; i < claims.length; i += 1) {
      if (signal.aborted || this.#authPaused || this.#backoffUntil > this.#deps.clock.now()) {
        // Unsent: give them back as they were, the server has not seen them through us.
        for (const rest of claims.slice(i)) records.record(rest.op, { kind: 'aborted' }, rest.reachedBefore);
        break;
      }
      const { op } = claims[i];
      const expired = expiryOf(op, this.#deps.clock.now(), this.#deps.sender);
      if (expired) {
        // Given up before sending: a person sees it failed and may send it again as a new edit.
        records.record(op, { kind: 'failed', error: expired }, claims[i].reachedBefore);
        continue;
      }
      let outcome: Outcome | { kind: 'done' };
      let result: unknown;
      try {
        result = await sendOp(this.#deps.sender, op, signal);
        outcome = { kind: 'done' };
      } catch (error) {
        outcome = classify(error);
      }
      this.#afterAnswer(outcome);
      if (outcome.kind === 'done') records.confirm(op, result);
      else records.answer(op, outcome);
    }
    await records.settled();
  }

  /** The sender-wide consequences of an answer: back off, pause, or go back to full speed. */
  #afterAnswer(outcome: Outcome | { kind: 'done' }): void {
    const { clock, backoff, random } = this.#deps;
    if (outcome.kind === 'retry') {
      this.#streak += 1;
      this.#backoffUntil = clock.now() + retryDelay(this.#streak, outcome.retryAfterMs, backoff, random);
      this.#probing = true;
    } else if (outcome.kind === 'auth') {
      this.#authPaused = true;
    } else if (outcome.kind !== 'aborted') {
      // Any other answer came from a working server: the probe succeeded.
      this.#streak = 0;
      this.#probing = false;
    }
  }

  /** Waits for a poke, the abort, or the clock reaching `until` (null: no timer). */
  #sleep(until: number | null, signal: AbortSignal): Promise<void> {
    if (this.#poked || signal.aborted) return Promise.resolve();
    const { clock } = this.#deps;
    return new Promise<void>((resolve) => {
      let timer: unknown;
      const done = () => {
        this.#wake = undefined;
        if (timer !== undefined) clock.clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#wake = done;
      signal.addEventListener('abort', done);
      if (until !== null) timer = clock.setTimeout(done, Math.max(0, until - clock.now()));
    });
  }
}
