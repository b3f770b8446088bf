/**
 * Behaviour where engines differ, checked on purpose in each (Safari's WebKit above all, where many
 * people open a record: a Mac, an iPad): the modal dialog's focus trap and the return of focus,
 * Intl's dates and numbers in English and German as written out, and the sync status of a tab that
 * is suspended and resumed (as Safari does to a background tab, and to a page it keeps in its
 * back-forward cache). The outbox's write-ahead across a reload is end to end (offline-flow.ts).
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/add-response-dialog.js';
import '../../src/define/campaign-sync-status.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import { UnavailableError } from '../../src/adapter/errors.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { localizerFor } from '../../src/i18n/localizer.js';
import { FakeAdapter, until } from './fake-adapter.js';
import { deepActive } from './helpers.js';
import { OfflineClients } from './offline-fixture.js';

/** Spaces as a person sees them: engines differ in which (no-break, narrow no-break) they put. */
const seen = (formatted: string) => formatted.replace(/\s+/gu, ' ');

describe('engine-sensitive behaviour', () => {
  it('the modal dialog keeps Tab inside it, and Escape gives focus back to the opener', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Before</button><button id="opener">Add Response</button>
      <add-response-dialog recipient-id="42" time-zone="Europe/Berlin" .dataClient=${client}></add-response-dialog>
      <button id="after">After</button>
    </div>`);
    const dialog = wrapper.querySelector('add-response-dialog')!;
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    await dialog.showNew(opener);
    await until(() => dialog.shadowRoot?.querySelector('#campaignId'));
    const modal = dialog.shadowRoot!.querySelector('dialog')!;
    // The dialog opens on its first field; Tab goes on from there.
    await until(() => deepActive()?.id === 'campaignId');
    const reached = new Set<string>(['campaignId']);
    for (let press = 0; press < 14; press++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      // Past the last control focus may leave for the browser's own controls (nothing focused in
      // the page), never for the page behind the dialog.
      if (active && active !== document.body) {
        expect(modal.contains(active), `Tab ${press + 1} stays in the dialog, not on #${active.id}`).to.equal(true);
        reached.add(active.id || active.getAttribute('part') || active.tagName);
      }
    }
    expect([...reached]).to.include.members(['campaignId', 'note']);
    await sendKeys({ press: 'Escape' });
    await until(() => !modal.open);
    await until(() => deepActive() === opener);
  });

  it('Intl in English and German: dates, times, money, percentages, counts, ages as each writes them', () => {
    const at = Date.parse('2026-03-01T14:05:00Z');
    const en = localizerFor('en', 'Europe/Berlin');
    const de = localizerFor('de', 'Europe/Berlin');
    expect(seen(en.instant(at))).to.equal('Mar 1, 2026, 3:05 PM');
    expect(seen(de.instant(at))).to.equal('01.03.2026, 15:05');
    expect(seen(en.instant(Date.parse('2026-07-01T22:30:00Z')))).to.equal('Jul 2, 2026, 12:30 AM');
    expect(seen(en.money(4500, 'USD'))).to.equal('$4,500.00');
    expect(seen(de.money(4500, 'EUR'))).to.equal('4.500,00 €');
    expect(seen(en.percent(0.8333))).to.equal('83.3%');
    expect(seen(de.percent(0.8333))).to.equal('83,3 %');
    expect([en.count(1234567), de.count(1234567)]).to.deep.equal(['1,234,567', '1.234.567']);
    expect([en.number(1234.5), de.number(1234.5)]).to.deep.equal(['1,234.5', '1.234,5']);
    expect([en.age(5 * 60_000), de.age(5 * 60_000)]).to.deep.equal(['5 minutes ago', 'vor 5 Minuten']);
    expect([en.age(26 * 3_600_000), de.age(26 * 3_600_000)]).to.deep.equal(['26 hours ago', 'vor 26 Stunden']);
  });

  describe('a tab suspended and resumed', () => {
    let clients: OfflineClients;
    beforeEach(() => (clients = new OfflineClients()));
    afterEach(() => clients.cleanUp());

    const part = (status: CampaignSyncStatus, name: string) => status.shadowRoot?.querySelector(`[part~="${name}"]`);

    it('keeps the waiting edit through pagehide, and on pageshow sends it at once instead of after the backoff', async () => {
      const adapter = new FakeAdapter();
      adapter.failures.addResponse = new UnavailableError('Failed to fetch');
      // The next try a minute away, as after a few failures in a tab left in the background.
      const client = await clients.open(adapter, { outbox: { backoff: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.99 } });
      const status = await fixture<CampaignSyncStatus>(html`<campaign-sync-status .dataClient=${client}></campaign-sync-status>`);
      await client.addResponse(
        client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-02-01T10:00:00.000Z', note: 'suspended' }),
      );
      await until(() => part(status, 'connectivity')?.getAttribute('data-connectivity') === 'offline', 4000);

      // Suspended: hidden, then put away (Safari's back-forward cache, or a background tab frozen).
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(part(status, 'pending')?.getAttribute('data-count')).to.equal('1');

      // The network came back meanwhile; the tab is shown again.
      delete adapter.failures.addResponse;
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await until(() => part(status, 'pending')?.getAttribute('data-count') === '0', 3000);
      expect(part(status, 'connectivity')?.getAttribute('data-connectivity')).to.equal('online');
      expect(adapter.callsOf('addResponse').length).to.be.at.least(2);
    });
  });
});
