import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-sync-status.js';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeLive } from '../support/browser/fake-live.js';
import { $, text } from './helpers.js';

async function mount() {
  const adapter = new FakeAdapter([line({ id: 'first' })]);
  const live = new FakeLive();
  adapter.followChanges = live.follow;
  const client = new CampaignDataClient({ adapter });
  const page = await fixture<HTMLElement>(html`<div>
    <campaign-sync-status .dataClient=${client}></campaign-sync-status>
    <campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>
  </div>`);
  const status = page.querySelector<CampaignSyncStatus>('campaign-sync-status')!;
  return { adapter, live, client, status };
}

describe('<campaign-sync-status> live', () => {
  it('says in words and a glyph that the page is live, and that it reconnects', async () => {
    const { live, status } = await mount();
    await until(() => status.shadowRoot?.querySelector('[part="live"][data-live="live"]'));
    const shown = $(status, '[part="live"]');
    expect(text(shown)).to.equal('◉ Live: changes show as they happen');
    expect(shown.querySelector('[aria-hidden="true"]')).to.not.equal(null);
    await expect(status).to.be.accessible();
    live.push({ recipientId: '42' }, { kind: 'retrying', attempt: 1, delayMs: 1000, error: new Error('gone') });
    await until(() => status.shadowRoot?.querySelector('[part="live"][data-live="reconnecting"]'));
    expect(text($(status, '[part="live"]'))).to.contain('reconnecting');
  });

  it('announces a burst of arrivals once, politely, however many tracked opens it holds', async () => {
    const { live, client, status } = await mount();
    await until(() => client.liveState === 'live');
    const region = $(status, '[part="live-announcement"]');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said: string[] = [];
    new MutationObserver(() => {
      const now = text(region);
      if (now) said.push(now);
    }).observe(region, { childList: true, subtree: true, characterData: true });
    live.lineChanged(line({ id: 'by-phone', detailId: 'purchased' }));
    for (let i = 0; i < 6; i++) live.lineChanged(line({ id: `open-${i}`, detailId: 'opened', source: 'tracked' }), 'tracked-open');
    await until(() => said.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(said).to.deep.equal(['7 new responses arrived']);
    await expect(status).to.be.accessible();
  });

  it('is silent about live when the client is not (no stream, or live off)', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const status = await fixture<CampaignSyncStatus>(html`<campaign-sync-status .dataClient=${client}></campaign-sync-status>`);
    await until(() => status.shadowRoot?.querySelector('[part="notice"]'));
    expect(status.shadowRoot!.querySelector('[part="live"]')).to.equal(null);
  });
});
