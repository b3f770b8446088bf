import type { DeleteAllResult } from '../model/types.js';

/**
 * A Delete that waits out its undo time before the backend is asked. Undo within that time and
 * nothing is sent; after it, `done` settles with the server's answer. Chosen over deleting at once
 * and re-creating lines on Undo: re-created lines would get new ids and recorded times, and tracked
 * lines cannot honestly be re-created by hand.
 */
export class PendingDeletion {
  readonly recipientId: string;
  readonly campaignId: string;
  /** The one line deleted; undefined for all of the campaign's. */
  readonly lineId: string | undefined;
  /** The server's answer, or null when undone. Rejects when the backend refused. */
  readonly done: Promise<DeleteAllResult | null>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #state: 'waiting' | 'sending' | 'settled' = 'waiting';
  #resolve!: (result: DeleteAllResult | null) => void;
  #reject!: (error: unknown) => void;
  #send: () => Promise<DeleteAllResult>;
  /** What is left of the undo time, and since when it runs (undefined while paused). */
  #remainingMs: number;
  #runningSince: number | undefined;

  constructor(recipientId: string, campaignId: string, delayMs: number, send: () => Promise<DeleteAllResult>, lineId?: string) {
    this.recipientId = recipientId;
    this.campaignId = campaignId;
    this.lineId = lineId;
    this.#send = send;
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Callers may only look at `done` on failure; keep an unobserved rejection from being reported.
    this.done.catch(() => undefined);
    this.#remainingMs = delayMs;
    this.#runningSince = undefined;
    this.resume();
  }

  /**
   * Stops the undo time (while the person is at the Undo notice: WCAG 2.2.1, Timing Adjustable);
   * `resume()` runs what was left of it.
   */
  pause(): void {
    if (this.#state !== 'waiting' || this.#runningSince === undefined) return;
    clearTimeout(this.#timer);
    this.#remainingMs = Math.max(0, this.#remainingMs - (Date.now() - this.#runningSince));
    this.#runningSince = undefined;
  }

  /** Runs the rest of the undo time after `pause()`. */
  resume(): void {
    if (this.#state !== 'waiting' || this.#runningSince !== undefined) return;
    this.#runningSince = Date.now();
    this.#timer = setTimeout(() => void this.commitNow(), this.#remainingMs);
  }

  /** Whether Undo is still possible. */
  get undoable(): boolean {
    return this.#state === 'waiting';
  }

  /** Cancels the delete; false when it was already sent. */
  undo(): boolean {
    if (this.#state !== 'waiting') return false;
    clearTimeout(this.#timer);
    this.#state = 'settled';
    this.#resolve(null);
    return true;
  }

  /** Sends the delete now (e.g. before another edit of the same campaign, or when the page hides). */
  commitNow(): Promise<DeleteAllResult | null> {
    if (this.#state === 'waiting') {
      clearTimeout(this.#timer);
      this.#state = 'sending';
      this.#send().then(
        (result) => {
          this.#state = 'settled';
          this.#resolve(result);
        },
        (error: unknown) => {
          this.#state = 'settled';
          this.#reject(error);
        },
      );
    }
    return this.done;
  }
}
