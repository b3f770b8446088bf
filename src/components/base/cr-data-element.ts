import { property } from 'lit/decorators.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DataChange } from '../../data/changes.js';
import { CrClientElement } from './cr-client-element.js';
import { DataClientController } from './data-client-controller.js';

/**
 * An element that uses the recipient side's data client: its `dataClient` property, else a
 * provider's, the configured one, or one made from `api-base` (see `DataClientController`).
 */
export class CrDataClientElement extends CrClientElement {
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  @property({ attribute: false }) dataClient: CampaignDataClient | undefined;

  protected readonly data = new DataClientController(
    this,
    () => this.watchedRecipient(),
    (change) => this.dataChanged(change),
  );

  /** The recipient whose changes `dataChanged()` hears, if any. */
  protected watchedRecipient(): string | undefined {
    return undefined;
  }

  /** Called when the watched recipient's data changed (a save, a delete); subclasses re-read. */
  protected dataChanged(_change: DataChange): void {}
}

/**
 * An element that shows a recipient's data: re-reads when that recipient's data changes, and
 * reports 401/403 as `cr-auth-required`.
 */
export class CrDataElement extends CrDataClientElement {
  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  @property({ attribute: 'recipient-id', reflect: true }) recipientId: string | undefined;

  protected override watchedRecipient(): string | undefined {
    return this.recipientId;
  }
}
