/**
 * An edit queued before the page opened shows its mark in the same paint as its row. The mark's
 * renderer stays in the tab's first paint for this (loading it only for a client with offline
 * edits, and waiting for it when a read holds a marked line, saved nothing gzipped and cost the
 * subtab 0.6 KB); should it move out, this says whether the mark still comes with the row. In a
 * file of its own: nothing else on the page may have loaded the renderer (the history imports it).
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { UnavailableError } from '../../src/adapter/errors.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { $ } from './helpers.js';
import { OfflineClients } from './offline-fixture.js';

describe('the tab’s first paint with an edit queued before it', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('shows the queued line with its mark in the first paint of its row', async function () {
    this.timeout(15_000);
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    const before = await clients.open(adapter);
    await before.addResponse(before.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'subscribed', respondedAt: '2026-02-01T10:00:00.000Z', note: '' }));
    await before.close();
    // The next visit: a new client on the same device's store, the edit still waiting.
    const client = await clients.open(adapter, { dbName: [...clients.dbNames][0] });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    let firstRow: Element | null = null;
    // Each render is checked as it lands: the first one with the row must have the mark.
    const seen = new MutationObserver(() => (firstRow ??= tab.shadowRoot!.querySelector('tbody[data-campaign="spring"]')?.cloneNode(true) as Element | null));
    seen.observe(tab.shadowRoot!, { childList: true, subtree: true });
    await until(() => tab.shadowRoot?.querySelector('tbody[data-campaign="spring"] [part="response-detail"]'));
    seen.disconnect();
    expect(firstRow, 'the row was seen').to.not.equal(null);
    expect(firstRow!.querySelector('[part~="sync-mark"]'), 'the mark came with the row').to.not.equal(null);
    expect($(tab, 'tbody[data-campaign="spring"] [part="response-detail"]').textContent).to.equal('Subscribed');
  });
});
