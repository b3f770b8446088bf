// Rate limits per principal: a person past the limit gets a 429 with Retry-After and nothing
// changes; another person is unaffected; the service token (benches, chaos tests) has no limit; a
// new minute lets the person in again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { AUDIENCE, startLocalIssuer, type LocalIssuer } from './oidc-fixture.js';
import { call, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

const LIMIT = 5;
let testDb: TestDb;
let idp: LocalIssuer;
let app: Hono;
// Tokens are verified against the real time; the limiter's minute runs on this clock, moved by hand.
let clock = Date.now();

before(async () => {
  testDb = await openTestDb();
  idp = await startLocalIssuer();
  app = testApp(testDb.db, { oidc: { issuer: idp.issuer, audience: AUDIENCE }, rateLimit: LIMIT, rateLimitExempt: [`oidc:exempt-bot`], now: () => new Date(clock) });
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

const person = (sub: string) => idp.mint({ sub, name: sub });

test('a person past the limit gets 429 problem+json with Retry-After, and the refused write stores nothing', async () => {
  const token = await person('alice');
  for (let i = 0; i < LIMIT; i += 1) assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns', { token })).status, 200);
  const before = await countLines(testDb.db);
  const line = newLine();
  const refused = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line, token });
  assert.equal(refused.status, 429, refused.text);
  assert.equal(refused.headers.get('Content-Type'), 'application/problem+json');
  assert.equal((refused.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/rate-limited');
  const retryAfter = Number(refused.headers.get('Retry-After'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(await countLines(testDb.db), before);

  // Another person is unaffected (control), and so is the service token, far past the limit.
  assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns', { token: await person('bob') })).status, 200);
  for (let i = 0; i < LIMIT * 4; i += 1) assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns')).status, 200);
  // A principal configured without limits likewise.
  const bot = await person('exempt-bot');
  for (let i = 0; i < LIMIT * 2; i += 1) assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns', { token: bot })).status, 200);

  // Once Retry-After has passed, the person is let in again.
  clock += retryAfter * 1000;
  assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns', { token })).status, 200);
});

test('a rate limit that is not a whole number is refused at start', () => {
  assert.throws(() => testApp(testDb.db, { rateLimit: Number('lots') }), /CR_RATE_LIMIT/u);
});
