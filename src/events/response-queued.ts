import type { ResponseLine } from '../model/types.js';

/**
 * `cr-response-queued`: an edit was stored durably on this device and will be sent when the
 * backend can be reached (offline edits on). For an added line `line` is the line as shown, marked
 * pending; for a Delete (after its undo time) `kind` is `deleteAll` and there is no line. The
 * backend has not seen it yet: `cr-sync-complete` follows once the queue is empty.
 */
export class ResponseQueuedEvent extends Event {
  static readonly type = 'cr-response-queued';
  readonly kind: 'add' | 'deleteAll';
  /** The outbox operation (its id is the request's Idempotency-Key). */
  readonly opId: string;
  readonly recipientId: string;
  readonly campaignId: string;
  readonly line: ResponseLine | undefined;
  constructor(init: { kind: 'add' | 'deleteAll'; opId: string; recipientId: string; campaignId: string; line?: ResponseLine }) {
    super(ResponseQueuedEvent.type, { bubbles: true, composed: true });
    this.kind = init.kind;
    this.opId = init.opId;
    this.recipientId = init.recipientId;
    this.campaignId = init.campaignId;
    this.line = init.line;
  }
}
