import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../src/define/campaign-data-provider.js';
import '../../src/define/campaign-sync-status.js';
import type { CampaignDataProvider } from '../../src/components/campaign-data-provider/campaign-data-provider.js';
import { UnavailableError } from '../../src/adapter/errors.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { offlineParts } from '../../src/data/offline/parts.js';
import type { SyncEvent } from '../../src/data/sync.js';
import type { ResponseSavedEvent } from '../../src/events/response-saved.js';
import type { SyncCompleteEvent } from '../../src/events/sync-complete.js';
import { FakeAdapter, until } from './fake-adapter.js';

const draft = { recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-02-01T10:00:00.000Z', note: 'at the booth' };

/** A client with offline parts on its own database, sending after one failed try. */
function offlineClient(adapter: FakeAdapter, dbName: string): CampaignDataClient {
  return new CampaignDataClient({
    adapter,
    parts: offlineParts({ userKey: 'test-user', dbName, cacheGraceMs: 50, outbox: { backoff: { baseMs: 20, capMs: 100 }, requestPersistence: false } }),
  });
}

describe('delivery news reaches the host', () => {
  let client: CampaignDataClient;
  let dbName: string;
  beforeEach(() => (dbName = `cr-delivery-news-${crypto.randomUUID()}`));
  afterEach(async () => {
    await client.close();
    await Promise.all([deleteDB(dbName), deleteDB(`${dbName}-cache`)]);
  });

  it('from the client itself: subscribeSync tells that a queued line landed, with the stored line', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    client = offlineClient(adapter, dbName);
    await client.ready;
    const news: SyncEvent[] = [];
    client.subscribeSync((event) => news.push(event));
    const queued = await client.addResponse(client.createResponseLine(draft));
    await until(() => news.some((event) => event.type === 'sync-failed'), 4000);
    delete adapter.failures.addResponse;
    await until(() => news.some((event) => event.type === 'delivered'), 8000);
    const delivered = news.find((event) => event.type === 'delivered');
    expect(delivered?.type === 'delivered' && delivered.line).to.include({ id: queued.id, note: 'at the booth' });
  });

  it('from the provider, with no <campaign-sync-status> on the page: cr-response-saved and cr-sync-complete, once', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    client = offlineClient(adapter, dbName);
    await client.ready;
    const provider = await fixture<CampaignDataProvider>(html`<campaign-data-provider .dataClient=${client}><p>host content</p></campaign-data-provider>`);
    expect(document.querySelector('campaign-sync-status'), 'no status on this page').to.equal(null);
    const saved: ResponseSavedEvent[] = [];
    const complete: SyncCompleteEvent[] = [];
    const onSaved = (event: Event) => saved.push(event as ResponseSavedEvent);
    const onComplete = (event: Event) => complete.push(event as SyncCompleteEvent);
    document.addEventListener('cr-response-saved', onSaved);
    document.addEventListener('cr-sync-complete', onComplete);
    try {
      const queued = await client.addResponse(client.createResponseLine(draft));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(saved, 'nothing is saved while the server cannot be reached').to.have.length(0);
      delete adapter.failures.addResponse;
      await until(() => saved.length === 1 && complete.length > 0, 8000);
      expect(saved[0].target).to.equal(provider);
      expect(saved[0].line).to.include({ id: queued.id });
      expect(saved[0].line.recordedAt, 'the line as the server stored it').to.be.a('string');
      expect(complete.at(-1)?.sent).to.be.greaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(saved, 'heard once').to.have.length(1);
    } finally {
      document.removeEventListener('cr-response-saved', onSaved);
      document.removeEventListener('cr-sync-complete', onComplete);
    }
  });

  it('with a <campaign-sync-status> inside the provider, the status announces and the host still hears it once', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    client = offlineClient(adapter, dbName);
    await client.ready;
    await fixture(html`<campaign-data-provider .dataClient=${client}><campaign-sync-status></campaign-sync-status></campaign-data-provider>`);
    const status = document.querySelector('campaign-sync-status');
    await until(() => status?.shadowRoot?.querySelector('[part~="summary"]'));
    const saved: ResponseSavedEvent[] = [];
    const onSaved = (event: Event) => saved.push(event as ResponseSavedEvent);
    document.addEventListener('cr-response-saved', onSaved);
    try {
      await client.addResponse(client.createResponseLine(draft));
      await new Promise((resolve) => setTimeout(resolve, 100));
      delete adapter.failures.addResponse;
      await until(() => saved.length === 1, 8000);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(saved, 'once, not from both').to.have.length(1);
      expect(saved[0].target).to.equal(status);
    } finally {
      document.removeEventListener('cr-response-saved', onSaved);
    }
  });
});
