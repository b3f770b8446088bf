// The demo's dev server (Vite) tried as an outsider would: /@fs/ must not hand out the database
// folder, nor anything else in the repository that the demo does not import.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../server/start.js';
import { openTestDb, TOKEN, type TestDb } from './helpers.js';

const repo = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/u, '');
// A stand-in for PGlite's folder where `npm start` keeps it: inside the repository, which Vite serves.
const dataDir = `${repo}/.data/fs-test-${randomBytes(4).toString('hex')}`;
let testDb: TestDb;
let server: RunningServer;

before(async () => {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${dataDir}/PG_VERSION`, '17\n');
  writeFileSync(`${dataDir}/postgresql.conf`, '# secrets live here\n');
  testDb = await openTestDb();
  server = await startServer({ db: testDb.db, dataDir, port: 0, host: '127.0.0.1', token: TOKEN, vite: true, seed: false, statsSchedule: false });
});
after(async () => {
  await server?.close();
  await testDb?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`);

test('/@fs/ does not serve the database folder, nor repository files the demo does not import', async () => {
  for (const path of [`/@fs${dataDir}/PG_VERSION`, `/@fs${dataDir}/postgresql.conf`, `/@fs${repo}/package.json`, `/@fs${repo}/server/start.ts`]) {
    const answer = await get(path);
    const body = await answer.text();
    assert.notEqual(answer.status, 200, `${path} answered 200`);
    assert.doesNotMatch(body, /secrets live here|^17$/mu, path);
  }
  // Negative control: the kit's sources and themes, which the demo pages import.
  assert.equal((await get(`/@fs${repo}/src/index.ts`)).status, 200);
  assert.equal((await get(`/@fs${repo}/themes/dark.css`)).status, 200);
});

test('demo pages carry a Content-Security-Policy without inline script, nosniff and frame-ancestors', async () => {
  for (const path of ['/', '/campaign.html', '/main.ts']) {
    const answer = await get(path);
    await answer.arrayBuffer();
    assert.equal(answer.status, 200, path);
    const csp = answer.headers.get('Content-Security-Policy') ?? '';
    const scripts = /script-src ([^;]*)/u.exec(csp)?.[1] ?? '';
    assert.equal(scripts, "'self'", `${path}: ${csp}`);
    assert.match(csp, /frame-ancestors 'none'/u);
    assert.equal(answer.headers.get('X-Content-Type-Options'), 'nosniff');
  }
});
