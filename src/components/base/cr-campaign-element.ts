import { property } from 'lit/decorators.js';
import type { CampaignChange, CampaignReportsClient } from '../../data/reports-client.js';
import { CrClientElement } from './cr-client-element.js';
import { ReportsClientController } from './reports-client-controller.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enCampaign } from '../../i18n/en/campaign.js';

/**
 * An element that shows one campaign's statistics or reports: finds its campaign-side client (see
 * `ReportsClientController`), hears when its campaign changed (a send, a fresh statistics read,
 * `notifyChanged()`), and reports 401/403 as `cr-auth-required`.
 */
export class CrCampaignElement extends CrClientElement {
  static {
    // The campaign side's English strings (the recipient side's elements do not carry them).
    registerEnglish(enCampaign);
  }

  /** The campaign-side client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  @property({ attribute: false }) reportsClient: CampaignReportsClient | undefined;

  /** The campaign whose figures are shown. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId: string | undefined;

  protected readonly reports = new ReportsClientController(
    this,
    () => this.campaignId,
    (change) => this.campaignChanged(change),
  );

  /** Called when the campaign changed (a send, a fresh read elsewhere); subclasses re-read. */
  protected campaignChanged(_change: CampaignChange): void {}
}
