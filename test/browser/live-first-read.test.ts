// The gap at page load: a change made between an element's first read and its stream's start shows
// without waiting for the next change. With reads that say their change id (the reference server's
// Last-Change-Id), the stream opens after it and nothing is read twice; without, the record is read
// once more after the stream's first `ready`.
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import '../../src/define/response-history.js';
import '../../src/define/campaign-stats-panel.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import { withChangeId } from '../../src/adapter/change-id.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { FakeLive } from '../support/browser/fake-live.js';
import { $$, text } from './helpers.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BETWEEN = line({ id: 'between', detailId: 'purchased', respondedAt: '2026-02-01T09:00:00.000Z', note: 'made between the read and the stream' });

/**
 * A record page whose first history answer is followed at once by another person's line (logged,
 * as the server logs it, before any stream of the record is open). `changeIds`: the reads say the
 * newest change id, read before their data, as the reference server's header does.
 */
async function recordPage({ changeIds, changeBetween = true }: { changeIds: boolean; changeBetween?: boolean }) {
  const adapter = new FakeAdapter([line({ id: 'first', detailId: 'received' })]);
  const live = new FakeLive();
  adapter.followChanges = live.follow;
  const readCampaigns = adapter.getRecipientCampaigns.bind(adapter);
  const readHistory = adapter.getRecipientResponses.bind(adapter);
  let first = true;
  adapter.getRecipientCampaigns = async (...args) => {
    const at = live.lastId;
    const answer = await readCampaigns(...args);
    return changeIds ? withChangeId(answer, at) : answer;
  };
  adapter.getRecipientResponses = async (...args) => {
    const at = live.lastId;
    const answer = await readHistory(...args);
    if (first && changeBetween) {
      adapter.lines.push(BETWEEN);
      live.record(BETWEEN);
    }
    first = false;
    return changeIds ? withChangeId(answer, at) : answer;
  };
  const client = new CampaignDataClient({ adapter });
  const page = await fixture<HTMLElement>(html`<div>
    <campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>
    <response-history recipient-id="42" .dataClient=${client}></response-history>
  </div>`);
  const history = page.querySelector<ResponseHistory>('response-history')!;
  await until(() => history.shadowRoot?.querySelector('[part~="line"]'), 4000);
  return { adapter, live, client, history };
}

const shown = (history: ResponseHistory) => $$(history, '[part~="line"]').map(text).join(' ').includes(BETWEEN.note);

describe('live: the gap at page load', () => {
  it('reads that say their change id: the stream opens after it, and the line made in between shows', async () => {
    const { adapter, live, client, history } = await recordPage({ changeIds: true });
    await until(() => client.liveState === 'live');
    expect(live.connections.map((c) => c.after)).to.have.length(1);
    expect(Number(live.connections[0].after)).to.be.below(Number(live.log[live.log.length - 1].id), 'after the reads, before the change');
    await until(() => shown(history), 3000);
    await settle(400);
    expect(adapter.callsOf('getRecipientResponses')).to.have.length(2, 'the first read, and one for the change');
  });

  it('reads that say their change id and nothing in between: no read more than the first paint', async () => {
    const { adapter, client } = await recordPage({ changeIds: true, changeBetween: false });
    const reads = adapter.calls.length;
    await until(() => client.liveState === 'live');
    await settle(500);
    expect(adapter.calls.length).to.equal(reads);
  });

  it('reads without a change id: one read more after the first ready shows the line made in between', async () => {
    const { live, client, history } = await recordPage({ changeIds: false });
    await until(() => client.liveState === 'live');
    expect(live.connections.map((c) => c.after)).to.deep.equal([undefined]);
    await until(() => shown(history), 3000);
  });

  it('the statistics panel: its stream opens after its read, and a tracked open in between moves it', async () => {
    const adapter = new FakeReportsAdapter();
    const live = new FakeLive();
    adapter.followChanges = live.follow;
    const readStats = adapter.getCampaignStats.bind(adapter);
    let first = true;
    adapter.getCampaignStats = async (...args) => {
      const at = live.lastId;
      const answer = await readStats(...args);
      if (first) live.record(line({ id: 'open-between', campaignId: 'spring', detailId: 'opened', source: 'tracked' }), 'tracked-open');
      first = false;
      return withChangeId(answer, at);
    };
    const client = new CampaignReportsClient({ adapter });
    const panel = await fixture<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring" time-zone="UTC" .reportsClient=${client}></campaign-stats-panel>`);
    await until(() => panel.shadowRoot?.querySelector('[part~="header"]') && client.liveState === 'live');
    await until(() => adapter.callsOf('getCampaignStats').length === 2, 3000);
    expect(live.connections[0].after).to.not.equal(undefined);
  });
});
