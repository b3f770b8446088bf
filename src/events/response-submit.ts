import type { NewResponseLine } from '../model/types.js';

/**
 * `cr-response-submit`: a response line is about to be saved (Save or Save New Response). Cancelable:
 * a host that calls `preventDefault()` stops the save, and the dialog stays open with its input.
 */
export class ResponseSubmitEvent extends Event {
  static readonly type = 'cr-response-submit';
  readonly line: NewResponseLine;
  constructor(line: NewResponseLine) {
    super(ResponseSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.line = line;
  }
}
