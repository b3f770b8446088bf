/**
 * The server's answers to deletes queued in the outbox, kept by operation id: a delete-all sent
 * later still tells the person what it kept, and can be restored as a whole by its `deletionId`.
 */
import type { Outbox } from '../offline/outbox.js';
import type { DeleteAllResult } from '../model/types.js';

/** Answers kept; older ones are forgotten (a person restores what they just deleted). */
const KEPT = 100;

export class DeliveryReceipts {
  #outbox: Outbox;
  #answers = new Map<string, DeleteAllResult>();
  #waiting = new Map<string, Set<{ resolve: (answer: DeleteAllResult) => void; reject: (error: Error) => void }>>();

  constructor(outbox: Outbox) {
    this.#outbox = outbox;
    // Events of every tab: the one that sends may not be the one where the person deleted.
    outbox.subscribe((event) => {
      if (event.type !== 'removed' || event.op.kind === 'add') return;
      if (event.reason === 'done') this.#settle(event.opId, event.result as DeleteAllResult);
      else this.#settle(event.opId, new Error(`the delete was ${event.reason} before it was sent`));
    });
  }

  /** The server's answer to the delete `opId`, waiting for it while the delete is still queued. */
  async answerTo(opId: string, signal?: AbortSignal): Promise<DeleteAllResult> {
    const known = this.#answers.get(opId);
    if (known) return known;
    const answer = new Promise<DeleteAllResult>((resolve, reject) => {
      const waiter = { resolve, reject };
      const set = this.#waiting.get(opId) ?? new Set();
      set.add(waiter);
      this.#waiting.set(opId, set);
      signal?.addEventListener('abort', () => {
        set.delete(waiter);
        reject(signal.reason as Error);
      }, { once: true });
    });
    // Registered first, looked up second: an answer arriving in between is not missed.
    const queued = (await this.#outbox.list()).some((op) => op.opId === opId);
    if (!queued && !this.#answers.has(opId)) this.#settle(opId, new Error('this delete is not queued on this device'));
    return answer;
  }

  /**
   * Drops the delete `opId` if it is still queued and no server can have seen it (the cheapest
   * restore); false when it is gone already or may be on its way.
   */
  async discardUnsent(opId: string): Promise<boolean> {
    const op = (await this.#outbox.list()).find((queued) => queued.opId === opId);
    if (!op || op.mayHaveReachedServer || op.state === 'inflight') return false;
    return this.#outbox.discard(opId).then(() => true, () => false);
  }

  #settle(opId: string, outcome: DeleteAllResult | Error): void {
    if (!(outcome instanceof Error)) {
      this.#answers.set(opId, outcome);
      if (this.#answers.size > KEPT) this.#answers.delete(this.#answers.keys().next().value as string);
    }
    for (const waiter of this.#waiting.get(opId) ?? []) {
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve(outcome);
    }
    this.#waiting.delete(opId);
  }
}
