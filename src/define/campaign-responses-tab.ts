import { CampaignResponsesTab } from '../components/campaign-responses-tab/campaign-responses-tab.js';
import { ensureContextRoot } from '../data/context.js';
import './add-response-dialog.js';
import './response-history.js';

ensureContextRoot();
if (!customElements.get('campaign-responses-tab')) customElements.define('campaign-responses-tab', CampaignResponsesTab);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-responses-tab': CampaignResponsesTab;
  }
}
