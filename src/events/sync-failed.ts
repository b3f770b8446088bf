import type { OpError } from '../offline/types.js';

/**
 * `cr-sync-failed`: sending a queued edit failed. When `final` (the server refused it, or it
 * conflicts with what the server holds) it waits for a person to retry or discard it; otherwise it
 * is tried again by itself at `retryAt`.
 */
export class SyncFailedEvent extends Event {
  static readonly type = 'cr-sync-failed';
  readonly opId: string;
  /** What went wrong, as plain data: `kind` (`validation`, `conflict`, `unavailable`, `network`...), `status`, `message`, `problem`. */
  readonly error: OpError;
  readonly final: boolean;
  /** When it will be tried again (ms since epoch), if not final. */
  readonly retryAt: number | undefined;
  constructor(init: { opId: string; error: OpError; final: boolean; retryAt?: number }) {
    super(SyncFailedEvent.type, { bubbles: true, composed: true });
    this.opId = init.opId;
    this.error = init.error;
    this.final = init.final;
    this.retryAt = init.retryAt;
  }
}
