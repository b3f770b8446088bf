import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/campaign-clickthrough-report.js';
import { isClickableUrl, type CampaignClickthroughReport } from '../../src/components/campaign-clickthrough-report/campaign-clickthrough-report.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import type { Clickthrough } from '../../src/model/campaign-stats.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { gate, until } from './fake-adapter.js';
import { $, $$, text } from './helpers.js';

type Report = CampaignClickthroughReport;

const HOSTILE = '<img src=x onerror=alert(1)> {{7*7}}';

const SPRING_CLICKS: Clickthrough = {
  campaignId: 'spring',
  events: [
    {
      eventId: 'spring-mail',
      name: 'Launch email',
      links: [
        {
          linkId: 'offer', url: 'https://shop.example/offer?utm=spring', clicks: 3, humanClicks: 2, machineClicks: 1, uniqueClickers: 2, uniqueHumanClickers: 2,
          clickers: [
            { recipientId: '42', recipientName: 'Ada Lovelace', clickedAt: '2026-03-01T09:00:05.000Z', machine: true, machineReason: 'clicked 5 s after delivery' },
            { recipientId: '42', recipientName: 'Ada Lovelace', clickedAt: '2026-03-01T10:00:00.000Z', machine: false, machineReason: null },
            { recipientId: '43', recipientName: HOSTILE, clickedAt: '2026-03-02T08:30:00.000Z', machine: false, machineReason: null },
          ],
        },
        {
          linkId: 'evil', url: 'javascript:alert(document.cookie)', clicks: 1, humanClicks: 1, machineClicks: 0, uniqueClickers: 1, uniqueHumanClickers: 1,
          clickers: [{ recipientId: '44', recipientName: 'Bob', clickedAt: '2026-03-03T08:00:00.000Z', machine: false, machineReason: null }],
        },
        { linkId: 'data', url: 'data:text/html,<script>alert(1)</script>', clicks: 0, humanClicks: 0, machineClicks: 0, uniqueClickers: 0, uniqueHumanClickers: 0, clickers: [] },
        { linkId: 'vb', url: 'vbscript:msgbox(1)', clicks: 0, humanClicks: 0, machineClicks: 0, uniqueClickers: 0, uniqueHumanClickers: 0, clickers: [] },
        { linkId: 'rel', url: '/relative/../nonsense', clicks: 0, humanClicks: 0, machineClicks: 0, uniqueClickers: 0, uniqueHumanClickers: 0, clickers: [] },
        { linkId: 'plain', url: 'http://example.org/', clicks: 1234, humanClicks: 1234, machineClicks: 0, uniqueClickers: 1000, uniqueHumanClickers: 1000, clickers: [] },
      ],
    },
    { eventId: 'spring-call', name: 'Follow-up call', links: [] },
  ],
};

function adapterWith(clickthrough: Clickthrough | null = SPRING_CLICKS): FakeReportsAdapter {
  const adapter = new FakeReportsAdapter();
  if (clickthrough) adapter.clickthrough.set(clickthrough.campaignId, structuredClone(clickthrough));
  return adapter;
}

async function mount(adapter = adapterWith(), campaignId = 'spring', eventId?: string) {
  const client = new CampaignReportsClient({ adapter });
  const report = eventId
    ? await fixture<Report>(html`<campaign-clickthrough-report campaign-id=${campaignId} event-id=${eventId} .reportsClient=${client}></campaign-clickthrough-report>`)
    : await fixture<Report>(html`<campaign-clickthrough-report campaign-id=${campaignId} .reportsClient=${client}></campaign-clickthrough-report>`);
  await until(() => report.shadowRoot?.querySelector('[part="event"], [part~="empty"], [part~="error"]'));
  return { report, adapter, client };
}

const linkBody = (report: Report, linkId: string) => $(report, `tbody[data-link="${linkId}"]`);
const n = (value: number) => new Intl.NumberFormat().format(value);

describe('<campaign-clickthrough-report>', () => {
  it('shows each link with clicks, unique clickers and machine clicks (Intl numbers)', async () => {
    const { report, adapter } = await mount();
    expect(adapter.callsOf('getClickthrough')[0].args).to.deep.equal(['spring', { eventId: undefined }]);
    const tables = $$(report, '[part="event"]');
    expect(tables).to.have.length(1, 'an event without links is left out');
    expect(text(tables[0].querySelector('caption')!)).to.equal('Links of Launch email');
    const offer = linkBody(report, 'offer');
    expect(text(offer.querySelector('[part="clicks"]')!)).to.equal('3');
    expect(text(offer.querySelector('[part="unique"]')!)).to.equal('2');
    expect(text(offer.querySelector('[part="machine-clicks"]')!)).to.equal('1');
    expect(text(linkBody(report, 'plain').querySelector('[part="clicks"]')!)).to.equal(n(1234));
    expect(text(linkBody(report, 'plain').querySelector('[part="unique"]')!)).to.equal(n(1000));
    await expect(report).to.be.accessible();
  });

  it('asks for one event with event-id', async () => {
    const { adapter } = await mount(adapterWith(), 'spring', 'spring-mail');
    expect(adapter.callsOf('getClickthrough')[0].args).to.deep.equal(['spring', { eventId: 'spring-mail' }]);
  });

  it('a URL is a link only when it is http(s); javascript:, data:, vbscript: and relative text never are', async () => {
    const { report } = await mount();
    const anchor = linkBody(report, 'offer').querySelector('a')!;
    expect(anchor.getAttribute('href')).to.equal('https://shop.example/offer?utm=spring');
    expect(anchor.target).to.equal('_blank');
    expect(anchor.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
    expect(text(anchor)).to.equal('https://shop.example/offer?utm=spring');
    expect(linkBody(report, 'plain').querySelector('a')!.getAttribute('href')).to.equal('http://example.org/');
    for (const [linkId, url] of [
      ['evil', 'javascript:alert(document.cookie)'],
      ['data', 'data:text/html,<script>alert(1)</script>'],
      ['vb', 'vbscript:msgbox(1)'],
      ['rel', '/relative/../nonsense'],
    ]) {
      const body = linkBody(report, linkId);
      expect(body.querySelector('a'), linkId).to.equal(null);
      expect(body.querySelector('[part~="url-text"]')!.textContent).to.equal(url);
    }
    expect(report.shadowRoot!.querySelectorAll('a[href]')).to.have.length(2);
    expect(report.shadowRoot!.querySelector('script')).to.equal(null);
    expect([isClickableUrl('HTTPS://x.example'), isClickableUrl(' javascript:alert(1)'), isClickableUrl('JaVaScRiPt:alert(1)'), isClickableUrl('//x.example')]).to.deep.equal([
      true,
      false,
      false,
      false,
    ]);
  });

  it('who clicked when: a disclosure button per link, with aria-expanded, names as text', async () => {
    const { report } = await mount();
    const offer = linkBody(report, 'offer');
    const toggle = offer.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const panel = offer.querySelector<HTMLElement>('[part="clickers"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.hidden).to.equal(true);
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true');
    expect(panel.hidden).to.equal(false);
    const clickers = [...panel.querySelectorAll('[part="clicker"]')];
    expect(clickers).to.have.length(3);
    const first = clickers[0];
    expect(text(first.querySelector('td')!)).to.equal('Ada Lovelace');
    const time = first.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-03-01T09:00:05.000Z');
    expect(text(time)).to.equal(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-03-01T09:00:05.000Z')));
    expect(text(first.querySelector('[part="machine-mark"]')!)).to.equal('Machine: clicked 5 s after delivery');
    expect(text(clickers[1])).to.contain('Person');
    expect(clickers[2].querySelector('td')!.textContent).to.equal(HOSTILE);
    expect(report.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(clickers[2])).not.to.contain('49');
    expect(linkBody(report, 'evil').querySelector('[part="toggle"]')!.getAttribute('aria-expanded')).to.equal('false', 'each link on its own');
    await expect(report).to.be.accessible();
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'false');
    expect(panel.hidden).to.equal(true);
  });

  it('a link nobody clicked says so when opened', async () => {
    const { report } = await mount();
    const body = linkBody(report, 'vb');
    body.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await until(() => body.querySelector('[part="no-clicks"]'));
    expect(text(body.querySelector('[part="no-clicks"]')!)).to.equal('Nobody has clicked this link yet.');
  });

  describe('states', () => {
    it('loading: a placeholder that keeps the space', async () => {
      const adapter = adapterWith();
      const wait = gate();
      adapter.gates.getClickthrough = wait.promise;
      const client = new CampaignReportsClient({ adapter });
      const report = await fixture<Report>(html`<campaign-clickthrough-report campaign-id="spring" .reportsClient=${client}></campaign-clickthrough-report>`);
      await until(() => report.shadowRoot!.querySelector('[part="loading"]'));
      expect(report.getBoundingClientRect().height).to.be.at.least(12 * 16 - 1);
      await expect(report).to.be.accessible();
      wait.open();
      await until(() => report.shadowRoot!.querySelector('[part="event"]'));
    });

    it('empty: no tracked links (slot `empty`)', async () => {
      const { report } = await mount(adapterWith({ campaignId: 'bare', events: [{ eventId: 'e', name: 'Call', links: [] }] }), 'bare');
      expect(text($(report, '[part~="empty"]'))).to.equal('No tracked links in this campaign yet.');
      await expect(report).to.be.accessible();
    });

    it('error with Retry', async () => {
      const adapter = adapterWith();
      adapter.failures.getClickthrough = new UnavailableError('Down for maintenance.');
      const { report } = await mount(adapter);
      expect(text($(report, '[part~="error"] [role="alert"]'))).to.equal('Something went wrong: Down for maintenance.');
      await expect(report).to.be.accessible();
      delete adapter.failures.getClickthrough;
      $<HTMLButtonElement>(report, '[part="retry-button"]').click();
      await until(() => report.shadowRoot!.querySelector('[part="event"]'));
    });

    it('not found: the campaign does not exist', async () => {
      const { report } = await mount(adapterWith(), 'nope');
      expect($(report, '[part~="error"]').getAttribute('part')).to.equal('error not-found');
      expect(text($(report, '[role="alert"]'))).to.equal('This campaign was not found.');
      await expect(report).to.be.accessible();
    });

    it('auth: fires cr-auth-required and shows the auth state', async () => {
      const adapter = adapterWith();
      adapter.failures.getClickthrough = new AuthError('No token.');
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const heard = oneEvent(container, 'cr-auth-required') as Promise<AuthRequiredEvent>;
      const report = document.createElement('campaign-clickthrough-report');
      report.reportsClient = new CampaignReportsClient({ adapter });
      report.campaignId = 'spring';
      container.append(report);
      const event = await heard;
      await until(() => report.shadowRoot!.querySelector('[part~="auth"]'));
      await expect(report).to.be.accessible();
      delete adapter.failures.getClickthrough;
      event.retryAfter(Promise.resolve());
      await until(() => report.shadowRoot!.querySelector('[part="event"]'));
    });

    it('re-reads when the client says the campaign changed', async () => {
      const { report, adapter, client } = await mount();
      const changed = structuredClone(SPRING_CLICKS);
      changed.events[0].links[0].clicks = 4;
      adapter.clickthrough.set('spring', changed);
      client.notifyChanged('spring');
      await until(() => text(linkBody(report, 'offer').querySelector('[part="clicks"]')!) === '4');
    });
  });
});
