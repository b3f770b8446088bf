// The demo server tried as an outsider would: over the wire, with the Host and Origin a DNS-rebinding
// page or another machine would send. Each refusal has its negative control beside it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../server/start.js';
import { openTestDb, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;
let server: RunningServer;

before(async () => {
  testDb = await openTestDb();
  server = await startServer({ db: testDb.db, port: 0, host: '127.0.0.1', token: TOKEN, vite: false });
});
after(async () => {
  await server.close();
  await testDb.cleanup();
});

/** A raw GET: fetch would not let a test choose the Host header. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('/demo-config.json is refused to a page reached by another name (DNS rebinding) and to a foreign Origin', async () => {
  const port = new URL(server.url).port;
  const config = `${server.url}/demo-config.json`;
  for (const host of [`evil.example:${port}`, `rebind.attacker.test`, `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
    const answer = await rawGet(config, { Host: host });
    assert.equal(answer.status, 403, host);
    assert.doesNotMatch(answer.body, new RegExp(TOKEN, 'u'), host);
  }
  const foreign = await rawGet(config, { Host: `localhost:${port}`, Origin: 'https://evil.example' });
  assert.equal(foreign.status, 403);
  assert.doesNotMatch(foreign.body, new RegExp(TOKEN, 'u'));
  const sandboxed = await rawGet(config, { Host: `localhost:${port}`, Origin: 'null' });
  assert.equal(sandboxed.status, 403);

  // Negative control: the demo page itself, at localhost, 127.0.0.1 or [::1], same origin.
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'app.localhost']) {
    const answer = await rawGet(config, { Host: host, Origin: `http://${host}` });
    assert.equal(answer.status, 200, host);
  }
});

test('API answers carry nosniff, a deny-all CSP, frame-ancestors and Referrer-Policy: data, errors and unknown paths alike', async () => {
  const auth = { Authorization: `Bearer ${TOKEN}` };
  for (const [path, headers] of [['/api/recipients/42/campaigns', auth], ['/api/recipients/42/campaigns', {}], ['/api/nope', auth], ['/api/nope', {}]] as const) {
    const answer = await fetch(`${server.url}${path}`, { headers });
    await answer.arrayBuffer();
    assert.equal(answer.headers.get('X-Content-Type-Options'), 'nosniff', path);
    assert.match(answer.headers.get('Content-Security-Policy') ?? '', /default-src 'none'.*frame-ancestors 'none'/u, path);
    assert.equal(answer.headers.get('Referrer-Policy'), 'no-referrer', path);
  }
  const outside = await fetch(`${server.url}/nope`);
  await outside.arrayBuffer();
  assert.equal(outside.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.match(outside.headers.get('Content-Security-Policy') ?? '', /frame-ancestors 'none'/u);
  // The open pixel stays loadable as an <img> on a webmail's page (another origin).
  const pixel = await fetch(`${server.url}/api/t/o/x.gif`);
  await pixel.arrayBuffer();
  assert.equal(pixel.headers.get('Cross-Origin-Resource-Policy'), null);
  assert.equal(pixel.headers.get('X-Content-Type-Options'), 'nosniff');
});
