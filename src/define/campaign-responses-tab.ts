import { CampaignResponsesTab } from '../components/campaign-responses-tab/campaign-responses-tab.js';
import { ensureContextRoot } from '../data/context.js';
import { registerElementLoader } from '../components/base/lazy-elements.js';

// The dialog and the history (with its virtualizer) are chunks of their own: the tab's first paint
// needs neither, and the tab loads them when first needed or warms them (idle time, hover, focus).
// A page that wants everything up front imports define/all.js.
registerElementLoader('add-response-dialog', () => import('./add-response-dialog.js'));
registerElementLoader('response-history', () => import('./response-history.js'));

ensureContextRoot();
if (!customElements.get('campaign-responses-tab')) customElements.define('campaign-responses-tab', CampaignResponsesTab);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-responses-tab': CampaignResponsesTab;
  }
}
