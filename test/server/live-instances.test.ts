// Several server instances on one PostgreSQL: a change made through one reaches the streams of
// another (NOTIFY carries "the log has news", each instance reads its rows from the log). The
// embedded database serves one instance: a second process opening its folder stops at start.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/db/db.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { newLine, ONCE_ACROSS_ENGINES, onPostgres, openTestDb, TOKEN, type TestDb } from './helpers.js';
import { openSse } from './live-stream.js';

let testDb: TestDb;
let secondDb: Db;
const servers: RunningServer[] = [];

before(async () => {
  testDb = await openTestDb();
  // On PostgreSQL each instance has its own pool and its own LISTEN connection, as two processes
  // would; PGlite is one database in one process, so there both apps share it.
  const [{ schema }] = await testDb.db.query<{ schema: string }>('SELECT current_schema() AS schema');
  secondDb = onPostgres ? await openDb({ databaseUrl: process.env.DATABASE_URL, schema }) : testDb.db;
  for (const db of [testDb.db, secondDb]) {
    servers.push(await startServer({ db, port: 0, host: '127.0.0.1', vite: false, seed: false, statsSchedule: false, token: TOKEN }));
  }
});
after(async () => {
  for (const server of servers) await server.close();
  if (secondDb !== testDb.db) await secondDb.close();
  await testDb.cleanup();
});

const put = (server: RunningServer, line: ReturnType<typeof newLine>) =>
  fetch(`${server.url}/api/responses/${line.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(line),
  });

test('a change made through one instance reaches, within 2 s, a stream opened on the other, and the reverse', async () => {
  const [first, second] = servers;
  for (const [writer, reader] of [[first, second], [second, first]]) {
    const stream = await openSse(reader.url, 'recipientId=42');
    try {
      await stream.nextEvent('ready');
      const line = newLine();
      const started = Date.now();
      assert.equal((await put(writer, line)).status, 201);
      const change = await stream.nextEvent('change', 2_000);
      assert.equal(JSON.parse(change.data).lineId, line.id);
      console.log(`${writer === first ? 'first → second' : 'second → first'}: ${Date.now() - started} ms from the PUT to the event`);
    } finally {
      await stream.close();
    }
  }
});

// Its servers open PGlite folders of their own whichever engine the pass is on: once per run is enough.
test('the embedded database: a second process opening the same data folder stops at start, saying why', { ...ONCE_ACROSS_ENGINES, timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-pglite-lock-'));
  const folder = join(dataDir, 'pglite');
  const running = await startServer({ port: 0, host: '127.0.0.1', dataDir: folder, token: TOKEN, vite: false, statsSchedule: false });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CR_DATA_DIR: folder, DATABASE_URL: '', CR_PRESETS_PORT: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    // It must stop by itself; one that starts (prints its storage) is stopped here, and fails.
    const started = new Promise<void>((resolve) => child.stdout.on('data', () => output.includes('Storage:') && resolve()));
    const outcome = await Promise.race([once(child, 'exit').then(([code]) => code as number | null), started.then(() => 'started' as const)]);
    if (outcome === 'started') {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    assert.notEqual(outcome, 'started', `a second process started on the same folder:\n${output}`);
    assert.notEqual(outcome, 0, output);
    assert.match(output, /The embedded database in .* is in use by another server \(process \d+\)\. PGlite serves one server instance/u);
    assert.match(output, /DATABASE_URL/u);
    // In one process too: a second open is refused, not a second Postgres over the same files.
    await assert.rejects(openDb({ dataDir: folder }), /in use by this process already/u);
    // The first instance is untouched.
    assert.equal((await fetch(`${running.url}/readyz`)).status, 200);
  } finally {
    await running.close();
  }
  try {
    // Closed, the folder is free again; a lock left by a process that is gone is taken over.
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    writeFileSync(join(folder, 'cr-server.lock'), String(gone.pid));
    const reopened = await openDb({ dataDir: folder });
    await reopened.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
