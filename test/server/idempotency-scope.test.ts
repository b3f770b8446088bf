// Idempotency keys are per principal: another caller's key neither replays, refuses nor reveals
// anything; the same caller reusing its key still gets the usual refusal (the control).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { AUDIENCE, startLocalIssuer, type LocalIssuer } from './oidc-fixture.js';
import { randomBytes } from 'node:crypto';
import { openDb } from '../../server/db/db.js';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';
import { sha256 } from '../../server/http/http.js';
import { call, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let idp: LocalIssuer;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  idp = await startLocalIssuer();
  app = testApp(testDb.db, { oidc: { issuer: idp.issuer, audience: AUDIENCE } });
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

test("one person's Idempotency-Key is not another's: no replay, no refusal, nothing about the first request", async () => {
  const alice = await idp.mint({ sub: 'alice', name: 'Alice' });
  const bob = await idp.mint({ sub: 'bob', name: 'Bob' });
  const key = 'shared-key-1';
  const first = newLine();
  const put = (token: string | undefined, line: ReturnType<typeof newLine>) =>
    call(app, 'PUT', `/api/responses/${line.id}`, { body: line, headers: { 'Idempotency-Key': key }, ...(token ? { token } : {}) });
  assert.equal((await put(alice, first)).status, 201);

  const other = newLine();
  const bobs = await put(bob, other);
  assert.equal(bobs.status, 201, bobs.text);
  assert.equal(bobs.headers.get('Idempotent-Replayed'), null);
  assert.doesNotMatch(bobs.text, new RegExp(first.id, 'u'));
  const service = await put(undefined, newLine());
  assert.equal(service.status, 201, 'the service principal has keys of its own too');

  // Control: Alice reusing her key for another request is refused, naming only her own request.
  const reused = await put(alice, newLine());
  assert.equal(reused.status, 422);
  assert.match(reused.text, new RegExp(first.id, 'u'));
  assert.doesNotMatch(reused.text, new RegExp(other.id, 'u'));
});

test('keys stored before principals existed belong to the service principal, and still replay for it', async () => {
  const old = await openDb({ databaseUrl: process.env.DATABASE_URL, schema: process.env.DATABASE_URL ? `cr_test_${randomBytes(6).toString('hex')}` : undefined });
  try {
    const migrations = await loadMigrations();
    const cut = migrations.findIndex((m) => m.name === '005_idempotency_principal.sql');
    await migrate(old, migrations.slice(0, cut));
    await old.query(
      `INSERT INTO idempotency_keys (key, method, path, request_hash, status, response_body) VALUES ('before-principals', 'DELETE', '/api/recipients/49/campaigns/renewal-calls/responses', $1, 200, '{"deleted":7}')`,
      [sha256('').toString('base64url')],
    );
    await migrate(old, migrations);
    // Seeded after: the seed is written for the current schema (its roll-ups, its change log).
    await seed(old);
    const replay = await call(testApp(old), 'DELETE', '/api/recipients/49/campaigns/renewal-calls/responses', { headers: { 'Idempotency-Key': 'before-principals' } });
    assert.equal(replay.status, 200, replay.text);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(replay.json, { deleted: 7 });
  } finally {
    if (process.env.DATABASE_URL) await old.query('DROP SCHEMA IF EXISTS ' + (await old.query<{ s: string }>('SELECT current_schema() AS s'))[0].s + ' CASCADE');
    await old.close();
  }
});
