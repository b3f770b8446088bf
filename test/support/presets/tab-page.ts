/**
 * The page of the presets' end-to-end test: the real <campaign-responses-tab> on a data client whose
 * adapter is the preset named in the query (`?preset=dataverse&recipient=…`), against the fake the
 * test server proxies on this origin.
 */
import '../../../src/define/campaign-responses-tab.js';
import { CampaignDataClient } from '../../../src/data/data-client.js';
import type { CampaignResponseAdapter } from '../../../src/adapter/types.js';
import { createDataverseAdapter } from '../../../src/presets/dataverse.js';
import { createJsonServerAdapter } from '../../../src/presets/json-server.js';
import { createSalesforceAdapter } from '../../../src/presets/salesforce.js';

const params = new URLSearchParams(location.search);
const adapters: Record<string, () => CampaignResponseAdapter> = {
  dataverse: () => createDataverseAdapter({ baseUrl: `${location.origin}/api/data/v9.2`, headers: { Authorization: 'Bearer dataverse-token' } }),
  salesforce: () => createSalesforceAdapter({ baseUrl: `${location.origin}/services/data/v60.0`, headers: { Authorization: 'Bearer salesforce-token' } }),
  'json-server': () => createJsonServerAdapter({ baseUrl: `${location.origin}/json`, author: 'E2E' }),
};
const tab = document.createElement('campaign-responses-tab');
tab.setAttribute('recipient-id', params.get('recipient') ?? '');
(tab as unknown as { dataClient: CampaignDataClient }).dataClient = new CampaignDataClient({ adapter: adapters[params.get('preset') ?? '']() });
document.body.append(tab);
