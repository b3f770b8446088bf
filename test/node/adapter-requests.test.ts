// What the REST adapter puts on the wire: paths and their encoding, query, methods, headers
// (static, per request, refreshed tokens), Idempotency-Key, credentials, bodies, and 201/204 answers.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthError,
  BadRequestError,
  createRestAdapter,
  MalformedResponseError,
  ValidationError,
  type RestAdapterConfig,
} from '../../src/adapter/index.js';
import { DEFAULT_VOCABULARY, type NewResponseLine, type ResponseLine } from '../../src/model/index.js';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const newLine: NewResponseLine = {
  id: '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01',
  recipientId: 'r1',
  campaignId: 'c1',
  eventId: 'e1',
  detailId: 'responded',
  respondedAt: '2026-03-04T15:30:00Z',
  note: 'Called back at the booth',
};
const storedLine = (line: NewResponseLine): ResponseLine => ({
  ...line,
  categoryId: 'responded',
  recordedAt: '2026-03-04T15:31:00.000Z',
  author: 'ana',
  source: 'manual',
  link: null,
  evidence: null,
});

const seen: SeenRequest[] = [];
let server: Server;
let origin: string;

function answer(res: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' });
  res.end(JSON.stringify(body));
}

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/secure/') && req.headers.authorization !== 'Bearer B') {
        return answer(res, 401, { title: 'Unauthorized', detail: 'token expired' });
      }
      if (req.method === 'PUT' && path.endsWith('/no-content')) return answer(res, 204);
      if (req.method === 'PUT') return answer(res, 201, { ...storedLine(JSON.parse(body)), extra: 'ignored' });
      if (req.method === 'DELETE') return path.includes('/r204/') ? answer(res, 204) : answer(res, 200, { deleted: 2 });
      if (path.endsWith('/response-types')) return answer(res, 200, DEFAULT_VOCABULARY);
      if (path.endsWith('/responses')) return answer(res, 200, { items: [storedLine(newLine)], nextCursor: 'p2' });
      if (path.endsWith('/campaigns')) {
        return answer(res, 200, {
          recipient: { id: 'r1', displayName: 'Ana', email: null, timeZone: 'Europe/Berlin' },
          campaigns: [],
        });
      }
      answer(res, 404, { title: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const adapter = (config: Partial<RestAdapterConfig> = {}) => createRestAdapter({ baseUrl: `${origin}/api`, ...config });

test('default paths and methods of every operation, with ids percent-encoded', async () => {
  const rest = adapter();
  await rest.getResponseTypes();
  await rest.getRecipientCampaigns('team/a b');
  await rest.getRecipientResponses('r?1');
  await rest.addResponse(newLine);
  await rest.deleteAllResponses('r/1', 'c#1');
  assert.deepEqual(
    seen.map((r) => `${r.method} ${r.url}`),
    [
      'GET /api/response-types',
      'GET /api/recipients/team%2Fa%20b/campaigns',
      'GET /api/recipients/r%3F1/responses',
      `PUT /api/responses/${newLine.id}`,
      'DELETE /api/recipients/r%2F1/campaigns/c%231/responses',
    ],
  );
  for (const request of seen) assert.equal(request.headers.accept, 'application/json, application/problem+json');
});

test('path templates replace the defaults; a trailing slash on the base URL is harmless', async () => {
  const rest = adapter({
    baseUrl: `${origin}/crm/`,
    paths: { getRecipientCampaigns: '/people/{recipientId}/campaigns', deleteAllResponses: '/c/{campaignId}/p/{recipientId}/responses' },
  });
  await rest.getRecipientCampaigns('a b');
  await rest.deleteAllResponses('r1', 'c/9');
  assert.deepEqual(seen.map((r) => r.url), ['/crm/people/a%20b/campaigns', '/crm/c/c%2F9/p/r1/responses']);
});

test('a template naming an unknown placeholder, or an empty id, fails before any request', async () => {
  const typo = adapter({ paths: { getRecipientCampaigns: '/recipients/{recipient}/campaigns' } });
  await assert.rejects(typo.getRecipientCampaigns('r1'), BadRequestError);
  const error = await adapter().getRecipientCampaigns('').catch((e: unknown) => e);
  assert.ok(error instanceof ValidationError);
  assert.deepEqual(error.fields, [{ field: 'recipientId', message: 'is empty' }]);
  assert.equal(seen.length, 0);
});

test('the history query sends only the parameters given', async () => {
  const page = await adapter().getRecipientResponses('r1', { campaignId: 'c 1', cursor: 'p2', limit: 25 });
  assert.equal(page.nextCursor, 'p2');
  assert.equal(seen[0].url, '/api/recipients/r1/responses?campaignId=c+1&cursor=p2&limit=25');
  await adapter().getRecipientResponses('r1', {});
  assert.equal(seen[1].url, '/api/recipients/r1/responses');
  await adapter().getRecipientResponses('r1', { categoryId: 'bounced', q: '50% & more' });
  assert.equal(seen[2].url, '/api/recipients/r1/responses?categoryId=bounced&q=50%25+%26+more');
});

test('addResponse PUTs the line as JSON with Idempotency-Key, and resolves with the stored line', async () => {
  const stored = await adapter().addResponse(newLine);
  assert.deepEqual(stored, storedLine(newLine), 'unknown members of the answer are dropped');
  const [put] = seen;
  assert.equal(put.method, 'PUT');
  assert.equal(put.headers['content-type'], 'application/json');
  assert.equal(put.headers['idempotency-key'], newLine.id);
  assert.deepEqual(JSON.parse(put.body), newLine);
  await adapter().addResponse(newLine, { idempotencyKey: 'op-42' });
  assert.equal(seen[1].headers['idempotency-key'], 'op-42', 'the outbox operation id wins');
});

test('addResponse refuses an invalid line without sending it', async () => {
  const error = await adapter().addResponse({ ...newLine, id: 'not-a-uuid', respondedAt: 'yesterday' }).catch((e: unknown) => e);
  assert.ok(error instanceof ValidationError);
  assert.deepEqual([...new Set(error.fields.map((f) => f.field))].sort(), ['id', 'respondedAt']);
  assert.equal(seen.length, 0);
});

test('addResponse answered by 204 is malformed: the stored line was expected', async () => {
  const rest = adapter({ paths: { addResponse: '/responses/{id}/no-content' } });
  await assert.rejects(rest.addResponse(newLine), MalformedResponseError);
});

test('deleteAllResponses sends DELETE, Idempotency-Key only when given, and accepts 200 or 204', async () => {
  assert.deepEqual(await adapter().deleteAllResponses('r1', 'c1', { idempotencyKey: 'op-7' }), { deleted: 2 });
  assert.equal(seen[0].headers['idempotency-key'], 'op-7');
  assert.equal(seen[0].headers['content-type'], undefined, 'no body, so no content type');
  assert.deepEqual(await adapter().deleteAllResponses('r204', 'c1'), { deleted: 0 });
  assert.equal(seen[1].headers['idempotency-key'], undefined);
});

test('an async headers function is called per request, so a refreshed token is used at once', async () => {
  let token = 'A';
  let calls = 0;
  const rest = adapter({
    baseUrl: `${origin}/secure`,
    headers: async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { Authorization: `Bearer ${token}` };
    },
  });
  const expired = await rest.getResponseTypes().catch((e: unknown) => e);
  assert.ok(expired instanceof AuthError);
  assert.equal(expired.status, 401);
  token = 'B'; // what a host does on AuthError: refresh, then retry the same adapter
  assert.equal((await rest.getResponseTypes()).details.length, 27);
  assert.equal(calls, 2);
  assert.deepEqual(seen.map((r) => r.headers.authorization), ['Bearer A', 'Bearer B']);
});

test('static headers are sent; a failing headers function is an AuthError', async () => {
  await adapter({ baseUrl: `${origin}/secure`, headers: { Authorization: 'Bearer B', 'X-Tenant': 't1' } }).getResponseTypes();
  assert.equal(seen[0].headers['x-tenant'], 't1');
  const failing = adapter({
    headers: () => {
      throw new TypeError('refresh token missing');
    },
  });
  const error = await failing.getResponseTypes().catch((e: unknown) => e);
  assert.ok(error instanceof AuthError);
  assert.ok(error.cause instanceof TypeError);
});

test('an injected fetch receives credentials, headers and a signal; it is called detached', async () => {
  const calls: { url: string; init: RequestInit | undefined; self: unknown }[] = [];
  const spy = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    calls.push({ url: String(input), init, self: this });
    return fetch(input, init);
  } as typeof fetch;
  await adapter({ fetch: spy, credentials: 'include' }).getRecipientCampaigns('r1');
  assert.equal(calls.length, 1);
  const [{ url, init, self }] = calls;
  assert.equal(url, `${origin}/api/recipients/r1/campaigns`);
  assert.equal(init?.credentials, 'include');
  assert.equal(init?.method, 'GET');
  assert.ok(init?.signal instanceof AbortSignal);
  assert.equal(self, undefined, 'not called as a method of the config, which a browser fetch refuses');
  assert.equal(init?.keepalive, false, 'reads end with the page');
  await adapter({ fetch: spy }).deleteAllResponses('r1', 'c1').catch(() => undefined);
  assert.equal(calls[1].init?.method, 'DELETE');
  assert.equal(calls[1].init?.keepalive, true, 'a Delete outlives the page that sent it');
});
