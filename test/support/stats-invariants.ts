/**
 * The promises the statistics make (docs/statistics.md), as one checker that the server's property
 * test and the panel's run alike. Returns what does not hold, empty when everything does.
 */
import type { CampaignStats, RatedCount, StatsFigures, TrackedCount } from '../../src/model/campaign-stats.js';

const UNIQUE_COUNTS = ['sent', 'delivered', 'bounced', 'hardBounced', 'softBounced', 'failed', 'skipped', 'opened', 'clickedThrough', 'responded', 'leads', 'purchasers', 'unsubscribed'] as const;

function base(figures: StatsFigures, count: RatedCount): number {
  return count.of === 'recipients' ? figures.recipients : figures[count.of].count;
}

const cents = (amount: number) => Math.round(amount * 100);

function figuresProblems(name: string, f: StatsFigures): string[] {
  const problems: string[] = [];
  const expect = (holds: boolean, what: string) => {
    if (!holds) problems.push(`${name}: ${what}`);
  };
  expect(f.sent.count === f.delivered.count + f.bounced.count, `sent ${f.sent.count} ≠ delivered ${f.delivered.count} + bounced ${f.bounced.count}`);
  expect(f.bounced.count === f.hardBounced.count + f.softBounced.count, `bounced ${f.bounced.count} ≠ hard ${f.hardBounced.count} + soft ${f.softBounced.count}`);
  const rated: [string, RatedCount][] = UNIQUE_COUNTS.flatMap((key) => {
    const count = f[key];
    const tracked = count as TrackedCount;
    return 'human' in count
      ? [[key, count], [`${key}.human`, tracked.human], [`${key}.machine`, tracked.machine]]
      : [[key, count]];
  });
  for (const [key, count] of rated) {
    const divisor = base(f, count);
    expect(count.count <= divisor, `${key} ${count.count} > its divisor ${count.of} ${divisor}`);
    expect(count.count <= f.recipients, `${key} ${count.count} > recipients ${f.recipients}`);
    expect(divisor === 0 ? count.rate === null : count.rate !== null && Math.abs(count.rate - count.count / divisor) < 1e-9, `${key} rate ${count.rate} ≠ ${count.count} ÷ ${divisor}`);
  }
  for (const key of ['opened', 'clickedThrough'] as const) {
    expect(f[key].human.count <= f[key].count && f[key].machine.count <= f[key].count, `${key}: human or machine above all`);
  }
  expect(f.purchasers.count <= f.responded.count, `purchasers ${f.purchasers.count} > responded ${f.responded.count}`);
  expect(f.opened.count <= f.delivered.count && f.clickedThrough.count <= f.delivered.count, 'opened or clicked above delivered');
  expect(f.websiteVisitors <= f.clickedThrough.human.count, `website visitors ${f.websiteVisitors} > human clickers`);
  return problems;
}

/** Every figure of the campaign and of each event; the campaign's additive figures against its events'. */
export function statsProblems(stats: Pick<CampaignStats, 'totals' | 'events'>): string[] {
  const { totals, events } = stats;
  const problems = [...figuresProblems('campaign', totals), ...events.flatMap((e) => figuresProblems(`event ${e.eventId}`, e))];
  // Additive: costs and revenue.
  const costs = [totals.ownCost, ...events.map((e) => e.ownCost)].filter((c): c is number => c !== null);
  const expectedCost = costs.length ? cents(costs.reduce((a, b) => a + b, 0)) : null;
  const cost = totals.totalCost.available ? cents(totals.totalCost.value) : null;
  if (cost !== expectedCost) problems.push(`campaign total cost ${cost} ≠ base + event costs ${expectedCost}`);
  const revenues = events.map((e) => e.revenue).filter((r): r is number => r !== null);
  const expectedRevenue = revenues.length ? cents(revenues.reduce((a, b) => a + b, 0)) : null;
  if ((totals.revenue === null ? null : cents(totals.revenue)) !== expectedRevenue) problems.push(`campaign revenue ${totals.revenue} ≠ the sum of its events' ${expectedRevenue}`);
  // Not additive, but bounded: a campaign's unique count lies between its largest event's and their sum.
  for (const key of ['sent', 'delivered', 'opened', 'clickedThrough', 'responded', 'leads', 'purchasers', 'unsubscribed'] as const) {
    const each = events.map((e) => e[key].count);
    const largest = Math.max(0, ...each);
    const sum = each.reduce((a, b) => a + b, 0);
    if (totals[key].count < largest || totals[key].count > sum) problems.push(`campaign ${key} ${totals[key].count} outside [${largest}, ${sum}]`);
  }
  for (const e of events) if (e.recipients !== totals.recipients) problems.push(`event ${e.eventId}: recipients ${e.recipients} ≠ the campaign's ${totals.recipients}`);
  return problems;
}
