// A real listening server (startServer, API only, port 0) spoken to with fetch: what only shows
// over the wire — CORS, body limits on a streamed body, the demo config, connection handling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/start.js';
import type { ResponseVocabulary } from '../../src/model/types.js';
import { ALLOWED_ORIGIN, newLine, openTestDb, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;
let server: RunningServer;
const auth = { Authorization: `Bearer ${TOKEN}` };

before(async () => {
  testDb = await openTestDb();
  server = await startServer({ db: testDb.db, port: 0, host: '127.0.0.1', token: TOKEN, allowedOrigins: [ALLOWED_ORIGIN], vite: false });
});
after(async () => {
  await server.close();
  await testDb.cleanup();
});

test('the API answers over HTTP with the token, and 401 with WWW-Authenticate: Bearer without it', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/u);
  const ok = await fetch(`${server.url}/api/response-types`, { headers: auth });
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as ResponseVocabulary).details.length, 27);
  const denied = await fetch(`${server.url}/api/response-types`);
  assert.equal(denied.status, 401);
  assert.equal(denied.headers.get('WWW-Authenticate'), 'Bearer');
  assert.equal(denied.headers.get('Content-Type'), 'application/problem+json');
  const wrong = await fetch(`${server.url}/api/response-types`, { headers: { Authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  assert.match(wrong.headers.get('WWW-Authenticate') ?? '', /^Bearer error="invalid_token"/u);
});

test('GET /demo-config.json hands the demo page the API base and its sign-in, never the API token; other paths are 404 without Vite', async () => {
  const config = await fetch(`${server.url}/demo-config.json`);
  const body = (await config.json()) as { apiBase: string; token?: string; signIn: string; people: { id: string }[] };
  assert.deepEqual([body.apiBase, body.token, body.signIn, body.people.map((p) => p.id)], ['/api', undefined, '/demo-auth/sign-in', ['marketing-manager', 'sales-rep', 'intern']]);
  assert.equal(config.headers.get('Access-Control-Allow-Origin'), null);
  assert.equal((await fetch(`${server.url}/index.html`)).status, 404);
});

test('CORS: a listed origin gets the headers (preflight too), another origin gets none', async () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/responses/${crypto.randomUUID()}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' },
    });
  const allowed = await preflight(ALLOWED_ORIGIN);
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
  assert.match(allowed.headers.get('Access-Control-Allow-Methods') ?? '', /PUT/u);
  assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/iu);
  const refused = await preflight('https://evil.example');
  assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
  assert.equal(refused.headers.get('Access-Control-Allow-Methods'), null);
  assert.equal(refused.headers.get('Access-Control-Allow-Headers'), null);

  const get = (origin: string, headers: Record<string, string> = auth) =>
    fetch(`${server.url}/api/recipients/42/campaigns`, { headers: { ...headers, Origin: origin } });
  const simple = await get(ALLOWED_ORIGIN);
  assert.equal(simple.status, 200);
  assert.equal(simple.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
  assert.match(simple.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/u);
  assert.match(simple.headers.get('Vary') ?? '', /Origin/u);
  const other = await get('https://evil.example');
  assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
  assert.equal(other.headers.get('Access-Control-Expose-Headers'), null);
  const unauthorised = await get(ALLOWED_ORIGIN, {});
  assert.equal(unauthorised.status, 401);
  assert.equal(unauthorised.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN, 'a browser may read the 401');
});

test('CORS: each refused origin is logged once; a listed origin and a same-origin write are not', async (t) => {
  const warn = t.mock.method(console, 'warn', () => undefined);
  const send = (origin: string) => fetch(`${server.url}/api/recipients/42/campaigns`, { headers: { ...auth, Origin: origin } });
  await send('http://localhost:4321');
  await send('http://localhost:4321');
  await send('https://other.example');
  await send(ALLOWED_ORIGIN);
  await send(server.url); // the page's own origin, as a browser sends it with a PUT
  const logged = warn.mock.calls.map((call) => String(call.arguments[0]));
  assert.equal(logged.length, 2, logged.join('\n'));
  assert.match(logged[0], /refused origin http:\/\/localhost:4321 \(allowed: /u);
  assert.ok(logged[0].includes(ALLOWED_ORIGIN) && logged[0].includes('CR_ALLOWED_ORIGINS'), logged[0]);
  assert.match(logged[1], /refused origin https:\/\/other\.example/u);
});

test('npm start prints the allowed origins', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-main-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CR_DATA_DIR: dataDir, DATABASE_URL: '', CR_ALLOWED_ORIGINS: 'http://localhost:4321, https://crm.example' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    // Read on to the end (a stream left unread would break the child's pipe when it says goodbye).
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('Origins:')) resolve();
      });
      child.once('exit', () => reject(new Error(`npm start ended before printing its origins:\n${output}`)));
    });
    assert.match(output, /Origins: {2}http:\/\/localhost:4321, https:\/\/crm\.example \(CR_ALLOWED_ORIGINS/u);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a body over 64 KB is refused with 413, by Content-Length and when streamed without one', async () => {
  const line = newLine({ note: 'x'.repeat(70_000) });
  const url = `${server.url}/api/responses/${line.id}`;
  const headers = { ...auth, 'Content-Type': 'application/json' };
  const declared = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(line) });
  assert.equal(declared.status, 413);
  assert.equal(declared.headers.get('Content-Type'), 'application/problem+json');

  const bytes = new TextEncoder().encode(JSON.stringify(line));
  const chunks = Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, i) => bytes.subarray(i * 8192, (i + 1) * 8192));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const streamed = await fetch(url, { method: 'PUT', headers, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
  const [row] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM response_lines WHERE id = $1', [line.id]);
  assert.equal(row.n, 0);

  const small = newLine();
  const smallStream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(JSON.stringify(small)));
      controller.close();
    },
  });
  const accepted = await fetch(`${server.url}/api/responses/${small.id}`, { method: 'PUT', headers, body: smallStream, duplex: 'half' } as RequestInit);
  assert.equal(accepted.status, 201, 'a streamed body under the limit is read whole');
});

test('ETag and If-None-Match over HTTP: 304 with no body', async () => {
  const first = await fetch(`${server.url}/api/recipients/44/responses?limit=10`, { headers: auth });
  const etag = first.headers.get('ETag');
  assert.ok(etag);
  await first.arrayBuffer();
  const again = await fetch(`${server.url}/api/recipients/44/responses?limit=10`, { headers: { ...auth, 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
});

test('PUT then GET over HTTP: the line is first in the history, repeat-safe', async () => {
  const line = newLine({ recipientId: '44', campaignId: 'renewal-calls', eventId: 'renewal-round-2', respondedAt: '2026-06-01T00:00:00Z' });
  const send = () =>
    fetch(`${server.url}/api/responses/${line.id}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': line.id },
      body: JSON.stringify(line),
    });
  const first = await send();
  assert.equal(first.status, 201);
  const second = await send();
  assert.equal(second.status, 201);
  assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
  assert.equal(await second.text(), await first.text());
  const page = (await (await fetch(`${server.url}/api/recipients/44/responses?limit=1`, { headers: auth })).json()) as { items: { id: string }[] };
  assert.equal(page.items[0].id, line.id);
});
