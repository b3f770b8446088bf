import type { LineOutcome } from '../data/bulk-save.js';

/**
 * `cr-bulk-saved`: a bulk entry's save (or its Retry) ended: every line's outcome, saved (or
 * `queued` on this device), failed with the error, or not sent after Cancel; and how many rows were
 * left out as duplicates.
 */
export class BulkSavedEvent extends Event {
  static readonly type = 'cr-bulk-saved';
  readonly outcomes: readonly LineOutcome[];
  readonly skipped: number;
  constructor(outcomes: readonly LineOutcome[], skipped: number) {
    super(BulkSavedEvent.type, { bubbles: true, composed: true });
    this.outcomes = outcomes;
    this.skipped = skipped;
  }
}
