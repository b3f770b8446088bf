import { expect } from '@open-wc/testing';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { DataChange } from '../../src/data/changes.js';
import { UnavailableError } from '../../src/adapter/errors.js';
import { FakeAdapter, gate, line } from './fake-adapter.js';

const draft = {
  recipientId: '42',
  campaignId: 'spring',
  eventId: 'spring-call',
  detailId: 'responded',
  respondedAt: '2026-01-10T09:00:00.000Z',
  note: 'called back',
};

describe('CampaignDataClient', () => {
  it('loads the vocabulary once and shares it', async () => {
    const adapter = new FakeAdapter();
    const client = new CampaignDataClient({ adapter });
    const [a, b] = await Promise.all([client.getVocabulary(), client.getVocabulary()]);
    await client.getVocabulary();
    expect(a).to.equal(b);
    expect(adapter.callsOf('getResponseTypes')).to.have.length(1);
  });

  it('asks again for the vocabulary after a failure', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.getResponseTypes = new UnavailableError('down');
    const client = new CampaignDataClient({ adapter });
    let failed = false;
    await client.getVocabulary().catch(() => (failed = true));
    expect(failed).to.equal(true);
    delete adapter.failures.getResponseTypes;
    expect((await client.getVocabulary()).categories).to.have.length(10);
    expect(adapter.callsOf('getResponseTypes')).to.have.length(2);
  });

  it('one caller aborting does not cancel the shared vocabulary load', async () => {
    const adapter = new FakeAdapter();
    adapter.delays.getResponseTypes = 30;
    const client = new CampaignDataClient({ adapter });
    const controller = new AbortController();
    const aborted = client.getVocabulary({ signal: controller.signal });
    const other = client.getVocabulary();
    controller.abort();
    let error: unknown;
    await aborted.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    expect((await other).details).to.have.length(27);
  });

  it('makes a UUID for a new line, sends it as the idempotency key, and notifies subscribers', async () => {
    const adapter = new FakeAdapter();
    const client = new CampaignDataClient({ adapter });
    const changes: DataChange[] = [];
    client.subscribe((change) => changes.push(change), '42');
    const other: DataChange[] = [];
    client.subscribe((change) => other.push(change), '7');
    const newLine = client.createResponseLine(draft);
    expect(newLine.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const saved = await client.addResponse(newLine);
    expect(saved.id).to.equal(newLine.id);
    expect(adapter.callsOf('addResponse')[0].args[1]).to.deep.equal({ idempotencyKey: newLine.id });
    expect(changes.map((c) => c.kind)).to.deep.equal(['added']);
    expect(other).to.have.length(0);
  });

  it('a newer load in a view slot aborts the older one', async () => {
    const adapter = new FakeAdapter();
    adapter.delays.getRecipientCampaigns = 50;
    const client = new CampaignDataClient({ adapter });
    const view = client.createView();
    const first = client.getRecipientCampaigns('42', { signal: view.next('campaigns') });
    const second = client.getRecipientCampaigns('42', { signal: view.next('campaigns') });
    let firstError: unknown;
    await first.catch((e: unknown) => (firstError = e));
    expect((firstError as DOMException).name).to.equal('AbortError');
    expect((await second).campaigns).to.have.length(2);
  });

  it('holds Delete back for the undo time and hides the lines meanwhile', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' }), line({ id: 'b' }), line({ id: 'c', campaignId: 'legacy', eventId: 'legacy-mail' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 60 });
    const changes: string[] = [];
    client.subscribe((change) => changes.push(change.kind));
    const pending = client.deleteAllResponses('42', 'spring');
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(0);
    const campaigns = await client.getRecipientCampaigns('42');
    expect(campaigns.campaigns.find((c) => c.id === 'spring')?.latestResponse).to.equal(null);
    expect(campaigns.campaigns.find((c) => c.id === 'legacy')?.latestResponse?.id).to.equal('c');
    const history = await client.getHistoryPage('42');
    expect(history.items.map((l) => l.id)).to.deep.equal(['c']);
    const result = await pending.done;
    expect(result).to.include({ deleted: 2, kept: 0 });
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(1);
    expect(changes).to.deep.equal(['delete-pending', 'deleted']);
  });

  it('Undo within the time sends nothing and shows the lines again', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 40 });
    const pending = client.deleteAllResponses('42', 'spring');
    expect(pending.undo()).to.equal(true);
    expect(await pending.done).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(0);
    expect((await client.getHistoryPage('42')).items).to.have.length(1);
  });

  it('leaving the page sends a Delete that waits for Undo, rather than losing it', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 60_000 });
    const pending = client.deleteAllResponses('42', 'spring');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(await pending.done).to.include({ deleted: 1 });
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(1);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(1, 'sent once');
  });

  it('a new line for a campaign whose Delete waits sends the Delete first', async () => {
    const adapter = new FakeAdapter([line({ id: 'old' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 10_000 });
    client.deleteAllResponses('42', 'spring');
    await client.addResponse(client.createResponseLine(draft));
    const writes = adapter.calls.map((c) => c.method).filter((method) => method !== 'getRecipientResponses');
    expect(writes).to.deep.equal(['deleteAllResponses', 'addResponse']);
    expect(adapter.lines.map((l) => l.id)).to.not.include('old');
    expect(adapter.lines).to.have.length(1);
  });

  it('counts the lines of a campaign', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' }), line({ id: 'b' }), line({ id: 'c', campaignId: 'legacy' })]);
    const client = new CampaignDataClient({ adapter });
    expect(await client.countResponses('42', 'spring')).to.equal(2);
  });

  it('a failed Delete is reported and the lines come back', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const g = gate();
    adapter.gates.deleteAllResponses = g.promise;
    adapter.failures.deleteAllResponses = new UnavailableError('down');
    const client = new CampaignDataClient({ adapter, undoDelayMs: 0 });
    const changes: string[] = [];
    client.subscribe((change) => changes.push(change.kind));
    const pending = client.deleteAllResponses('42', 'spring');
    g.open();
    let error: unknown;
    await pending.done.catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(UnavailableError);
    expect(changes).to.deep.equal(['delete-pending', 'delete-failed']);
    expect((await client.getHistoryPage('42')).items).to.have.length(1);
  });
});
