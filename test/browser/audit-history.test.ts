import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/response-history.js';
import '../../src/define/campaign-responses-tab.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { Action, Me } from '../../src/model/principal.js';
import type { BackendCapabilities } from '../../src/adapter/capabilities.js';
import type { FakeAdapter} from './fake-adapter.js';
import { CapableFakeAdapter, line, until } from './fake-adapter.js';
import { $, askToDeleteAll, deepActive, text } from './helpers.js';
import { OfflineClients } from './offline-fixture.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fake backend as a person with these permissions sees it (and, optionally, fewer capabilities). */
function backendFor(permissions: Action[], capabilities: Partial<BackendCapabilities> = {}) {
  const adapter = new CapableFakeAdapter(capabilities, [
    line({ id: 'a', note: 'first' }),
    line({ id: 'b', note: 'second', respondedAt: '2026-01-11T09:00:00.000Z', detailId: 'purchased' }),
  ]);
  const me: Me = { id: 'demo:x', name: 'X', kind: 'user', permissions };
  Object.assign(adapter, { getMe: async () => me });
  adapter.record('add', [adapter.lines[0]]);
  return adapter;
}

async function mountHistory(adapter: FakeAdapter, client = new CampaignDataClient({ adapter, undoDelayMs: 60_000 }), undoDelayMs = 150) {
  const history = await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id="spring" undo-delay-ms=${undoDelayMs} .dataClient=${client}></response-history>`);
  await until(() => history.shadowRoot?.querySelector('[part~="line"]')).catch((e: Error) => {
    throw new Error(`${e.message}: ${history.shadowRoot?.textContent ?? ''}`);
  });
  return history;
}

const lineEl = (history: ResponseHistory, id: string) => history.shadowRoot?.querySelector(`[data-line="${id}"]`);

/** The line's menu → Delete, by keyboard as a person would. */
async function deleteByMenu(history: ResponseHistory, id: string): Promise<void> {
  const button = $<HTMLButtonElement>(history, `[data-line="${id}"] [part="menu-button"]`);
  button.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => deepActive()?.getAttribute('data-item') === 'delete');
  await sendKeys({ press: 'Enter' });
}

describe('<response-history>: a line’s Delete, Undo, Restore, deleted lines and changes', () => {
  it('menu → Delete hides the line, focus goes to the notice with Undo; Undo brings it back and sends nothing', async () => {
    const adapter = backendFor(['read', 'write', 'delete']);
    const history = await mountHistory(adapter, undefined, 60_000);
    await deleteByMenu(history, 'a');
    await until(() => !lineEl(history, 'a'));
    await until(() => deepActive() === $(history, '[part~="line-notice"]'));
    expect(text($(history, '[part~="line-notice"]'))).to.contain('Response “Responded” deleted.');
    expect($(history, '.snackbar-region').getAttribute('aria-live')).to.equal('polite');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(history, '[part="notice-undo"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => lineEl(history, 'a'));
    expect(adapter.callsOf('deleteResponse')).to.have.length(0);
  });

  it('once the delete was sent, Undo becomes Restore, which brings the line back', async () => {
    const adapter = backendFor(['read', 'write', 'delete']);
    const history = await mountHistory(adapter);
    await deleteByMenu(history, 'a');
    await until(() => history.shadowRoot?.querySelector('[part="notice-restore"]'), 3000);
    expect(history.shadowRoot?.querySelector('[part="notice-undo"]')).to.equal(null);
    expect(adapter.callsOf('deleteResponse')).to.have.length(1);
    $<HTMLButtonElement>(history, '[part="notice-restore"]').click();
    await until(() => text($(history, '[part~="line-notice"]')).includes('restored'));
    expect(adapter.callsOf('restoreDeletion')).to.have.length(1);
    await until(() => lineEl(history, 'a') && !lineEl(history, 'a')?.classList.contains('deleted'));
  });

  it('deleted lines are shown, struck and labelled with who deleted them and when, with Restore, to people with delete only', async () => {
    const adapter = backendFor(['read', 'write', 'delete']);
    await adapter.deleteResponse('b');
    const history = await mountHistory(adapter);
    await until(() => lineEl(history, 'b'));
    expect(lineEl(history, 'b')?.classList.contains('deleted')).to.equal(true);
    expect(text($(history, '[data-line="b"] [part="line-deleted"]'))).to.match(/^Deleted by Morgan Reyes, /);
    $<HTMLButtonElement>(history, '[data-line="b"] [part="line-restore"]').click();
    await until(() => adapter.deletedLines.length === 0);
    expect(adapter.callsOf('restoreResponse')[0].args).to.deep.equal(['b']);

    history.remove();
    const reader = backendFor(['read', 'write']);
    await reader.deleteResponse('b');
    const readerHistory = await mountHistory(reader);
    expect(lineEl(readerHistory, 'b')).to.equal(null);
    expect(readerHistory.shadowRoot?.querySelector('[part="menu-button"]'), 'no Delete without the permission').to.equal(null);
    expect(reader.callsOf('getRecipientResponses').every((call) => (call.args[1] as { include?: string }).include === undefined)).to.equal(true);
  });

  it('an admin opens a line’s changes: who added, deleted and restored it, when; others see no Changes', async () => {
    const adapter = backendFor(['read', 'write', 'delete', 'admin']);
    await adapter.deleteResponse('a');
    await adapter.restoreResponse('a');
    const history = await mountHistory(adapter);
    const button = $<HTMLButtonElement>(history, '[data-line="a"] [part="line-changes-button"]');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await until(() => history.shadowRoot?.querySelectorAll('[data-line="a"] [part="line-change"]').length === 3);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const changes = [...history.shadowRoot!.querySelectorAll('[data-line="a"] [part="line-change"]')].map((li) => text(li));
    expect(changes[0]).to.match(/^Restored by Morgan Reyes, /);
    expect(changes[1]).to.match(/^Deleted by Morgan Reyes, /);
    expect(changes[2]).to.match(/^Added by Morgan Reyes, /);
    expect(adapter.callsOf('getAudit')[0].args[0]).to.include({ lineId: 'a' });

    history.remove();
    const manager = await mountHistory(backendFor(['read', 'write', 'delete']));
    expect(manager.shadowRoot?.querySelector('[part="line-changes-button"]')).to.equal(null);
  });

  it('a backend without deleteLine, restore or audit: no Delete, no deleted lines, no Changes, even for an admin', async () => {
    const adapter = backendFor(['read', 'write', 'delete', 'admin'], { deleteLine: false, restore: false, audit: false });
    const history = await mountHistory(adapter);
    expect(history.shadowRoot?.querySelector('[part="menu-button"], [part="line-changes-button"], [part="line-restore"]')).to.equal(null);
    expect((adapter.callsOf('getRecipientResponses')[0].args[1] as { include?: string }).include).to.equal(undefined);
  });
});

describe('Offline edits that waited too long', () => {
  let clients: OfflineClients;
  beforeEach(() => (clients = new OfflineClients()));
  afterEach(() => clients.cleanUp());

  it('an edit older than maxOperationAgeMs shows failed, says why, and Retry sends it as a new operation', async () => {
    const adapter = backendFor(['read', 'write']);
    // Every edit is too old for this backend: the outbox gives up on it before sending.
    Object.assign(adapter, { maxOperationAgeMs: -1 });
    const client = await clients.open(adapter);
    const history = await mountHistory(adapter, client);
    const saved = await client.addResponse(client.createResponseLine({
      recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'responded', respondedAt: '2026-01-12T09:00:00.000Z', note: 'late',
    }));
    await until(() => history.shadowRoot?.querySelector(`[data-line="${saved.id}"] [part~="sync-failed"]`), 3000);
    expect(text($(history, `[data-line="${saved.id}"] [part="sync-reason"]`))).to.contain('waited too long');
    expect(adapter.callsOf('addResponse')).to.have.length(0);
    const [failed] = (await client.outbox?.list()) ?? [];
    Object.assign(adapter, { maxOperationAgeMs: undefined });
    $<HTMLButtonElement>(history, `[data-line="${saved.id}"] [part="sync-retry"]`).click();
    await until(() => adapter.callsOf('addResponse').length === 1, 3000);
    const key = (adapter.callsOf('addResponse')[0].args[1] as { idempotencyKey: string }).idempotencyKey;
    expect(key).to.not.equal(failed.opId);
  });
});

describe('<campaign-responses-tab>: Restore after a delete-all was sent, and lines kept', () => {
  it('past Undo the notice offers Restore, which restores the whole delete-all; lines added since are kept and the person is told', async () => {
    const adapter = backendFor(['read', 'write', 'delete']);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 60_000 });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" undo-delay-ms="400" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('table'));
    await askToDeleteAll(tab, 'spring-call', '2 responses');
    const readsBefore = adapter.callsOf('getRecipientResponses').length;
    $<HTMLButtonElement>(tab, '[part~="confirm-delete-button"]').click();
    await until(() => adapter.callsOf('getRecipientResponses').length > readsBefore && tab.shadowRoot?.querySelector('[part="undo-button"]'));
    // The read of what the person saw has answered (the fake answers at once); the undo time runs on.
    await wait(50);
    // Added on another device while this person's Undo time runs: not what they saw, so it stays.
    adapter.lines.push(line({ id: 'elsewhere', respondedAt: '2026-01-12T09:00:00.000Z' }));
    await until(() => tab.shadowRoot?.querySelector('[part="restore-button"]'), 3000);
    expect(text($(tab, '[part="snackbar"]'))).to.contain('Responses to Spring Launch deleted.');
    expect(text($(tab, '[part="kept-note"]'))).to.equal('1 response added since you looked was kept.');
    expect(adapter.lines.map((l) => l.id)).to.deep.equal(['elsewhere']);
    $<HTMLButtonElement>(tab, '[part="restore-button"]').click();
    await until(() => text($(tab, '[part="snackbar"]')).includes('Responses to Spring Launch restored.'));
    expect(adapter.callsOf('restoreDeletion')).to.have.length(1);
    expect(adapter.lines.map((l) => l.id).sort()).to.deep.equal(['a', 'b', 'elsewhere']);
  });
});
