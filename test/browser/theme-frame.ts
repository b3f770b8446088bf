/**
 * The document of an iframe of theme-auto.test.ts: a <campaign-responses-tab> on a fake adapter
 * in a window of its own, so that the iframe element's `color-scheme` in the test page sets this
 * document's `prefers-color-scheme` (no DevTools media emulation, which Firefox does not have).
 * The page that loads it links the theme under test.
 */
import '../../src/define/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { FakeAdapter } from './fake-adapter.js';

const tab = document.createElement('campaign-responses-tab') as CampaignResponsesTab;
tab.setAttribute('recipient-id', '42');
tab.dataClient = new CampaignDataClient({ adapter: new FakeAdapter() });
document.body.append(tab);
