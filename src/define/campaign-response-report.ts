import { CampaignResponseReport } from '../components/campaign-response-report/campaign-response-report.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('campaign-response-report')) customElements.define('campaign-response-report', CampaignResponseReport);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-response-report': CampaignResponseReport;
  }
}
