import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { CampaignDataClient as Client } from '../../src/data/data-client.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { $, dialogOf, text } from './helpers.js';
import { OfflineClients, fillResponse } from './offline-fixture.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function saveOnce(client: Client, adapter: FakeAdapter): Promise<number> {
  const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
  await until(() => tab.shadowRoot?.querySelector('table'));
  await settle(300);
  const before = adapter.callsOf('getRecipientCampaigns').length;
  $<HTMLButtonElement>(tab, '[part="add-button"]').click();
  const dialog = dialogOf(tab);
  await until(() => dialog.open && dialog.shadowRoot?.querySelector('#campaignId'));
  await fillResponse(dialog);
  $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
  await until(() => adapter.lines.length === 1, 4000);
  await until(() => text($(tab, 'tbody[data-campaign="spring"] [part="response"]')) === 'Purchased', 4000);
  await settle(600);
  return adapter.callsOf('getRecipientCampaigns').length - before;
}

describe('a save and the campaign list', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('reads the list once per save with the plain client', async () => {
    const adapter = new FakeAdapter();
    adapter.delays.getRecipientCampaigns = 20;
    expect(await saveOnce(new CampaignDataClient({ adapter }), adapter)).to.equal(1);
  });

  it('reads the list once per save with offline edits (queued, sent, confirmed)', async () => {
    const adapter = new FakeAdapter();
    adapter.delays.getRecipientCampaigns = 20;
    adapter.delays.addResponse = 50;
    expect(await saveOnce(await clients.open(adapter), adapter)).to.equal(1);
  });
});
