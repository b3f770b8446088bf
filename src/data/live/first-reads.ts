/**
 * The reads of one record that its stream does not cover yet: those made before the stream's
 * first `ready`. The stream is opened after the lowest change id they were answered at (the
 * backend's `Last-Change-Id`), so a change made between them and its start comes with it and
 * nothing is read twice. Where a read had no id (another backend, the device's cache), or the
 * backend could not start from one, a change in between may have been missed: `missed` says so,
 * and the record is read once more.
 */
import { changeIdOf } from '../../adapter/change-id.js';

const NUMERIC = /^\d{1,30}$/u;

export class FirstReads {
  /** Reads not yet answered. */
  inFlight = 0;
  #answered = false;
  #unknown = false;
  #lowest: bigint | undefined;
  /** Called when the last read in flight settles. */
  onSettled: (() => void) | undefined;

  async track<T>(run: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      const answer = await run();
      this.#note(changeIdOf(answer));
      return answer;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.onSettled?.();
    }
  }

  /** The id to open the stream after: the lowest, when every answered read said one. */
  get after(): string | undefined {
    return this.#answered && !this.#unknown && this.#lowest !== undefined ? String(this.#lowest) : undefined;
  }

  /** Whether a stream that starts at `lastId`, not resumed from these reads, may have missed a change they did not see. */
  missed(lastId: string | undefined): boolean {
    if (!this.#answered) return false;
    if (this.#unknown || this.#lowest === undefined || lastId === undefined || !NUMERIC.test(lastId)) return true;
    return this.#lowest < BigInt(lastId);
  }

  // Only an answer counts: a failed read shows its error, and its retry reads again.
  #note(changeId: string | undefined): void {
    this.#answered = true;
    if (changeId === undefined || !NUMERIC.test(changeId)) {
      this.#unknown = true;
      return;
    }
    const id = BigInt(changeId);
    if (this.#lowest === undefined || id < this.#lowest) this.#lowest = id;
  }
}
