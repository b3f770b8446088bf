export type CloseReason = 'escape' | 'cancel-button' | 'close-button';

/**
 * `cr-request-close`: the person asked to close a dialog (Escape, Cancel, ×). Cancelable: a host that
 * calls `preventDefault()` keeps it open. `dirty` says whether unsaved input would be discarded.
 */
export class RequestCloseEvent extends Event {
  static readonly type = 'cr-request-close';
  readonly reason: CloseReason;
  readonly dirty: boolean;
  constructor(reason: CloseReason, dirty: boolean) {
    super(RequestCloseEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.reason = reason;
    this.dirty = dirty;
  }
}
