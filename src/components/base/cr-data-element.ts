import { property } from 'lit/decorators.js';
import { AuthError } from '../../adapter/errors.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DataChange } from '../../data/changes.js';
import { AuthRequiredEvent } from '../../events/auth-required.js';
import { CrElement } from './cr-element.js';
import { DataClientController } from './data-client-controller.js';

/**
 * An element that shows a recipient's data: finds its data client (see `DataClientController`),
 * re-reads when that recipient's data changes, and reports 401/403 as `cr-auth-required`.
 */
export class CrDataElement extends CrElement {
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  @property({ attribute: false }) dataClient: CampaignDataClient | undefined;

  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  @property({ attribute: false }) token: string | undefined;

  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  @property({ attribute: false }) getToken: (() => Promise<string | null | undefined>) | undefined;

  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  @property({ attribute: 'recipient-id', reflect: true }) recipientId: string | undefined;

  protected readonly data = new DataClientController(
    this,
    () => this.recipientId,
    (change) => this.dataChanged(change),
  );

  /** Called when the recipient's data changed (a save, a delete); subclasses re-read. */
  protected dataChanged(_change: DataChange): void {}

  /** Rethrows `error`, first telling the host when it is an AuthError, with a way to retry. */
  protected reportFailure(error: unknown, retry: () => void): never {
    if (error instanceof AuthError) this.emit(new AuthRequiredEvent(error, retry));
    throw error;
  }
}
