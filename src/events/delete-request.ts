/**
 * `cr-delete-request`: the person chose Actions → Delete for a campaign (in the Update Status flow).
 * Cancelable. `<campaign-responses-tab>` answers it with its confirmation and undo; a host using
 * `<add-response-dialog>` alone listens for it to run its own.
 */
export class DeleteRequestEvent extends Event {
  static readonly type = 'cr-delete-request';
  readonly recipientId: string;
  readonly campaignId: string;
  constructor(recipientId: string, campaignId: string) {
    super(DeleteRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.recipientId = recipientId;
    this.campaignId = campaignId;
  }
}
