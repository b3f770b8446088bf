import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import '../../src/define/add-response-dialog.js';
import '../../src/define/campaign-response-report.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { Action, Me } from '../../src/model/principal.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { $, text } from './helpers.js';

const person = (permissions: Action[]): Me => ({ id: 'demo:x', name: 'Pat', kind: 'user', permissions });

/** A fake backend that also says who the caller is, as GET /me does. */
class SayingAdapter extends FakeAdapter {
  constructor(readonly me: Me) {
    super();
  }
  getMe = () => Promise.resolve(this.me);
}

class SayingReportAdapter extends FakeReportsAdapter {
  constructor(readonly me: Me) {
    super();
  }
  getMe = () => Promise.resolve(this.me);
}

async function tabFor(client: CampaignDataClient) {
  const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
  await until(() => tab.shadowRoot?.querySelector('table'));
  await tab.updateComplete;
  return tab;
}

describe('permissions: the data client\'s can() and the elements that honour it', () => {
  it('can(): everything until the backend says, then what it says; a limit only narrows', async () => {
    const client = new CampaignDataClient({ adapter: new SayingAdapter(person(['read', 'write'])) });
    expect(client.can('delete')).to.equal(true);
    await client.permissions.load();
    expect(['read', 'write', 'delete', 'export'].map((a) => client.can(a as Action))).to.deep.equal([true, true, false, false]);
    const remove = client.permissions.limit((action) => action !== 'write');
    expect(client.can('write')).to.equal(false);
    remove();
    expect(client.can('write')).to.equal(true);
    const silent = new CampaignDataClient({ adapter: new FakeAdapter() });
    await silent.permissions.load();
    expect(silent.can('delete'), 'a backend that does not say leaves it to the server').to.equal(true);
  });

  it('read only: Add Response is disabled and says why; with write it is enabled and says nothing (control)', async () => {
    const reader = await tabFor(new CampaignDataClient({ adapter: new SayingAdapter(person(['read'])) }));
    const add = $<HTMLButtonElement>(reader, '[part="add-button"]');
    expect(add.disabled).to.equal(true);
    const reason = $(reader, '[part="read-only-reason"]');
    expect(text(reason)).to.equal('You may read these responses but not add any.');
    expect(add.getAttribute('aria-describedby')).to.equal(reason.id);
    const updates = [...reader.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="update-button"]')];
    expect(updates.length).to.be.greaterThan(0);
    expect(updates.every((button) => button.disabled && button.getAttribute('aria-describedby') === reason.id), 'Update Status disabled, for the same reason').to.equal(true);
    await expect(reader).to.be.accessible();

    const writer = await tabFor(new CampaignDataClient({ adapter: new SayingAdapter(person(['read', 'write'])) }));
    expect($<HTMLButtonElement>(writer, '[part="add-button"]').disabled).to.equal(false);
    expect([...writer.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="update-button"]')].some((button) => button.disabled)).to.equal(false);
    expect(writer.shadowRoot!.querySelector('[part="read-only-reason"]')).to.equal(null);
  });

  it('no Delete in Update Status without delete; with delete the Actions menu is there (control)', async () => {
    for (const [permissions, expected] of [[['read', 'write'], false], [['read', 'write', 'delete'], true]] as const) {
      const client = new CampaignDataClient({ adapter: new SayingAdapter(person([...permissions])) });
      await client.permissions.load();
      const dialog = await fixture<AddResponseDialog>(html`<add-response-dialog recipient-id="42" .dataClient=${client}></add-response-dialog>`);
      await dialog.showUpdate('spring', 'spring-mail');
      await until(() => dialog.shadowRoot?.querySelector('#detailId'));
      expect(Boolean(dialog.shadowRoot!.querySelector('[part="menu-button"]')), permissions.join()).to.equal(expected);
    }
  });

  it('no Export without export; with it the button is there (control)', async () => {
    for (const [permissions, expected] of [[['read'], false], [['read', 'export'], true]] as const) {
      const client = new CampaignReportsClient({ adapter: new SayingReportAdapter(person([...permissions])) });
      const report = await fixture<CampaignResponseReport>(html`<campaign-response-report campaign-id="spring" .reportsClient=${client}></campaign-response-report>`);
      await until(() => report.shadowRoot?.querySelector('[part="count"]') && client.permissions.me);
      await report.updateComplete;
      expect(Boolean(report.shadowRoot!.querySelector('[part="export-button"]')), permissions.join()).to.equal(expected);
    }
  });
});
