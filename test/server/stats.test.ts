// GET /campaigns/{id}/stats: exact figures of a hand-made campaign, not-available reasons, the roll-ups' freshness, and the optional snapshot's times.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { CampaignStats, RatedCount, StatsFigures } from '../../src/model/campaign-stats.js';
import type { Campaign, Page } from '../../src/model/types.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import { parseDuration, refreshAllSnapshots, scheduleSnapshots } from '../../server/stats/stats-snapshot.js';
import { addLines, insertHandMadeCampaign } from './campaign-fixture.js';
import { assertFieldProblem, call, ContractChecker, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
/** The same server with the two-hourly snapshot switched on (CR_STATS_SNAPSHOT=1). */
let snapshotApp: Hono;
let contract: ContractChecker;
const T0 = new Date('2026-07-01T10:00:00.000Z');
let clock = T0;
const HOUR = 3_600_000;

before(async () => {
  testDb = await openTestDb();
  await insertHandMadeCampaign(testDb.db, 'hm');
  await insertHandMadeCampaign(testDb.db, 'hm-fresh');
  await testDb.db.query(`INSERT INTO campaigns (id, title, currency) VALUES ('bare', 'No costs, no recipients', 'EUR')`);
  app = testApp(testDb.db, { now: () => clock, statsRefreshMs: 2 * HOUR });
  snapshotApp = testApp(testDb.db, { now: () => clock, statsRefreshMs: 2 * HOUR, statsSnapshot: true });
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

const rc = (count: number, rate: number | null, of: RatedCount['of']): RatedCount => ({ count, rate, of });
const value = (v: number) => ({ available: true as const, value: v });
const missing = (reason: string) => ({ available: false as const, reason });

async function statsOf(campaignId: string, query = '', server = app): Promise<CampaignStats> {
  const answer = await call(server, 'GET', `/api/campaigns/${campaignId}/stats${query}`);
  assert.equal(answer.status, 200, answer.text);
  contract.check('GET', '/campaigns/{campaignId}/stats', answer);
  return answer.json as CampaignStats;
}
const stats = (campaignId: string, query = '') => statsOf(campaignId, query);

test('campaign totals of the hand-made campaign, figure by figure', async () => {
  const { totals, currency, title } = await stats('hm');
  assert.equal(currency, 'USD');
  assert.equal(title, 'Hand-made hm');
  const expected: StatsFigures = {
    ownCost: 1000,
    totalCost: value(1500),
    revenue: 3500,
    profit: value(2000),
    roi: value((2000 / 1500) * 100),
    costPerLead: value(750),
    costPerPurchaser: value(1500),
    recipients: 5,
    leads: rc(2, 0.4, 'recipients'),
    purchasers: rc(1, 0.2, 'recipients'),
    websiteVisitors: 1,
    sent: rc(4, 0.8, 'recipients'),
    delivered: rc(2, 0.5, 'sent'),
    bounced: rc(2, 0.5, 'sent'),
    hardBounced: rc(1, 0.25, 'sent'),
    softBounced: rc(1, 0.25, 'sent'),
    failed: rc(0, 0, 'recipients'),
    skipped: rc(0, 0, 'recipients'),
    opened: { ...rc(2, 1, 'delivered'), human: rc(1, 0.5, 'delivered'), machine: rc(2, 1, 'delivered') },
    clickedThrough: { ...rc(2, 1, 'delivered'), human: rc(1, 0.5, 'delivered'), machine: rc(1, 0.5, 'delivered') },
    // The unsubscribe counts as responded (the vocabulary says so), not as a lead.
    responded: rc(3, 0.6, 'recipients'),
    unsubscribed: rc(1, 0.2, 'recipients'),
  };
  assert.deepEqual(totals, expected);
});

test('per event: own cost and revenue, rates over a zero divisor are null, not-available reasons', async () => {
  const { events } = await stats('hm');
  assert.deepEqual(events.map((e) => [e.eventId, e.channel]), [['hm-mail', 'email'], ['hm-call', 'phone'], ['hm-free', 'event']]);
  const [mail, phone, free] = events;
  assert.deepEqual(
    [mail.ownCost, mail.totalCost, mail.revenue, mail.profit, mail.roi, mail.costPerLead, mail.costPerPurchaser],
    [200, value(200), 3000, value(2800), value(1400), value(200), value(200)],
  );
  assert.deepEqual([mail.sent, mail.delivered, mail.bounced, mail.responded, mail.leads], [
    rc(4, 0.8, 'recipients'), rc(2, 0.5, 'sent'), rc(2, 0.5, 'sent'), rc(1, 0.2, 'recipients'), rc(1, 0.2, 'recipients'),
  ]);
  assert.equal(mail.websiteVisitors, 1);

  assert.deepEqual([phone.totalCost, phone.revenue, phone.profit, phone.roi], [value(300), null, missing('no-revenue'), missing('no-revenue')]);
  assert.deepEqual([phone.costPerLead, phone.costPerPurchaser], [value(150), missing('no-purchasers')]);
  assert.deepEqual(phone.sent, rc(0, 0, 'recipients'));
  assert.deepEqual(phone.delivered, rc(0, null, 'sent'), 'nothing sent: the rate is not available');
  assert.deepEqual(phone.opened, { ...rc(0, null, 'delivered'), human: rc(0, null, 'delivered'), machine: rc(0, null, 'delivered') });
  assert.deepEqual([phone.responded, phone.leads, phone.unsubscribed], [rc(3, 0.6, 'recipients'), rc(2, 0.4, 'recipients'), rc(1, 0.2, 'recipients')]);

  assert.equal(free.ownCost, null);
  assert.equal(free.revenue, 500);
  for (const figure of [free.totalCost, free.profit, free.roi, free.costPerLead, free.costPerPurchaser]) assert.deepEqual(figure, missing('no-cost'));
});

test('a campaign without costs, revenue or recipients: every derived figure not available, every rate null', async () => {
  const { totals, events } = await stats('bare');
  assert.deepEqual(events, []);
  assert.deepEqual([totals.totalCost, totals.profit, totals.roi, totals.costPerLead], [missing('no-cost'), missing('no-cost'), missing('no-cost'), missing('no-cost')]);
  assert.equal(totals.revenue, null);
  assert.deepEqual(totals.sent, rc(0, null, 'recipients'));
  assert.deepEqual(totals.leads, rc(0, null, 'recipients'));
});

test('by default the figures are the roll-ups: a new line counts at the next read, asOf is the read, nothing to wait for', async () => {
  await insertHandMadeCampaign(testDb.db, 'hm-live');
  clock = T0;
  const first = await stats('hm-live');
  assert.equal(first.asOf, T0.toISOString());
  assert.equal(first.nextRefreshAt, T0.toISOString());
  assert.equal(first.totals.purchasers.count, 1);
  await addLines(testDb.db, 'hm-live', [{ recipient: 2, event: 'call', detail: 'purchased', at: 2000 }]);
  clock = new Date(T0.getTime() + 1000);
  const next = await stats('hm-live');
  assert.equal(next.asOf, clock.toISOString());
  assert.equal(next.totals.purchasers.count, 2);
  assert.deepEqual(next.totals.costPerPurchaser, value(750));
  assert.deepEqual(next, { ...(await stats('hm-live', '?fresh=1')), asOf: next.asOf, nextRefreshAt: next.nextRefreshAt }, 'the roll-ups equal the live recomputation');
  clock = T0;
});

test('with the snapshot option, asOf and nextRefreshAt; the snapshot stays as it was until the schedule or ?fresh=1 recomputes it', async () => {
  clock = T0;
  const stats = (campaignId: string, query = '') => statsOf(campaignId, query, snapshotApp);
  const first = await stats('hm-fresh');
  assert.equal(first.asOf, T0.toISOString());
  assert.equal(first.nextRefreshAt, new Date(T0.getTime() + 2 * HOUR).toISOString());
  assert.equal(first.totals.purchasers.count, 1);

  await addLines(testDb.db, 'hm-fresh', [{ recipient: 2, event: 'call', detail: 'purchased', at: 2000 }]);
  clock = new Date(T0.getTime() + HOUR);
  const stale = await stats('hm-fresh');
  assert.equal(stale.asOf, T0.toISOString(), 'still the snapshot of T0');
  assert.equal(stale.totals.purchasers.count, 1, 'the new purchase is not in it yet');

  const fresh = await stats('hm-fresh', '?fresh=1');
  assert.equal(fresh.asOf, clock.toISOString());
  assert.equal(fresh.nextRefreshAt, new Date(clock.getTime() + 2 * HOUR).toISOString());
  assert.equal(fresh.totals.purchasers.count, 2);
  assert.deepEqual(fresh.totals.costPerPurchaser, value(750));

  await addLines(testDb.db, 'hm-fresh', [{ recipient: 3, event: 'call', detail: 'purchased', at: 2100 }]);
  clock = new Date(T0.getTime() + 3 * HOUR - 1);
  assert.equal((await stats('hm-fresh')).totals.purchasers.count, 2, 'a millisecond before nextRefreshAt: the old snapshot');
  clock = new Date(T0.getTime() + 3 * HOUR);
  const due = await stats('hm-fresh');
  assert.equal(due.asOf, clock.toISOString(), 'at nextRefreshAt a read recomputes (a server that missed its timer)');
  assert.equal(due.totals.purchasers.count, 3);
  clock = T0;
});

test('the schedule recomputes every campaign; refreshAllSnapshots counts them', async () => {
  const campaigns = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns');
  assert.equal(await refreshAllSnapshots(testDb.db, () => T0), campaigns[0].n);
  const [row] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stats_snapshots WHERE as_of = $1', [T0.toISOString()]);
  assert.equal(row.n, campaigns[0].n);
  const later = new Date(T0.getTime() + 5 * HOUR);
  const schedule = scheduleSnapshots(testDb.db, 60_000, () => later);
  await schedule.stop();
  const [after] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stats_snapshots WHERE as_of = $1', [later.toISOString()]);
  assert.equal(after.n, campaigns[0].n, 'the first tick runs at once, and stop() waits for it');
});

test('404 for an unknown campaign, 422 naming fresh for a bad value', async () => {
  const unknown = await call(app, 'GET', '/api/campaigns/no-such-campaign/stats');
  assert.equal(unknown.status, 404);
  contract.check('GET', '/campaigns/{campaignId}/stats', unknown);
  const bad = await call(app, 'GET', '/api/campaigns/hm/stats?fresh=yes');
  assertFieldProblem(bad, 'fresh');
  contract.check('GET', '/campaigns/{campaignId}/stats', bad);
});

test('every seeded campaign: the counts agree with the lines counted one by one with the vocabulary', async () => {
  const details = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d]));
  const campaigns = (await call(app, 'GET', '/api/campaigns')).json as Page<Campaign>;
  for (const campaign of campaigns.items) {
    const answer = await stats(campaign.id, '?fresh=1');
    const lines = await testDb.db.query<{ recipient_id: string; detail_id: string; category_id: string; evidence_machine: boolean | null }>(
      'SELECT recipient_id, detail_id, category_id, evidence_machine FROM response_lines WHERE campaign_id = $1',
      [campaign.id],
    );
    const unique = (keep: (l: (typeof lines)[number]) => boolean) => new Set(lines.filter(keep).map((l) => l.recipient_id)).size;
    const t = answer.totals;
    assert.equal(t.leads.count, unique((l) => Boolean(details.get(l.detail_id)?.countsAs.lead)), `${campaign.id} leads`);
    assert.equal(t.purchasers.count, unique((l) => Boolean(details.get(l.detail_id)?.countsAs.purchase)), `${campaign.id} purchasers`);
    assert.equal(t.responded.count, unique((l) => Boolean(details.get(l.detail_id)?.countsAs.responded)), `${campaign.id} responded`);
    assert.equal(t.unsubscribed.count, unique((l) => Boolean(details.get(l.detail_id)?.countsAs.unsubscribe)), `${campaign.id} unsubscribed`);
    assert.equal(t.sent.count, t.delivered.count + t.bounced.count, `${campaign.id} sent = delivered + bounced`);
    assert.equal(t.opened.count, unique((l) => l.detail_id === 'opened'), `${campaign.id} opened`);
    assert.equal(t.opened.human.count, unique((l) => l.detail_id === 'opened' && l.evidence_machine !== true), `${campaign.id} human opens`);
    assert.equal(t.clickedThrough.machine.count, unique((l) => l.category_id === 'clicked-through' && l.evidence_machine === true), `${campaign.id} machine clicks`);
    const expectedCost = [campaign.baseCost, ...campaign.events.map((e) => e.cost)].filter((c): c is number => c !== null);
    assert.deepEqual(t.totalCost, expectedCost.length ? value(expectedCost.reduce((a, b) => a + b, 0)) : missing('no-cost'), campaign.id);
  }
  const webinar = await stats('webinar-analytics');
  assert.deepEqual(webinar.totals.profit, missing('no-revenue'), 'the seed leaves one campaign without revenue');
  const spring = await stats('spring-launch-2026');
  assert.equal(spring.totals.revenue, 21400 + 9850, 'seeded revenue per event, summed');
});

test('timeline: lines per UTC day of opens, clicks and responses, machines counted apart', async () => {
  const { timeline } = await stats('hm', '?fresh=1');
  assert.deepEqual(timeline, [
    // 2026-03-01: three opens (two by machines), four clicks (one by a machine), the purchase.
    { day: '2026-03-01', opened: 3, openedByMachine: 2, clickedThrough: 4, clickedByMachine: 1, responded: 1, purchased: 1 },
    // 2026-03-02: two calls answered and an unsubscribe (counted as responded).
    { day: '2026-03-02', opened: 0, openedByMachine: 0, clickedThrough: 0, clickedByMachine: 0, responded: 3, purchased: 0 },
  ]);
  assert.deepEqual((await stats('bare')).timeline, [], 'no lines, no days');
});

test('GET /campaigns and /campaigns/{id}: campaigns with events, as documented', async () => {
  const list = await call(app, 'GET', '/api/campaigns');
  contract.check('GET', '/campaigns', list);
  assert.ok((list.json as Page<Campaign>).items.some((c) => c.id === 'spring-launch-2026'));
  const one = await call(app, 'GET', '/api/campaigns/hm');
  contract.check('GET', '/campaigns/{campaignId}', one);
  assert.deepEqual((one.json as Campaign).events.map((e) => e.id), ['hm-mail', 'hm-call', 'hm-free']);
  const unknown = await call(app, 'GET', '/api/campaigns/nope');
  assert.equal(unknown.status, 404);
  contract.check('GET', '/campaigns/{campaignId}', unknown);
});

test('parseDuration: CR_STATS_REFRESH spellings', () => {
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('7200000'), 7_200_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  for (const bad of ['', 'soon', '-1h', '0', '2 hours']) assert.throws(() => parseDuration(bad), RangeError, bad);
});

test('a snapshot stored by an older server, without the skipped figure, is recomputed on read, not served', async () => {
  clock = T0;
  await stats('hm', '?fresh=1');
  await testDb.db.query(`UPDATE stats_snapshots SET stats = $2::json WHERE campaign_id = $1`, [
    'hm',
    JSON.stringify((({ totals: { skipped: _skipped, ...totals }, ...rest }) => ({ ...rest, totals }))((await stats('hm')) as CampaignStats)),
  ]);
  const answer = await stats('hm');
  assert.deepEqual(answer.totals.skipped, rc(0, 0, 'recipients'));
});
