// GET /api/changes: Server-Sent Events from the change log, filtered, authenticated, resumable
// without a gap, reset when the log no longer reaches back, with heartbeats, a bound per principal,
// and an end when the token expires.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { purgeExpired } from '../../server/audit/retention.js';
import { optionsFromEnv } from '../../server/env-options.js';
import { ALLOWED_ORIGIN, call, ContractChecker, newLine, openTestDb, testApp, type TestDb } from './helpers.js';
import { openSse } from './live-stream.js';
import { AUDIENCE, startLocalIssuer, type LocalIssuer } from './oidc-fixture.js';

let testDb: TestDb;
let app: Hono;
let idp: LocalIssuer;
let contract: ContractChecker;

before(async () => {
  testDb = await openTestDb();
  idp = await startLocalIssuer();
  app = testApp(testDb.db, { oidc: { issuer: idp.issuer, audience: AUDIENCE, jwksCooldownMs: 0 }, sseHeartbeatMs: 60_000, sseMaxPerPrincipal: 2 });
  contract = await ContractChecker.load(app);
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

async function add(overrides: Parameters<typeof newLine>[0] = {}) {
  const line = newLine(overrides);
  const answer = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line });
  assert.equal(answer.status, 201, answer.text);
  return line;
}

const dataOf = (event: { data: string }) => JSON.parse(event.data) as Record<string, unknown>;

test("a stream starts with a ready event carrying the newest id, then pushes its recipient's changes and nobody else's", async () => {
  const stream = await openSse(app, 'recipientId=42');
  try {
    assert.equal(stream.status, 200);
    assert.match(stream.response.headers.get('Content-Type') ?? '', /^text\/event-stream/u);
    const ready = await stream.nextEvent('ready');
    assert.equal(dataOf(ready).resumed, false);
    await add({ recipientId: '44' });
    const mine = await add({ recipientId: '42' });
    const change = await stream.nextEvent('change');
    const data = dataOf(change);
    assert.deepEqual({ ...data, at: undefined, line: undefined }, {
      id: Number(change.id), kind: 'line-added', recipientId: '42', campaignId: 'renewal-calls', lineId: mine.id, at: undefined, line: undefined,
    });
    assert.deepEqual([(data.line as { id: string }).id, (data.line as { note: string }).note], [mine.id, mine.note], 'the line comes with it');
    assert.ok(contract.ajv.validate({ $ref: 'oas#/components/schemas/Change' }, data), contract.ajv.errorsText());
    assert.ok(Number(change.id) > Number(ready.id));
  } finally {
    await stream.close();
  }
});

test('a campaign stream gets every recipient of its campaign; both filters together narrow it', async () => {
  const campaign = await openSse(app, 'campaignId=renewal-calls');
  const both = await openSse(app, 'campaignId=renewal-calls&recipientId=46', { token: await idp.mint({ sub: 'user-both' }) });
  try {
    await campaign.nextEvent('ready');
    await both.nextEvent('ready');
    const first = await add({ recipientId: '44' });
    const second = await add({ recipientId: '46' });
    assert.equal(dataOf(await campaign.nextEvent('change')).lineId, first.id);
    assert.equal(dataOf(await campaign.nextEvent('change')).lineId, second.id);
    assert.equal(dataOf(await both.nextEvent('change')).lineId, second.id);
  } finally {
    await campaign.close();
    await both.close();
  }
});

test('Last-Event-ID (header or lastEventId) resumes after that id, missing nothing made while away', async () => {
  const first = await openSse(app, 'recipientId=42');
  const from = (await first.nextEvent('ready')).id as string;
  await first.close();
  const made = [await add(), await add(), await add()];
  for (const resume of [{ headers: { 'Last-Event-ID': from } }, { query: `&lastEventId=${from}` }]) {
    const stream = await openSse(app, `recipientId=42${resume.query ?? ''}`, { headers: resume.headers });
    try {
      const ready = await stream.nextEvent('ready');
      assert.equal(ready.id, from);
      assert.equal(dataOf(ready).resumed, true);
      const seen = [];
      for (const _ of made) seen.push(dataOf(await stream.nextEvent('change')).lineId);
      assert.deepEqual(seen, made.map((l) => l.id));
    } finally {
      await stream.close();
    }
  }
});

test('an id older than the log reaches back, or one it never handed out, gets one reset event', async () => {
  const first = await openSse(app, 'recipientId=42');
  const from = Number((await first.nextEvent('ready')).id);
  await first.close();
  await add();
  // Far in the future, every row is past any retention.
  await purgeExpired(testDb.db, new Date(Date.now() + 400 * 86_400_000), { changeLogDays: 1, restoreDays: 365, auditRetentionDays: 3650 });
  for (const lastId of [from, 999_999_999]) {
    const stream = await openSse(app, `recipientId=42&lastEventId=${lastId}`);
    try {
      const reset = await stream.next();
      assert.equal(reset?.event, 'reset');
      assert.equal(dataOf(reset).reason, lastId === from ? 'pruned' : 'unknown-id');
      const line = await add();
      assert.equal(dataOf(await stream.nextEvent('change')).lineId, line.id, 'the stream goes on after the reset');
    } finally {
      await stream.close();
    }
  }
});

test('a stream needs a token, read, a filter and a well-formed id; answers are problems the contract documents', async () => {
  const anonymous = await call(app, 'GET', '/api/changes?recipientId=42', { token: null });
  assert.equal(anonymous.status, 401);
  contract.check('GET', '/changes', anonymous);
  const noFilter = await call(app, 'GET', '/api/changes');
  assert.equal(noFilter.status, 422);
  contract.check('GET', '/changes', noFilter);
  const badId = await call(app, 'GET', '/api/changes?recipientId=42&lastEventId=abc');
  assert.equal(badId.status, 422);
  const noRead = await call(app, 'GET', '/api/changes?recipientId=42', { token: await idp.mint({ sub: 'nobody', roles: [] }) });
  assert.equal(noRead.status, 403);
  contract.check('GET', '/changes', noRead);
});

test('an idle stream sends a heartbeat comment every CR_SSE_HEARTBEAT_MS', async () => {
  const quick = testApp(testDb.db, { sseHeartbeatMs: 50 });
  const stream = await openSse(quick, 'recipientId=43');
  try {
    await stream.nextEvent('ready');
    const beat = await stream.next(2_000);
    assert.equal(beat?.comment, 'heartbeat');
    assert.equal((await stream.next(2_000))?.comment, 'heartbeat');
  } finally {
    await stream.close();
  }
  assert.deepEqual(optionsFromEnv({ CR_SSE_HEARTBEAT_MS: '5s', CR_SSE_MAX_PER_PRINCIPAL: '3', CR_SSE_WRITE_TIMEOUT_MS: '10s' }, '2h'), {
    ...optionsFromEnv({ CR_SSE_HEARTBEAT_MS: '5s', CR_SSE_MAX_PER_PRINCIPAL: '3', CR_SSE_WRITE_TIMEOUT_MS: '10s' }, '2h'),
    sseHeartbeatMs: 5_000, sseMaxPerPrincipal: 3, sseWriteTimeoutMs: 10_000,
  });
  assert.throws(() => optionsFromEnv({ CR_SSE_MAX_PER_PRINCIPAL: '0' }, '2h'), /CR_SSE_MAX_PER_PRINCIPAL/u);
});

test('one stream more than CR_SSE_MAX_PER_PRINCIPAL is a 429 problem; closing one frees its place', async () => {
  const token = await idp.mint({ sub: 'user-bounded' });
  const open = [await openSse(app, 'recipientId=42', { token }), await openSse(app, 'campaignId=renewal-calls', { token })];
  try {
    for (const stream of open) await stream.nextEvent('ready');
    const refused = await call(app, 'GET', '/api/changes?recipientId=43', { token });
    assert.equal(refused.status, 429);
    assert.ok(refused.headers.get('Retry-After'));
    contract.check('GET', '/changes', refused);
    // Another principal has its own count.
    const other = await openSse(app, 'recipientId=43', { token: await idp.mint({ sub: 'user-other' }) });
    assert.equal(other.status, 200);
    await other.close();
    await open.pop()?.close();
    let again = await openSse(app, 'recipientId=43', { token });
    for (let tries = 0; again.status === 429 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await openSse(app, 'recipientId=43', { token });
    }
    assert.equal(again.status, 200);
    open.push(again);
  } finally {
    for (const stream of open) await stream.close();
  }
});

test("a stream ends when its token expires, with an expired event, and resumes with a fresh token", async () => {
  const expiring = await idp.mint({ sub: 'user-expiring', exp: Math.floor(Date.now() / 1000) + 2 });
  const stream = await openSse(app, 'recipientId=42', { token: expiring });
  const from = (await stream.nextEvent('ready')).id as string;
  const expired = await stream.nextEvent('expired', 5_000);
  assert.equal(dataOf(expired).reason, 'token-expired');
  assert.equal(await stream.next(2_000), undefined, 'the stream has ended');
  const line = await add();
  const renewed = await openSse(app, 'recipientId=42', { token: await idp.mint({ sub: 'user-expiring' }), headers: { 'Last-Event-ID': from } });
  try {
    assert.equal(dataOf(await renewed.nextEvent('change')).lineId, line.id);
  } finally {
    await renewed.close();
  }
});

test('a page of an allowed origin may resume with Last-Event-ID: the preflight allows the header, the stream carries CORS', async () => {
  const preflight = await app.request('/api/changes?recipientId=42', {
    method: 'OPTIONS',
    headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization, last-event-id' },
  });
  assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
  assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /(^|, )Last-Event-ID(,|$)/iu);
  const stream = await openSse(app, 'recipientId=42', { headers: { Origin: ALLOWED_ORIGIN } });
  try {
    assert.equal(stream.response.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    await stream.nextEvent('ready');
  } finally {
    await stream.close();
  }
});

test("a live read answers Last-Change-Id, and a stream opened after it gets what changed between the read and the stream's start", async () => {
  const read = await call(app, 'GET', '/api/recipients/42/campaigns');
  assert.equal(read.status, 200);
  contract.check('GET', '/recipients/{recipientId}/campaigns', read);
  const readAt = read.headers.get('Last-Change-Id');
  assert.match(readAt ?? '', /^\d+$/u);
  for (const path of ['/api/recipients/42/responses', '/api/campaigns/renewal-calls/stats', '/api/campaigns/renewal-calls/responses/summary', '/api/campaigns/renewal-calls/responses']) {
    const answer = await call(app, 'GET', path);
    assert.equal(answer.headers.get('Last-Change-Id'), readAt, path);
  }
  const between = await add({ recipientId: '42' });
  const stream = await openSse(app, 'recipientId=42', { headers: { 'Last-Event-ID': readAt ?? '' } });
  try {
    const ready = await stream.nextEvent('ready');
    assert.equal(ready.id, readAt);
    const change = await stream.nextEvent('change');
    assert.equal(dataOf(change).lineId, between.id, 'the change made before the stream began is in it');
  } finally {
    await stream.close();
  }
  const later = await call(app, 'GET', '/api/recipients/42/campaigns');
  assert.ok(Number(later.headers.get('Last-Change-Id')) > Number(readAt));
});
