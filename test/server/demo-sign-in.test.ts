// The demo's sign-in over the wire: three people, 15-minute tokens the API accepts with each one's
// rights, only for a page at this machine; /demo-config.json never carries the API token.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import type { Me } from '../../src/model/principal.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { newLine, openTestDb, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;
let server: RunningServer;

before(async () => {
  testDb = await openTestDb();
  server = await startServer({ db: testDb.db, port: 0, host: '127.0.0.1', token: TOKEN, vite: false, statsSchedule: false });
});
after(async () => {
  await server.close();
  await testDb.cleanup();
});

const signIn = (person: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/demo-auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ person }) });

async function tokenOf(person: string): Promise<string> {
  const answer = await signIn(person);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('Cache-Control'), 'no-store');
  return ((await answer.json()) as { token: string }).token;
}

const me = async (token: string) => (await (await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Me;

test('each person gets a 15-minute token carrying their rights: manager all, sales rep read+write, intern read only', async () => {
  const expected: Record<string, [string, string[]]> = {
    'marketing-manager': ['Morgan Reyes', ['read', 'write', 'delete', 'export', 'send', 'admin']],
    'sales-rep': ['Sam Patel', ['read', 'write']],
    intern: ['Ivy Chen', ['read']],
  };
  for (const [person, [name, permissions]] of Object.entries(expected)) {
    const token = await tokenOf(person);
    const claims = decodeJwt(token);
    assert.equal((claims.exp as number) - (claims.iat as number), 15 * 60);
    const who = await me(token);
    assert.deepEqual([who.id, who.name, who.permissions], [`demo:${person}`, name, permissions]);
  }
  const intern = await tokenOf('intern');
  const line = newLine();
  const put = await fetch(`${server.url}/api/responses/${line.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${intern}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(line),
  });
  assert.equal(put.status, 403);
  assert.equal(((await put.json()) as { permission: string }).permission, 'write');
  assert.equal((await signIn('nobody')).status, 422);
});

test('the sign-in refuses a foreign Origin; /demo-config.json carries no token (control: the loopback page signs in)', async () => {
  assert.equal((await signIn('marketing-manager', { Origin: 'https://evil.example' })).status, 403);
  assert.equal((await signIn('marketing-manager', { Origin: server.url })).status, 200);
  const config = await (await fetch(`${server.url}/demo-config.json`)).text();
  assert.doesNotMatch(config, new RegExp(TOKEN, 'u'));
  assert.doesNotMatch(config, /"token"/u);
});

test('without demo sign-in (as in production) there is no sign-in route and demo tokens are not accepted', async () => {
  const token = await tokenOf('marketing-manager');
  const bare = await startServer({ db: testDb.db, port: 0, host: '127.0.0.1', token: TOKEN, vite: false, statsSchedule: false, seed: false, demoSignIn: false });
  try {
    const answer = await fetch(`${bare.url}/demo-auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"person":"intern"}' });
    assert.equal(answer.status, 404);
    assert.equal((await fetch(`${bare.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);
  } finally {
    await bare.close();
  }
});

test('/healthz and /readyz answer without a token; readiness follows the database', async () => {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok' });
  const ready = await fetch(`${server.url}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready' });
});
