// The campaign page's own writes and the change stream: a send of an email event, and the lines a
// linked data client saves (a bulk entry), re-read the statistics once; their echo on the
// campaign's stream reads nothing more. Another person's change still does.
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-stats-panel.js';
import '../../src/define/campaign-data-provider.js';
import { withChangeId } from '../../src/adapter/change-id.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { FakeLive } from '../support/browser/fake-live.js';
import type { SendResult } from '../../src/model/campaign-stats.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function campaignPage(link: 'option' | 'provider' = 'option') {
  const reportsAdapter = new FakeReportsAdapter();
  const live = new FakeLive();
  reportsAdapter.followChanges = live.follow;
  // Answers that say their change id, as the reference server's: the stream starts after the first read, no read more.
  const readStats = reportsAdapter.getCampaignStats.bind(reportsAdapter);
  reportsAdapter.getCampaignStats = async (...args) => {
    const at = live.lastId;
    return withChangeId(await readStats(...args), at);
  };
  const dataClient = new CampaignDataClient({ adapter: new FakeAdapter() });
  let reportsClient: CampaignReportsClient;
  if (link === 'option') {
    reportsClient = new CampaignReportsClient({ adapter: reportsAdapter, dataClient });
    await fixture(html`<campaign-stats-panel campaign-id="spring" time-zone="UTC" .reportsClient=${reportsClient}></campaign-stats-panel>`);
  } else {
    reportsClient = new CampaignReportsClient({ adapter: reportsAdapter });
    await fixture(html`<campaign-data-provider .dataClient=${dataClient} .reportsClient=${reportsClient}>
      <campaign-stats-panel campaign-id="spring" time-zone="UTC"></campaign-stats-panel>
    </campaign-data-provider>`);
  }
  await until(() => reportsAdapter.callsOf('getCampaignStats').length === 1 && reportsClient.liveState === 'live');
  await settle(500);
  expect(reportsAdapter.callsOf('getCampaignStats')).to.have.length(1);
  const reads = () => reportsAdapter.callsOf('getCampaignStats').length;
  return { reportsAdapter, live, dataClient, reportsClient, reads };
}

describe('live: the campaign page’s own writes', () => {
  it('a send re-reads once; the Sent lines it brings back on the stream read nothing more', async () => {
    const { reportsAdapter, live, reportsClient, reads } = await campaignPage();
    reportsAdapter.sendResults.set('spring/spring-mail', { campaignId: 'spring', eventId: 'spring-mail', deliveries: [], withoutEmail: [] } as SendResult);
    await reportsClient.sendCampaignEvent('spring', 'spring-mail');
    await until(() => reads() === 2);
    for (let i = 0; i < 3; i++) live.lineChanged(line({ id: `sent-${i}`, eventId: 'spring-mail', detailId: 'sent', source: 'tracked' }));
    await settle(800);
    expect(reads()).to.equal(2, 'no read for the echo');
    live.lineChanged(line({ id: 'another-person', eventId: 'spring-call', detailId: 'purchased' }));
    await until(() => reads() === 3, 2000);
  });

  for (const link of ['option', 'provider'] as const) {
    it(`lines saved by the linked data client (${link}) re-read once, before their echo; the echo reads nothing more`, async () => {
      const { dataClient, live, reads } = await campaignPage(link);
      const lines = ['a', 'b', 'c'].map((recipientId) =>
        dataClient.createResponseLine({ recipientId, campaignId: 'spring', eventId: 'spring-call', detailId: 'responded', respondedAt: '2026-02-02T09:00:00.000Z', note: '' }));
      const saved = await dataClient.addResponses(lines);
      await until(() => reads() === 2, 2000);
      for (const result of saved) if ('saved' in result) live.lineChanged(result.saved);
      await settle(800);
      expect(reads()).to.equal(2, 'no read for the echo');
    });
  }
});
