import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/campaign-stats-panel.js';
import '../../src/define/campaign-data-provider.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import type { CampaignDataProvider } from '../../src/components/campaign-data-provider/campaign-data-provider.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { configureCampaignKit, resetCampaignKit } from '../../src/data/configure.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import type { CampaignStats } from '../../src/model/campaign-stats.js';
import { FakeAdapter, gate, until } from './fake-adapter.js';
import { AS_OF, FakeReportsAdapter, NEXT_REFRESH_AT, SPRING_STATS } from '../support/browser/fake-reports-adapter.js';
import { $, $$, text } from './helpers.js';

const loaded = (panel: CampaignStatsPanel) => !!panel.shadowRoot?.querySelector('[part~="header"]');

async function mount(adapter = new FakeReportsAdapter(), campaignId = 'spring', attributes: { timeZone?: string } = {}) {
  const client = new CampaignReportsClient({ adapter });
  const panel = await fixture<CampaignStatsPanel>(
    html`<campaign-stats-panel campaign-id=${campaignId} time-zone=${attributes.timeZone ?? 'UTC'} .reportsClient=${client}></campaign-stats-panel>`,
  );
  return { panel, adapter, client };
}

async function mountLoaded(adapter = new FakeReportsAdapter(), campaignId = 'spring', attributes: { timeZone?: string } = {}) {
  const mounted = await mount(adapter, campaignId, attributes);
  await until(() => loaded(mounted.panel));
  return mounted;
}

const usd = (amount: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(amount);
const pct = (share: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(share);
const num = (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);

function figure(panel: CampaignStatsPanel, key: string): HTMLElement {
  return $(panel, `[data-figure="${key}"]`);
}
const valueOf = (panel: CampaignStatsPanel, key: string) => text(figure(panel, key).querySelector('[part~="figure-value"]')!);
const noteOf = (panel: CampaignStatsPanel, key: string) => text(figure(panel, key).querySelector('[part~="figure-note"]')!);

async function formulaOf(panel: CampaignStatsPanel, key: string): Promise<string> {
  const button = figure(panel, key).querySelector<HTMLButtonElement>('[part="formula-button"]')!;
  const formula = figure(panel, key).querySelector<HTMLElement>('[part="formula"]')!;
  expect(formula.hidden, `${key} formula hidden at first`).to.equal(true);
  expect(button.getAttribute('aria-controls')).to.equal(formula.id);
  button.click();
  await panel.updateComplete;
  expect(button.getAttribute('aria-expanded')).to.equal('true');
  expect(formula.hidden).to.equal(false);
  return text(formula);
}

/** Spring's stats, with no cost entered anywhere and no leads or purchasers. */
function withoutCosts(): CampaignStats {
  const stats = structuredClone(SPRING_STATS);
  const missing = (reason: 'no-cost') => ({ available: false as const, reason });
  Object.assign(stats.totals, {
    ownCost: null,
    totalCost: missing('no-cost'),
    profit: missing('no-cost'),
    roi: missing('no-cost'),
    costPerLead: missing('no-cost'),
    costPerPurchaser: missing('no-cost'),
  });
  stats.events = stats.events.map((e) => ({ ...e, ownCost: null, totalCost: missing('no-cost'), profit: missing('no-cost'), roi: missing('no-cost') }));
  return stats;
}

describe('<campaign-stats-panel>', () => {
  afterEach(() => resetCampaignKit());

  it('shows money in the campaign currency, counts with their rates, and a row per event', async () => {
    const { panel } = await mountLoaded();
    expect(text($(panel, '[part="title"]'))).to.equal('Spring Launch');
    expect(valueOf(panel, 'baseCost')).to.equal(usd(1000));
    expect(valueOf(panel, 'eventCosts')).to.equal(usd(500));
    expect(valueOf(panel, 'totalCost')).to.equal(usd(1500));
    expect(valueOf(panel, 'revenue')).to.equal(usd(6000));
    expect(valueOf(panel, 'profit')).to.equal(usd(4500));
    expect(valueOf(panel, 'roi')).to.equal(pct(3));
    expect(valueOf(panel, 'costPerLead')).to.equal(usd(500));
    expect(valueOf(panel, 'costPerPurchaser')).to.equal(usd(750));
    expect(valueOf(panel, 'leads')).to.equal('3');
    expect(valueOf(panel, 'purchasers')).to.equal('2');
    expect(valueOf(panel, 'websiteVisitors')).to.equal('2');
    expect(valueOf(panel, 'sent')).to.equal('8');
    expect(noteOf(panel, 'sent')).to.equal(`${pct(0.8)} of recipients`);
    expect(valueOf(panel, 'bounced')).to.equal('2');
    expect(valueOf(panel, 'hardBounced')).to.equal('1');
    expect(noteOf(panel, 'softBounced')).to.equal(`${pct(0.125)} of sent`);
    expect(valueOf(panel, 'opened')).to.equal('5');
    expect(noteOf(panel, 'opened')).to.equal(`${pct(5 / 6)} of delivered`);
    expect(valueOf(panel, 'clickedThrough')).to.equal('4');
    expect(valueOf(panel, 'responded')).to.equal('3');
    expect(valueOf(panel, 'unsubscribed')).to.equal('1');

    const rows = $$(panel, '[part~="event-row"]');
    expect(rows.map((row) => text(row.querySelector('th')!))).to.deep.equal(['Launch email', 'Follow-up call']);
    // Whole amounts without cents in the dense table.
    const usdWhole = (amount: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
    expect(text(rows[0])).to.contain(usdWhole(200)).and.contain(usdWhole(5800));
    expect(rows[0].querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-01T09:00:00.000Z');
    expect($(panel, '[part="events-table"]').localName).to.equal('table');
    await expect(panel).to.be.accessible();
  });

  it('each derived figure reveals its formula with the inputs used', async () => {
    const { panel } = await mountLoaded();
    expect(await formulaOf(panel, 'roi')).to.equal(`ROI = profit ÷ total cost × 100 = ${num(4500)} ÷ ${num(1500)} × 100 = ${pct(3)}`);
    expect(await formulaOf(panel, 'totalCost')).to.equal(
      `Total cost = base cost + event costs = ${num(1000)} + ${num(200)} + ${num(300)} = ${num(1500)}`,
    );
    expect(await formulaOf(panel, 'profit')).to.equal(`Profit = revenue − total cost = ${num(6000)} − ${num(1500)} = ${num(4500)}`);
    expect(await formulaOf(panel, 'costPerLead')).to.equal(`Cost per lead = total cost ÷ leads = ${num(1500)} ÷ 3 = ${num(500)}`);
    expect(await formulaOf(panel, 'costPerPurchaser')).to.equal(`Cost per purchaser = total cost ÷ purchasers = ${num(1500)} ÷ 2 = ${num(750)}`);
    expect(await formulaOf(panel, 'opened')).to.equal(`Opened rate = Opened ÷ delivered = 5 ÷ 6 = ${pct(5 / 6)}`);
    const button = figure(panel, 'roi').querySelector<HTMLButtonElement>('[part="formula-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('How ROI is calculated');
    button.click();
    await panel.updateComplete;
    expect(figure(panel, 'roi').querySelector<HTMLElement>('[part="formula"]')!.hidden, 'a second click hides it').to.equal(true);
    await expect(panel).to.be.accessible();
  });

  it('says why a figure is not available: no cost entered, no leads, no purchasers, a zero divisor', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.stats.set('spring', withoutCosts());
    const { panel } = await mountLoaded(adapter);
    for (const key of ['totalCost', 'profit', 'roi', 'costPerLead', 'costPerPurchaser']) {
      expect(valueOf(panel, key), key).to.equal('Not available');
      expect(noteOf(panel, key), key).to.equal('No cost has been entered.');
      expect(figure(panel, key).querySelector('[part~="reason"]'), key).to.not.equal(null);
    }
    expect(valueOf(panel, 'baseCost')).to.equal('Not entered');
    expect(await formulaOf(panel, 'roi'), 'the definition, no inputs').to.equal('ROI = profit ÷ total cost × 100');
    expect(text($(panel, '[part~="event-row"]'))).to.not.contain('NaN').and.not.contain('Infinity');

    const leadless = new FakeReportsAdapter();
    const stats = structuredClone(SPRING_STATS);
    stats.totals.costPerLead = { available: false, reason: 'no-leads' };
    stats.totals.costPerPurchaser = { available: false, reason: 'no-purchasers' };
    stats.totals.profit = { available: false, reason: 'no-revenue' };
    stats.totals.delivered = { count: 0, rate: 0, of: 'sent' };
    stats.totals.opened = { ...stats.totals.opened, count: 0, rate: null };
    leadless.stats.set('spring', stats);
    const other = (await mountLoaded(leadless)).panel;
    expect(noteOf(other, 'costPerLead')).to.equal('There are no leads yet.');
    expect(noteOf(other, 'costPerPurchaser')).to.equal('There are no purchasers yet.');
    expect(noteOf(other, 'profit')).to.equal('No revenue has been entered.');
    expect(noteOf(other, 'opened')).to.equal('No rate: no delivered yet');
    // The event without revenue: a dash, and the reason for screen readers and as a tooltip.
    const call = $(other, '[data-event="spring-call"]');
    const dashes = [...call.querySelectorAll<HTMLElement>('.not-available')];
    expect(dashes.map((dash) => dash.title)).to.deep.equal(['Not entered', 'No revenue has been entered.', 'No revenue has been entered.']);
    expect(text(dashes[1].querySelector('.visually-hidden')!)).to.equal('Not available: No revenue has been entered.');
    expect(text(dashes[1].querySelector('[aria-hidden="true"]')!)).to.equal('—');
    await expect(other).to.be.accessible();
  });

  it('leaving out machines shows the human opens and clicks, in the figures, the funnel, the timeline and the table', async () => {
    const { panel } = await mountLoaded();
    const funnelCount = (step: string) => text($(panel, `[part~="funnel"] tr[data-step="${step}"] td`));
    expect(funnelCount('opened')).to.equal('5');
    const dayCells = () => [...$(panel, '[part~="timeline"] tr[data-day="2026-03-01"]').querySelectorAll('td')].map(text);
    expect(dayCells()).to.deep.equal(['5', '6', '0']);
    const toggle = $<HTMLInputElement>(panel, '[part="machine-toggle"] input');
    expect(toggle.checked).to.equal(false);
    toggle.click();
    await panel.updateComplete;
    expect(panel.excludeMachines).to.equal(true);
    expect(panel.hasAttribute('exclude-machines')).to.equal(true);
    expect(valueOf(panel, 'opened')).to.equal('3');
    expect(noteOf(panel, 'opened')).to.equal(`${pct(0.5)} of delivered · machines left out`);
    expect(valueOf(panel, 'clickedThrough')).to.equal('2');
    expect(valueOf(panel, 'sent'), 'other counts unchanged').to.equal('8');
    expect(funnelCount('opened')).to.equal('3');
    expect(funnelCount('clickedThrough')).to.equal('2');
    expect(dayCells()).to.deep.equal(['2', '4', '0']);
    expect(text($(panel, '[data-event="spring-mail"] [data-column="opened"]'))).to.contain('3');
    toggle.click();
    await panel.updateComplete;
    expect(valueOf(panel, 'opened')).to.equal('5');
  });

  it('says as of when and the next update in the given time zone, in <time> elements', async () => {
    const { panel } = await mountLoaded(new FakeReportsAdapter(), 'spring', { timeZone: 'Asia/Tokyo' });
    const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
    const asOf = $(panel, '[part="as-of"]');
    expect(text(asOf)).to.equal(`As of ${format.format(Date.parse(AS_OF))}, next update about ${format.format(Date.parse(NEXT_REFRESH_AT))}`);
    expect(text(asOf)).to.contain('9:00').and.contain('11:00');
    const times = [...asOf.querySelectorAll('time')].map((time) => time.getAttribute('datetime'));
    expect(times).to.deep.equal([AS_OF, NEXT_REFRESH_AT]);
  });

  it('an as-of time of today shows the time only', async () => {
    const adapter = new FakeReportsAdapter();
    const now = new Date();
    const stats = structuredClone(SPRING_STATS);
    stats.asOf = now.toISOString();
    stats.nextRefreshAt = now.toISOString();
    adapter.stats.set('spring', stats);
    const { panel } = await mountLoaded(adapter, 'spring', { timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' }).format(now);
    expect(text($(panel, '[part="as-of"] time'))).to.equal(time);
  });

  it('Refresh asks for fresh figures, shows them and says so', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.onFresh = (stats) => ({ ...stats, asOf: NEXT_REFRESH_AT, totals: { ...stats.totals, opened: { ...stats.totals.opened, count: 6 } } });
    const { panel } = await mountLoaded(adapter);
    expect(adapter.callsOf('getCampaignStats').map((c) => c.args[1])).to.deep.equal([{ fresh: false }]);
    const heightBefore = panel.getBoundingClientRect().height;
    $<HTMLButtonElement>(panel, '[part="refresh-button"]').click();
    await panel.updateComplete;
    expect(panel.getBoundingClientRect().height, 'the figures stay while refreshing').to.be.closeTo(heightBefore, 40);
    await until(() => valueOf(panel, 'opened') === '6');
    expect(adapter.callsOf('getCampaignStats').map((c) => c.args[1])).to.deep.equal([{ fresh: false }, { fresh: true }]);
    expect(text($(panel, '[role="status"]'))).to.equal('Statistics updated.');
  });

  it('a Refresh overtaken by a newer read (a live change meanwhile) passes its wish on: recomputed figures, and it says so', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.onFresh = (stats) => ({ ...stats, asOf: NEXT_REFRESH_AT, totals: { ...stats.totals, opened: { ...stats.totals.opened, count: 6 } } });
    const { panel } = await mountLoaded(adapter);
    const held = gate();
    adapter.gates.getCampaignStats = held.promise;
    $<HTMLButtonElement>(panel, '[part="refresh-button"]').click();
    await until(() => adapter.callsOf('getCampaignStats').length === 2);
    void panel.reload();
    await until(() => adapter.callsOf('getCampaignStats').length === 3);
    delete adapter.gates.getCampaignStats;
    held.open();
    await until(() => valueOf(panel, 'opened') === '6');
    expect(adapter.callsOf('getCampaignStats').map((c) => c.args[1])).to.deep.equal([{ fresh: false }, { fresh: true }, { fresh: true }]);
    await until(() => text($(panel, '[role="status"]')) === 'Statistics updated.');
  });

  it('a send through the client re-reads the figures; another panel’s fresh read is shown without a request', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.sendResults.set('spring/spring-mail', { campaignId: 'spring', eventId: 'spring-mail', deliveries: [], withoutEmail: [] });
    const { panel, client } = await mountLoaded(adapter);
    await client.sendCampaignEvent('spring', 'spring-mail');
    await until(() => adapter.callsOf('getCampaignStats').length === 2);
    adapter.onFresh = (stats) => ({ ...stats, totals: { ...stats.totals, leads: { ...stats.totals.leads, count: 9 } } });
    await client.getCampaignStats('spring', { fresh: true });
    await until(() => valueOf(panel, 'leads') === '9');
    expect(adapter.callsOf('getCampaignStats')).to.have.length(3);
  });

  it('shows a skeleton while loading, taking the room of the figures', async () => {
    const adapter = new FakeReportsAdapter();
    const g = gate();
    adapter.gates.getCampaignStats = g.promise;
    const { panel } = await mount(adapter);
    await until(() => panel.shadowRoot?.querySelector('[part~="loading"]'));
    expect($(panel, '[part~="loading"]').getAttribute('role')).to.equal('status');
    expect($(panel, '.panel').getAttribute('aria-busy')).to.equal('true');
    expect($(panel, '[part~="loading"]').getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(panel).to.be.accessible();
    g.open();
    await until(() => loaded(panel));
  });

  it('shows the empty state for a campaign sent to no one', async () => {
    const { panel } = await mountLoaded(new FakeReportsAdapter(), 'bare');
    expect(text($(panel, '[part~="empty"]'))).to.equal('This campaign has not been sent to anyone yet, so there are no figures.');
    expect(panel.shadowRoot!.querySelector('[data-figure]')).to.equal(null);
    await expect(panel).to.be.accessible();
  });

  it('shows an error with Retry, which loads again', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.failures.getCampaignStats = new UnavailableError('Service down');
    const { panel } = await mount(adapter);
    await until(() => panel.shadowRoot?.querySelector('[role="alert"]'));
    expect(text($(panel, '[role="alert"]'))).to.equal('Something went wrong: Service down');
    await expect(panel).to.be.accessible();
    delete adapter.failures.getCampaignStats;
    $<HTMLButtonElement>(panel, '[part="retry-button"]').click();
    await until(() => loaded(panel));
  });

  it('says when the campaign does not exist', async () => {
    const { panel } = await mount(new FakeReportsAdapter(), 'no-such-campaign');
    await until(() => panel.shadowRoot?.querySelector('[part~="not-found"]'));
    expect(text($(panel, '[role="alert"]'))).to.equal('This campaign was not found.');
    await expect(panel).to.be.accessible();
  });

  it('on 401 fires cr-auth-required, shows the auth state, and retries after the host refreshed', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.failures.getCampaignStats = new AuthError('expired', { status: 401 });
    const client = new CampaignReportsClient({ adapter });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const panel = document.createElement('campaign-stats-panel');
    panel.campaignId = 'spring';
    panel.reportsClient = client;
    const fired = oneEvent(wrapper, 'cr-auth-required') as Promise<AuthRequiredEvent>;
    wrapper.append(panel);
    const event = await fired;
    expect(event.error).to.be.instanceOf(AuthError);
    await until(() => panel.shadowRoot?.querySelector('[part~="auth"]'));
    expect(text($(panel, '[role="alert"]'))).to.contain('not signed in');
    await expect(panel).to.be.accessible();
    delete adapter.failures.getCampaignStats;
    event.retryAfter(Promise.resolve());
    await until(() => loaded(panel));
  });

  it('renders titles and event names as text', async () => {
    const adapter = new FakeReportsAdapter();
    const stats = structuredClone(SPRING_STATS);
    stats.title = '<img src=x onerror=alert(1)> {{7*7}}';
    stats.events[0].name = '<b>bold</b>';
    adapter.stats.set('spring', stats);
    const { panel } = await mountLoaded(adapter);
    expect(text($(panel, '[part="title"]'))).to.equal('<img src=x onerror=alert(1)> {{7*7}}');
    expect(panel.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text($(panel, '[data-event="spring-mail"] th'))).to.equal('<b>bold</b>');
  });

  it('pictures: images with a text alternative, and their numbers behind a keyboard-reachable disclosure', async () => {
    const { panel } = await mountLoaded();
    const funnel = $(panel, '[part="funnel-chart"]');
    expect(funnel.getAttribute('role')).to.equal('img');
    expect(funnel.getAttribute('aria-label')).to.equal(
      `Funnel: 8 Sent (${pct(0.8)} of recipients), 6 Delivered (${pct(0.75)} of sent), 5 Opened (${pct(5 / 6)} of delivered), ` +
        `4 Clicked through (${pct(4 / 6)} of delivered; not all of them among Opened), 3 Responded (${pct(0.3)} of recipients; not all of them among Clicked through), ` +
        `2 Purchased (${pct(2 / 3)} of responded).`,
    );
    const timeline = $(panel, '[part="timeline-chart"]');
    expect(timeline.getAttribute('role')).to.equal('img');
    const day = (d: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`));
    expect(timeline.getAttribute('aria-label')).to.equal(
      `Opens, clicks and responses on 3 days from ${day('2026-03-01')} to ${day('2026-03-05')}; the busiest day was ${day('2026-03-01')} with 11 lines.`,
    );
    expect(timeline.querySelectorAll('rect.bar')).to.have.length(9);
    const summaries = $$(panel, 'details[part="numbers"] > summary');
    expect(summaries).to.have.length(2);
    summaries[1].focus();
    expect(panel.shadowRoot!.activeElement).to.equal(summaries[1]);
    summaries[1].click();
    await until(() => (summaries[1].parentElement as HTMLDetailsElement).open);
    expect($$(panel, '[part~="timeline"] tbody tr').map((row) => row.getAttribute('data-day'))).to.deep.equal(['2026-03-01', '2026-03-02', '2026-03-05']);
    await expect(panel).to.be.accessible();
  });

  it('says so when the backend has no timeline', async () => {
    const adapter = new FakeReportsAdapter();
    const stats = structuredClone(SPRING_STATS);
    delete stats.timeline;
    adapter.stats.set('spring', stats);
    const { panel } = await mountLoaded(adapter);
    expect(text($(panel, '[part="timeline-unavailable"]'))).to.equal('This backend does not report responses over time.');
  });

  it('finds its client from a provider (reportsAdapter) and from configureCampaignKit, sharing one per source', async () => {
    const adapter = new FakeReportsAdapter();
    const wrapper = await fixture<CampaignDataProvider>(html`<campaign-data-provider .reportsAdapter=${adapter} .adapter=${new FakeAdapter()}>
      <campaign-stats-panel campaign-id="spring"></campaign-stats-panel>
      <section><campaign-stats-panel campaign-id="bare"></campaign-stats-panel></section>
    </campaign-data-provider>`);
    const panels = [...wrapper.querySelectorAll('campaign-stats-panel')];
    await until(() => panels.every(loaded));
    expect(adapter.callsOf('getCampaignStats')).to.have.length(2);
    expect(wrapper.currentReportsClient).to.be.instanceOf(CampaignReportsClient);
    // A send through the provider's client reaches the panel of that campaign only.
    adapter.sendResults.set('spring/spring-mail', { campaignId: 'spring', eventId: 'spring-mail', deliveries: [], withoutEmail: [] });
    await wrapper.currentReportsClient!.sendCampaignEvent('spring', 'spring-mail');
    await until(() => adapter.callsOf('getCampaignStats').length === 3);
    expect(adapter.callsOf('getCampaignStats')[2].args[0]).to.equal('spring');

    const alone = await fixture<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring"></campaign-stats-panel>`);
    await alone.updateComplete;
    expect(text($(alone, '[role="alert"]'))).to.contain('No data source');
    const configured = new FakeReportsAdapter();
    configureCampaignKit({ adapter: new FakeAdapter(), reportsAdapter: configured });
    await until(() => loaded(alone));
    expect(configured.callsOf('getCampaignStats')).to.have.length(1);
  });
});
