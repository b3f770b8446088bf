import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-data-provider.js';
import '../../src/define/campaign-responses-tab.js';
import { CampaignDataProvider } from '../../src/components/campaign-data-provider/campaign-data-provider.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { configureCampaignKit, resetCampaignKit } from '../../src/data/configure.js';
import { PROVIDER_WAIT_MS } from '../../src/components/base/client-controller.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { $, $$ } from './helpers.js';

const hasTable = (tab: CampaignResponsesTab) => !!tab.shadowRoot?.querySelector('table');

describe('<campaign-data-provider> and configureCampaignKit', () => {
  afterEach(() => resetCampaignKit());

  it('one provider shares one client (and one vocabulary load) with every element inside', async () => {
    const adapter = new FakeAdapter();
    const wrapper = await fixture<CampaignDataProvider>(html`<campaign-data-provider .adapter=${adapter}>
      <campaign-responses-tab recipient-id="42"></campaign-responses-tab>
      <section><campaign-responses-tab recipient-id="42"></campaign-responses-tab></section>
    </campaign-data-provider>`);
    const tabs = [...wrapper.querySelectorAll('campaign-responses-tab')];
    await until(() => tabs.every(hasTable));
    expect(adapter.callsOf('getResponseTypes')).to.have.length(1);
    expect(adapter.callsOf('getRecipientCampaigns')).to.have.length(2);
    await expect(wrapper).to.be.accessible();
  });

  it('inside a provider that has no client yet (the host signs in first) an element shows itself loading, then its data; past the wait, the configuration error', async () => {
    const wrapper = await fixture<CampaignDataProvider>(html`<campaign-data-provider>
      <campaign-responses-tab recipient-id="42"></campaign-responses-tab>
    </campaign-data-provider>`);
    const tab = wrapper.querySelector('campaign-responses-tab')!;
    await tab.updateComplete;
    expect(tab.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null, 'no error while the host makes its client').to.equal(null);
    expect(tab.shadowRoot!.querySelector('[part="loading"][role="status"]')?.textContent).to.contain('Loading');
    await expect(tab).to.be.accessible();
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + PROVIDER_WAIT_MS + 1;
      tab.requestUpdate();
      await tab.updateComplete;
      expect(tab.shadowRoot!.querySelector('[role="alert"]')?.textContent, 'a provider never given a client is a configuration error').to.contain('No data source');
    } finally {
      Date.now = realNow;
    }
    const adapter = new FakeAdapter();
    wrapper.dataClient = new CampaignDataClient({ adapter });
    await until(() => hasTable(tab));
  });

  it('a provider that upgrades after the elements still reaches them (ContextRoot)', async () => {
    const adapter = new FakeAdapter();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <late-data-provider><campaign-responses-tab recipient-id="42"></campaign-responses-tab></late-data-provider>
    </div>`);
    const tab = wrapper.querySelector('campaign-responses-tab')!;
    await tab.updateComplete;
    expect(tab.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('No data source');
    const provider = wrapper.querySelector('late-data-provider') as CampaignDataProvider;
    provider.adapter = adapter;
    customElements.define('late-data-provider', class extends CampaignDataProvider {});
    await until(() => hasTable(tab));
    expect(adapter.callsOf('getRecipientCampaigns')).to.have.length(1);
  });

  it('configureCampaignKit configures every element without a provider, also those already on the page', async () => {
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42"></campaign-responses-tab>`);
    const adapter = new FakeAdapter();
    configureCampaignKit({ adapter });
    await until(() => hasTable(tab));
    expect($$(tab, 'tbody')).to.have.length(2);
  });

  it('a dataClient property wins over the configured client', async () => {
    const configured = new FakeAdapter();
    configureCampaignKit({ adapter: configured });
    const own = new FakeAdapter();
    const client = new CampaignDataClient({ adapter: own });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => hasTable(tab));
    expect(own.callsOf('getRecipientCampaigns')).to.have.length(1);
    expect(configured.callsOf('getRecipientCampaigns')).to.have.length(0);
    expect($(tab, 'table').localName).to.equal('table');
  });
});
