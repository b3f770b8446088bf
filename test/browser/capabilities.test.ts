import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import '../../src/define/add-response-dialog.js';
import '../../src/define/response-history.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import { READ_ONLY_CAPABILITIES, type BackendCapabilities } from '../../src/adapter/capabilities.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { Action, Me } from '../../src/model/principal.js';
import { CapableFakeAdapter, FakeAdapter, line, until } from './fake-adapter.js';
import { $, askToDeleteAll, text } from './helpers.js';

/** The capability sets the elements must honour, as adapters declare them (the presets' among them). */
const READ_ONLY: Partial<BackendCapabilities> = READ_ONLY_CAPABILITIES;
const NO_DELETE: Partial<BackendCapabilities> = { deleteAll: 'none' };
/** Salesforce's CampaignMember: one status per person and campaign; Delete removes the membership. */
const LATEST_ONLY_MEMBERSHIP: Partial<BackendCapabilities> = { history: 'latest-only', deleteAll: 'membership', notes: false };

class CapableSayingAdapter extends CapableFakeAdapter {
  constructor(capabilities: Partial<BackendCapabilities>, readonly me: Me) {
    super(capabilities);
  }
  getMe = () => Promise.resolve(this.me);
}

const person = (permissions: Action[]): Me => ({ id: 'demo:x', name: 'Pat', kind: 'user', permissions });

async function tabOn(adapter: FakeAdapter) {
  const client = new CampaignDataClient({ adapter, undoDelayMs: 200 });
  const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
  await until(() => tab.shadowRoot?.querySelector('table'));
  await tab.updateComplete;
  return tab;
}

/** Opens Update Status of the spring call in a tab, and waits for the dialog's form. */
describe('capabilities: the elements honour what the backend can do, through the data client\'s can()', () => {
  it('check(): a refusal says whether the backend or the person\'s permission stands in the way; an allowed action may carry a note', async () => {
    const readOnly = new CampaignDataClient({ adapter: new CapableSayingAdapter(READ_ONLY, person(['read', 'write', 'delete'])) });
    await readOnly.permissions.load();
    expect(readOnly.check('write')).to.deep.equal({ allowed: false, by: 'backend', reason: 'capability.readOnly' });
    expect(readOnly.can('delete')).to.equal(false);
    expect(readOnly.can('read')).to.equal(true);

    const reader = new CampaignDataClient({ adapter: new CapableSayingAdapter({}, person(['read'])) });
    await reader.permissions.load();
    expect(reader.check('write')).to.deep.equal({ allowed: false, by: 'permission' });

    const both = new CampaignDataClient({ adapter: new CapableSayingAdapter(READ_ONLY, person(['read'])) });
    await both.permissions.load();
    expect(both.check('write'), 'no permission would help: the backend is named').to.deep.equal({ allowed: false, by: 'backend', reason: 'capability.readOnly' });

    const member = new CampaignDataClient({ adapter: new CapableFakeAdapter(LATEST_ONLY_MEMBERSHIP) });
    expect(member.check('delete')).to.deep.equal({ allowed: true, note: 'capability.deleteRemovesMembership' });
    expect(member.check('read')).to.deep.equal({ allowed: true, note: 'capability.latestOnly' });
    expect(new CampaignDataClient({ adapter: new CapableFakeAdapter(NO_DELETE) }).check('delete')).to.deep.equal({ allowed: false, by: 'backend', reason: 'capability.noDelete' });
    expect(new CampaignDataClient({ adapter: new FakeAdapter() }).check('delete'), 'no capabilities declared: full').to.deep.equal({ allowed: true });
  });

  it('read-only backend: Add Response is disabled and says the backend is why; a full backend leaves it enabled (control)', async () => {
    const tab = await tabOn(new CapableFakeAdapter(READ_ONLY));
    const add = $<HTMLButtonElement>(tab, '[part="add-button"]');
    expect(add.disabled).to.equal(true);
    const reason = $(tab, '[part="read-only-reason"]');
    expect(text(reason)).to.equal('This backend is read-only: responses can be viewed here, not added or deleted.');
    expect(add.getAttribute('aria-describedby')).to.equal(reason.id);
    await expect(tab).to.be.accessible();

    const full = await tabOn(new CapableFakeAdapter({}));
    expect($<HTMLButtonElement>(full, '[part="add-button"]').disabled).to.equal(false);
    expect(full.shadowRoot!.querySelector('[part="read-only-reason"]')).to.equal(null);
  });

  it('no Delete in Update Status where the backend cannot delete (none, or read-only); there where it can (control)', async () => {
    for (const [name, capabilities, expected] of [['none', NO_DELETE, false], ['read-only', READ_ONLY, false], ['full', {}, true]] as const) {
      const dialog = await fixture<AddResponseDialog>(
        html`<add-response-dialog recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: new CapableFakeAdapter(capabilities) })}></add-response-dialog>`,
      );
      await dialog.showUpdate('spring', 'spring-call');
      await until(() => dialog.shadowRoot?.querySelector('#detailId'));
      await dialog.updateComplete;
      expect(Boolean(dialog.shadowRoot!.querySelector('[part="menu-button"]')), name).to.equal(expected);
    }
  });

  it('where Delete removes the membership, the confirmation says the person leaves the campaign; not on a full backend (control)', async () => {
    for (const [capabilities, expected] of [[LATEST_ONLY_MEMBERSHIP, true], [{}, false]] as const) {
      const tab = await tabOn(new CapableFakeAdapter(capabilities, [line({ id: 'a' })]));
      const confirm = await askToDeleteAll(tab, 'spring-call', 'Delete 1 response');
      const note = tab.shadowRoot!.querySelector('[part="confirm-note"]');
      expect(Boolean(note)).to.equal(expected);
      if (note) {
        expect(text(note)).to.equal('Deleting removes the person from the campaign, not only their responses.');
        expect(confirm.getAttribute('aria-describedby')).to.contain(note.id);
        await expect(tab).to.be.accessible();
      }
      $<HTMLButtonElement>(tab, '[part="confirm-cancel-button"]').click();
    }
  });

  it('the history says the backend keeps only the latest status where it does; not on an append-only backend (control)', async () => {
    for (const [capabilities, expected] of [[LATEST_ONLY_MEMBERSHIP, true], [{}, false]] as const) {
      const client = new CampaignDataClient({ adapter: new CapableFakeAdapter(capabilities, [line({ id: 'a' })]) });
      const history = await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id="spring" .dataClient=${client}></response-history>`);
      await until(() => history.shadowRoot?.querySelector('[part="line"]'));
      const note = history.shadowRoot!.querySelector('[part="history-note"]');
      expect(Boolean(note)).to.equal(expected);
      if (note) expect(text(note)).to.equal('This backend keeps only the latest status, so earlier responses are not shown.');
    }
  });
});
