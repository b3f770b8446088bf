// What the panel shows adds up, over random campaigns: figures built from random messages with the
// definitions of docs/statistics.md, checked with the server's invariants, then read back from the
// rendered panel: sent = delivered + bounced, bounced = hard + soft, no share above 100 %, the funnel
// marks each step that is not a subset of the one before, and each event's ROI shows its inputs.
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/campaign-stats-panel.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { CampaignStats, EventStats, RateBase, RatedCount, StatsFigures } from '../../src/model/campaign-stats.js';
import { deriveStats, rate } from '../../src/model/stats.js';
import { statsProblems } from '../support/stats-invariants.js';
import { until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { $, $$, text } from './helpers.js';

type Outcome = 'none' | 'delivered' | 'hard' | 'soft' | 'skipped' | 'failed';
interface Message {
  outcome: Outcome;
  opened: boolean;
  clicked: boolean;
  byMachine: boolean;
  responded: boolean;
  purchased: boolean;
}

const messageArb = fc.record({
  outcome: fc.constantFrom<Outcome>('none', 'delivered', 'delivered', 'hard', 'soft', 'skipped', 'failed'),
  opened: fc.boolean(),
  clicked: fc.boolean(),
  responded: fc.boolean(),
  purchased: fc.boolean(),
});
const campaignArb = fc.record({
  recipients: fc.integer({ min: 1, max: 8 }),
  baseCost: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
  events: fc.array(
    fc.record({ email: fc.boolean(), cost: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }), revenue: fc.option(fc.integer({ min: 0, max: 90_000 }), { nil: null }) }),
    { minLength: 1, maxLength: 3 },
  ),
  messages: fc.array(messageArb, { minLength: 24, maxLength: 24 }),
  /** Whether each recipient's opens and clicks come from a machine (a mail privacy proxy, a link scanner). */
  machines: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

/** The figures of one set of recipients' messages (one per recipient: an event's; or each recipient's over the campaign). */
function figuresOf(per: Message[], recipients: number, money: { ownCost: number | null; baseCost: number | null; eventCosts: (number | null)[]; revenue: number | null }): StatsFigures {
  const n = (keep: (m: Message) => boolean) => per.filter(keep).length;
  const delivered = (m: Message) => m.outcome === 'delivered';
  const counts = {
    sent: n((m) => ['delivered', 'hard', 'soft'].includes(m.outcome)),
    delivered: n(delivered),
  };
  const bases: Record<RateBase, number> = { recipients, sent: counts.sent, delivered: counts.delivered };
  const rated = (count: number, of: RateBase): RatedCount => ({ count, rate: rate(count, bases[of]), of });
  const tracked = (did: (m: Message) => boolean) => ({
    ...rated(n((m) => delivered(m) && did(m)), 'delivered'),
    human: rated(n((m) => delivered(m) && did(m) && !m.byMachine), 'delivered'),
    machine: rated(n((m) => delivered(m) && did(m) && m.byMachine), 'delivered'),
  });
  const leads = n((m) => m.responded || m.purchased);
  const purchasers = n((m) => m.purchased);
  const derived = deriveStats({ baseCost: money.baseCost, eventCosts: money.eventCosts, revenue: money.revenue, leads, purchasers });
  return {
    ownCost: money.ownCost,
    revenue: money.revenue,
    ...derived,
    recipients,
    leads: rated(leads, 'recipients'),
    purchasers: rated(purchasers, 'recipients'),
    websiteVisitors: n((m) => delivered(m) && m.clicked && !m.byMachine),
    sent: rated(counts.sent, 'recipients'),
    delivered: rated(counts.delivered, 'sent'),
    bounced: rated(n((m) => m.outcome === 'hard' || m.outcome === 'soft'), 'sent'),
    hardBounced: rated(n((m) => m.outcome === 'hard'), 'sent'),
    softBounced: rated(n((m) => m.outcome === 'soft'), 'sent'),
    failed: rated(n((m) => m.outcome === 'failed'), 'recipients'),
    skipped: rated(n((m) => m.outcome === 'skipped'), 'recipients'),
    opened: tracked((m) => m.opened),
    clickedThrough: tracked((m) => m.clicked),
    responded: rated(n((m) => m.responded || m.purchased), 'recipients'),
    unsubscribed: rated(0, 'recipients'),
  };
}

const PRECEDENCE: Outcome[] = ['delivered', 'hard', 'soft', 'failed', 'skipped', 'none'];

function statsOf(spec: typeof campaignArb extends fc.Arbitrary<infer T> ? T : never): CampaignStats {
  const grid = spec.events.map((e, i) =>
    Array.from({ length: spec.recipients }, (_, r) => {
      const m = spec.messages[(i * 8 + r) % spec.messages.length];
      return { ...m, outcome: e.email ? m.outcome : ('none' as const), byMachine: spec.machines[r] };
    }),
  );
  const events: EventStats[] = spec.events.map((e, i) => ({
    eventId: `e${i}`,
    name: `Event ${i} with a longer name`,
    channel: e.email ? 'email' : 'phone',
    date: new Date(Date.UTC(2026, 2, 1 + i * 3)).toISOString(),
    ...figuresOf(grid[i], spec.recipients, { ownCost: e.cost, baseCost: null, eventCosts: [e.cost], revenue: e.revenue }),
  }));
  const perRecipient = Array.from({ length: spec.recipients }, (_, r) => {
    const all = grid.map((row) => row[r]);
    const outcome = PRECEDENCE.find((o) => all.some((m) => m.outcome === o)) ?? 'none';
    const any = (k: 'responded' | 'purchased') => all.some((m) => m[k]);
    const delivered = all.filter((m) => m.outcome === 'delivered');
    return {
      outcome,
      opened: delivered.some((m) => m.opened),
      clicked: delivered.some((m) => m.clicked),
      byMachine: spec.machines[r],
      responded: any('responded'),
      purchased: any('purchased'),
    };
  });
  const revenues = spec.events.map((e) => e.revenue).filter((r): r is number => r !== null);
  const totals = figuresOf(perRecipient, spec.recipients, {
    ownCost: spec.baseCost,
    baseCost: spec.baseCost,
    eventCosts: spec.events.map((e) => e.cost),
    revenue: revenues.length ? revenues.reduce((a, b) => a + b, 0) : null,
  });
  return { campaignId: 'p', title: 'Random', currency: 'EUR', asOf: '2026-04-01T12:00:00.000Z', nextRefreshAt: '2026-04-01T14:00:00.000Z', totals, events, timeline: [] };
}

const number = (s: string) => Number(s.replace(/[^\d]/gu, ''));
const percents = (s: string) => [...s.matchAll(/(\d+(?:[.,]\d+)?)\s?%/gu)].map((m) => Number(m[1].replace(',', '.')));

describe('<campaign-stats-panel>: the figures add up', () => {
  it('over random campaigns, in what the panel shows', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(campaignArb, async (spec) => {
        const stats = statsOf(spec);
        expect(statsProblems(stats), 'the generated figures').to.deep.equal([]);
        const adapter = new FakeReportsAdapter();
        adapter.stats.set('p', stats);
        const panel = await fixture<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="p" time-zone="UTC" .reportsClient=${new CampaignReportsClient({ adapter })}></campaign-stats-panel>`);
        await until(() => !!panel.shadowRoot?.querySelector('[part~="header"]'));
        const value = (key: string) => number(text($(panel, `[data-figure="${key}"] [part~="figure-value"]`)));
        expect(value('sent')).to.equal(value('delivered') + value('bounced'));
        expect(value('bounced')).to.equal(value('hardBounced') + value('softBounced'));
        for (const note of $$(panel, '[part~="figure-note"], [part~="funnel"] td, [part~="events-table"] td[data-column]')) {
          for (const p of percents(text(note))) expect(p, text(note)).to.be.at.most(100);
        }
        const rows = $$(panel, '[part~="funnel"] tbody tr');
        const counts = rows.map((row) => number(text(row.querySelector('td')!)));
        rows.forEach((row, i) => {
          if (i > 0 && counts[i] > counts[i - 1]) expect(row.dataset.nested, `${row.dataset.step} is larger than the step before`).to.equal('false');
        });
        expect(text($(panel, '[part~="funnel-chart"]').parentElement!)).to.not.match(/NaN|Infinity/u);
        if (stats.totals.ownCost !== null) expect(text($(panel, '[part="events-note"]'))).to.contain('base cost');
        for (const event of stats.events.filter((e) => e.roi.available)) {
          const formula = text($(panel, `[part="event-formulas"] li[data-event="${event.eventId}"]`));
          expect(formula).to.contain('(event revenue − event cost) ÷ event cost × 100 =');
        }
        panel.remove();
      }),
      { numRuns: 30, includeErrorInReport: true },
    );
  });
});
