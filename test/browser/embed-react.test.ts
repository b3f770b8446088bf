// The React 19 example (demo/embed/react-app.ts) mounted with real React and ReactDOM: properties from
// React props, `cr-*` events into React handlers, no wrapper.
import './setup.js';
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RecipientCampaigns, type RecipientCampaignsProps } from '../../demo/embed/react-app.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { AuthError } from '../../src/adapter/errors.js';
import { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { until } from './fake-adapter.js';
import { choose, text } from './helpers.js';
import { RECIPIENTS, TwoRecipientsAdapter, addPurchase, untilTitles } from './embed-fixtures.js';

describe('embedding in React 19', () => {
  let container: HTMLDivElement;
  let root: Root;

  function mount(props: Omit<RecipientCampaignsProps, 'recipients'>) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    root.render(createElement(RecipientCampaigns, { recipients: RECIPIENTS, ...props }));
  }
  const tabOf = () => container.querySelector('campaign-responses-tab')!;

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('sets recipientId and dataClient as properties, and follows the recipient React picks', async () => {
    const adapter = new TwoRecipientsAdapter();
    const dataClient = new CampaignDataClient({ adapter });
    mount({ dataClient });
    await until(() => tabOf()?.shadowRoot?.querySelector('table'));
    const tab = tabOf();
    expect(tab.dataClient).to.equal(dataClient); // the object itself, not "[object Object]" in an attribute
    expect(tab.hasAttribute('dataclient')).to.equal(false);
    expect(tab.recipientId).to.equal('42');
    await untilTitles(tab, ['Spring Launch', 'Old Newsletter']);

    choose(container.querySelector('select')!, '43'); // the person picks another recipient in React's <select>
    await untilTitles(tab, ['Old Newsletter']);
    expect(tab.recipientId).to.equal('43');
    expect(adapter.callsOf('getRecipientCampaigns').at(-1)!.args[0]).to.equal('43');
  });

  it('hears cr-response-saved in an oncr-response-saved prop and renders it', async () => {
    const dataClient = new CampaignDataClient({ adapter: new TwoRecipientsAdapter() });
    mount({ dataClient });
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
    mount({ dataClient: new CampaignDataClient({ adapter }), onAuthRequired: (event) => heard.push(event) });
    await until(() => heard.length === 1);
    expect(heard[0]).to.be.instanceOf(AuthRequiredEvent);
    expect(heard[0].error).to.be.instanceOf(AuthError);
    delete adapter.failures.getRecipientCampaigns;
    heard[0].retryAfter(Promise.resolve('new-token'));
    await untilTitles(tabOf(), ['Spring Launch', 'Old Newsletter']);
  });
});
