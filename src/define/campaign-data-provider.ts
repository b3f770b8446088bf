import { CampaignDataProvider } from '../components/campaign-data-provider/campaign-data-provider.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('campaign-data-provider')) customElements.define('campaign-data-provider', CampaignDataProvider);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-data-provider': CampaignDataProvider;
  }
}
