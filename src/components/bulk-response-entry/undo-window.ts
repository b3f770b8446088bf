/** How long the whole batch can be undone, where the backend restores. */
export const UNDO_WINDOW_MS = 30_000;

/** The saved batch's Undo: offered for `UNDO_WINDOW_MS`, with the seconds left counted down. */
export class UndoWindow {
  /** Seconds left to undo, or undefined when there is nothing to undo. */
  seconds: number | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #undo: (() => Promise<void>) | undefined;
  /** Called at every second counted, for the host to show it. */
  #tick: () => void;

  constructor(tick: () => void) {
    this.#tick = tick;
  }

  open(undo: () => Promise<void>): void {
    const until = Date.now() + UNDO_WINDOW_MS;
    this.#undo = undo;
    this.seconds = Math.ceil(UNDO_WINDOW_MS / 1000);
    this.#timer = setInterval(() => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) this.close();
      else this.seconds = left;
      this.#tick();
    }, 1000);
  }

  close(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#undo = undefined;
    this.seconds = undefined;
  }

  /** Undoes the batch (once; nothing after the window closed). */
  async undo(): Promise<void> {
    const undo = this.#undo;
    this.close();
    this.#tick();
    if (undo) await undo();
  }
}
