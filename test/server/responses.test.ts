// PUT /responses/{id}: validation of every field, repeat-safety, conflicts, Idempotency-Key.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { purgeIdempotencyKeys } from '../../server/http/idempotency.js';
import type { ResponseLine } from '../../src/model/types.js';
import { assertFieldProblem, call, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
const put = <Body extends { id: string }>(body: Body, init: Parameters<typeof call>[3] = {}) =>
  call(app, 'PUT', `/api/responses/${body.id}`, { body, ...init });

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

test('the same PUT twice stores one line and answers the same status and body', async () => {
  const line = newLine();
  const first = await put(line);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.headers.get('Idempotent-Replayed'), null);
  const second = await put(line);
  assert.equal(second.status, 201);
  assert.equal(second.text, first.text, 'byte-for-byte the same answer');
  assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
});

test('a repeat spelt differently (uppercase id, same instant with an offset, keys reordered) is the same line', async () => {
  const line = newLine({ respondedAt: '2026-05-20T11:30:00+02:00' });
  const first = await put(line);
  assert.equal(first.status, 201);
  assert.equal((first.json as ResponseLine).respondedAt, '2026-05-20T09:30:00.000Z', 'stored in UTC');
  const upper = line.id.toUpperCase();
  const reordered = { note: line.note, respondedAt: '2026-05-20T09:30:00Z', detailId: line.detailId, eventId: line.eventId,
    campaignId: line.campaignId, recipientId: line.recipientId, id: upper };
  const second = await call(app, 'PUT', `/api/responses/${upper}`, { body: reordered });
  assert.equal(second.status, 201);
  assert.equal(second.text, first.text);
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
});

test('the same id with another body is a 409 conflict, and the stored line is unchanged', async () => {
  const line = newLine();
  const first = await put(line);
  for (const change of [{ note: 'edited' }, { detailId: 'purchased' }, { respondedAt: '2026-05-21T09:30:00.000Z' }, { eventId: 'renewal-round-1' }]) {
    const answer = await put({ ...line, ...change });
    assert.equal(answer.status, 409, JSON.stringify(change));
    assert.equal(answer.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((answer.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/conflict');
  }
  const [row] = await testDb.db.query<{ note: string }>('SELECT note FROM response_lines WHERE id = $1', [line.id]);
  assert.equal(row.note, line.note);
  assert.equal((await put(line)).text, first.text);
});

test('identical PUTs sent at once store one line and all answer the same', async () => {
  const line = newLine();
  const answers = await Promise.all(Array.from({ length: 6 }, () => put(line)));
  assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
  assert.equal(new Set(answers.map((a) => a.text)).size, 1);
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
});

test('each invalid field is a 422 that names it', async () => {
  const cases: [string, Record<string, unknown>][] = [
    ['detailId', { detailId: 'no-such-detail' }],
    ['detailId', { detailId: 'opened', campaignId: 'spring-launch-2026', eventId: 'spring-announce' }], // tracked only
    ['detailId', { detailId: 'clicked-through' }],
    ['eventId', { eventId: 'spring-announce' }], // an event of another campaign
    ['eventId', { eventId: 'no-such-event' }],
    ['campaignId', { campaignId: 'catalog-q1', eventId: 'catalog-drop' }], // not sent to 42
    ['campaignId', { campaignId: 'no-such-campaign' }],
    ['recipientId', { recipientId: 'no-such-recipient' }],
    ['respondedAt', { respondedAt: 'yesterday' }],
    ['respondedAt', { respondedAt: '2026-02-30T10:00:00Z' }],
    ['respondedAt', { respondedAt: '2026-03-04T10:00:00' }], // no zone: not an instant
    ['respondedAt', { respondedAt: 1_780_000_000_000 }],
    ['respondedAt', { respondedAt: new Date(Date.now() + 3_600_000).toISOString() }], // an hour ahead
    ['note', { note: 'n'.repeat(4001) }],
    ['note', { note: null }],
    ['id', { id: 'not-a-uuid' }],
    ['recipientId', { recipientId: undefined }],
  ];
  for (const [field, change] of cases) {
    const body = { ...newLine(), ...change };
    const answer = await call(app, 'PUT', `/api/responses/${encodeURIComponent(String(body.id))}`, { body });
    assertFieldProblem(answer, field);
  }
  assert.equal((await put(newLine({ note: 'n'.repeat(4000) }))).status, 201, '4,000 characters is allowed');
  const aMinuteAhead = new Date(Date.now() + 60_000).toISOString();
  assert.equal((await put(newLine({ respondedAt: aMinuteAhead }))).status, 201, 'a clock a minute fast is tolerated');
});

test('a date before the campaign reached anyone is a 422 on respondedAt: a day before its first event, or 1970 where none is dated', async () => {
  // Annual Renewal Calls' first event is 2026-03-18 14:00 UTC (day -75 of the seed).
  const refused = await put(newLine({ respondedAt: '1926-11-20T10:00:00.000Z' }));
  assertFieldProblem(refused, 'respondedAt');
  assert.equal(refused.headers.get('Content-Type'), 'application/problem+json');
  assert.match((refused.json as { detail: string }).detail, /respondedAt: lies before the campaign's first event \(Renewal calls, round 1, 2026-03-18\)/);
  assertFieldProblem(await put(newLine({ respondedAt: '0026-11-20T10:00:00.000Z' })), 'respondedAt');
  assertFieldProblem(await put(newLine({ respondedAt: '2026-03-17T13:59:00.000Z' })), 'respondedAt');
  assert.equal((await put(newLine({ respondedAt: '2026-03-17T14:00:00.000Z' }))).status, 201, 'the day before the event counts (a zone west of UTC)');
  await testDb.db.query(`INSERT INTO campaigns (id, title, currency) VALUES ('undated', 'Undated', 'USD')`);
  await testDb.db.query(`INSERT INTO campaign_events (id, campaign_id, name, channel, status) VALUES ('undated-call', 'undated', 'Call', 'phone', 'planned')`);
  await testDb.db.query(`INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ('undated', '42')`);
  try {
    const undated = { campaignId: 'undated', eventId: 'undated-call' };
    const before1970 = await put(newLine({ ...undated, respondedAt: '1969-12-31T23:59:00.000Z' }));
    assertFieldProblem(before1970, 'respondedAt');
    assert.match((before1970.json as { detail: string }).detail, /lies before 1970/);
    assert.equal((await put(newLine({ ...undated, respondedAt: '1970-01-01T00:00:00.000Z' }))).status, 201);
  } finally {
    await testDb.db.query("DELETE FROM response_lines WHERE campaign_id = 'undated'");
    await testDb.db.query("DELETE FROM campaigns WHERE id = 'undated'");
  }
});

test('the id in the path must equal the id in the body (422 on id)', async () => {
  const line = newLine();
  const answer = await call(app, 'PUT', `/api/responses/${crypto.randomUUID()}`, { body: line });
  assertFieldProblem(answer, 'id');
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 0);
});

test('a detail that does not apply to the event channel is a 422 on detailId', async () => {
  // The default vocabulary has no hand-entered email-only detail, so this backend adds two.
  await testDb.db.query(
    `INSERT INTO response_details (id, label, category_id, channel_scope, entry, legacy_email_only, position)
     VALUES ('replied-by-email', 'Replied by Email', 'responded', 'email', 'manual', false, 100),
            ('legacy-reply', 'Replied (classic mailer)', 'responded', 'email', 'manual', true, 101)`,
  );
  try {
    const phone = await put(newLine({ detailId: 'replied-by-email' }));
    assertFieldProblem(phone, 'detailId');
    const email = { campaignId: 'spring-launch-2026', eventId: 'spring-announce' };
    assert.equal((await put(newLine({ ...email, detailId: 'replied-by-email' }))).status, 201);
    assertFieldProblem(await put(newLine({ ...email, detailId: 'legacy-reply' })), 'detailId');
    const legacy = { campaignId: 'newsletter-legacy', eventId: 'newsletter-jan' };
    assert.equal((await put(newLine({ ...legacy, detailId: 'legacy-reply' }))).status, 201);
  } finally {
    await testDb.db.query("DELETE FROM response_lines WHERE detail_id IN ('replied-by-email', 'legacy-reply')");
    await testDb.db.query("DELETE FROM response_details WHERE id IN ('replied-by-email', 'legacy-reply')");
  }
});

test('malformed JSON is 400, another content type 415, a body over 64 KB 413', async () => {
  const line = newLine();
  const malformed = await call(app, 'PUT', `/api/responses/${line.id}`, { body: '{"id": "x",' });
  assert.equal(malformed.status, 400);
  assert.equal((malformed.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/malformed-request');
  const form = await call(app, 'PUT', `/api/responses/${line.id}`, {
    body: new URLSearchParams({ id: line.id }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.status, 415);
  const large = await put({ ...line, note: 'x'.repeat(64 * 1024) });
  assert.equal(large.status, 413);
  assert.equal((large.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/payload-too-large');
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 0);
});

test('the author is the caller, never a header: X-CR-Author is ignored; the service token writes as "API token"', async () => {
  const forged = await put(newLine(), { headers: { 'X-CR-Author': encodeURIComponent('Jürgen Müller') } });
  assert.equal((forged.json as ResponseLine).author, 'API token');
  const line = newLine();
  const named = await call(testApp(testDb.db, { tokenName: 'Nightly import' }), 'PUT', `/api/responses/${line.id}`, { body: line });
  assert.equal(named.status, 201, named.text);
  assert.equal((named.json as ResponseLine).author, 'Nightly import');
});

test('recordedAt is the server clock and the category is derived from the detail (sending either is a 422)', async () => {
  const fixed = testApp(testDb.db, { now: () => new Date('2026-06-01T08:00:00.123Z') });
  const line = newLine({ detailId: 'purchased' });
  const refused = await call(fixed, 'PUT', `/api/responses/${line.id}`, { body: { ...line, categoryId: 'bounced', recordedAt: 'x' } });
  assertFieldProblem(refused, 'categoryId');
  assertFieldProblem(refused, 'recordedAt');
  const answer = await call(fixed, 'PUT', `/api/responses/${line.id}`, { body: line });
  const stored = answer.json as ResponseLine;
  assert.equal(stored.recordedAt, '2026-06-01T08:00:00.123Z');
  assert.equal(stored.categoryId, 'purchased');
  assert.equal(stored.link, null);
  assert.equal(stored.evidence, null);
});

test('Idempotency-Key: the same request replays the stored answer; the key on another request is refused', async () => {
  const line = newLine();
  const key = `op-${crypto.randomUUID()}`;
  const first = await put(line, { headers: { 'Idempotency-Key': key } });
  assert.equal(first.status, 201);
  const replay = await put(line, { headers: { 'Idempotency-Key': key } });
  assert.equal(replay.status, 201);
  assert.equal(replay.text, first.text);
  assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);

  const other = newLine();
  const reused = await put(other, { headers: { 'Idempotency-Key': key } });
  assert.equal(reused.status, 422, 'the key reused with another payload (IETF draft: 422)');
  assert.equal((reused.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/idempotency-key-reused');
  assert.equal(await countLines(testDb.db, 'id = $1', [other.id]), 0);
  const sameLineOtherBody = await put({ ...line, note: 'changed' }, { headers: { 'Idempotency-Key': key } });
  assert.equal(sameLineOtherBody.status, 409, 'the same line with another body is a conflict, key or not');

  const stored = await testDb.db.query<{ status: number; method: string }>('SELECT status, method FROM idempotency_keys WHERE key = $1', [key]);
  assert.deepEqual(stored.map((r) => [r.status, r.method]), [[201, 'PUT']]);
});

test('a refused request stores no key, so the corrected request may use it', async () => {
  const key = `op-${crypto.randomUUID()}`;
  const line = newLine();
  assertFieldProblem(await put({ ...line, detailId: 'nope' }, { headers: { 'Idempotency-Key': key } }), 'detailId');
  assert.equal((await put(line, { headers: { 'Idempotency-Key': key } })).status, 201);
  const badKey = await put(newLine(), { headers: { 'Idempotency-Key': 'has space' } });
  assert.equal(badKey.status, 400);
});

test('idempotency keys are kept at least 8 days: the purge removes only those older than 10', async () => {
  const insert = (key: string, days: number) =>
    testDb.db.query(
      `INSERT INTO idempotency_keys (principal_id, key, method, path, request_hash, status, response_body, created_at)
       VALUES ('service', $1, 'DELETE', '/api/x', 'h', 200, '{}', now() - make_interval(days => $2))`,
      [key, days],
    );
  await insert('aged-8-days', 8);
  await insert('aged-9-days', 9);
  await insert('aged-11-days', 11);
  const purged = await purgeIdempotencyKeys(testDb.db);
  assert.ok(purged >= 1);
  const left = (await testDb.db.query<{ key: string }>("SELECT key FROM idempotency_keys WHERE key LIKE 'aged-%' ORDER BY key")).map((r) => r.key);
  assert.deepEqual(left, ['aged-8-days', 'aged-9-days']);
  await assert.rejects(purgeIdempotencyKeys(testDb.db, 7), RangeError);
});
