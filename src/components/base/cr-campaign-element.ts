import { property } from 'lit/decorators.js';
import { AuthError } from '../../adapter/errors.js';
import type { CampaignChange, CampaignReportsClient } from '../../data/reports-client.js';
import { AuthRequiredEvent } from '../../events/auth-required.js';
import { CrElement } from './cr-element.js';
import { ReportsClientController } from './reports-client-controller.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enCampaign } from '../../i18n/en/campaign.js';

/**
 * An element that shows one campaign's statistics or reports: finds its campaign-side client (see
 * `ReportsClientController`), hears when its campaign changed (a send, a fresh statistics read,
 * `notifyChanged()`), and reports 401/403 as `cr-auth-required`.
 */
export class CrCampaignElement extends CrElement {
  static {
    // The campaign side's English strings (the recipient side's elements do not carry them).
    registerEnglish(enCampaign);
  }

  /** The campaign-side client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  @property({ attribute: false }) reportsClient: CampaignReportsClient | undefined;

  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  @property({ attribute: false }) token: string | undefined;

  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  @property({ attribute: false }) getToken: (() => Promise<string | null | undefined>) | undefined;

  /** The campaign whose figures are shown. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId: string | undefined;

  protected readonly reports = new ReportsClientController(
    this,
    () => this.campaignId,
    (change) => this.campaignChanged(change),
  );

  /** Called when the campaign changed (a send, a fresh read elsewhere); subclasses re-read. */
  protected campaignChanged(_change: CampaignChange): void {}

  /** Rethrows `error`, first telling the host when it is an AuthError, with a way to retry. */
  protected reportFailure(error: unknown, retry: () => void): never {
    if (error instanceof AuthError) this.emit(new AuthRequiredEvent(error, retry));
    throw error;
  }
}
