// Production mode as `npm run serve` runs it (server/serve.ts in its own process): the built demo as
// files under the pages' CSP, no demo sign-in and no token for pages, one JSON log line per request
// without secrets, and SIGTERM letting a request in flight finish before the process exits 0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/start.js';
import { DEMO_SIGN_IN_PATH } from '../../server/demo/sign-in.js';
import { DEMO_PAGE_CSP } from '../../server/http/secure-headers.js';

const SECRET = 'prod-test-secret-9f2c1e';
const TRACKING = 'eyJ0cmFja2luZyI6MX0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
let child: ChildProcess;
let url: string;
let staticRoot: string;
const lines: Record<string, unknown>[] = [];
let stdout = '';
let exited: Promise<number | null>;

function waitForLine(matches: (line: Record<string, unknown>) => boolean, ms = 60_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such log line; stdout so far:\n${stdout}`)), ms);
    const check = () => {
      const line = lines.find(matches);
      if (!line) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(line);
    };
    child.stdout?.on('data', check);
    check();
  });
}

before(async () => {
  // A stand-in for dist-demo/, so that the test needs no build; PGlite in memory even when the suite
  // runs on PostgreSQL (DATABASE_URL), whose shared database this must not seed.
  staticRoot = mkdtempSync(join(tmpdir(), 'cr-prod-'));
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>demo</title>');
  child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', CR_DATA_DIR: 'memory://', CR_API_TOKEN: SECRET, CR_STATIC_DIR: staticRoot, CR_DRAIN_MS: '30000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let pending = '';
  // Registered first, so that the lines are parsed before any waiter looks at them.
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  url = (await waitForLine((line) => line.msg === 'listening')).url as string;
});
after(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(staticRoot, { recursive: true, force: true });
});

test('production mode refuses the demo sign-in and the token for pages', async () => {
  await assert.rejects(startServer({ production: true, demoSignIn: true, dataDir: 'memory://' }), /Production mode/);
  await assert.rejects(startServer({ production: true, demoConfigToken: true, dataDir: 'memory://' }), /Production mode/);
});

test('the built demo is served as files under the pages CSP; no sign-in, no token in /demo-config.json', async () => {
  const page = await fetch(`${url}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>demo<\/title>/);
  assert.equal(page.headers.get('Content-Security-Policy'), DEMO_PAGE_CSP);
  const config = (await (await fetch(`${url}/demo-config.json`)).json()) as Record<string, unknown>;
  assert.deepEqual(config, { apiBase: '/api' });
  const signIn = await fetch(`${url}${DEMO_SIGN_IN_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"person":"intern"}' });
  assert.equal(signIn.status, 404);
  assert.equal((await fetch(`${url}/readyz`)).status, 200);
});

test('one JSON line per request with its id, and neither the bearer token nor a tracking token', async () => {
  const headers = { Authorization: `Bearer ${SECRET}` };
  const api = await fetch(`${url}/api/recipients?limit=1&token=${TRACKING}`, { headers });
  assert.equal(api.status, 200);
  const pixel = await fetch(`${url}/api/t/o/${TRACKING}.gif`, { headers });
  assert.equal(pixel.status, 200);
  for (const answer of [api, pixel]) {
    const requestId = answer.headers.get('X-Request-Id');
    assert.ok(requestId);
    const line = await waitForLine((candidate) => candidate.requestId === requestId);
    assert.equal(line.method, 'GET');
    assert.equal(line.status, 200);
  }
  assert.equal(lines.filter((line) => line.msg === 'request' && line.requestId === api.headers.get('X-Request-Id')).length, 1);
  assert.ok(!stdout.includes(SECRET), 'the bearer token is not logged');
  assert.ok(!stdout.includes(TRACKING), 'the tracking token is not logged');
});

test('SIGTERM lets a request in flight finish, then the process exits 0', async () => {
  const body = JSON.stringify({ note: 'x'.repeat(2000) });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${url}/api/responses/3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    // Half the body now; the rest only after the server has been told to stop.
    req.write(body.slice(0, 1000));
    void (async () => {
      await new Promise((wait) => setTimeout(wait, 300));
      child.kill('SIGTERM');
      await waitForLine((line) => line.signal === 'SIGTERM');
      await new Promise((wait) => setTimeout(wait, 300));
      req.end(body.slice(1000));
    })().catch(reject);
  });
  const { status, text } = await answer;
  // The answer itself (a problem for the unknown fields) is beside the point: it arrived whole.
  assert.equal(status, 422);
  assert.doesNotThrow(() => JSON.parse(text));
  assert.equal(await exited, 0);
  assert.ok(lines.some((line) => line.msg === 'stopped'));
});
