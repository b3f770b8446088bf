/**
 * `cr-sync-complete`: the offline queue has nothing left to send now. `sent` edits reached the
 * backend since the last such event; `failed` and `conflict` are the edits waiting for a person.
 */
export class SyncCompleteEvent extends Event {
  static readonly type = 'cr-sync-complete';
  /** When (ms since epoch). */
  readonly at: number;
  readonly sent: number;
  readonly failed: number;
  readonly conflict: number;
  constructor(init: { at: number; sent: number; failed: number; conflict: number }) {
    super(SyncCompleteEvent.type, { bubbles: true, composed: true });
    this.at = init.at;
    this.sent = init.sent;
    this.failed = init.failed;
    this.conflict = init.conflict;
  }
}
