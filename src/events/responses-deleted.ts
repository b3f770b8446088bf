/**
 * `cr-responses-deleted`: all of a recipient's responses to a campaign were deleted on the backend
 * (after the undo period ran out). `deleted` is the number of lines the server removed.
 */
export class ResponsesDeletedEvent extends Event {
  static readonly type = 'cr-responses-deleted';
  readonly recipientId: string;
  readonly campaignId: string;
  readonly deleted: number;
  constructor(recipientId: string, campaignId: string, deleted: number) {
    super(ResponsesDeletedEvent.type, { bubbles: true, composed: true });
    this.recipientId = recipientId;
    this.campaignId = campaignId;
    this.deleted = deleted;
  }
}
