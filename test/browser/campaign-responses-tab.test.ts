import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import type { ResponseSavedEvent } from '../../src/events/response-saved.js';
import type { ResponsesDeletedEvent } from '../../src/events/responses-deleted.js';
import { CAMPAIGNS, FakeAdapter, RECIPIENT, gate, line, until } from './fake-adapter.js';
import { $, $$, askToDeleteAll, choose, deepActive, dialogOf, text, typeInto } from './helpers.js';

async function mount(adapter = new FakeAdapter(), undoDelayMs = 5000) {
  const client = new CampaignDataClient({ adapter, undoDelayMs });
  const tab = await fixture<CampaignResponsesTab>(
    html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`,
  );
  await until(() => tab.shadowRoot?.querySelector('table'));
  return { tab, adapter, client };
}

describe('<campaign-responses-tab>', () => {
  it('lists the campaigns with their events, latest response and its date in a <time>', async () => {
    const { tab } = await mount(
      new FakeAdapter([
        line({ id: 'old', detailId: 'received', respondedAt: '2026-01-01T10:00:00.000Z' }),
        line({ id: 'new', detailId: 'purchased', respondedAt: '2026-01-05T10:00:00.000Z' }),
      ]),
    );
    const rows = $$(tab, 'tbody[part="campaign"]');
    expect(rows).to.have.length(2);
    expect(text(rows[0].querySelector('th')!)).to.equal('Spring Launch');
    expect(text(rows[0].querySelector('[part="events"]')!)).to.contain('Launch email').and.contain('Follow-up call');
    expect(text(rows[0].querySelector('[part="response-detail"]')!)).to.equal('Purchased');
    // A detail named as its category is said once, not "Purchased · Purchased".
    expect(text(rows[0].querySelector('[part="response"]')!)).to.equal('Purchased');
    const time = rows[0].querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-01-05T10:00:00.000Z');
    expect(text(time)).to.equal(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-01-05T10:00:00.000Z')));
    expect(text(rows[1].querySelector('[part="response"]')!)).to.equal('No response yet');
    expect(rows[0].querySelectorAll('[part="update-button"]')).to.have.length(2);
    await expect(tab).to.be.accessible();
  });

  it('notes the reporting delay where Sent or Bounced appear', async () => {
    const { tab } = await mount(new FakeAdapter([line({ id: 'b', detailId: 'mailbox-full', eventId: 'spring-mail' })]));
    const notes = $$(tab, '[part="delay-note"]');
    expect(notes).to.have.length(1);
    // A detail with a category of another name shows both.
    expect(text($(tab, '[part="response-category"]'))).to.equal('Bounced');
    expect(text(notes[0])).to.contain('Sent and Bounced may be reported with a delay');
  });

  it('renders campaign titles as text', async () => {
    const adapter = new FakeAdapter();
    adapter.campaigns[0].title = '<img src=x onerror=alert(1)> {{7*7}}';
    const { tab } = await mount(adapter);
    const title = $(tab, 'tbody th');
    expect(text(title)).to.equal('<img src=x onerror=alert(1)> {{7*7}}');
    expect(title.querySelector('img')).to.equal(null);
  });

  it('shows a skeleton while loading, with no layout jump', async () => {
    const adapter = new FakeAdapter();
    const g = gate();
    adapter.gates.getRecipientCampaigns = g.promise;
    const client = new CampaignDataClient({ adapter });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('[part~="loading"]'));
    expect($(tab, '[part~="loading"]').getAttribute('role')).to.equal('status');
    const heightWhileLoading = $(tab, '.content').getBoundingClientRect().height;
    expect(heightWhileLoading).to.be.greaterThan(100);
    await expect(tab).to.be.accessible();
    g.open();
    await until(() => tab.shadowRoot?.querySelector('table'));
  });

  it('shows the host text in the empty slot when no campaign was sent', async () => {
    const adapter = new FakeAdapter();
    adapter.campaigns = [];
    const client = new CampaignDataClient({ adapter });
    const tab = await fixture<CampaignResponsesTab>(
      html`<campaign-responses-tab recipient-id="42" .dataClient=${client}><span slot="empty">Nothing sent yet</span></campaign-responses-tab>`,
    );
    await until(() => tab.shadowRoot?.querySelector('[part="empty"]'));
    const slot = $<HTMLSlotElement>(tab, 'slot[name="empty"]');
    expect(text(slot.assignedElements()[0])).to.equal('Nothing sent yet');
    await expect(tab).to.be.accessible();
  });

  it('a load cut short by a newer one is no failure: the table and Add Response stay as they were', async () => {
    const { tab, adapter } = await mount(new FakeAdapter([line({ id: 'a' })]));
    // Slow answers, which (like fetch) end at once with an AbortError when their request is cut short.
    adapter.delays.getRecipientCampaigns = 400;
    const addButton = () => $<HTMLButtonElement>(tab, '[part="add-button"]');
    void tab.reload();
    await tab.updateComplete;
    const second = tab.reload(); // aborts the first's request
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Anything may re-render the tab meanwhile (a dialog closing, a notice): it must still show its data.
    tab.requestUpdate();
    await tab.updateComplete;
    expect(addButton().disabled, 'Add Response while the newer load runs').to.equal(false);
    expect($$(tab, 'tbody[part="campaign"]')).to.have.length(2);
    expect(tab.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await second;
    await tab.updateComplete;
    expect(addButton().disabled).to.equal(false);
  });

  it('shows an error with Retry, which loads again', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.getRecipientCampaigns = new UnavailableError('Service down');
    const client = new CampaignDataClient({ adapter });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('[part~="error"]'));
    expect(text($(tab, '[role="alert"]'))).to.contain('Service down');
    await expect(tab).to.be.accessible();
    delete adapter.failures.getRecipientCampaigns;
    $(tab, '[part="retry-button"]').click();
    await until(() => tab.shadowRoot?.querySelector('table'));
  });

  it('says when the recipient does not exist', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="999" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('[part~="not-found"]'));
    expect(text($(tab, '[role="alert"]'))).to.equal('This recipient was not found.');
    await expect(tab).to.be.accessible();
  });

  it('on 401 fires cr-auth-required, shows no-permission, and retries after the host refreshed', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.getRecipientCampaigns = new AuthError('expired', { status: 401 });
    const client = new CampaignDataClient({ adapter });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const authEvent = oneEvent(wrapper, 'cr-auth-required') as Promise<AuthRequiredEvent>;
    const tab = document.createElement('campaign-responses-tab');
    tab.recipientId = '42';
    tab.dataClient = client;
    wrapper.append(tab);
    const event = await authEvent;
    expect(event.composed).to.equal(true);
    expect(event.error).to.be.instanceOf(AuthError);
    await until(() => tab.shadowRoot?.querySelector('[part~="auth"]'));
    await expect(tab).to.be.accessible();
    delete adapter.failures.getRecipientCampaigns;
    event.retryAfter(Promise.resolve('new-token'));
    await until(() => tab.shadowRoot?.querySelector('table'));
  });

  it('Add Response: saves a new line, shows it as the most recent response, returns focus', async () => {
    const { tab, adapter } = await mount();
    const addButton = $<HTMLButtonElement>(tab, '[part="add-button"]');
    expect(text(addButton)).to.equal('Add Response');
    addButton.focus();
    addButton.click();
    const dialog = dialogOf(tab);
    await until(() => dialog.open && dialog.shadowRoot?.querySelector('#campaignId'));
    expect(text($(dialog, 'h2'))).to.equal('New Campaign Response');
    choose($<HTMLSelectElement>(dialog, '#campaignId'), 'spring');
    await dialog.updateComplete;
    choose($<HTMLSelectElement>(dialog, '#eventId'), 'spring-call');
    await dialog.updateComplete;
    choose($<HTMLSelectElement>(dialog, '#detailId'), 'purchased');
    typeInto($<HTMLTextAreaElement>(dialog, '#note'), 'Bought at the booth');
    await dialog.updateComplete;
    const saved = oneEvent(tab, 'cr-response-saved') as Promise<ResponseSavedEvent>;
    const save = $<HTMLButtonElement>(dialog, '[part="save-button"]');
    expect(text(save)).to.equal('Save');
    save.click();
    const event = await saved;
    expect(event.line.detailId).to.equal('purchased');
    expect(adapter.callsOf('addResponse')).to.have.length(1);
    await until(() => text(tab.shadowRoot!.querySelector('[part="response-detail"]') ?? tab) === 'Purchased');
    expect(dialog.open).to.equal(false);
    expect(deepActive()).to.equal(addButton);
  });

  it('Update Status: adds a new line for that campaign event with Save New Response', async () => {
    const { tab, adapter } = await mount(new FakeAdapter([line({ id: 'a', detailId: 'received' })]));
    const update = $<HTMLButtonElement>(tab, '[part="update-button"][data-event="spring-call"]');
    update.click();
    const dialog = dialogOf(tab);
    await until(() => dialog.open && dialog.shadowRoot?.querySelector('#detailId'));
    expect(text($(dialog, 'h2'))).to.equal('Campaign Response');
    expect(dialog.shadowRoot!.querySelector('#campaignId')).to.equal(null);
    expect(text($(dialog, '[part="target"]'))).to.equal('Spring Launch: Follow-up call');
    choose($<HTMLSelectElement>(dialog, '#detailId'), 'responded');
    await dialog.updateComplete;
    const save = $<HTMLButtonElement>(dialog, '[part="save-button"]');
    expect(text(save)).to.equal('Save New Response');
    save.click();
    await until(() => adapter.callsOf('addResponse').length === 1);
    const sent = adapter.callsOf('addResponse')[0].args[0] as { eventId: string; campaignId: string };
    expect(sent).to.include({ campaignId: 'spring', eventId: 'spring-call' });
    await until(() => text(tab.shadowRoot!.querySelector('[part="response-detail"]') ?? tab) === 'Responded');
    expect(deepActive()).to.equal(update);
  });

  it('Delete (Update Status → Actions → Delete by keyboard) confirms with the count, and Undo keeps the lines', async () => {
    const { tab, adapter } = await mount(new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-11T00:00:00.000Z' })]), 300);
    $<HTMLButtonElement>(tab, '[part="update-button"][data-event="spring-call"]').click();
    const dialog = dialogOf(tab);
    await until(() => dialog.open && dialog.shadowRoot?.querySelector('[part="menu-button"]'));
    const menuButton = $<HTMLButtonElement>(dialog, '[part="menu-button"]');
    expect(text(menuButton)).to.equal('Actions');
    menuButton.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => menuButton.getAttribute('aria-expanded') === 'true');
    expect(text(deepActive()!)).to.equal('Delete');
    await sendKeys({ press: 'Escape' });
    await until(() => menuButton.getAttribute('aria-expanded') === 'false');
    expect(dialog.open, 'Escape in the menu closes only the menu').to.equal(true);
    expect(deepActive()).to.equal(menuButton);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => text(deepActive() ?? tab) === 'Delete');
    await sendKeys({ press: 'Enter' });
    await until(() => tab.shadowRoot?.querySelector<HTMLDialogElement>('[part="confirm-dialog"]')?.open && text($(tab, '[part="confirm-dialog"]')).includes('2 responses'));
    const confirm = $<HTMLDialogElement>(tab, '[part="confirm-dialog"]');
    expect(text(confirm)).to.contain('Delete all 2 responses of this recipient to “Spring Launch”?');
    await expect(tab).to.be.accessible();
    $<HTMLButtonElement>(tab, '[part~="confirm-delete-button"]').click();
    await until(() => tab.shadowRoot?.querySelector('[part="undo-button"]'));
    await until(() => text($(tab, 'tbody [part="response"]')) === 'No response yet');
    expect(text($(tab, '[part="snackbar"]'))).to.contain('Deleted 2 responses to Spring Launch.');
    $<HTMLButtonElement>(tab, '[part="undo-button"]').click();
    await until(() => text(tab.shadowRoot!.querySelector('[part="response-detail"]') ?? tab) === 'Responded');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(0);
    expect(adapter.lines).to.have.length(2);
  });

  it('Delete without Undo is sent after the undo time and fires cr-responses-deleted', async () => {
    const { tab, adapter } = await mount(new FakeAdapter([line({ id: 'a' })]), 100);
    await askToDeleteAll(tab, 'spring-call', 'Delete 1 response');
    const deleted = oneEvent(tab, 'cr-responses-deleted') as Promise<ResponsesDeletedEvent>;
    $<HTMLButtonElement>(tab, '[part~="confirm-delete-button"]').click();
    const event = await deleted;
    expect(event.deleted).to.equal(1);
    // Bounded by the lines the person saw: a line added elsewhere meanwhile would stay.
    expect(adapter.callsOf('deleteAllResponses')[0].args).to.deep.equal(['42', 'spring', { lineIds: ['a'] }]);
  });

  it('expands a campaign row to its history by a disclosure button', async () => {
    const { tab } = await mount(new FakeAdapter([line({ id: 'a', note: 'first call' })]));
    const disclosure = $<HTMLButtonElement>(tab, '[part="disclosure"]');
    expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
    disclosure.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => disclosure.getAttribute('aria-expanded') === 'true');
    const history = $(tab, 'response-history');
    expect(history.getAttribute('campaign-id')).to.equal('spring');
    expect(disclosure.getAttribute('aria-controls')).to.equal(history.closest('tr')!.id);
    await until(() => history.shadowRoot?.querySelector('[part="line-note"]'));
    expect(text(history.shadowRoot!.querySelector('[part="line-note"]')!)).to.equal('first call');
    await expect(tab).to.be.accessible();
  });

  it('works alone with api-base and a token: its own REST client sends the bearer token', async () => {
    const originalFetch = window.fetch;
    const seen: { url: string; authorization: string | null }[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('Authorization') });
      const { DEFAULT_VOCABULARY } = await import('../../src/model/vocabulary.js');
      const body = request.url.endsWith('/response-types') ? DEFAULT_VOCABULARY : { recipient: RECIPIENT, campaigns: CAMPAIGNS };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab api-base="/api" recipient-id="42" .token=${'secret'}></campaign-responses-tab>`);
      await until(() => tab.shadowRoot?.querySelector('table'));
      expect(seen.map((s) => new URL(s.url).pathname)).to.include('/api/recipients/42/campaigns');
      expect(seen.every((s) => s.authorization === 'Bearer secret')).to.equal(true);
    } finally {
      window.fetch = originalFetch;
    }
  });
});
