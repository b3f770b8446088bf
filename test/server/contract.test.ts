// Every route's answers, good and bad, validated against the OpenAPI document the server serves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { compareNewestFirst } from '../../src/model/history.js';
import type { Page, RecipientCampaigns, ResponseLine, ResponseVocabulary } from '../../src/model/types.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import { call, ContractChecker, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

test('openapi.json is an OpenAPI 3.1 document served without a token, and every schema compiles', async () => {
  const answer = await call(app, 'GET', '/api/openapi.json', { token: null });
  assert.equal(answer.status, 200);
  contract.check('GET', '/openapi.json', answer);
  const doc = answer.json as { openapi: string; paths: Record<string, Record<string, { responses: object }>> };
  assert.match(doc.openapi, /^3\.1\./u);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/audit',
    '/campaigns',
    '/campaigns/{campaignId}',
    '/campaigns/{campaignId}/clickthrough',
    '/campaigns/{campaignId}/events/{eventId}/responded',
    '/campaigns/{campaignId}/events/{eventId}/send',
    '/campaigns/{campaignId}/responses',
    '/campaigns/{campaignId}/responses.csv',
    '/campaigns/{campaignId}/responses/summary',
    '/campaigns/{campaignId}/stats',
    '/changes',
    '/deletions/{deletionId}/restore',
    '/me',
    '/openapi.json',
    '/recipients',
    '/recipients/lookup',
    '/recipients/{recipientId}/campaigns',
    '/recipients/{recipientId}/campaigns/{campaignId}/responses',
    '/recipients/{recipientId}/erasure',
    '/recipients/{recipientId}/responses',
    '/response-types',
    '/responses/batch',
    '/responses/{id}',
    '/responses/{id}/restore',
    '/t/c/{token}/{linkId}',
    '/t/o/{token}.gif',
  ]);
  for (const name of Object.keys(contract.doc.components.schemas)) {
    // Compiling in strict mode: a misspelt keyword fails here.
    assert.ok(contract.ajv.getSchema(`oas#/components/schemas/${name}`), name);
  }
  const line = contract.ajv.getSchema('oas#/components/schemas/ResponseLine');
  assert.equal(line?.({ id: 'not-a-uuid' }), false, 'the checker does refuse a wrong answer');
});

test('GET /response-types lists the 10 categories and 27 details of the default vocabulary', async () => {
  const answer = await call(app, 'GET', '/api/response-types');
  contract.check('GET', '/response-types', answer);
  const vocabulary = answer.json as ResponseVocabulary;
  assert.equal(vocabulary.categories.length, 10);
  assert.equal(vocabulary.details.length, 27);
  assert.deepEqual(vocabulary, DEFAULT_VOCABULARY, 'seeded from src/model/vocabulary.ts, in its order');
});

test('GET /recipients/{id}/campaigns: campaigns with events, and the latest line of each', async () => {
  const answer = await call(app, 'GET', '/api/recipients/42/campaigns');
  contract.check('GET', '/recipients/{recipientId}/campaigns', answer);
  const { recipient, campaigns } = answer.json as RecipientCampaigns;
  assert.equal(recipient.timeZone, 'America/New_York');
  assert.ok(campaigns.length >= 5);
  for (const campaign of campaigns) {
    assert.ok(campaign.events.length > 0, campaign.id);
    for (const event of campaign.events) assert.equal(event.campaignId, campaign.id);
    const history = await call(app, 'GET', `/api/recipients/42/responses?campaignId=${campaign.id}&limit=500`);
    const lines = (history.json as Page<ResponseLine>).items;
    assert.deepEqual(campaign.latestResponse, lines.length ? [...lines].sort(compareNewestFirst)[0] : null, campaign.id);
  }
  const unknown = await call(app, 'GET', '/api/recipients/no-such-person/campaigns');
  assert.equal(unknown.status, 404);
  contract.check('GET', '/recipients/{recipientId}/campaigns', unknown);
});

test('GET /recipients: the list, as documented', async () => {
  const answer = await call(app, 'GET', '/api/recipients');
  contract.check('GET', '/recipients', answer);
  assert.ok((answer.json as Page<unknown>).items.length >= 5);
});

test('GET /recipients/{id}/responses: a page, a 404 and a 422, each as documented', async () => {
  const page = await call(app, 'GET', '/api/recipients/43/responses?limit=5');
  contract.check('GET', '/recipients/{recipientId}/responses', page);
  assert.equal((page.json as Page<ResponseLine>).items.length, 5);
  const unknown = await call(app, 'GET', '/api/recipients/nobody/responses');
  assert.equal(unknown.status, 404);
  contract.check('GET', '/recipients/{recipientId}/responses', unknown);
  const bad = await call(app, 'GET', '/api/recipients/43/responses?limit=abc');
  assert.equal(bad.status, 422);
  contract.check('GET', '/recipients/{recipientId}/responses', bad);
});

test('PUT /responses/{id}: 201 with the stored line, and each refusal as a documented problem', async () => {
  const line = newLine({ recipientId: '44', campaignId: 'renewal-calls', eventId: 'renewal-round-1' });
  const created = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line });
  assert.equal(created.status, 201, created.text);
  contract.check('PUT', '/responses/{id}', created);
  const stored = created.json as ResponseLine;
  assert.equal(stored.categoryId, 'responded');
  assert.equal(stored.source, 'manual');
  assert.equal(stored.author, 'API token');
  assert.equal(created.headers.get('Location'), `/api/responses/${line.id}`);

  const cases: [string, Parameters<typeof call>[3], number][] = [
    ['conflict', { body: { ...line, note: 'another note' } }, 409],
    ['invalid', { body: { ...line, id: crypto.randomUUID(), detailId: 'nope' } }, 422],
    ['malformed', { body: '{"id": ' }, 400],
    ['wrong type', { body: JSON.stringify(line), headers: { 'Content-Type': 'text/plain' } }, 415],
    ['too large', { body: { ...line, note: 'x'.repeat(70_000) } }, 413],
    ['no token', { body: line, token: null }, 401],
  ];
  for (const [name, init, status] of cases) {
    const id = (init?.body as { id?: string } | undefined)?.id ?? line.id;
    const answer = await call(app, 'PUT', `/api/responses/${id}`, init);
    assert.equal(answer.status, status, `${name}: ${answer.text}`);
    contract.check('PUT', '/responses/{id}', answer);
  }
});

test('DELETE /recipients/{id}/campaigns/{campaignId}/responses: the count, and 404s', async () => {
  const answer = await call(app, 'DELETE', '/api/recipients/45/campaigns/apac-roadshow/responses');
  assert.equal(answer.status, 200, answer.text);
  contract.check('DELETE', '/recipients/{recipientId}/campaigns/{campaignId}/responses', answer);
  assert.ok((answer.json as { deleted: number }).deleted > 0);
  for (const path of ['/api/recipients/45/campaigns/catalog-q1/responses', '/api/recipients/nobody/campaigns/catalog-q1/responses']) {
    const missing = await call(app, 'DELETE', path);
    assert.equal(missing.status, 404, path);
    contract.check('DELETE', '/recipients/{recipientId}/campaigns/{campaignId}/responses', missing);
  }
});

test('401 with WWW-Authenticate: Bearer on every route without a token or with a wrong one', async () => {
  const routes: [string, string, string][] = [
    ['GET', '/api/response-types', '/response-types'],
    ['GET', '/api/recipients/42/campaigns', '/recipients/{recipientId}/campaigns'],
    ['GET', '/api/recipients/42/responses', '/recipients/{recipientId}/responses'],
    ['PUT', `/api/responses/${crypto.randomUUID()}`, '/responses/{id}'],
    ['DELETE', '/api/recipients/42/campaigns/renewal-calls/responses', '/recipients/{recipientId}/campaigns/{campaignId}/responses'],
  ];
  for (const [method, path, template] of routes) {
    for (const token of [null, 'wrong-token', `${'test-token-6f1c2a'}x`]) {
      const answer = await call(app, method, path, { token, body: method === 'PUT' ? newLine() : undefined });
      assert.equal(answer.status, 401, `${method} ${path} with ${token}`);
      assert.match(answer.headers.get('WWW-Authenticate') ?? '', /^Bearer/u);
      contract.check(method, template, answer);
    }
  }
  const lowercaseScheme = await call(app, 'GET', '/api/response-types', { token: null, headers: { Authorization: 'bearer test-token-6f1c2a' } });
  assert.equal(lowercaseScheme.status, 200, 'the scheme name is case-insensitive (RFC 9110)');
  assert.equal(await testDbLineCountFor('42', 'renewal-calls') > 0, true, 'the unauthorised DELETE deleted nothing');
});

async function testDbLineCountFor(recipientId: string, campaignId: string): Promise<number> {
  const rows = await testDb.db.query('SELECT 1 FROM response_lines WHERE recipient_id = $1 AND campaign_id = $2', [recipientId, campaignId]);
  return rows.length;
}

test('unknown routes under /api answer a 404 problem', async () => {
  for (const [method, path] of [['GET', '/api/nothing-here'], ['POST', '/api/response-types'], ['GET', '/api/recipients/42']]) {
    const answer = await call(app, method, path);
    assert.equal(answer.status, 404, `${method} ${path}`);
    assert.equal(answer.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((answer.json as { type: string }).type, 'https://campaign-response-kit.dev/problems/not-found');
  }
});

test('GET answers carry an ETag; If-None-Match with it answers 304, and a change makes a new one', async () => {
  for (const [path, template] of [
    ['/api/response-types', '/response-types'],
    ['/api/recipients/46/campaigns', '/recipients/{recipientId}/campaigns'],
    ['/api/recipients/46/responses', '/recipients/{recipientId}/responses'],
  ]) {
    const first = await call(app, 'GET', path);
    const etag = first.headers.get('ETag');
    assert.match(etag ?? '', /^"[\w-]+"$/u, path);
    for (const header of [etag as string, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await call(app, 'GET', path, { headers: { 'If-None-Match': header } });
      assert.equal(again.status, 304, `${path} ${header}`);
      assert.equal(again.headers.get('ETag'), etag);
      contract.check('GET', template, again);
    }
    const other = await call(app, 'GET', path, { headers: { 'If-None-Match': '"stale"' } });
    assert.equal(other.status, 200);
  }
  const before = (await call(app, 'GET', '/api/recipients/46/responses')).headers.get('ETag');
  const line = newLine({ recipientId: '46', respondedAt: '2026-05-31T12:00:00Z' });
  assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
  const changed = await call(app, 'GET', '/api/recipients/46/responses', { headers: { 'If-None-Match': before as string } });
  assert.equal(changed.status, 200, 'a stale ETag gets the new history');
  assert.notEqual(changed.headers.get('ETag'), before);
});

test('every operation had at least its success answer checked', () => {
  for (const expected of [
    'GET /openapi.json 200',
    'GET /response-types 200',
    'GET /recipients/{recipientId}/campaigns 200',
    'GET /recipients/{recipientId}/responses 200',
    'PUT /responses/{id} 201',
    'DELETE /recipients/{recipientId}/campaigns/{campaignId}/responses 200',
  ]) {
    assert.ok(contract.checked.has(expected), expected);
  }
});
