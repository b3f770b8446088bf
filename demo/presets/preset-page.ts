/**
 * The presets' demo pages (and their end-to-end test): the real <campaign-responses-tab> on a data
 * client whose adapter is the page's preset (`<body data-preset data-recipient>`), against the fake
 * that `npm start`'s presets server puts on this origin (test/support/presets/serve-presets.ts).
 */
import '../../src/define/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { CampaignResponseAdapter } from '../../src/adapter/types.js';
import { createDataverseAdapter } from '../../src/presets/dataverse.js';
import { createJsonServerAdapter } from '../../src/presets/json-server.js';
import { createSalesforceAdapter } from '../../src/presets/salesforce.js';

const { preset = '', recipient = '' } = document.body.dataset;
const adapters: Record<string, () => CampaignResponseAdapter> = {
  dataverse: () => createDataverseAdapter({ baseUrl: `${location.origin}/api/data/v9.2`, headers: { Authorization: 'Bearer dataverse-token' } }),
  salesforce: () => createSalesforceAdapter({ baseUrl: `${location.origin}/services/data/v60.0`, headers: { Authorization: 'Bearer salesforce-token' } }),
  'json-server': () => createJsonServerAdapter({ baseUrl: `${location.origin}/json`, author: 'E2E' }),
};
const tab = document.createElement('campaign-responses-tab');
tab.setAttribute('recipient-id', recipient);
(tab as unknown as { dataClient: CampaignDataClient }).dataClient = new CampaignDataClient({ adapter: adapters[preset]() });
document.querySelector('main')?.append(tab);
