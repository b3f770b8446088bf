import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/add-response-dialog.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import type { NewResponseLine } from '../../src/model/types.js';
import type { RequestCloseEvent } from '../../src/events/request-close.js';
import type { DeleteRequestEvent } from '../../src/events/delete-request.js';
import type { ResponseSubmitEvent } from '../../src/events/response-submit.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { $, $$, choose, deepActive, text, typeInto } from './helpers.js';

async function openNew(timeZone = 'America/New_York', adapter = new FakeAdapter()) {
  const client = new CampaignDataClient({ adapter });
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">Add Response</button>
    <add-response-dialog recipient-id="42" time-zone=${timeZone} .dataClient=${client}></add-response-dialog>
  </div>`);
  const dialog = wrapper.querySelector('add-response-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  await dialog.showNew(opener);
  await until(() => dialog.shadowRoot?.querySelector('#campaignId'));
  return { dialog, adapter, opener, wrapper };
}

async function fill(dialog: AddResponseDialog, values: { campaign?: string; event?: string; detail?: string; when?: string; note?: string }) {
  if (values.campaign !== undefined) choose($<HTMLSelectElement>(dialog, '#campaignId'), values.campaign);
  await dialog.updateComplete;
  if (values.event !== undefined) choose($<HTMLSelectElement>(dialog, '#eventId'), values.event);
  await dialog.updateComplete;
  if (values.when !== undefined) typeInto($<HTMLInputElement>(dialog, '#respondedAt'), values.when);
  if (values.detail !== undefined) choose($<HTMLSelectElement>(dialog, '#detailId'), values.detail);
  if (values.note !== undefined) typeInto($<HTMLTextAreaElement>(dialog, '#note'), values.note);
  await dialog.updateComplete;
}

const detailOptions = (dialog: AddResponseDialog) =>
  $$<HTMLOptionElement>(dialog, '#detailId option').map((o) => o.value).filter(Boolean);

describe('<add-response-dialog>', () => {
  it('opens as a modal <dialog> with every control labelled, time zone shown, default now', async () => {
    const { dialog } = await openNew();
    const native = $<HTMLDialogElement>(dialog, 'dialog');
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(text($(dialog, '[part="time-zone"]'))).to.match(/America\/New_York \(GMT-0[45]:00\)/);
    const local = $<HTMLInputElement>(dialog, '#respondedAt').value;
    const nowInNewYork = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/New_York', dateStyle: 'short', timeStyle: 'short' }).format(new Date()).replace(' ', 'T');
    expect(local).to.equal(nowInNewYork);
    for (const control of $$(dialog, 'select, input, textarea')) {
      expect(dialog.shadowRoot!.querySelector(`label[for="${control.id}"]`), control.id).to.not.equal(null);
    }
    await expect(dialog).to.be.accessible();
  });

  it('opens with focus on the first field, not on ×: Campaign in New, Date and time in Update, also when the fields arrive late', async () => {
    const { dialog } = await openNew();
    expect(deepActive()?.id).to.equal('campaignId');
    dialog.close();
    await dialog.showUpdate('spring', 'spring-call');
    await until(() => dialog.shadowRoot?.querySelector('#respondedAt'));
    expect(deepActive()?.id).to.equal('respondedAt');

    const adapter = new FakeAdapter();
    adapter.delays.getRecipientCampaigns = 100;
    const slow = await fixture<AddResponseDialog>(html`<add-response-dialog recipient-id="42" .dataClient=${new CampaignDataClient({ adapter })}></add-response-dialog>`);
    await slow.showNew();
    await until(() => slow.shadowRoot?.querySelector('#campaignId'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deepActive()?.id).to.equal('campaignId');
  });

  it('offers only the chosen campaign’s events, email details only on email events, Failed only on older ones', async () => {
    // The default vocabulary makes the Failed group tracking-only; a backend may let people enter it.
    const adapter = new FakeAdapter();
    adapter.vocabulary = {
      ...adapter.vocabulary,
      details: adapter.vocabulary.details.map((d) => (d.id === 'failed-spam' ? { ...d, entry: 'manual' as const } : d)),
    };
    const { dialog } = await openNew('UTC', adapter);
    expect($$<HTMLOptionElement>(dialog, '#campaignId option').map((o) => o.value)).to.deep.equal(['', 'spring', 'legacy']);
    await fill(dialog, { campaign: 'spring' });
    expect($$<HTMLOptionElement>(dialog, '#eventId option').map((o) => o.value)).to.deep.equal(['', 'spring-mail', 'spring-call']);
    await fill(dialog, { event: 'spring-call' });
    const phone = detailOptions(dialog);
    expect(phone).to.include('responded').and.include('purchased');
    expect(phone).to.not.include('opened');
    expect(phone.some((id) => id.startsWith('failed-'))).to.equal(false);
    expect($$<HTMLOptGroupElement>(dialog, '#detailId optgroup').map((g) => g.label)).to.include('Purchased');
    await fill(dialog, { event: 'spring-mail' });
    expect(detailOptions(dialog).some((id) => id.startsWith('failed-'))).to.equal(false);
    expect(detailOptions(dialog), 'tracked-only details are never offered').to.not.include('sent');
    await fill(dialog, { campaign: 'legacy', event: 'legacy-mail' });
    expect(detailOptions(dialog)).to.include('failed-spam');
  });

  it('validates before sending: messages tied to fields, announced, focus on the first', async () => {
    const { dialog, adapter } = await openNew();
    typeInto($<HTMLInputElement>(dialog, '#respondedAt'), '');
    await dialog.updateComplete;
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => dialog.shadowRoot?.querySelector('#campaignId-error'));
    const campaign = $<HTMLSelectElement>(dialog, '#campaignId');
    expect(campaign.getAttribute('aria-invalid')).to.equal('true');
    expect(campaign.getAttribute('aria-describedby')).to.contain('campaignId-error');
    expect(text($(dialog, '#campaignId-error'))).to.equal('This field is required.');
    expect($(dialog, '#respondedAt').getAttribute('aria-describedby')).to.contain('respondedAt-error');
    expect(text($(dialog, '[part="form-error"]'))).to.equal('Please correct the marked fields.');
    expect($(dialog, '[part="form-error"]').getAttribute('role')).to.equal('alert');
    expect(deepActive()).to.equal(campaign);
    expect(adapter.callsOf('addResponse')).to.have.length(0);
    await expect(dialog).to.be.accessible();
  });

  it('refuses a time in the future beyond the tolerance and a note over 4000 characters', async () => {
    const { dialog, adapter } = await openNew('UTC');
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString().slice(0, 16);
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: future, note: 'x'.repeat(4001) });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => dialog.shadowRoot?.querySelector('#respondedAt-error'));
    expect(text($(dialog, '#respondedAt-error'))).to.equal('The response cannot be in the future.');
    expect(text($(dialog, '#note-error'))).to.equal(`The note may have at most ${new Intl.NumberFormat().format(4000)} characters.`);
    expect(adapter.callsOf('addResponse')).to.have.length(0);
  });

  async function refusedDate(dialog: AddResponseDialog, adapter: FakeAdapter): Promise<string> {
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => dialog.shadowRoot?.querySelector('#respondedAt-error'));
    expect(adapter.callsOf('addResponse')).to.have.length(0);
    expect($(dialog, '#respondedAt').getAttribute('aria-invalid')).to.equal('true');
    return text($(dialog, '#respondedAt-error'));
  }

  it('refuses a year before 1000 ("26" typed for 2026) instead of saving it a century off', async () => {
    const { dialog, adapter } = await openNew('UTC');
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '0026-11-20T09:00' });
    expect(await refusedDate(dialog, adapter)).to.equal('Enter a four-digit year.');
  });

  it('refuses a date before the day of the campaign’s first event, or before 1970 where no event is dated', async () => {
    const adapter = new FakeAdapter();
    adapter.campaigns[0].events[0].date = '2026-01-05T14:00:00.000Z';
    const { dialog } = await openNew('UTC', adapter);
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '2026-01-04T23:00' });
    expect(await refusedDate(dialog, adapter)).to.equal('The response cannot be before the campaign’s first event (Launch email, Jan 5, 2026).');
    // The event's own day counts, also before the event's hour.
    await fill(dialog, { when: '2026-01-05T08:00' });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => adapter.callsOf('addResponse').length === 1);

    const legacy = await openNew('UTC');
    await fill(legacy.dialog, { campaign: 'legacy', event: 'legacy-mail', detail: 'received', when: '1969-12-31T23:59' });
    expect(await refusedDate(legacy.dialog, legacy.adapter)).to.equal('The response cannot be before Jan 1, 1970.');
  });

  it('says a half-typed date is incomplete, not that the field is required', async () => {
    const { dialog, adapter } = await openNew('UTC');
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded' });
    const input = $<HTMLInputElement>(dialog, '#respondedAt');
    input.focus();
    // Clears the focused part (the month, say); the others keep what they held.
    await sendKeys({ press: 'Backspace' });
    await dialog.updateComplete;
    expect(input.value, 'a half-typed date has no value').to.equal('');
    expect(await refusedDate(dialog, adapter)).to.equal('The date and time are incomplete: fill in day, month, year and time.');
  });

  it('converts the entered wall-clock time in the shown zone to a UTC instant', async () => {
    const { dialog, adapter } = await openNew('America/New_York');
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '2026-01-10T09:00', note: 'n' });
    const submitted = oneEvent(dialog, 'cr-response-submit') as Promise<ResponseSubmitEvent>;
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    expect((await submitted).line.respondedAt).to.equal('2026-01-10T14:00:00.000Z');
    await until(() => adapter.callsOf('addResponse').length === 1);
    // Summer time: New York is UTC−4.
    const again = await openNew('America/New_York');
    await fill(again.dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '2025-07-01T09:30' });
    const second = oneEvent(again.dialog, 'cr-response-submit') as Promise<ResponseSubmitEvent>;
    $<HTMLButtonElement>(again.dialog, '[part="save-button"]').click();
    expect((await second).line.respondedAt).to.equal('2025-07-01T13:30:00.000Z');
  });

  it('cr-response-submit is cancelable: a host that prevents it stops the save', async () => {
    const { dialog, adapter, wrapper } = await openNew();
    wrapper.addEventListener('cr-response-submit', (event) => event.preventDefault());
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '2026-01-10T09:00' });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(adapter.callsOf('addResponse')).to.have.length(0);
    expect(dialog.open).to.equal(true);
  });

  it('shows server validation errors on the right field', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new ValidationError('invalid', [{ field: 'body.note', message: 'Note contains a forbidden word' }]);
    const { dialog } = await openNew('UTC', adapter);
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'responded', when: '2026-01-10T09:00', note: 'bad' });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => dialog.shadowRoot?.querySelector('#note-error'));
    expect(text($(dialog, '#note-error'))).to.equal('Note contains a forbidden word');
    expect($(dialog, '#note').getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.open).to.equal(true);
  });

  it('keeps every entry after a failed save, and retries with the same line id', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.addResponse = new UnavailableError('Network down');
    const { dialog } = await openNew('UTC', adapter);
    await fill(dialog, { campaign: 'spring', event: 'spring-call', detail: 'purchased', when: '2026-01-10T09:00', note: 'keep me' });
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => text(dialog.shadowRoot!.querySelector('[part="form-error"]')!).includes('Network down'));
    expect($<HTMLTextAreaElement>(dialog, '#note').value).to.equal('keep me');
    expect($<HTMLSelectElement>(dialog, '#detailId').value).to.equal('purchased');
    expect($<HTMLSelectElement>(dialog, '#campaignId').value).to.equal('spring');
    delete adapter.failures.addResponse;
    $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
    await until(() => adapter.callsOf('addResponse').length === 2);
    const [first, second] = adapter.callsOf('addResponse').map((c) => (c.args[0] as NewResponseLine).id);
    expect(second).to.equal(first);
    await until(() => !dialog.open);
  });

  it('Escape with unsaved input fires cr-request-close and asks before discarding', async () => {
    const { dialog, opener } = await openNew();
    await fill(dialog, { campaign: 'spring' });
    $<HTMLSelectElement>(dialog, '#campaignId').focus();
    const request = oneEvent(dialog, 'cr-request-close') as Promise<RequestCloseEvent>;
    await sendKeys({ press: 'Escape' });
    const event = await request;
    expect(event.dirty).to.equal(true);
    expect(event.reason).to.equal('escape');
    await until(() => dialog.shadowRoot?.querySelector('[data-discard="keep"]'));
    expect(dialog.open).to.equal(true);
    expect(text($(dialog, '#discard-question'))).to.equal('Discard the response you started?');
    await expect(dialog).to.be.accessible();
    $<HTMLButtonElement>(dialog, '[data-discard="keep"]').click();
    await dialog.updateComplete;
    expect($<HTMLSelectElement>(dialog, '#campaignId').value).to.equal('spring');
    $<HTMLButtonElement>(dialog, '[part="cancel-button"]').click();
    await until(() => dialog.shadowRoot?.querySelector('[data-discard="confirm"]'));
    $<HTMLButtonElement>(dialog, '[data-discard="confirm"]').click();
    await until(() => !dialog.open);
    expect(deepActive()).to.equal(opener);
  });

  it('Escape without input closes at once; a host that cancels cr-request-close keeps it open', async () => {
    const { dialog, wrapper, opener } = await openNew();
    const keepOpen = (event: Event) => event.preventDefault();
    wrapper.addEventListener('cr-request-close', keepOpen);
    $<HTMLSelectElement>(dialog, '#campaignId').focus();
    await sendKeys({ press: 'Escape' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog.open).to.equal(true);
    wrapper.removeEventListener('cr-request-close', keepOpen);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open);
    expect(deepActive()).to.equal(opener);
  });

  it('opened again before the last close\'s event arrived: the fields stay (a quick Escape, then Enter)', async () => {
    const { dialog, opener } = await openNew();
    // The <dialog>'s close event is dispatched in a task of its own, after close() returned: a
    // person whose Enter comes first opens the dialog before that event reaches it.
    dialog.close();
    await dialog.showNew(opener);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot?.querySelector('#campaignId'), 'the fields of the dialog now open').to.not.equal(null);
  });

  it('Update Status mode: Actions menu opens with ArrowDown, moves with arrows, Delete fires cr-delete-request', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const dialog = await fixture<AddResponseDialog>(html`<add-response-dialog recipient-id="42" .dataClient=${client}></add-response-dialog>`);
    await dialog.showUpdate('spring', 'spring-mail');
    await until(() => dialog.shadowRoot?.querySelector('#detailId'));
    const menuButton = $<HTMLButtonElement>(dialog, '[part="menu-button"]');
    expect(menuButton.getAttribute('aria-haspopup')).to.equal('menu');
    menuButton.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => menuButton.getAttribute('aria-expanded') === 'true');
    await expect(dialog).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(text(deepActive()!), 'a one-item menu wraps').to.equal('Delete');
    const request = oneEvent(dialog, 'cr-delete-request') as Promise<DeleteRequestEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await request;
    expect(event.campaignId).to.equal('spring');
    expect(event.cancelable).to.equal(true);
    await until(() => !dialog.open);
  });
});
