import { CampaignSyncStatus } from '../components/campaign-sync-status/campaign-sync-status.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('campaign-sync-status')) customElements.define('campaign-sync-status', CampaignSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-sync-status': CampaignSyncStatus;
  }
}
