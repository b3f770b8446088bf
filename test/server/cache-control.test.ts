// Personal data must not be kept by a cache on the way (a shared proxy, the browser's disk cache):
// every answer that carries it says no-store, while its ETag still lets a client that keeps its own
// copy revalidate. Data that is the same for everyone may be kept and revalidated (control).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { call, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

const PERSONAL = [
  '/api/me',
  '/api/recipients',
  '/api/recipients/42/campaigns',
  '/api/recipients/42/responses?campaignId=renewal-calls',
  '/api/campaigns',
  '/api/campaigns/renewal-calls',
  '/api/campaigns/renewal-calls/stats',
  '/api/campaigns/renewal-calls/responses',
  '/api/campaigns/renewal-calls/responses/summary',
  '/api/campaigns/renewal-calls/responses.csv',
];

test('every answer carrying personal data says Cache-Control: no-store', async () => {
  for (const path of PERSONAL) {
    const answer = await call(app, 'GET', path);
    assert.equal(answer.status, 200, `${path}: ${answer.text}`);
    assert.equal(answer.headers.get('Cache-Control'), 'no-store', path);
  }
  const line = newLine();
  const stored = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line });
  assert.equal(stored.status, 201, stored.text);
  assert.equal(stored.headers.get('Cache-Control'), 'no-store');
});

test('an ETag still revalidates a copy the client keeps itself: 304, also no-store', async () => {
  const first = await call(app, 'GET', '/api/recipients/42/campaigns');
  const etag = first.headers.get('ETag');
  assert.ok(etag);
  const again = await call(app, 'GET', '/api/recipients/42/campaigns', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('Cache-Control'), 'no-store');
});

test('the contract and the vocabulary, the same for everyone, are kept and revalidated (control)', async () => {
  for (const path of ['/api/openapi.json', '/api/response-types']) {
    const answer = await call(app, 'GET', path);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('Cache-Control'), 'no-cache', path);
  }
});

test('live statistics keep their ETag while their figures stand (asOf is the time of the read), and change it when a line moves them', async () => {
  for (const path of ['/api/campaigns/renewal-calls/stats', '/api/campaigns/renewal-calls/responses/summary']) {
    const first = await call(app, 'GET', path);
    const etag = first.headers.get('ETag');
    assert.ok(etag, path);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await call(app, 'GET', path, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304, `${path}: polled again with nothing changed`);
    const line = newLine({ campaignId: 'renewal-calls' });
    assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
    const moved = await call(app, 'GET', path, { headers: { 'If-None-Match': etag } });
    assert.equal(moved.status, 200, `${path}: a new line moved the figures`);
    assert.notEqual(moved.headers.get('ETag'), etag);
  }
});
