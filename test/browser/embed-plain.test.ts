// The single-file bundle (dist/campaign-kit.bundle.js) as a host without a bundler uses it: one module
// that registers every element and exports the API. The test runner builds it in memory with the same
// recipe as `npm run build` (scripts/build-bundle.mjs via scripts/embed-test-plugin.mjs), so no prior build
// is needed. Nothing from src/ that registers or holds state is imported here: the kit under test is
// the bundle's own copy (the fake adapter is plain data and methods).
import './setup.js';
import { expect } from '@open-wc/testing';
import type * as Kit from '../../src/bundle.js';
import { until } from './fake-adapter.js';
import { text } from './helpers.js';
import { TwoRecipientsAdapter, addPurchase, untilTitles } from './embed-fixtures.js';

const BUNDLE_URL = '/__cr-embed/campaign-kit.bundle.js';

describe('embedding from plain HTML: the single-file bundle', () => {
  let kit: typeof Kit;
  let container: HTMLDivElement;

  before(async function () {
    // The runner builds the bundle and its chunks on this first request: seconds, more on a busy machine.
    this.timeout(90_000);
    kit = (await import(BUNDLE_URL)) as typeof Kit;
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('registers every element and exports the public API', async () => {
    for (const tag of ['campaign-responses-tab', 'campaign-data-provider']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    // The dialog and the history are chunks beside the bundle, fetched when the page is idle.
    const fetched = () => performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()!);
    for (const tag of ['add-response-dialog', 'response-history']) {
      await customElements.whenDefined(tag);
      expect(fetched().some((file) => file.startsWith(`campaign-kit.${tag}-`)), `${tag} in a chunk of its own`).to.equal(true);
    }
    expect(customElements.get('campaign-responses-tab')).to.equal(kit.CampaignResponsesTab);
    expect(kit.createRestAdapter).to.be.a('function');
    expect(kit.Outbox).to.be.a('function');
    expect(kit.ResponseSavedEvent.type).to.equal('cr-response-saved');
  });

  it('an element written in markup takes a property and fires cr-* events', async () => {
    container.innerHTML = '<campaign-responses-tab recipient-id="42"></campaign-responses-tab>';
    const tab = container.querySelector('campaign-responses-tab')!;
    expect(tab).to.be.instanceOf(kit.CampaignResponsesTab);
    tab.dataClient = new kit.CampaignDataClient({ adapter: new TwoRecipientsAdapter() });
    await untilTitles(tab, ['Spring Launch', 'Old Newsletter']);

    tab.recipientId = '43';
    await untilTitles(tab, ['Old Newsletter']);

    const heard: Kit.ResponseSavedEvent[] = [];
    container.addEventListener('cr-response-saved', (event) => heard.push(event));
    tab.recipientId = '42';
    await untilTitles(tab, ['Spring Launch', 'Old Newsletter']);
    await addPurchase(tab);
    await until(() => heard.length === 1);
    expect(heard[0]).to.be.instanceOf(kit.ResponseSavedEvent);
    expect(heard[0].line.detailId).to.equal('purchased');
    await until(() => text(tab.shadowRoot!.querySelector('[part="response-detail"]') ?? tab) === 'Purchased');
  });

  it('fires cr-auth-required with the bundle\'s AuthError', async () => {
    const adapter = new TwoRecipientsAdapter();
    adapter.failures.getRecipientCampaigns = new kit.AuthError('expired', { status: 401 });
    const auth = new Promise<Kit.AuthRequiredEvent>((resolve) => container.addEventListener('cr-auth-required', resolve, { once: true }));
    container.innerHTML = '<campaign-responses-tab recipient-id="42"></campaign-responses-tab>';
    const tab = container.querySelector('campaign-responses-tab')!;
    tab.dataClient = new kit.CampaignDataClient({ adapter });
    const event = await auth;
    expect(event).to.be.instanceOf(kit.AuthRequiredEvent);
    delete adapter.failures.getRecipientCampaigns;
    event.retryAfter(Promise.resolve());
    await untilTitles(tab, ['Spring Launch', 'Old Newsletter']);
  });

  it('under lang="de" the bundle fetches its German file (campaign-kit.de.js, not inside it) and re-renders in German', async () => {
    const addButton = (tab: Element) => text(tab.shadowRoot!.querySelector('[part~="add-button"]')!);
    expect(kit.registeredLocales()).not.to.include('de');
    container.innerHTML = '<campaign-responses-tab recipient-id="42"></campaign-responses-tab>';
    const english = container.querySelector('campaign-responses-tab')!;
    english.dataClient = new kit.CampaignDataClient({ adapter: new TwoRecipientsAdapter() });
    await untilTitles(english, ['Spring Launch', 'Old Newsletter']);
    expect(addButton(english)).to.equal('Add Response');
    expect(kit.registeredLocales()).not.to.include('de');

    const german = document.createElement('div');
    german.lang = 'de';
    german.innerHTML = '<campaign-responses-tab recipient-id="42"></campaign-responses-tab>';
    container.append(german);
    const tab = german.querySelector('campaign-responses-tab')!;
    tab.dataClient = new kit.CampaignDataClient({ adapter: new TwoRecipientsAdapter() });
    await until(() => tab.shadowRoot?.querySelector('[part~="add-button"]') && addButton(tab) === 'Antwort hinzufügen');
    expect(kit.registeredLocales()).to.include('de');
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/__cr-embed/campaign-kit.de.js'))).to.equal(true);
    expect(addButton(english)).to.equal('Add Response');
  });
});
