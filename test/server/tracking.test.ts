// Sending an email event, the open pixel and the click redirect: what they record, and what they refuse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Delivery, SendResult } from '../../src/model/campaign-stats.js';
import type { Campaign } from '../../src/model/types.js';
import { SKIPPED_DETAIL, simulatedOutcome } from '../../server/tracking/delivery.js';
import { judgeClick, judgeOpen } from '../../server/tracking/machine-detect.js';
import { PIXEL_GIF } from '../../server/routes/tracking.js';
import { issueToken, loadTrackingSecret, trackingKey } from '../../server/tracking/tracking-token.js';
import { randomBytes } from 'node:crypto';
import { openDb } from '../../server/db/db.js';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { seed, seedDemoData, seedVocabulary } from '../../server/db/seed.js';
import { assertFieldProblem, call, ContractChecker, countLines, openTestDb, opensFolded, testApp, type Answer, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
const T0 = new Date('2026-07-01T10:00:00.000Z');
let clock = T0;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HUMAN_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const EVENT = 'spring-last-chance';
const SEND = `/api/campaigns/spring-launch-2026/events/${EVENT}/send`;
let delivered: Delivery[] = [];

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db, { now: () => clock });
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (delivery: Delivery) => /\/t\/o\/(.+)\.gif$/u.exec(pathOf(delivery.tracking?.openUrl ?? ''))?.[1] as string;

async function send(path = SEND): Promise<SendResult> {
  const answer = await call(app, 'POST', path);
  assert.equal(answer.status, 200, answer.text);
  contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/send', answer);
  return answer.json as SendResult;
}

async function open(token: string, userAgent: string | null = HUMAN_UA, on: Hono = app): Promise<Answer> {
  const answer = await call(on, 'GET', `/api/t/o/${token}.gif`, { token: null, headers: userAgent ? { 'User-Agent': userAgent } : {} });
  // Answered once stored in the open inbox; its line follows in the fold.
  await opensFolded(on);
  contract.check('GET', '/t/o/{token}.gif', answer);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('Content-Type'), 'image/gif');
  assert.match(answer.headers.get('Cache-Control') ?? '', /no-store/u);
  return answer;
}

async function click(token: string, linkId: string, userAgent: string | null = HUMAN_UA, on: Hono = app): Promise<Answer> {
  const answer = await call(on, 'GET', `/api/t/c/${token}/${linkId}`, { token: null, headers: userAgent ? { 'User-Agent': userAgent } : {} });
  contract.check('GET', '/t/c/{token}/{linkId}', answer);
  return answer;
}

async function newestLine(recipientId: string, eventId: string) {
  const [row] = await testDb.db.query<Record<string, unknown>>(
    `SELECT detail_id, category_id, link_id, link_url, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine,
            evidence_machine_reason, responded_at FROM response_lines WHERE recipient_id = $1 AND event_id = $2
      ORDER BY responded_at DESC, recorded_at DESC LIMIT 1`,
    [recipientId, eventId],
  );
  return row;
}

test('sending an email event: Sent or a bounce line per recipient, tracking URLs for the delivered, idempotent', async () => {
  clock = T0;
  const first = await send();
  assert.equal(first.deliveries.length, 6, 'every recipient of the campaign has an address');
  for (const d of first.deliveries) {
    // 42, 43 and 46 bounced hard on earlier mails (the seed): they are skipped.
    const expected = ['42', '43', '46'].includes(d.recipientId) ? SKIPPED_DETAIL : simulatedOutcome(d.recipientId, d.email, EVENT);
    assert.equal(d.outcome, expected, d.recipientId);
    assert.equal(d.newlySent, true);
    assert.equal(d.deliveredAt, T0.toISOString());
    assert.equal(d.tracking === null, d.outcome !== 'sent', 'tracking URLs only for a mail that arrived');
    if (d.tracking) {
      assert.deepEqual(d.tracking.links.map((l) => l.linkId), ['offer', 'compare', 'contact']);
      assert.equal(d.tracking.expiresAt, at(90 * 86_400_000).toISOString(), '90 days by default');
      assert.match(d.tracking.openUrl, /^http:\/\/localhost\/api\/t\/o\/[\w-]{8}\.[\w-]+\.[\w-]{43}\.gif$/u);
    }
  }
  delivered = first.deliveries.filter((d) => d.outcome === 'sent');
  assert.ok(delivered.length >= 2, 'at least two mails arrived (the hash makes it so for these addresses)');
  const lines = await testDb.db.query<{ recipient_id: string; detail_id: string; source: string; responded_at: Date }>(
    'SELECT recipient_id, detail_id, source, responded_at FROM response_lines WHERE event_id = $1 ORDER BY recipient_id',
    [EVENT],
  );
  assert.deepEqual(lines.map((l) => [l.recipient_id, l.detail_id, l.source, new Date(l.responded_at).toISOString()]),
    [...first.deliveries].sort((a, b) => a.recipientId.localeCompare(b.recipientId)).map((d) => [d.recipientId, d.outcome, 'tracked', T0.toISOString()]));

  clock = at(60_000);
  const again = await send();
  assert.deepEqual(again.deliveries.map((d) => [d.recipientId, d.outcome, d.deliveredAt, d.newlySent]),
    first.deliveries.map((d) => [d.recipientId, d.outcome, d.deliveredAt, false]), 'the same outcomes, nothing new');
  assert.equal(await countLines(testDb.db, 'event_id = $1', [EVENT]), 6, 'no line twice');
  const campaign = (await call(app, 'GET', '/api/campaigns/spring-launch-2026')).json as Campaign;
  const event = campaign.events.find((e) => e.id === EVENT);
  assert.deepEqual([event?.status, event?.date], ['completed', T0.toISOString()], 'the planned event is now completed, dated by the send');
});

test('send: 422 for a non-email event, 404 for an unknown event or one of another campaign, 401 without a token', async () => {
  const phone = await call(app, 'POST', '/api/campaigns/renewal-calls/events/renewal-round-1/send');
  assertFieldProblem(phone, 'eventId');
  contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/send', phone);
  for (const path of ['/api/campaigns/spring-launch-2026/events/nope/send', '/api/campaigns/renewal-calls/events/spring-announce/send']) {
    const missing = await call(app, 'POST', path);
    assert.equal(missing.status, 404, path);
    contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/send', missing);
  }
  const anonymous = await call(app, 'POST', SEND, { token: null });
  assert.equal(anonymous.status, 401);
  contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/send', anonymous);
});

test('the pixel records Opened with its evidence, every time, and answers the GIF with no-store', async () => {
  const [mail] = delivered;
  clock = at(3_600_000);
  await open(tokenOf(mail));
  const line = await newestLine(mail.recipientId, EVENT);
  assert.deepEqual(
    [line.detail_id, line.category_id, line.evidence_user_agent, line.evidence_seconds_since_delivery, line.evidence_machine, line.evidence_machine_reason],
    ['opened', 'received', HUMAN_UA, 3600, false, null],
  );
  clock = at(3_700_000);
  await open(tokenOf(mail));
  assert.equal(await countLines(testDb.db, 'event_id = $1 AND recipient_id = $2 AND detail_id = $3', [EVENT, mail.recipientId, 'opened']), 2, 'each open is a line');
  const head = await app.request(`/api/t/o/${tokenOf(mail)}.gif`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await countLines(testDb.db, 'event_id = $1 AND recipient_id = $2 AND detail_id = $3', [EVENT, mail.recipientId, 'opened']), 2, 'a HEAD is not an open');
  const raw = await app.request(`/api/t/o/${tokenOf(mail)}.gif`);
  assert.deepEqual(Buffer.from(await raw.arrayBuffer()), PIXEL_GIF, 'a 1×1 GIF');
  // An open too: folded before the next test counts lines.
  await opensFolded(app);
});

test('a click records Clicked Through for that link and redirects (302) to its registered URL', async () => {
  const [mail] = delivered;
  clock = at(3_900_000);
  const answer = await click(tokenOf(mail), 'compare');
  assert.equal(answer.status, 302);
  assert.equal(answer.headers.get('Location'), 'https://shop.example.com/compare?utm_campaign=spring26');
  assert.equal(answer.headers.get('Referrer-Policy'), 'no-referrer', 'the token must not leak to the shop as a Referer');
  assert.match(answer.headers.get('Cache-Control') ?? '', /no-store/u);
  const line = await newestLine(mail.recipientId, EVENT);
  assert.deepEqual(
    [line.detail_id, line.link_id, line.link_url, line.evidence_seconds_since_delivery, line.evidence_machine],
    ['clicked-through', 'compare', 'https://shop.example.com/compare?utm_campaign=spring26', 3900, false],
  );
});

test('forged, altered, foreign, expired or wrongly-signed tokens and unknown links: nothing recorded, nothing revealed', async () => {
  const [mail, other] = delivered;
  const token = tokenOf(mail);
  const [kid, payload, signature] = token.split('.');
  const flip = (text: string, i: number) => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string, number];
  const repack = (value: unknown) => `${kid}.${Buffer.from(JSON.stringify(value)).toString('base64url')}.${signature}`;
  const secret = await loadTrackingSecret(testDb.db);
  const bad: [string, string][] = [
    ['forged', `${Buffer.from('["47","spring-last-chance",9999999999]').toString('base64url')}.${'x'.repeat(43)}`],
    ['garbage', 'not-a-token'],
    ['signature altered', `${kid}.${payload}.${flip(signature, 10)}`],
    ['payload altered', `${kid}.${flip(payload, 3)}.${signature}`],
    ['key id altered', `${flip(kid, 2)}.${payload}.${signature}`],
    ['key id dropped', `${payload}.${signature}`],
    ['another recipient', repack([other.recipientId, claims[1], claims[2]])],
    ['another event', repack([claims[0], 'spring-announce', claims[2]])],
    ['a later expiry', repack([claims[0], claims[1], claims[2] + 86_400])],
    ['signed, for a recipient whose mail was skipped', issueToken(trackingKey(secret), { recipientId: '42', eventId: EVENT, expiresAt: at(86_400_000).getTime() })],
  ];
  clock = at(7_200_000);
  const before = await countLines(testDb.db);
  const bodies = new Set<string>();
  const refused = async (name: string, t: string, linkId = 'offer', on: Hono = app, badToken = true) => {
    // open() checks the answer is the GIF, no-store, as for a good token.
    if (badToken) await open(t, HUMAN_UA, on);
    const answer = await click(t, linkId, HUMAN_UA, on);
    assert.equal(answer.status, 404, `${name}: ${answer.text}`);
    assert.equal(answer.headers.get('Location'), null, `${name}: never a redirect`);
    const { type, title, detail } = answer.json as { type: string; title: string; detail: string };
    bodies.add(JSON.stringify({ type, title, detail }));
  };
  for (const [name, t] of bad) await refused(name, t);
  // A valid token with a link that is not this event's: altered, another event's, an outside URL.
  for (const linkId of ['offerx', 'pricing', encodeURIComponent('https://evil.example/'), 'OFFER']) await refused(`link ${linkId}`, token, linkId, app, false);
  await refused('signed with another secret', token, 'offer', testApp(testDb.db, { now: () => clock, trackingSecret: 'another secret, long enough: 32 bytes+' }));
  clock = at(90 * 86_400_000);
  await refused('expired (90 days after the send)', token);
  assert.equal(await countLines(testDb.db), before, 'not one line recorded');
  assert.equal(bodies.size, 1, `one and the same answer whatever was wrong: ${[...bodies].join(' | ')}`);
  clock = at(90 * 86_400_000 - 1000);
  assert.equal((await click(token, 'offer')).status, 302, 'a second before expiry it still works');
});

test('a stored link that is not http(s) is never a redirect target', async () => {
  await testDb.db.query(`INSERT INTO event_links (event_id, id, url, position) VALUES ($1, 'js', 'javascript:alert(1)', 9)`, [EVENT]);
  clock = at(86_400_000);
  const before = await countLines(testDb.db);
  const answer = await click(tokenOf(delivered[0]), 'js');
  assert.equal(answer.status, 404);
  assert.equal(answer.headers.get('Location'), null);
  assert.equal(await countLines(testDb.db), before);
});

test('machine evidence: privacy proxies, pre-fetch timing, known scanners, clicks faster than a person', async () => {
  await testDb.db.query(`INSERT INTO campaign_events (id, campaign_id, name, channel, status, cost) VALUES ('spring-machines', 'spring-launch-2026', 'Machines', 'email', 'planned', 10)`);
  for (const [i, id] of ['x', 'y', 'z'].entries()) {
    await testDb.db.query('INSERT INTO event_links (event_id, id, url, position) VALUES ($1, $2, $3, $4)', ['spring-machines', id, `https://example.com/${id}`, i]);
  }
  const T1 = new Date('2026-08-01T08:00:00.000Z');
  clock = T1;
  const mail = (await send('/api/campaigns/spring-launch-2026/events/spring-machines/send')).deliveries.find((d) => d.outcome === 'sent') as Delivery;
  const token = tokenOf(mail);
  const cases: [number, 'open' | string, string | null, boolean, RegExp | null][] = [
    [1_000, 'open', HUMAN_UA, true, /^Opened 1 s after delivery: a proxy pre-fetching/u],
    [3_000, 'x', HUMAN_UA, true, /^Clicked 3 s after delivery: a security scanner/u],
    [60_000, 'open', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/42.0 (via ggpht.com GoogleImageProxy)', true, /Google/u],
    [120_000, 'open', 'Mozilla/5.0', true, /Apple Mail Privacy Protection/u],
    [180_000, 'open', null, true, /No user agent/u],
    [240_000, 'y', 'Barracuda Sentinel (EE)', true, /Barracuda/u],
    [300_000, 'z', 'Microsoft Office/16.0 (Microsoft Outlook; SafeLinks scanner)', true, /Safe Links/u],
    [7_200_000, 'open', HUMAN_UA, false, null],
    [7_260_000, 'x', HUMAN_UA, false, null],
    [7_261_000, 'y', HUMAN_UA, true, /faster than a person/u],
    [7_900_000, 'z', HUMAN_UA, false, null],
  ];
  for (const [ms, what, ua, machine, reason] of cases) {
    clock = new Date(T1.getTime() + ms);
    if (what === 'open') await open(token, ua);
    else assert.equal((await click(token, what, ua)).status, 302);
    const line = await newestLine(mail.recipientId, 'spring-machines');
    const label = `${what} at +${ms / 1000} s by ${ua}`;
    assert.equal(line.detail_id, what === 'open' ? 'opened' : 'clicked-through', label);
    assert.equal(line.evidence_machine, machine, label);
    assert.equal(line.evidence_seconds_since_delivery, ms / 1000, label);
    if (reason) assert.match(String(line.evidence_machine_reason), reason, label);
    else assert.equal(line.evidence_machine_reason, null, label);
  }
  assert.equal(judgeOpen(HUMAN_UA, null).machine, false, 'no delivery time: judged by the agent alone');
  assert.equal(judgeClick('python-requests/2.32', 600, null).machine, true);
  assert.equal(judgeClick(HUMAN_UA, 600, 30).machine, false);
});

test('the tracking secret is made once and kept in the database: tokens outlive a restart', async () => {
  const rows = await testDb.db.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'tracking-secret'`);
  assert.equal(rows.length, 1);
  const restarted = testApp(testDb.db, { now: () => clock });
  clock = at(2 * 86_400_000);
  const before = await countLines(testDb.db);
  await open(tokenOf(delivered[1]), HUMAN_UA, restarted);
  assert.equal(await countLines(testDb.db), before + 1, 'a new app over the same database accepts the old token');
});

test('a bulk send: a few % bounce, the same outcome as the hash says; a hard bounce skips the next mail; concurrent sends deliver once', async () => {
  const db = testDb.db;
  await db.query(`INSERT INTO campaigns (id, title, currency) VALUES ('bulk', 'Bulk', 'USD')`);
  for (const id of ['bulk-1', 'bulk-2', 'bulk-3']) {
    await db.query(`INSERT INTO campaign_events (id, campaign_id, name, channel, status) VALUES ($1, 'bulk', $1, 'email', 'scheduled')`, [id]);
  }
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone)
                  SELECT 'bulk-' || g, 'Bulk ' || g, CASE WHEN g = 400 THEN NULL ELSE 'bulk' || g || '@example.org' END, 'UTC' FROM generate_series(1, 400) g`);
  await db.query(`INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT 'bulk', 'bulk-' || g FROM generate_series(1, 400) g`);
  clock = T0;
  const first = await send('/api/campaigns/bulk/events/bulk-1/send');
  assert.equal(first.deliveries.length, 399);
  assert.deepEqual(first.withoutEmail, [{ recipientId: 'bulk-400', recipientName: 'Bulk 400' }]);
  for (const d of first.deliveries) assert.equal(d.outcome, simulatedOutcome(d.recipientId, d.email, 'bulk-1'), d.recipientId);
  const bounced = first.deliveries.filter((d) => d.outcome !== 'sent');
  assert.ok(bounced.length >= 4 && bounced.length <= 60, `${bounced.length} of 399 bounced`);
  const hard = new Set(first.deliveries.filter((d) => d.categoryId === 'bounced' && ['mailbox-disabled', 'mailbox-not-accepting', 'invalid-sender-address'].includes(d.outcome)).map((d) => d.recipientId));
  assert.ok(hard.size > 0 && hard.size < bounced.length, 'hard and soft bounces both occur');
  clock = at(86_400_000);
  const second = await send('/api/campaigns/bulk/events/bulk-2/send');
  for (const d of second.deliveries) {
    assert.equal(d.outcome, hard.has(d.recipientId) ? SKIPPED_DETAIL : simulatedOutcome(d.recipientId, d.email, 'bulk-2'), d.recipientId);
  }
  const [a, b] = await Promise.all([call(app, 'POST', '/api/campaigns/bulk/events/bulk-3/send'), call(app, 'POST', '/api/campaigns/bulk/events/bulk-3/send')]);
  assert.deepEqual([a.status, b.status], [200, 200]);
  assert.equal(await countLines(db, `event_id = 'bulk-3'`), 399, 'two sends at once: one line per recipient');
});

test('a database seeded before tracking existed gets links, deliveries, revenue and the unsent demo event on its next start', async () => {
  const schema = process.env.DATABASE_URL ? `cr_test_${randomBytes(6).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, schema });
  try {
    const [initial] = await loadMigrations();
    await migrate(db, [initial]);
    await db.transaction((tx) => seedVocabulary(tx));
    await seedDemoData(db);
    await db.query(`DELETE FROM campaign_events WHERE id = 'spring-last-chance'`);
    await migrate(db);
    await seed(db);
    const [row] = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM campaign_events WHERE id = 'spring-last-chance') AS demo_event,
              (SELECT count(*)::int FROM event_links WHERE event_id = 'spring-announce') AS links,
              (SELECT count(*)::int FROM event_deliveries WHERE event_id = 'spring-announce') AS deliveries,
              (SELECT count(*)::int FROM event_deliveries WHERE event_id = 'expo-follow-up' AND recipient_id = '48' AND detail_id = 'skipped-previous-hard-bounce') AS skipped,
              (SELECT revenue::float8 FROM campaign_events WHERE id = 'spring-announce') AS revenue`,
    );
    assert.deepEqual({ ...row }, { demo_event: 1, links: 2, deliveries: 6, skipped: 1, revenue: 21400 });
    const links = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_links'))[0].n;
    const before = await links();
    await db.query(`DELETE FROM event_links WHERE event_id = 'spring-announce'`);
    await seed(db);
    assert.equal(await links(), before - 2, 'applied once: a link deleted since stays deleted');
  } finally {
    if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  }
});
