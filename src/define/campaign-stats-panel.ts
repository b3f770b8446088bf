import { CampaignStatsPanel } from '../components/campaign-stats-panel/campaign-stats-panel.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('campaign-stats-panel')) customElements.define('campaign-stats-panel', CampaignStatsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-stats-panel': CampaignStatsPanel;
  }
}
