import type { ResponseLine } from '../model/types.js';

/** `cr-response-saved`: the backend stored a response line (the line as the server returned it). */
export class ResponseSavedEvent extends Event {
  static readonly type = 'cr-response-saved';
  readonly line: ResponseLine;
  constructor(line: ResponseLine) {
    super(ResponseSavedEvent.type, { bubbles: true, composed: true });
    this.line = line;
  }
}
