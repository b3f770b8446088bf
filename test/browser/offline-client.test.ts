import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import '../../src/define/response-history.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import { UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import { asOfOf, syncMarkOf } from '../../src/data/marks.js';
import type { OfflineDataClient } from '../../src/data/offline-client.js';
import { ReadCache } from '../../src/offline/read-cache.js';
import type { ResponseQueuedEvent } from '../../src/events/response-queued.js';
import type { ResponseSavedEvent } from '../../src/events/response-saved.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, dialogOf, text } from './helpers.js';
import { OfflineClients, fillResponse } from './offline-fixture.js';

/** What a failed fetch looks like through the adapter: no answer, so no status. */
const networkDown = () => new UnavailableError('Failed to fetch');

async function mountTab(client: OfflineDataClient): Promise<CampaignResponsesTab> {
  const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
  await until(() => tab.shadowRoot?.querySelector('table'));
  return tab;
}

async function openNewResponse(tab: CampaignResponsesTab): Promise<AddResponseDialog> {
  $<HTMLButtonElement>(tab, '[part="add-button"]').click();
  const dialog = dialogOf(tab);
  await until(() => dialog.open && dialog.shadowRoot?.querySelector('#campaignId'));
  return dialog;
}

const springRow = (tab: CampaignResponsesTab) => $(tab, 'tbody[data-campaign="spring"]');

describe('OfflineDataClient', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('a save while the server cannot be reached is queued: shown pending at once in the tab and the history; once sent the mark goes and the server has it once', async function () {
    // Several round trips through IndexedDB and the tab: more than the default 5 s on a busy machine.
    this.timeout(15_000);
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = networkDown();
    const client = await clients.open(adapter);
    expect(client.offlineMode).to.equal('on');
    const tab = await mountTab(client);
    const dialog = await openNewResponse(tab);
    await fillResponse(dialog, 'Met at the booth');
    const queued = oneEvent(tab, 'cr-response-queued') as Promise<ResponseQueuedEvent>;
    let savedFired = false;
    tab.addEventListener('cr-response-saved', () => (savedFired = true));
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    const event = await queued;
    expect(event.composed).to.equal(true);
    expect(event.kind).to.equal('add');
    expect(syncMarkOf(event.line)?.state).to.be.oneOf(['pending', 'syncing']);
    expect(dialog.open).to.equal(false);
    expect(savedFired, 'not "saved": the server has not seen it').to.equal(false);
    const lineId = event.line!.id;

    await until(() => springRow(tab).querySelector('[part~="sync-mark"]'));
    expect(text(springRow(tab).querySelector('[part="response-detail"]')!)).to.equal('Purchased');
    expect(text(springRow(tab).querySelector('[part~="sync-mark"]')!)).to.match(/Not sent yet|Sending/);
    await until(() => (tab.shadowRoot?.querySelector('[part="queued-notice"]')?.textContent ?? '').includes('Saved on this device'), 4000);

    springRow(tab).querySelector<HTMLButtonElement>('[part="disclosure"]')!.click();
    await until(() => tab.shadowRoot?.querySelector('response-history')?.shadowRoot?.querySelector(`[data-line="${lineId}"] [part~="sync-mark"]`));
    await expect(tab).to.be.accessible();

    delete adapter.failures.addResponse;
    client.outbox!.poke();
    await until(() => !springRow(tab).querySelector('[part~="sync-mark"]'), 4000);
    const history = $(tab, 'response-history');
    await until(() => history.shadowRoot?.querySelector(`[data-line="${lineId}"]`) && !history.shadowRoot?.querySelector('[part~="sync-mark"]'));
    expect(adapter.lines.filter((l) => l.id === lineId)).to.have.length(1);
    expect(text(springRow(tab).querySelector('[part="response-detail"]')!)).to.equal('Purchased');
  });

  it('online, a save the server answers at once says "Saved", never "Saved on this device…"', async () => {
    const adapter = new FakeAdapter();
    adapter.delays.addResponse = 30;
    const client = await clients.open(adapter);
    const tab = await mountTab(client);
    const dialog = await openNewResponse(tab);
    await fillResponse(dialog, 'Answered at once');
    const said = new Set<string>();
    const observer = new MutationObserver(() => said.add(text(tab.shadowRoot!.querySelector('[part="toolbar"]')!)));
    observer.observe(tab.shadowRoot!, { subtree: true, childList: true, characterData: true });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => tab.shadowRoot?.querySelector('[part="queued-notice"]') && text($(tab, '[part="queued-notice"]')) === 'Saved.', 4000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    observer.disconnect();
    expect(adapter.lines).to.have.length(1);
    expect([...said].filter((t) => t.includes('Saved on this device'))).to.deep.equal([]);
  });

  it('offline, a history never loaded on this device shows the queued lines and says the rest is not available offline', async () => {
    const adapter = new FakeAdapter([line({ id: 'on-the-server' })]);
    adapter.failures.addResponse = networkDown();
    adapter.failures.getRecipientResponses = networkDown();
    const client = await clients.open(adapter);
    const queued = await client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-01-12T10:00:00.000Z', note: 'at the booth' }));
    const history = await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id="spring" .dataClient=${client}></response-history>`);
    await until(() => history.shadowRoot?.querySelector('[part~="line"], [part~="error"]'), 4000);
    expect(text(history.shadowRoot!.querySelector('[part~="error"]') ?? document.createElement('p')), 'not "Something went wrong"').to.equal('');
    expect([...history.shadowRoot!.querySelectorAll<HTMLElement>('[part="line"]')].map((el) => el.dataset.line)).to.deep.equal([queued.id]);
    expect(Boolean(history.shadowRoot!.querySelector(`[data-line="${queued.id}"] [part~="sync-mark"]`))).to.equal(true);
    expect(text($(history, '[part="stale-notice"]'))).to.equal('Offline: only the edits waiting on this device are shown. The rest of the history is not available offline.');
    await expect(history).to.be.accessible();
  });

  it('counts the edits a sign-out would lose (waiting or failed), for the host to ask first', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = networkDown();
    const client = await clients.open(adapter);
    expect(await client.countUnsentEdits()).to.equal(0);
    const draft = { recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-01-12T10:00:00.000Z', note: '' };
    await client.addResponse(client.createResponseLine(draft));
    await client.addResponse(client.createResponseLine({ ...draft, note: 'second' }));
    expect(await client.countUnsentEdits()).to.equal(2);
    delete adapter.failures.addResponse;
    client.outbox!.poke();
    for (let tries = 0; (await client.countUnsentEdits()) !== 0; tries += 1) {
      expect(tries, 'sent within 4 s').to.be.below(40);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('a quota error keeps the dialog open with every entry and says the response was NOT saved', async () => {
    const adapter = new FakeAdapter();
    const client = await clients.open(adapter, {
      outbox: {
        beforeEnqueueCommit: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    });
    const tab = await mountTab(client);
    const dialog = await openNewResponse(tab);
    await fillResponse(dialog, 'Keep me');
    let told = false;
    tab.addEventListener('cr-response-queued', () => (told = true));
    tab.addEventListener('cr-response-saved', () => (told = true));
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => text($(dialog, '[part="form-error"]')).length > 0);
    expect(text($(dialog, '[part="form-error"]'))).to.contain('storage is full').and.contain('NOT saved');
    expect(dialog.open).to.equal(true);
    expect($<HTMLTextAreaElement>(dialog, '#note').value).to.equal('Keep me');
    expect($<HTMLSelectElement>(dialog, '#detailId').value).to.equal('purchased');
    expect(told).to.equal(false);
    expect(await client.outbox!.list()).to.deep.equal([]);
    expect(adapter.callsOf('addResponse')).to.have.length(0);
    expect(springRow(tab).querySelector('[part~="sync-mark"]')).to.equal(null);
    await expect(dialog).to.be.accessible();
  });

  it('without IndexedDB it runs online-only: a visible notice, and saves go straight to the adapter', async () => {
    const adapter = new FakeAdapter();
    const client = await clients.open(adapter, { indexedDB: null });
    expect(client.offlineMode).to.equal('unavailable');
    const tab = await mountTab(client);
    const notice = $(tab, '[part~="offline-notice"]');
    expect(text(notice)).to.contain('Offline edits are not available in this browser');
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
    const dialog = await openNewResponse(tab);
    await fillResponse(dialog);
    const saved = oneEvent(tab, 'cr-response-saved') as Promise<ResponseSavedEvent>;
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    const event = await saved;
    expect(syncMarkOf(event.line)).to.equal(undefined);
    expect(adapter.callsOf('addResponse')).to.have.length(1);
    expect(adapter.lines).to.have.length(1);
    await expect(tab).to.be.accessible();
  });

  it('opens from the read cache when the server cannot be reached, marked "as of", with queued edits merged in', async () => {
    const seen = new FakeAdapter([line({ id: 'seen', detailId: 'received' })]);
    const first = await clients.open(seen);
    const dbName = [...clients.dbNames][0];
    await mountTab(first);
    const cache = ReadCache.open({ dbName: `${dbName}-cache` });
    await until(async () => Boolean(await cache.get('campaigns:42')) && Boolean(await cache.get('vocabulary')));
    await cache.close();
    await first.close();

    // The next visit: nothing gets through.
    const down = new FakeAdapter();
    down.failures.getRecipientCampaigns = networkDown();
    down.failures.getResponseTypes = networkDown();
    down.failures.getRecipientResponses = networkDown();
    down.failures.addResponse = networkDown();
    const second = await clients.open(down, { dbName });
    const tab = await mountTab(second);
    expect(text(springRow(tab).querySelector('[part="response-detail"]')!)).to.equal('Received');
    const stale = $(tab, '[part~="stale-notice"]');
    expect(text(stale)).to.match(/^Offline: showing what was last seen, as of .+\.$/);
    expect(second.connectivity).to.equal('offline');
    await expect(tab).to.be.accessible();

    const queued = await second.addResponse(second.createResponseLine({ recipientId: '42', campaignId: 'legacy', eventId: 'legacy-mail', detailId: 'responded', respondedAt: '2026-02-01T10:00:00.000Z', note: '' }));
    expect(syncMarkOf(queued)?.state).to.equal('pending');
    await until(() => $(tab, 'tbody[data-campaign="legacy"]').querySelector('[part~="sync-mark"]'));
    expect(asOfOf(await second.getRecipientCampaigns('42'))).to.be.a('number');

    // The server is back: the next read replaces the cached list.
    down.failures = {};
    down.lines = [line({ id: 'fresh', detailId: 'purchased' })];
    await tab.reload();
    await until(() => text(springRow(tab).querySelector('[part="response-detail"]')!) === 'Purchased');
    expect(tab.shadowRoot!.querySelector('[part~="stale-notice"]')).to.equal(null);
  });

  it('stale-while-revalidate: a slow server on opening shows the cache at once, then its answer', async () => {
    const seen = new FakeAdapter([line({ id: 'seen', detailId: 'received' })]);
    const first = await clients.open(seen);
    const dbName = [...clients.dbNames][0];
    await first.getRecipientCampaigns('42');
    const cache = ReadCache.open({ dbName: `${dbName}-cache` });
    await until(async () => Boolean(await cache.get('campaigns:42')));
    await cache.close();
    await first.close();

    const slow = new FakeAdapter([line({ id: 'new', detailId: 'purchased' })]);
    slow.delays.getRecipientCampaigns = 400;
    const second = await clients.open(slow, { dbName });
    const tab = await mountTab(second);
    expect(text(springRow(tab).querySelector('[part="response-detail"]')!)).to.equal('Received');
    expect(tab.shadowRoot!.querySelector('[part~="stale-notice"]')).to.not.equal(null);
    await until(() => text(springRow(tab).querySelector('[part="response-detail"]')!) === 'Purchased', 3000);
    expect(tab.shadowRoot!.querySelector('[part~="stale-notice"]')).to.equal(null);
    expect(slow.callsOf('getRecipientCampaigns')).to.have.length(1);
  });

  it('a Delete is queued after its undo time: the lines stay hidden until the server deleted them, once', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-11T09:00:00.000Z' })]);
    adapter.failures.deleteAllResponses = networkDown();
    const client = await clients.open(adapter, { undoDelayMs: 30 });
    const tab = await mountTab(client);
    const pending = client.deleteAllResponses('42', 'spring');
    expect(await pending.done).to.deep.include({ deleted: 0 });
    expect((await client.getRecipientCampaigns('42')).campaigns[0].latestResponse).to.equal(null);
    expect((await client.getHistoryPage('42', { campaignId: 'spring' })).items).to.deep.equal([]);
    expect(await client.countResponses('42', 'spring')).to.equal(0);
    await until(() => text(springRow(tab).querySelector('[part="response"]')!) === 'No response yet');
    delete adapter.failures.deleteAllResponses;
    client.outbox!.poke();
    await until(() => adapter.lines.length === 0, 4000);
    await until(async () => (await client.outbox!.list()).length === 0);
    expect(text(springRow(tab).querySelector('[part="response"]')!)).to.equal('No response yet');
  });

  it('a view read while a delete is confirmed is read again, so the delete is not lost between the server\'s answer and the queue', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    adapter.failures.deleteAllResponses = networkDown();
    const client = await clients.open(adapter, { undoDelayMs: 0 });
    await client.deleteAllResponses('42', 'spring').done;
    const outbox = client.outbox!;
    // The queue is read late, after the delete has left it; the server's answer was taken before it landed.
    const readLocalState = outbox.readLocalState.bind(outbox);
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    outbox.readLocalState = async (recipientId) => {
      await late;
      return readLocalState(recipientId);
    };
    const asked = adapter.callsOf('getRecipientCampaigns').length;
    const view = client.getRecipientCampaigns('42');
    await until(() => adapter.callsOf('getRecipientCampaigns').length > asked);
    await new Promise((resolve) => setTimeout(resolve));
    delete adapter.failures.deleteAllResponses;
    outbox.poke();
    await until(() => adapter.lines.length === 0, 4000);
    await until(async () => (await outbox.list()).length === 0);
    outbox.readLocalState = readLocalState;
    release();
    expect((await view).campaigns[0].latestResponse).to.equal(null);
  });

  it('a failed line offers Retry in the tab, which sends it again under the same operation', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new ValidationError('refused', [], { status: 422, problem: { detail: 'Campaign is closed' } });
    const client = await clients.open(adapter);
    const tab = await mountTab(client);
    const saved = await client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-02-01T10:00:00.000Z', note: '' }));
    await until(() => springRow(tab).querySelector('[part~="sync-failed"]'), 4000);
    expect(text(springRow(tab).querySelector('[part="response"]')!)).to.contain('Failed').and.contain('Campaign is closed');
    await expect(tab).to.be.accessible();
    delete adapter.failures.addResponse;
    const retry = springRow(tab).querySelector<HTMLButtonElement>('[part="sync-retry"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry sending: Purchased');
    retry.click();
    await until(() => !springRow(tab).querySelector('[part~="sync-mark"]'), 4000);
    expect(adapter.lines.map((l) => l.id)).to.deep.equal([saved.id]);
    const keys = adapter.callsOf('addResponse').map((call) => (call.args[1] as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size, 'one operation id for every attempt').to.equal(1);
  });

  it('another tab’s queued edit appears here (BroadcastChannel), without a reload', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = networkDown();
    const here = await clients.open(adapter);
    const dbName = [...clients.dbNames][0];
    const there = await clients.open(adapter, { dbName });
    const tab = await mountTab(here);
    await there.addResponse(there.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'subscribed', respondedAt: '2026-02-01T10:00:00.000Z', note: '' }));
    await until(() => springRow(tab).querySelector('[part~="sync-mark"]'));
    expect(text(springRow(tab).querySelector('[part="response-detail"]')!)).to.equal('Subscribed');
  });

  it('a delivered line is told as "delivered" (with the stored line) once, by the tab that sent it, not by every tab', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = networkDown();
    const here = await clients.open(adapter);
    const dbName = [...clients.dbNames][0];
    const there = await clients.open(adapter, { dbName });
    const delivered: { tab: string; lineId: string; recordedAt: string }[] = [];
    for (const [name, client] of [['here', here], ['there', there]] as const) {
      client.subscribeSync((event) => {
        if (event.type === 'delivered') delivered.push({ tab: name, lineId: event.line.id, recordedAt: event.line.recordedAt });
      });
    }
    const queued = await there.addResponse(there.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'subscribed', respondedAt: '2026-02-01T10:00:00.000Z', note: '' }));
    await until(() => adapter.callsOf('addResponse').length > 0);
    expect(delivered).to.have.length(0);
    delete adapter.failures.addResponse;
    await until(() => delivered.length > 0, 8000);
    // Both tabs have heard the outcome (the other over BroadcastChannel) before counting.
    const pending = async () => (await here.getSyncStatus()).pending + (await there.getSyncStatus()).pending;
    for (let i = 0; i < 200 && (await pending()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pending()).to.equal(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).to.have.length(1);
    expect(delivered[0].lineId).to.equal(queued.id);
    expect(delivered[0].recordedAt).to.be.a('string');
    expect(adapter.lines.filter((stored) => stored.id === queued.id)).to.have.length(1);
  });

  it('reads from the server and the merge leave unmarked lines untouched (nothing queued)', async () => {
    const adapter = new FakeAdapter([line({ id: 'x' })]);
    const client = await clients.open(adapter);
    const answer = await client.getRecipientCampaigns('42');
    expect(asOfOf(answer)).to.equal(undefined);
    expect(syncMarkOf(answer.campaigns[0].latestResponse)).to.equal(undefined);
  });
});
