/**
 * What the outbox tells its subscribers (the data client, a sync status element). Every event is
 * plain data, so the same object travels to other tabs over BroadcastChannel; `remote` marks one
 * that came from another tab (or another Outbox on the same database).
 */
import type { OpError, OpState, OutboxOp } from './types.js';

export type OutboxEvent = (
  | { type: 'queued'; op: OutboxOp }
  /** An operation moved between states. `op` is the record after (null once removed). */
  | { type: 'state'; opId: string; from: OpState; to: OpState; op: OutboxOp | null; result?: unknown }
  /**
   * Gone from the outbox: confirmed (after a `state` to done; `result` is the server's answer),
   * discarded, or made unnecessary.
   */
  | { type: 'removed'; opId: string; reason: 'done' | 'discarded' | 'coalesced'; op: OutboxOp; result?: unknown }
  /** The queue has nothing left to send now; `sent` since the last such event. */
  | { type: 'sync-complete'; at: number; sent: number; failed: number; conflict: number }
  /** A send failed; `retryAt` when it will be tried again, absent when final (failed, conflict) or paused. */
  | { type: 'sync-failed'; opId: string; error: OpError; final: boolean; retryAt?: number }
  /** A 401: sending paused until `resume()` (after the host supplied a new token). */
  | { type: 'auth-required'; opId: string; error: OpError }
  | { type: 'resumed' }
  /** This instance became (or stopped being) the one sender among the tabs. */
  | { type: 'leader'; isLeader: boolean }
  /** Storage news: persistence granted or not, an upgrade blocked by another tab, the connection lost. */
  | { type: 'storage'; persisted?: boolean; blocked?: boolean; reconnecting?: boolean }
) & { remote?: boolean };

export type OutboxEventType = OutboxEvent['type'];
export type OutboxListener = (event: OutboxEvent) => void;

/** A minimal typed emitter: no DOM EventTarget needed, so it runs in a worker as well. */
export class OutboxEmitter {
  #listeners = new Set<OutboxListener>();

  subscribe(listener: OutboxListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: OutboxEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber must not stop the others, nor the sender that emitted.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
