import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/campaign-response-report.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import type { CampaignResponseRow } from '../../src/model/campaign-stats.js';
import { userTimeZone, zonedLocalToInstant } from '../../src/i18n/datetime.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { FakeReportsAdapter, reportRow } from '../support/browser/fake-reports-adapter.js';
import { gate, until } from './fake-adapter.js';
import { $, $$, choose, text, typeInto } from './helpers.js';

type Report = CampaignResponseReport;

async function mount(adapter = new FakeReportsAdapter(), campaignId = 'spring', settle = true) {
  const client = new CampaignReportsClient({ adapter });
  const report = await fixture<Report>(
    html`<campaign-response-report campaign-id=${campaignId} page-size="50" .reportsClient=${client}></campaign-response-report>`,
  );
  if (settle) await until(() => report.shadowRoot?.querySelector('[part="rows"], [part~="empty"], [part~="error"]'));
  return { report, adapter, client };
}

function seeded(rows: CampaignResponseRow[]): FakeReportsAdapter {
  const adapter = new FakeReportsAdapter();
  adapter.rows.set('spring', rows);
  return adapter;
}

const rowIds = (report: Report) => $$(report, '[part="row"]').map((row) => row.dataset.line);
const cells = (row: Element) => [...row.querySelectorAll('td')].map((cell) => text(cell));
const n = (value: number) => new Intl.NumberFormat().format(value);

function manyRows(count: number): CampaignResponseRow[] {
  const start = Date.parse('2026-03-20T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) =>
    reportRow({ id: `r${String(i).padStart(4, '0')}`, respondedAt: new Date(start - i * 60_000).toISOString(), note: `note ${i}` }),
  );
}

describe('<campaign-response-report>', () => {
  describe('summary', () => {
    it('counts lines by detail (grouped by category) and event, with totals by row and column', async () => {
      const { report } = await mount();
      const head = [...$(report, '[part="summary"] thead tr').querySelectorAll('th')].map((th) => text(th));
      expect(head).to.deep.equal(['Response', 'Launch email', 'Follow-up call', 'Total', 'Recipients']);
      // Vocabulary order of categories: Purchased, Received, Responded, Sent.
      const groups = $$(report, '[part="summary"] tbody').map((tbody) => tbody.dataset.category);
      expect(groups).to.deep.equal(['purchased', 'received', 'responded', 'sent']);
      const purchased = $(report, 'tbody[data-category="purchased"] [part="summary-category"]');
      expect(text(purchased.querySelector('th')!)).to.equal('Purchased');
      expect(cells(purchased)).to.deep.equal(['1', '2', '3', '2']);
      const opened = $(report, 'tr[data-detail="opened"]');
      expect(text(opened.querySelector('th')!)).to.equal('Opened');
      expect(cells(opened)).to.deep.equal(['7', '0', '7', '5']);
      expect(cells($(report, '[part="summary-total"]'))).to.deep.equal(['16', '5', '21', '8']);
      expect(text($(report, '[part="as-of"]'))).to.contain(
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-04-01T12:00:00.000Z')),
      );
      await expect(report).to.be.accessible();
    });

    it('formats large counts with Intl', async () => {
      const adapter = new FakeReportsAdapter();
      const summary = adapter.summaries.get('spring')!;
      summary.total = { lines: 1234567, recipients: 4321 };
      const { report } = await mount(adapter);
      expect(cells($(report, '[part="summary-total"]')).slice(2)).to.deep.equal([n(1234567), n(4321)]);
    });
  });

  describe('detail', () => {
    it('shows recipient, event, detail and category, when, source with the machine mark, and note', async () => {
      const { report } = await mount(
        seeded([
          reportRow({ id: 'a', recipientName: 'Grace Hopper', eventId: 'spring-mail', detailId: 'opened', source: 'tracked', respondedAt: '2026-03-02T10:00:00.000Z',
            evidence: { userAgent: null, secondsSinceDelivery: 1, machine: true, machineReason: 'image proxy' } }),
          reportRow({ id: 'b', note: 'called back', respondedAt: '2026-03-01T10:00:00.000Z' }),
        ]),
      );
      expect(rowIds(report)).to.deep.equal(['a', 'b']);
      const [a, b] = $$(report, '[part="row"]');
      expect(text(a.querySelector('[part="cell-recipient"]')!)).to.equal('Grace Hopper');
      expect(text(a.querySelector('[part="cell-event"]')!)).to.equal('Launch email');
      expect(text(a.querySelector('[part="cell-detail"]')!)).to.equal('Opened Received');
      const time = a.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-03-02T10:00:00.000Z');
      expect(text(time)).to.equal(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-03-02T10:00:00.000Z')));
      const mark = a.querySelector('[part="machine-mark"]')!;
      expect(text(mark)).to.equal('Machine');
      expect(mark.getAttribute('title')).to.contain('image proxy');
      expect(text(a.querySelector('[part="cell-source"]')!)).to.contain('Tracked');
      expect(b.querySelector('[part="machine-mark"]')).to.equal(null);
      expect(text(b.querySelector('[part="cell-note"]')!)).to.equal('called back');
      expect(text($(report, '[part="count"]'))).to.equal('2 of 2 responses');
      await expect(report).to.be.accessible();
    });

    it('renders hostile names and notes as text, always', async () => {
      const hostile = '<img src=x onerror=alert(1)> {{7*7}} ${7*7}';
      const { report } = await mount(seeded([reportRow({ id: 'x', recipientName: hostile, note: hostile })]));
      const row = $(report, '[part="row"]');
      expect(row.querySelector('[part="cell-note"]')!.textContent).to.equal(hostile);
      expect(row.querySelector('[part="cell-recipient"]')!.textContent).to.equal(hostile);
      expect(report.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(row)).not.to.contain('49');
    });
  });

  describe('filters', () => {
    it('each filter sends its query parameter to the adapter', async () => {
      const { report, adapter } = await mount(seeded(manyRows(5)));
      const last = () => adapter.lastQuery()!;
      expect(last()).to.deep.equal({ sort: '-respondedAt', limit: 50 });

      choose($<HTMLSelectElement>(report, '[name="detailId"]'), 'purchased');
      await until(() => last().detailId === 'purchased');
      choose($<HTMLSelectElement>(report, '[name="categoryId"]'), 'purchased');
      await until(() => last().categoryId === 'purchased');
      choose($<HTMLSelectElement>(report, '[name="eventId"]'), 'spring-call');
      await until(() => last().eventId === 'spring-call');
      choose($<HTMLSelectElement>(report, '[name="source"]'), 'tracked');
      await until(() => last().source === 'tracked');
      choose($<HTMLSelectElement>(report, '[name="machine"]'), 'true');
      await until(() => last().machine === true);
      choose($<HTMLSelectElement>(report, '[name="machine"]'), 'false');
      await until(() => last().machine === false);

      const from = $<HTMLInputElement>(report, '[name="from"]');
      from.value = '2026-03-01';
      from.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => last().from !== undefined);
      const to = $<HTMLInputElement>(report, '[name="to"]');
      to.value = '2026-03-31';
      to.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => last().to !== undefined);
      // Days in the user's zone: from the start of the first to the start of the day after the last.
      const zone = userTimeZone();
      expect(last().from).to.equal(zonedLocalToInstant('2026-03-01T00:00', zone));
      expect(last().to).to.equal(zonedLocalToInstant('2026-04-01T00:00', zone));

      const calls = adapter.callsOf('getCampaignResponses').length;
      const note = $<HTMLInputElement>(report, '[name="note"]');
      typeInto(note, 'c');
      typeInto(note, 'ca');
      typeInto(note, 'card ');
      await until(() => last().q === 'card');
      expect(adapter.callsOf('getCampaignResponses').length).to.equal(calls + 1, 'typing is debounced into one request');

      expect(last()).to.deep.equal({
        sort: '-respondedAt', limit: 50, detailId: 'purchased', categoryId: 'purchased', eventId: 'spring-call', source: 'tracked',
        machine: false, from: zonedLocalToInstant('2026-03-01T00:00', zone), to: zonedLocalToInstant('2026-04-01T00:00', zone), q: 'card',
      });
      await expect(report).to.be.accessible();

      $<HTMLButtonElement>(report, '[part="reset-button"]').click();
      await until(() => Object.keys(last()).length === 2);
      expect(last()).to.deep.equal({ sort: '-respondedAt', limit: 50 });
      expect($<HTMLSelectElement>(report, '[name="detailId"]').value).to.equal('');
      const shown = ['categoryId', 'eventId', 'source', 'machine'].map((name) => $<HTMLSelectElement>(report, `[name="${name}"]`).value);
      expect(shown, 'every picked select shows its reset choice').to.deep.equal(['', '', '', '']);
    });

    it('filters the shown rows by what the server answers', async () => {
      const { report } = await mount(
        seeded([
          reportRow({ id: 'p', detailId: 'purchased', note: 'paid by card', respondedAt: '2026-03-03T00:00:00.000Z' }),
          reportRow({ id: 'r', detailId: 'responded', note: 'called back', respondedAt: '2026-03-02T00:00:00.000Z' }),
        ]),
      );
      choose($<HTMLSelectElement>(report, '[name="categoryId"]'), 'responded');
      await until(() => rowIds(report).join() === 'r');
      typeInto($<HTMLInputElement>(report, '[name="note"]'), 'nothing like it');
      await until(() => report.shadowRoot!.querySelector('[part="no-match"]'));
      expect(text($(report, '[part="no-match"]'))).to.equal('No responses match the filters.');
    });

    it('sorts: the sort select sends `sort` and marks the column with aria-sort', async () => {
      const { report, adapter } = await mount(
        seeded([
          reportRow({ id: 'b', recipientName: 'Bea', respondedAt: '2026-03-01T00:00:00.000Z' }),
          reportRow({ id: 'a', recipientName: 'Al', respondedAt: '2026-03-02T00:00:00.000Z' }),
          reportRow({ id: 'c', recipientName: 'Cy', respondedAt: '2026-03-03T00:00:00.000Z' }),
        ]),
      );
      expect(rowIds(report)).to.deep.equal(['c', 'a', 'b']);
      expect($$(report, '[part="rows"] th[aria-sort]').map((th) => [text(th), th.getAttribute('aria-sort')])).to.deep.equal([['When', 'descending']]);
      choose($<HTMLSelectElement>(report, '[name="sort"]'), 'recipient');
      await until(() => rowIds(report).join() === 'a,b,c');
      expect(adapter.lastQuery()!.sort).to.equal('recipient');
      expect($$(report, '[part="rows"] th[aria-sort]').map((th) => [text(th), th.getAttribute('aria-sort')])).to.deep.equal([['Recipient', 'ascending']]);
      choose($<HTMLSelectElement>(report, '[name="sort"]'), '-detail');
      await until(() => adapter.lastQuery()!.sort === '-detail');
    });

    it('an end date before the start date asks nothing and says why; Export is disabled', async () => {
      const { report, adapter } = await mount(seeded(manyRows(3)));
      const calls = adapter.callsOf('getCampaignResponses').length;
      const set = (name: string, value: string) => {
        const input = $<HTMLInputElement>(report, `[name="${name}"]`);
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      };
      set('from', '2026-03-10');
      await until(() => adapter.callsOf('getCampaignResponses').length === calls + 1);
      set('to', '2026-03-01');
      await until(() => !$(report, '[part="filter-error"]').hidden);
      expect(text($(report, '[part="filter-error"]'))).to.equal('The end date must not be before the start date.');
      expect($(report, '[name="to"]').getAttribute('aria-invalid')).to.equal('true');
      expect($<HTMLButtonElement>(report, '[part="export-button"]').disabled).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(adapter.callsOf('getCampaignResponses').length).to.equal(calls + 1);
    });
  });

  describe('paging', () => {
    it('renders one page and loads the next with the cursor on "Load more"', async () => {
      const { report, adapter } = await mount(seeded(manyRows(120)));
      expect($$(report, '[part="row"]')).to.have.length(50);
      expect(text($(report, '[part="count"]'))).to.equal('50 of 120 responses');
      $<HTMLButtonElement>(report, '[part="load-more"]').click();
      await until(() => $$(report, '[part="row"]').length === 100);
      expect(adapter.lastQuery()).to.include({ cursor: '50', limit: 50, sort: '-respondedAt' });
      $<HTMLButtonElement>(report, '[part="load-more"]').click();
      await until(() => $$(report, '[part="row"]').length === 120);
      expect(report.shadowRoot!.querySelector('[part="load-more"]')).to.equal(null);
      expect(text($(report, '[part="count"]'))).to.equal('120 of 120 responses');
    });

    it('a filter change starts again at the first page', async () => {
      const { report, adapter } = await mount(seeded(manyRows(120)));
      $<HTMLButtonElement>(report, '[part="load-more"]').click();
      await until(() => $$(report, '[part="row"]').length === 100);
      typeInto($<HTMLInputElement>(report, '[name="note"]'), 'note 1');
      await until(() => adapter.lastQuery()?.q === 'note 1');
      expect(adapter.lastQuery()!.cursor).to.equal(undefined);
      // note 1, note 10…19, note 100…119
      await until(() => $$(report, '[part="row"]').length === 31);
    });
  });

  describe('states', () => {
    it('loading: a placeholder as tall as the report, so nothing jumps', async () => {
      const adapter = seeded(manyRows(2));
      const summaryGate = gate();
      adapter.gates.getResponseSummary = summaryGate.promise;
      const { report } = await mount(adapter, 'spring', false);
      await until(() => report.shadowRoot!.querySelector('[part="loading"]'));
      const loadingHeight = report.getBoundingClientRect().height;
      expect(loadingHeight).to.be.at.least(24 * 16 - 1);
      await expect(report).to.be.accessible();
      summaryGate.open();
      await until(() => report.shadowRoot!.querySelector('[part="rows"]'));
      expect(report.getBoundingClientRect().height).to.be.at.least(loadingHeight);
    });

    it('empty: the slot `empty`, or the kit’s text', async () => {
      const { report } = await mount(new FakeReportsAdapter(), 'bare');
      expect(text($(report, '[part~="empty"]'))).to.equal('No responses to this campaign yet.');
      await expect(report).to.be.accessible();
      const client = new CampaignReportsClient({ adapter: new FakeReportsAdapter() });
      const custom = await fixture<Report>(
        html`<campaign-response-report campaign-id="bare" .reportsClient=${client}><p slot="empty">Nothing yet, send the email first.</p></campaign-response-report>`,
      );
      await until(() => custom.shadowRoot!.querySelector('[part~="empty"]'));
      const slot = $<HTMLSlotElement>(custom, 'slot[name="empty"]');
      expect(text(slot.assignedElements()[0])).to.equal('Nothing yet, send the email first.');
    });

    it('error: says what failed, and Retry loads again', async () => {
      const adapter = seeded(manyRows(2));
      adapter.failures.getResponseSummary = new UnavailableError('The server is down.');
      const { report } = await mount(adapter);
      expect(text($(report, '[part~="error"] [role="alert"]'))).to.equal('Something went wrong: The server is down.');
      await expect(report).to.be.accessible();
      delete adapter.failures.getResponseSummary;
      $<HTMLButtonElement>(report, '[part="retry-button"]').click();
      await until(() => report.shadowRoot!.querySelector('[part="rows"]'));
      expect(rowIds(report)).to.have.length(2);
    });

    it('not found: the campaign does not exist', async () => {
      const { report } = await mount(new FakeReportsAdapter(), 'nope');
      expect($(report, '[part~="error"]').getAttribute('part')).to.equal('error not-found');
      expect(text($(report, '[role="alert"]'))).to.equal('This campaign was not found.');
      await expect(report).to.be.accessible();
    });

    it('auth: fires cr-auth-required, shows the auth state, and retries after the host’s answer', async () => {
      const adapter = seeded(manyRows(1));
      adapter.failures.getResponseSummary = new AuthError('Token expired.');
      const client = new CampaignReportsClient({ adapter });
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const heard = oneEvent(container, 'cr-auth-required') as Promise<AuthRequiredEvent>;
      const report = document.createElement('campaign-response-report');
      report.reportsClient = client;
      report.campaignId = 'spring';
      container.append(report);
      const event = await heard;
      expect(event.error).to.be.instanceOf(AuthError);
      await until(() => report.shadowRoot!.querySelector('[part~="auth"]'));
      expect(text($(report, '[part~="auth"] [role="alert"]'))).to.contain('not signed in');
      await expect(report).to.be.accessible();
      delete adapter.failures.getResponseSummary;
      event.retryAfter(Promise.resolve());
      await until(() => report.shadowRoot!.querySelector('[part="rows"]'));
    });

    it('re-reads when the client says the campaign changed', async () => {
      const { report, adapter, client } = await mount(seeded(manyRows(1)));
      adapter.rows.set('spring', manyRows(4));
      client.notifyChanged('spring');
      await until(() => $$(report, '[part="row"]').length === 4);
      expect(adapter.callsOf('getResponseSummary')).to.have.length(2);
    });
  });
});
