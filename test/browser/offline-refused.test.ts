/**
 * An edit queued on a device before the dialog checked dates (a year typed as "26", which the old
 * dialog stored as 1926), sent once the connection is back to the real reference server, which
 * now refuses it with a 422: the sync status and the history show it failed, with the server's
 * reason, and it stays until a person retries or discards it.
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-sync-status.js';
import '../../src/define/response-history.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import { createRestAdapter } from '../../src/adapter/rest.js';
import { startBackend, until, type Backend } from '../support/browser/harness.js';
import { OfflineClients } from './offline-fixture.js';
import { text } from './helpers.js';

const part = (root: Element, name: string) => root.shadowRoot?.querySelector(`[part~="${name}"]`);

describe('Offline edits the server now refuses', function () {
  this.timeout(30_000);
  let backend: Backend;
  let clients: OfflineClients;
  before(async function () {
    this.timeout(90_000);
    backend = await startBackend();
  });
  after(() => backend?.stop());
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('a line queued offline with the year 1926: once online the server answers 422, and the sync status and the history show it failed with the reason', async () => {
    const { recipientId, campaigns, detailId } = await backend.fixture('refused', 1);
    const [{ id: campaignId, eventId }] = campaigns;
    let offline = true;
    const adapter = createRestAdapter({
      baseUrl: backend.apiBase,
      headers: { Authorization: `Bearer ${backend.token}` },
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    const client = await clients.open(adapter);
    const status = await fixture<CampaignSyncStatus>(html`<campaign-sync-status .dataClient=${client}></campaign-sync-status>`);
    const line = client.createResponseLine({ recipientId, campaignId, eventId, detailId, respondedAt: '1926-11-20T10:00:00.000Z', note: 'typed 11/20/26' });
    await client.addResponse(line);
    await until(() => part(status, 'pending')?.getAttribute('data-count') === '1', 4000, 'the edit to wait');

    offline = false;
    client.outbox!.poke();
    await until(() => part(status, 'failed')?.getAttribute('data-count') === '1', 8000, 'the edit to fail');
    expect(text(part(status, 'failed')!)).to.equal('1 edit failed');
    (part(status, 'toggle') as HTMLButtonElement).click();
    await status.updateComplete;
    expect(text(part(status, 'problem')!)).to.contain('Failed').and.match(/The server said: respondedAt: lies before the campaign's first event \(Booth 1, \d{4}-\d\d-\d\d\)/);

    const history = await fixture<ResponseHistory>(
      html`<response-history recipient-id=${recipientId} campaign-id=${campaignId} .dataClient=${client}></response-history>`,
    );
    const mark = () => history.shadowRoot?.querySelector(`[data-line="${line.id}"] [part~="sync-failed"]`);
    await until(() => Boolean(mark()), 4000, 'the history to mark the line failed');
    expect(text(history.shadowRoot!.querySelector(`[data-line="${line.id}"] [part="sync-reason"]`)!)).to.match(/lies before the campaign's first event/);
    expect((await client.outbox!.list()).map((op) => [op.state, op.lastError?.status])).to.deep.equal([['failed', 422]]);
  });
});
