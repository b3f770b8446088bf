// Idle preload, in a page of its own (on-demand.test.ts warms the modules by focus and hover first):
// once the tab has painted and the page is idle, the dialog and the history load without anyone
// touching the tab, so the first click finds them there.
import './setup.js';
import './on-demand-gate.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { $, dialogOf } from './helpers.js';
import { openGate, probeLoadsWith, started } from './on-demand-gate.js';

describe('<campaign-responses-tab> idle preload', () => {
  let tab: CampaignResponsesTab | undefined;
  probeLoadsWith(() => Boolean(tab?.shadowRoot?.querySelector('table')));

  it('loads the dialog and the history when the page is idle after the first paint, and a click then opens the dialog at once', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    openGate();
    await until(() => customElements.get('add-response-dialog') && customElements.get('response-history'), 5000);
    expect(started).to.deep.equal([
      { tag: 'add-response-dialog', at: true },
      { tag: 'response-history', at: true },
    ]);
    $<HTMLButtonElement>(tab!, '[part="add-button"]').click();
    // showNew() opens after the dialog's first update: microtasks, no frame.
    await dialogOf(tab!).updateComplete;
    expect(dialogOf(tab!).open).to.equal(true);
  });
});
