// The statistics panel's layout at the widths people use: the per-event table fits a laptop's page
// without scrolling sideways, the timeline places days by date, and its axis dates stay readable on
// a phone.
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-stats-panel.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { CampaignStats, TimelineDay } from '../../src/model/campaign-stats.js';
import { until } from './fake-adapter.js';
import { FakeReportsAdapter, SPRING_STATS } from '../support/browser/fake-reports-adapter.js';
import { $, $$ } from './helpers.js';

const value = (v: number) => ({ available: true as const, value: v });

/** Spring's figures with the demo's Industry Expo Berlin events: long names, five-figure money, ROI in the tens of thousands of percent. */
function expoStats(): CampaignStats {
  const stats = structuredClone(SPRING_STATS);
  const [mail] = stats.events;
  const events: [string, string, number, number][] = [
    ['Booth invitation email', '2026-04-10T14:00:00.000Z', 200, 4800],
    ['Trade show booth B12', '2026-04-24T09:00:00.000Z', 18500, 86000],
    ['Post-show follow-up email', '2026-05-01T14:00:00.000Z', 120, 14200],
  ];
  stats.events = events.map(([name, date, cost, revenue], i) => ({
    ...mail,
    eventId: `expo-${i}`,
    name,
    date,
    ownCost: cost,
    totalCost: value(cost),
    revenue,
    profit: value(revenue - cost),
    roi: value(((revenue - cost) / cost) * 100),
  }));
  return stats;
}

function day(offset: number, count = 2): TimelineDay {
  return { day: new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10), opened: count, openedByMachine: 0, clickedThrough: 1, clickedByMachine: 0, responded: 1, purchased: 0 };
}

async function mountAt(width: number, stats: CampaignStats, lang = 'en'): Promise<CampaignStatsPanel> {
  const adapter = new FakeReportsAdapter();
  adapter.stats.set('c', stats);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style="inline-size: ${width}px"><campaign-stats-panel campaign-id="c" time-zone="UTC" .reportsClient=${new CampaignReportsClient({ adapter })}></campaign-stats-panel></div>`,
  );
  const panel = wrapper.querySelector('campaign-stats-panel')!;
  await until(() => !!panel.shadowRoot?.querySelector('[part~="header"]'));
  return panel;
}

describe('<campaign-stats-panel> layout', () => {
  for (const lang of ['en', 'de']) {
    it(`the per-event table fits the demo page at 1280 px (about 1,060 px for the panel) without scrolling sideways (${lang})`, async () => {
      const panel = await mountAt(1060, expoStats(), lang);
      await until(() => panel.shadowRoot!.querySelector('[part="events-table"]'));
      const scroller = $(panel, '[part="events-scroll"]');
      expect(scroller.scrollWidth, 'table width').to.be.at.most(scroller.clientWidth + 1);
    });
  }

  it('the timeline places days by date: a gap of four weeks is 28 times a gap of one day', async () => {
    const stats = structuredClone(SPRING_STATS);
    stats.timeline = [day(0), day(1), day(29)];
    const panel = await mountAt(800, stats);
    const lefts = $$(panel, '[part~="timeline-chart"] g[data-day]').map((g) => g.querySelector('rect')!.getBoundingClientRect().left);
    const oneDay = lefts[1] - lefts[0];
    expect(oneDay).to.be.greaterThan(0);
    expect((lefts[2] - lefts[1]) / oneDay).to.be.closeTo(28, 0.5);
  });

  it('on a phone the timeline’s dates are text of the page’s small size, not shrunk with the picture', async () => {
    const stats = structuredClone(SPRING_STATS);
    stats.timeline = Array.from({ length: 40 }, (_, i) => day(i * 2, i % 5));
    const panel = await mountAt(343, stats);
    const labels = $$(panel, '[part~="timeline"] .label');
    expect(labels.length).to.be.greaterThan(1);
    for (const label of labels) expect(label.getBoundingClientRect().height, label.textContent ?? '').to.be.at.least(10);
    // They do not overlap one another.
    const boxes = labels.map((l) => l.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    for (let i = 1; i < boxes.length; i += 1) expect(boxes[i].left).to.be.at.least(boxes[i - 1].right - 0.5);
  });
});
