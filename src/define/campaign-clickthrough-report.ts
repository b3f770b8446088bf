import { CampaignClickthroughReport } from '../components/campaign-clickthrough-report/campaign-clickthrough-report.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('campaign-clickthrough-report')) customElements.define('campaign-clickthrough-report', CampaignClickthroughReport);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-clickthrough-report': CampaignClickthroughReport;
  }
}
