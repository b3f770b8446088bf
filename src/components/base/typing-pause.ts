/**
 * What a person types in a filter reaches the server once typing pauses, not at every key: one
 * request for a word instead of one per letter. The history's and the report's note filters share it,
 * so they answer typing the same way.
 */
export class TypingPause {
  /** How long typing must pause before the work runs. */
  static readonly DELAY_MS = 300;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs `work` once no other call has come for `DELAY_MS`; an earlier call's work is dropped. */
  after(work: () => void): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(work, TypingPause.DELAY_MS);
  }

  /** Drops the work still waiting (the filter was applied at once, cleared, or left the page). */
  cancel(): void {
    clearTimeout(this.#timer);
  }
}
