// The Vue 3 example (demo/embed/vue-app.ts) mounted with real Vue (render functions, no template
// compiler): properties from Vue props, `cr-*` events into Vue listeners.
import './setup.js';
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, ref, type App } from 'vue';
import { RecipientCampaigns } from '../../demo/embed/vue-app.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { AuthError } from '../../src/adapter/errors.js';
import { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { until } from './fake-adapter.js';
import { choose, text } from './helpers.js';
import { RECIPIENTS, TwoRecipientsAdapter, addPurchase, untilTitles } from './embed-fixtures.js';

describe('embedding in Vue 3', () => {
  let container: HTMLDivElement;
  let app: App;

  function mount(dataClient: CampaignDataClient, onAuthRequired?: (event: AuthRequiredEvent) => void) {
    container = document.createElement('div');
    document.body.append(container);
    app = createApp({ render: () => h(RecipientCampaigns, { recipients: RECIPIENTS, dataClient, onAuthRequired }) });
    app.mount(container);
  }
  const tabOf = () => container.querySelector('campaign-responses-tab')!;

  afterEach(() => {
    app.unmount();
    container.remove();
  });

  it('sets recipientId and dataClient as properties, and follows the recipient Vue picks', async () => {
    const adapter = new TwoRecipientsAdapter();
    const dataClient = new CampaignDataClient({ adapter });
    mount(dataClient);
    await until(() => tabOf()?.shadowRoot?.querySelector('table'));
    const tab = tabOf();
    expect(tab.dataClient).to.equal(dataClient);
    expect(tab.hasAttribute('dataclient')).to.equal(false);
    expect(tab.recipientId).to.equal('42');
    await untilTitles(tab, ['Spring Launch', 'Old Newsletter']);

    choose(container.querySelector('select')!, '43');
    await untilTitles(tab, ['Old Newsletter']);
    expect(tab.recipientId).to.equal('43');
    expect(adapter.callsOf('getRecipientCampaigns').at(-1)!.args[0]).to.equal('43');
  });

  it('a reactive prop reaches the element on the next render', async () => {
    // The same through a parent's reactive state rather than the example's own select.
    const recipientId = ref('42');
    const dataClient = new CampaignDataClient({ adapter: new TwoRecipientsAdapter() });
    container = document.createElement('div');
    document.body.append(container);
    app = createApp({ render: () => h('campaign-responses-tab', { recipientId: recipientId.value, dataClient }) });
    app.mount(container);
    await untilTitles(tabOf(), ['Spring Launch', 'Old Newsletter']);
    recipientId.value = '43';
    await nextTick();
    expect(tabOf().recipientId).to.equal('43');
    await untilTitles(tabOf(), ['Old Newsletter']);
  });

  it('hears cr-response-saved through onCrResponseSaved and renders it', async () => {
    mount(new CampaignDataClient({ adapter: new TwoRecipientsAdapter() }));
    await until(() => tabOf()?.shadowRoot?.querySelector('table'));
    await addPurchase(tabOf());
    const status = container.querySelector('[role="status"]')!;
    await until(() => text(status) !== '');
    expect(text(status)).to.equal('Saved: purchased for spring');
  });

  it('hears cr-auth-required, and the element retries after the handler refreshed', async () => {
    const adapter = new TwoRecipientsAdapter();
    adapter.failures.getRecipientCampaigns = new AuthError('expired', { status: 401 });
    const heard: AuthRequiredEvent[] = [];
    mount(new CampaignDataClient({ adapter }), (event) => heard.push(event));
    await until(() => heard.length === 1);
    expect(heard[0]).to.be.instanceOf(AuthRequiredEvent);
    delete adapter.failures.getRecipientCampaigns;
    heard[0].retryAfter(Promise.resolve('new-token'));
    await untilTitles(tabOf(), ['Spring Launch', 'Old Newsletter']);
  });
});
