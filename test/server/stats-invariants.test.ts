// The statistics add up, over random campaigns: deliveries through the real send (bounces and skips
// included), opens and clicks through the real tracking, lines imported from older systems that
// contradict each other, and hand-entered responses. The invariants are in test/support/stats-invariants.ts.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { recordClick, recordOpen, sendEvent, SKIPPED_DETAIL } from '../../server/tracking/delivery.js';
import { seedResponseLines } from '../../server/db/seed.js';
import { SEED_CAMPAIGNS } from '../../server/db/seed-data.js';
import { computeStats, computeSummary } from '../../server/stats/stats.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import { statsProblems } from '../support/stats-invariants.js';
import { openTestDb, type TestDb } from './helpers.js';

let testDb: TestDb;
before(async () => {
  testDb = await openTestDb();
});
after(() => testDb.cleanup());

const categoryOf = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d.categoryId]));
const CHANNELS = ['email', 'email', 'phone', 'event', 'direct-mail'] as const;
/** What an older system or an import may have left on one message, contradictions included. */
const IMPORTED: readonly (readonly string[])[] = [
  [], ['sent'], ['sent', 'mailbox-full'], ['sent', 'mailbox-disabled'], ['mailbox-disabled'], ['skipped-previous-hard-bounce'],
  ['sent', 'skipped-previous-hard-bounce'], ['failed-spam'], ['sent', 'failed-delivery-failure'], ['mailbox-full', 'mailbox-disabled'],
  ['sent', 'opened'], ['sent', 'opened', 'clicked-through'], ['mailbox-full', 'opened'], ['clicked-through'],
];
const MANUAL = ['responded', 'purchased', 'subscribed', 'unsubscribed', 'received', 'unsubscribed-feedback-loop'] as const;
const AGENTS = [null, 'Mozilla/5.0', 'GoogleImageProxy', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', 'Barracuda Sentinel'] as const;

const campaignArb = fc.record({
  recipients: fc.integer({ min: 1, max: 6 }),
  /** Recipients with lines who are not (or no longer) recipients of the campaign. */
  outsiders: fc.integer({ min: 0, max: 1 }),
  baseCost: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  events: fc.array(
    fc.record({
      channel: fc.constantFrom(...CHANNELS),
      cost: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      revenue: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }),
      /** Email: sent through the real send (else lines only). */
      send: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  /** Per recipient × event, in order: imported lines, tracked opens and clicks, hand-entered lines. */
  messages: fc.array(
    fc.record({
      imported: fc.constantFrom(...IMPORTED),
      opens: fc.array(fc.record({ agent: fc.constantFrom(...AGENTS), seconds: fc.integer({ min: 0, max: 90_000 }) }), { maxLength: 3 }),
      clicks: fc.array(fc.record({ agent: fc.constantFrom(...AGENTS), seconds: fc.integer({ min: 0, max: 90_000 }) }), { maxLength: 3 }),
      manual: fc.array(fc.constantFrom(...MANUAL), { maxLength: 2 }),
    }),
    { minLength: 35, maxLength: 35 },
  ),
});

type CampaignSpec = typeof campaignArb extends fc.Arbitrary<infer T> ? T : never;
const T0 = Date.UTC(2026, 5, 1, 9);

async function insertCampaign(spec: CampaignSpec): Promise<string> {
  const db = testDb.db;
  const id = `p-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO campaigns (id, title, currency, base_cost) VALUES ($1, $1, 'EUR', $2)`, [id, spec.baseCost]);
  for (const [i, e] of spec.events.entries()) {
    await db.query(
      `INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost, revenue) VALUES ($1, $2, $1, $3, $4, 'completed', $5, $6)`,
      [`${id}-e${i}`, id, e.channel, new Date(T0 + i * 86_400_000).toISOString(), e.cost, e.revenue],
    );
  }
  const people = spec.recipients + spec.outsiders;
  for (let r = 0; r < people; r += 1) {
    await db.query('INSERT INTO recipients (id, display_name, email, time_zone) VALUES ($1, $1, $2, $3)', [`${id}-r${r}`, `r${r}@${id}.example`, 'UTC']);
    if (r < spec.recipients) await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ($1, $2)', [id, `${id}-r${r}`]);
  }
  const line = (recipient: string, eventId: string, detailId: string, at: number, source: string) =>
    db.query(
      `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
      [randomUUID(), recipient, id, eventId, detailId, categoryOf.get(detailId), new Date(at).toISOString(), source],
    );
  for (const [i, e] of spec.events.entries()) {
    const eventId = `${id}-e${i}`;
    const sentAt = T0 + i * 86_400_000;
    if (e.channel === 'email') await db.query(`INSERT INTO event_links (event_id, id, url, position) VALUES ($1, 'l', 'https://example.com/', 0) ON CONFLICT DO NOTHING`, [eventId]);
    if (e.channel === 'email' && e.send) await db.transaction((tx) => sendEvent(tx, id, eventId, new Date(sentAt)));
    for (let r = 0; r < people; r += 1) {
      const recipient = `${id}-r${r}`;
      const message = spec.messages[(i * 7 + r) % spec.messages.length];
      if (!(e.channel === 'email' && e.send)) for (const detailId of message.imported) await line(recipient, eventId, detailId, sentAt, 'import');
      const claims = { recipientId: recipient, eventId, expiresAt: sentAt + 86_400_000 * 30 };
      for (const open of message.opens) await recordOpen(db, claims, open.agent, `client-${open.agent ?? 'none'}`, new Date(sentAt + open.seconds * 1000));
      for (const click of message.clicks) await recordClick(db, claims, 'l', click.agent, new Date(sentAt + click.seconds * 1000));
      for (const [k, detailId] of message.manual.entries()) await line(recipient, eventId, detailId, sentAt + (k + 1) * 3_600_000, 'manual');
    }
  }
  return id;
}

test('sent = delivered + bounced, bounced = hard + soft, rates within their divisors, unique counts within recipients, costs and revenue add up', async () => {
  await fc.assert(
    fc.asyncProperty(campaignArb, async (spec) => {
      const id = await insertCampaign(spec);
      const stats = await computeStats(testDb.db, id);
      assert.ok(stats);
      assert.deepEqual(statsProblems(stats), []);
      // The summary counts lines: its events' lines add up to the campaign's.
      const summary = await computeSummary(testDb.db, id);
      assert.ok(summary);
      assert.equal(summary.byEvent.reduce((sum, e) => sum + e.lines, 0), summary.total.lines);
      assert.equal(summary.byCategory.reduce((sum, c) => sum + c.lines, 0), summary.total.lines);
    }),
    { numRuns: 25, includeErrorInReport: true },
  );
});

test('a recipient skipped after a hard bounce is not sent, and a bounce overrides the Sent line before it', async () => {
  const id = await insertCampaign({
    recipients: 3,
    outsiders: 0,
    baseCost: null,
    events: [
      { channel: 'email', cost: null, revenue: null, send: false },
      { channel: 'email', cost: null, revenue: null, send: false },
    ],
    // Event 0: r0 delivered, r1 Sent then a hard bounce, r2 Sent then a soft one. Event 1: r0 delivered, r1 skipped, r2 delivered.
    messages: [
      ['sent'], ['sent', 'mailbox-disabled'], ['sent', 'mailbox-full'], [], [], [], [],
      ['sent'], ['skipped-previous-hard-bounce'], ['sent'],
    ].map((imported) => ({ imported, opens: [], clicks: [], manual: [] })),
  });
  const stats = await computeStats(testDb.db, id);
  assert.ok(stats);
  const [first, second] = stats.events;
  assert.deepEqual([first.sent.count, first.delivered.count, first.hardBounced.count, first.softBounced.count], [3, 1, 1, 1]);
  assert.deepEqual([second.sent.count, second.delivered.count, second.bounced.count, second.skipped.count], [2, 2, 0, 1]);
  // Over the campaign r2 got a message through; r1 never did.
  assert.deepEqual([stats.totals.sent.count, stats.totals.delivered.count, stats.totals.hardBounced.count, stats.totals.softBounced.count], [3, 2, 1, 0]);
});

test('the demo data: no email is sent to an address after it bounced hard, and every seeded campaign adds up', async () => {
  const details = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d]));
  const lines = seedResponseLines();
  const emailEvents = new Set(SEED_CAMPAIGNS.flatMap((c) => c.events.filter((e) => e.channel === 'email').map((e) => e.id)));
  for (const bounce of lines.filter((l) => details.get(l.detailId)?.bounce === 'hard' && l.detailId !== SKIPPED_DETAIL)) {
    const later = lines.filter((l) => l.recipientId === bounce.recipientId && emailEvents.has(l.eventId) && l.respondedAt > bounce.respondedAt);
    assert.deepEqual(later.filter((l) => l.detailId === 'sent' || l.detailId === 'opened' || l.detailId === 'clicked-through').map((l) => `${l.eventId} ${l.detailId}`), [],
      `recipient ${bounce.recipientId} after the hard bounce of ${bounce.respondedAt.toISOString()}`);
  }
  for (const { id } of await testDb.db.query<{ id: string }>('SELECT id FROM campaigns')) {
    const stats = await computeStats(testDb.db, id);
    assert.ok(stats);
    assert.deepEqual(statsProblems(stats), [], id);
  }
});

test('the demo\'s Last-chance email, sent: the three addresses that bounced hard before are skipped, not counted as sent', async () => {
  await testDb.db.transaction((tx) => sendEvent(tx, 'spring-launch-2026', 'spring-last-chance', new Date('2026-06-01T09:00:00.000Z')));
  const stats = await computeStats(testDb.db, 'spring-launch-2026');
  assert.ok(stats);
  const lastChance = stats.events.find((e) => e.eventId === 'spring-last-chance');
  assert.ok(lastChance);
  assert.equal(lastChance.skipped.count, 3);
  assert.equal(lastChance.sent.count + lastChance.skipped.count, 6);
  assert.equal(lastChance.sent.count, lastChance.delivered.count + lastChance.bounced.count);
  assert.deepEqual(statsProblems(stats), []);
});
