import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import '../../src/define/response-history.js';
import '../../src/define/campaign-stats-panel.js';
import '../../src/define/campaign-data-provider.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { DataChange } from '../../src/data/changes.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { FakeLive } from '../support/browser/fake-live.js';
import { $$, text } from './helpers.js';

function liveAdapter(lines = [line({ id: 'first', detailId: 'received' })]) {
  const adapter = new FakeAdapter(lines);
  const live = new FakeLive();
  adapter.followChanges = live.follow;
  return { adapter, live };
}

async function recordPage(attributes: { live?: boolean } = {}) {
  const { adapter, live } = liveAdapter();
  const client = new CampaignDataClient({ adapter });
  const page = await fixture<HTMLElement>(html`<div>
    <campaign-responses-tab recipient-id="42" .dataClient=${client} .live=${attributes.live ?? true}></campaign-responses-tab>
    <response-history recipient-id="42" .dataClient=${client} .live=${attributes.live ?? true}></response-history>
  </div>`);
  const tab = page.querySelector<CampaignResponsesTab>('campaign-responses-tab')!;
  const history = page.querySelector<ResponseHistory>('response-history')!;
  await until(() => tab.shadowRoot?.querySelector('table') && history.shadowRoot?.querySelector('[part~="line"]'), 4000);
  return { adapter, live, client, tab, history };
}


describe('live elements', () => {
  // First: no join before it has loaded the live module, so its join waits for it.
  it('a client closed right after a join holds no stream, also when its join still waited for the live module', async () => {
    for (const turnOff of [(c: CampaignDataClient) => (c.live = false), (c: CampaignDataClient) => void c.close()]) {
      const { adapter, live } = liveAdapter();
      const client = new CampaignDataClient({ adapter });
      const leave = client.subscribe(() => undefined, '42');
      turnOff(client);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(live.open).to.have.length(0);
      expect(client.liveState).to.equal('off');
      leave();
    }
  });

  it('a tab and a history of one recipient share one stream; a line another person added shows in both without a reload', async () => {
    const { adapter, live, client, tab, history } = await recordPage();
    await until(() => client.liveState === 'live');
    expect(live.open.map((c) => c.filter)).to.deep.equal([{ recipientId: '42' }]);
    const linesBefore = $$(history, '[part~="line"]').length;
    const added = line({ id: 'from-another', detailId: 'purchased', respondedAt: '2026-02-01T09:00:00.000Z', note: 'bought by phone' });
    adapter.lines.push(added);
    live.lineChanged(added);
    await until(() => $$(history, '[part~="line"]').length === linesBefore + 1 && text(tab.shadowRoot!.querySelector('[part="response-detail"]')!) === 'Purchased');
    expect($$(history, '[part~="line"]').map(text).join(' ')).to.contain('bought by phone');
    expect(live.connections).to.have.length(1, 'never reconnected');
  });

  it("the echo of the page's own save changes nothing and reads nothing again", async () => {
    const { adapter, live, client } = await recordPage();
    await until(() => client.liveState === 'live');
    const heard: DataChange[] = [];
    client.subscribe((change) => heard.push(change), '42');
    const saved = await client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'responded', respondedAt: '2026-02-02T09:00:00.000Z', note: '' }));
    await until(() => adapter.callsOf('getRecipientResponses').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reads = adapter.calls.length;
    live.lineChanged(saved);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(adapter.calls.length).to.equal(reads, 'no read for the echo');
    expect(heard.map((c) => c.kind)).to.deep.equal(['added']);
  });

  it('a burst of tracked opens is one re-read; a reset reads everything again', async () => {
    const { adapter, live, client } = await recordPage();
    await until(() => client.liveState === 'live');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = adapter.callsOf('getRecipientCampaigns').length;
    for (let i = 0; i < 5; i++) live.lineChanged(line({ id: `open-${i}`, detailId: 'opened', source: 'tracked' }), 'tracked-open');
    await until(() => adapter.callsOf('getRecipientCampaigns').length === before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(adapter.callsOf('getRecipientCampaigns').length).to.equal(before + 1);
    live.push({ recipientId: '42' }, { kind: 'reset' });
    await until(() => adapter.callsOf('getRecipientCampaigns').length >= before + 2);
  });

  it('live off (the property, or the client option) opens no stream', async () => {
    const off = await recordPage({ live: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(off.live.connections).to.have.length(0);
    expect(off.client.liveState).to.equal('off');

    const { adapter, live } = liveAdapter();
    const client = new CampaignDataClient({ adapter, live: false });
    await fixture(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.connections).to.have.length(0);
  });

  it("a host's followChanges that rejects costs only its stream: the page says it is not live", async () => {
    const adapter = new FakeAdapter([line({ id: 'first' })]);
    adapter.followChanges = () => Promise.reject(new Error('a host adapter broke its promise'));
    const client = new CampaignDataClient({ adapter });
    const states: string[] = [];
    client.subscribeLive((news) => news.kind === 'state' && states.push(news.state));
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('table') && states.includes('off'));
    expect(states).to.deep.equal(['connecting', 'off']);
  });

  it('the last element gone closes the stream', async () => {
    const on = await recordPage();
    await until(() => on.live.open.length === 1);
    on.tab.remove();
    on.history.remove();
    await until(() => on.live.open.length === 0, 3000);
  });

  it('the stats panel re-reads once for a burst of its campaign, and a provider with live="off" opens nothing', async () => {
    const adapter = new FakeReportsAdapter();
    const live = new FakeLive();
    adapter.followChanges = live.follow;
    const client = new CampaignReportsClient({ adapter });
    const panel = await fixture<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring" time-zone="UTC" .reportsClient=${client}></campaign-stats-panel>`);
    await until(() => panel.shadowRoot?.querySelector('[part~="header"]') && client.liveState === 'live');
    expect(live.open.map((c) => c.filter)).to.deep.equal([{ campaignId: 'spring' }]);
    const reads = adapter.callsOf('getCampaignStats').length;
    for (let i = 0; i < 4; i++) live.lineChanged(line({ id: `click-${i}`, detailId: 'clicked', source: 'tracked' }), 'tracked-click');
    live.push({ campaignId: 'spring' }, { kind: 'change', change: { id: '9', kind: 'stats-changed', recipientId: null, campaignId: 'spring', lineId: null, at: new Date().toISOString() } });
    await until(() => adapter.callsOf('getCampaignStats').length === reads + 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(adapter.callsOf('getCampaignStats').length).to.equal(reads + 1, 'one re-read for the burst');

    const quiet = new FakeLive();
    const off = new FakeReportsAdapter();
    off.followChanges = quiet.follow;
    const provider = await fixture(html`<campaign-data-provider live="off" .reportsAdapter=${off}>
      <campaign-stats-panel campaign-id="spring" time-zone="UTC"></campaign-stats-panel>
    </campaign-data-provider>`);
    await until(() => provider.querySelector('campaign-stats-panel')!.shadowRoot?.querySelector('[part~="header"]'));
    expect(quiet.connections).to.have.length(0);
  });
});
