import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/campaign-sync-status.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import { AuthError, ConflictError, UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { OfflineDataClient } from '../../src/data/offline-client.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import type { ResponseSavedEvent } from '../../src/events/response-saved.js';
import type { SyncCompleteEvent } from '../../src/events/sync-complete.js';
import type { SyncFailedEvent } from '../../src/events/sync-failed.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, $$, text } from './helpers.js';
import { OfflineClients } from './offline-fixture.js';

async function mountStatus(client: CampaignDataClient): Promise<CampaignSyncStatus> {
  const status = await fixture<CampaignSyncStatus>(html`<campaign-sync-status .dataClient=${client}></campaign-sync-status>`);
  await until(() => status.shadowRoot?.querySelector('[part~="summary"], [part~="notice"]'));
  return status;
}

const draft = (overrides: { campaignId?: string; eventId?: string; detailId?: string; note?: string } = {}) => ({
  recipientId: '42',
  campaignId: 'spring',
  eventId: 'spring-call',
  detailId: 'purchased',
  respondedAt: '2026-02-01T10:00:00.000Z',
  note: '',
  ...overrides,
});

const part = (status: CampaignSyncStatus, name: string) => status.shadowRoot?.querySelector(`[part~="${name}"]`);

describe('<campaign-sync-status>', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('offline: says so (from what requests did), counts the waiting edits and the age of the oldest', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    await client.addResponse(client.createResponseLine(draft()));
    await client.addResponse(client.createResponseLine(draft({ note: 'second' })));
    await until(() => part(status, 'connectivity')?.getAttribute('data-connectivity') === 'offline', 4000);
    await until(() => part(status, 'pending')?.getAttribute('data-count') === '2');
    expect(text(part(status, 'connectivity')!)).to.equal('○ Offline: the server cannot be reached');
    expect(text(part(status, 'pending')!)).to.match(/^2 edits waiting to be sent, the oldest made (now|\d+ seconds? ago)$/);
    expect(part(status, 'summary')!.getAttribute('role')).to.equal('status');
    await expect(status).to.be.accessible();
  });

  it('online and everything sent: says so, with the last sync time, and fires cr-sync-complete', async () => {
    const adapter = new FakeAdapter();
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    const complete = oneEvent(status, 'cr-sync-complete') as Promise<SyncCompleteEvent>;
    await client.addResponse(client.createResponseLine(draft()));
    const event = await complete;
    expect(event.composed).to.equal(true);
    expect(event.sent).to.equal(1);
    await until(() => part(status, 'last-sync'));
    expect(text(part(status, 'connectivity')!)).to.equal('● Online');
    expect(text(part(status, 'pending')!)).to.equal('All edits sent');
    expect(part(status, 'last-sync')!.querySelector('time')!.getAttribute('datetime')).to.match(/Z$/);
    expect(adapter.lines).to.have.length(1);
    await expect(status).to.be.accessible();
  });

  it('fires cr-response-saved with the stored line when a queued line is delivered, once, not while it waits', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    const saved: ResponseSavedEvent[] = [];
    status.addEventListener('cr-response-saved', (event) => saved.push(event));
    const queued = await client.addResponse(client.createResponseLine(draft({ note: 'from the booth' })));
    await until(() => part(status, 'connectivity')?.getAttribute('data-connectivity') === 'offline', 4000);
    expect(saved, 'nothing is saved while the server cannot be reached').to.have.length(0);

    // The sender probes again by itself (the fixture's backoff is fast).
    delete adapter.failures.addResponse;
    await until(() => saved.length === 1, 8000);
    expect(saved[0].composed).to.equal(true);
    expect(saved[0].line).to.include({ id: queued.id, note: 'from the booth' });
    expect(saved[0].line.recordedAt, 'the line as the server stored it').to.be.a('string');
    await until(() => part(status, 'pending')?.getAttribute('data-count') === '0');
    expect(saved).to.have.length(1);
  });

  it('a failed edit: cr-sync-failed (final), the count, the server’s reason; Retry sends it again', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new ValidationError('refused', [], { status: 422, problem: { detail: 'Campaign is closed' } });
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    const failed = oneEvent(status, 'cr-sync-failed') as Promise<SyncFailedEvent>;
    const saved = await client.addResponse(client.createResponseLine(draft()));
    const event = await failed;
    expect(event.final).to.equal(true);
    expect(event.error).to.include({ kind: 'validation', status: 422 });
    await until(() => part(status, 'failed')?.getAttribute('data-count') === '1');
    expect(text(part(status, 'failed')!)).to.equal('1 edit failed');
    const toggle = part(status, 'toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect((part(status, 'problems') as HTMLElement).hidden).to.equal(true);
    toggle.click();
    await status.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const problem = part(status, 'problem')!;
    expect(text(problem)).to.contain('Failed').and.contain('Purchased').and.contain('The server said: Campaign is closed');
    await expect(status).to.be.accessible();

    delete adapter.failures.addResponse;
    problem.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => !part(status, 'problem'), 4000);
    await until(() => adapter.lines.length === 1);
    expect(adapter.lines[0].id).to.equal(saved.id);
    await until(() => !part(status, 'failed'));
  });

  it('Discard asks first; Keep it keeps the edit, Discard edit drops it (never sent)', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new ValidationError('refused', [], { status: 422 });
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    await client.addResponse(client.createResponseLine(draft()));
    await until(() => part(status, 'toggle'), 4000);
    (part(status, 'toggle') as HTMLButtonElement).click();
    await status.updateComplete;
    const calls = adapter.callsOf('addResponse').length;

    $<HTMLButtonElement>(status, '[part="discard-button"]').click();
    await status.updateComplete;
    expect(text(part(status, 'discard-confirmation')!)).to.contain('Discard this edit? It will not be sent');
    expect(status.shadowRoot!.activeElement?.getAttribute('part')).to.equal('keep-button');
    await expect(status).to.be.accessible();
    $<HTMLButtonElement>(status, '[part="keep-button"]').click();
    await status.updateComplete;
    expect(part(status, 'discard-confirmation')).to.equal(null);
    expect(await client.outbox!.list()).to.have.length(1);

    $<HTMLButtonElement>(status, '[part="discard-button"]').click();
    await status.updateComplete;
    $<HTMLButtonElement>(status, '[part="confirm-discard-button"]').click();
    await until(() => !part(status, 'problem'));
    expect(await client.outbox!.list()).to.deep.equal([]);
    expect(adapter.callsOf('addResponse')).to.have.length(calls);
    expect(adapter.lines).to.deep.equal([]);
    expect((await client.getRecipientCampaigns('42')).campaigns[0].latestResponse).to.equal(null);
  });

  it('a conflict shows the server’s version beside ours', async () => {
    const adapter = new FakeAdapter();
    const client = await clients.open(adapter);
    const ours = client.createResponseLine(draft({ note: 'ours: bought two' }));
    // The server already holds another line under this id (another device sent it first).
    adapter.lines.push(line({ id: ours.id, detailId: 'received', note: 'theirs: only interested' }));
    adapter.failures.addResponse = new ConflictError('conflict', { status: 409, problem: { type: 'urn:cr:conflict', detail: 'A response with this id exists with other content.' } });
    const status = await mountStatus(client);
    await client.addResponse(ours);
    await until(() => part(status, 'conflict')?.getAttribute('data-count') === '1', 4000);
    expect(text(part(status, 'conflict')!)).to.equal('1 conflict');
    (part(status, 'toggle') as HTMLButtonElement).click();
    await status.updateComplete;
    const versions = part(status, 'versions') as HTMLTableElement;
    const headers = [...versions.querySelectorAll('thead th')].map((th) => text(th));
    expect(headers).to.deep.equal(['Ours', 'On the server']);
    const note = [...versions.querySelectorAll('tbody tr')].find((row) => text(row.querySelector('th')!) === 'Note')!;
    expect([...note.querySelectorAll('td')].map((td) => text(td))).to.deep.equal(['ours: bought two', 'theirs: only interested']);
    const detail = [...versions.querySelectorAll('tbody tr')].find((row) => text(row.querySelector('th')!) === 'Response')!;
    expect([...detail.querySelectorAll('td')].map((td) => text(td))).to.deep.equal(['Purchased', 'Received']);
    expect(text(part(status, 'reason')!)).to.equal('The server said: A response with this id exists with other content.');
    await expect(status).to.be.accessible();
  });

  it('a 401 pauses sending and fires cr-auth-required; its retry resumes, and the edit arrives once', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new AuthError('expired', { status: 401 });
    const client = await clients.open(adapter);
    const status = await mountStatus(client);
    const asked = oneEvent(status, 'cr-auth-required') as Promise<AuthRequiredEvent>;
    const saved = await client.addResponse(client.createResponseLine(draft()));
    const event = await asked;
    expect(event.error).to.be.instanceOf(AuthError);
    await until(() => part(status, 'paused'));
    expect(text(part(status, 'paused')!)).to.contain('Sending is paused until you sign in again');
    await expect(status).to.be.accessible();
    delete adapter.failures.addResponse;
    event.retryAfter(Promise.resolve('new token'));
    await until(() => adapter.lines.length === 1, 4000);
    expect(adapter.lines[0].id).to.equal(saved.id);
    await until(() => !part(status, 'paused'));
  });

  it('without IndexedDB: the online-only notice', async () => {
    const client = await clients.open(new FakeAdapter(), { indexedDB: null });
    const status = await mountStatus(client);
    await until(() => part(status, 'notice'));
    expect(text(part(status, 'notice')!)).to.contain('Offline edits are not available in this browser');
    await expect(status).to.be.accessible();
  });

  it('with a client without offline edits: says edits go straight to the server', async () => {
    const status = await mountStatus(new CampaignDataClient({ adapter: new FakeAdapter() }));
    expect(text(part(status, 'notice')!)).to.equal('Edits are sent straight to the server.');
    expect($$(status, '[part~="problem"]')).to.have.length(0);
    await expect(status).to.be.accessible();
  });

  it('hears edits of another tab', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Failed to fetch');
    const here: OfflineDataClient = await clients.open(adapter);
    const there = await clients.open(adapter, { dbName: [...clients.dbNames][0] });
    const status = await mountStatus(here);
    await there.addResponse(there.createResponseLine(draft()));
    await until(() => part(status, 'pending')?.getAttribute('data-count') === '1');
  });
});
