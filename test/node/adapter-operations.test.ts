// Per-operation settings of createRestAdapter: method, headers, a path function, a base URL per
// tenant, and an override that makes several requests through the adapter's HTTP helper (same
// headers, typed errors, size cap, and the schema check of what it returns).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import type { ResponseLine } from '../../src/model/index.js';
import { createRestAdapter, MalformedResponseError, NotFoundError } from '../../src/adapter/index.js';
import { odataKey } from '../../src/presets/toolkit.js';

interface Seen { method: string; url: string; headers: IncomingHttpHeaders; body: string }
const seen: Seen[] = [];
let server: Server;
let origin: string;
const id = '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01';
const line = { id, recipientId: 'r1', campaignId: 'c1', eventId: 'e1', detailId: 'responded', respondedAt: '2026-03-04T15:30:00Z', note: 'n' };
const stored: ResponseLine = { ...line, categoryId: 'responded', recordedAt: '2026-03-04T15:31:00.000Z', author: null, source: 'manual', link: null, evidence: null };

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
      if (req.url?.endsWith('/big')) return json(200, { pad: 'x'.repeat(5000) });
      if (req.url?.includes('/missing')) return json(404, { error: { code: '0x80040217', message: 'Does Not Exist' } });
      if (req.method === 'POST') return res.writeHead(204, { 'OData-EntityId': `${origin}/t1/campaignresponses(${id})` }).end();
      if (req.url?.startsWith('/t1/ids')) return json(200, { value: ['a', 'b'] });
      json(200, stored);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test('method, headers and a path function per operation; the base URL per request (tenant)', async () => {
  let tenant = 't1';
  const adapter = createRestAdapter({
    baseUrl: () => `${origin}/${tenant}`,
    headers: { Authorization: 'Bearer T' },
    operations: {
      addResponse: {
        method: 'POST',
        path: () => '/campaignresponses',
        headers: ({ line: l }) => ({ Prefer: 'return=representation', 'OData-Version': '4.0', 'X-Line': l.id }),
      },
      getRecipientCampaigns: { path: ({ recipientId }) => `${odataKey('contacts', recipientId)}/campaigns` },
    },
  });
  seen.length = 0;
  // The fake answers a POST with 204, which addResponse refuses (no line came back): the request is what counts here.
  await assert.rejects(adapter.addResponse(line), MalformedResponseError);
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].url, '/t1/campaignresponses');
  assert.equal(seen[0].headers.prefer, 'return=representation');
  assert.equal(seen[0].headers['odata-version'], '4.0');
  assert.equal(seen[0].headers['x-line'], id);
  assert.equal(seen[0].headers.authorization, 'Bearer T');
  tenant = 't2';
  await assert.rejects(adapter.getRecipientCampaigns(id));
  assert.equal(seen[1].url, `/t2/contacts(${id})/campaigns`);
});

test('an override makes several requests with the same helper, and what it returns is validated', async () => {
  const adapter = createRestAdapter({
    baseUrl: `${origin}/t1`,
    headers: { Authorization: 'Bearer T' },
    operations: {
      addResponse: {
        async run({ args, http, signal, operation }) {
          const created = await http.request(operation, { method: 'POST', path: '/campaignresponses', body: args.line, signal });
          assert.equal(created.status, 204);
          return http.request(operation, { path: `/campaignresponses(${args.line.id})`, signal }).then((a) => a.body);
        },
      },
      deleteAllResponses: {
        async run({ http, operation }) {
          const ids = await http.json(operation, { path: '/ids' }, v.object({ value: v.array(v.string()) }));
          return { deleted: ids.value.length };
        },
      },
      getRecipientCampaigns: { run: async () => ({ recipient: 'not a recipient' }) },
      getResponseTypes: { run: async ({ http, operation }) => (await http.request(operation, { path: '/missing' })).body },
    },
  });
  seen.length = 0;
  assert.deepEqual(await adapter.addResponse(line), stored);
  assert.deepEqual(seen.map((s) => `${s.method} ${s.url} ${s.headers.authorization}`), [
    'POST /t1/campaignresponses Bearer T', `GET /t1/campaignresponses(${id}) Bearer T`]);
  assert.deepEqual(await adapter.deleteAllResponses('r1', 'c1'), { deleted: 2 });
  await assert.rejects(adapter.getRecipientCampaigns('r1'), MalformedResponseError);
  await assert.rejects(adapter.getResponseTypes(), NotFoundError);
});

test('the helper keeps the size cap and refuses a next link to another origin', async () => {
  const adapter = createRestAdapter({
    baseUrl: `${origin}/t1`,
    maxResponseBytes: 1000,
    operations: {
      getResponseTypes: { run: ({ http, operation }) => http.request(operation, { path: '/big' }) },
      getRecipientCampaigns: { run: ({ http, operation }) => http.request(operation, { url: 'https://evil.example/steal' }) },
    },
  });
  await assert.rejects(adapter.getResponseTypes(), /larger than 1000 bytes/);
  seen.length = 0;
  await assert.rejects(adapter.getRecipientCampaigns('r1'), /another origin/);
  assert.equal(seen.length, 0, 'nothing was sent');
});
