// The purge as the server schedules it: startServer runs it on CR_PURGE_INTERVAL_MS with the
// clock it is given, so moving that clock past the restore window purges without waiting 30 days.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromEnv } from '../../server/env-options.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { newLine, openTestDb, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;
let server: RunningServer;
let clock = new Date('2026-06-01T08:00:00.000Z');
const DAY = 86_400_000;

before(async () => {
  testDb = await openTestDb();
  server = await startServer({
    db: testDb.db, port: 0, host: '127.0.0.1', vite: false, seed: false, statsSchedule: false, token: TOKEN,
    restoreDays: 7, purgeIntervalMs: 40, now: () => clock,
  });
});
after(async () => {
  await server.close();
  await testDb.cleanup();
});

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('the scheduled purge removes a deleted line once the injected clock passes the restore window', async () => {
  const line = newLine({ recipientId: '44' });
  assert.equal((await api('PUT', `/responses/${line.id}`, line)).status, 201);
  const answer = (await (await api('DELETE', `/responses/${line.id}`)).json()) as { deletionId: string };
  const stored = async () => (await testDb.db.query('SELECT 1 FROM all_response_lines WHERE id = $1', [line.id])).length > 0;
  // Several ticks inside the window leave it restorable.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(await stored(), 'kept inside the window');
  clock = new Date(clock.getTime() + 7 * DAY);
  await until(async () => !(await stored()), 'the purge');
  assert.equal((await api('POST', `/deletions/${answer.deletionId}/restore`)).status, 410);
  const audit = (await (await api('GET', `/audit?lineId=${line.id}`)).json()) as { items: { action: string }[] };
  assert.deepEqual(audit.items.map((r) => r.action), ['purge', 'delete', 'add']);
});

test('the retention settings come from the environment, and a wrong one stops the start', () => {
  const options = optionsFromEnv({ CR_RESTORE_DAYS: '14', CR_AUDIT_RETENTION_DAYS: '365', CR_PURGE_INTERVAL_MS: '15m' }, '2h');
  assert.deepEqual([options.restoreDays, options.auditRetentionDays, options.purgeIntervalMs], [14, 365, 900_000]);
  const defaults = optionsFromEnv({}, '2h');
  assert.deepEqual([defaults.restoreDays, defaults.auditRetentionDays, defaults.purgeIntervalMs], [undefined, undefined, undefined]);
  assert.throws(() => optionsFromEnv({ CR_RESTORE_DAYS: 'thirty' }, '2h'), /CR_RESTORE_DAYS/u);
  assert.throws(() => optionsFromEnv({ CR_AUDIT_RETENTION_DAYS: '0' }, '2h'), /CR_AUDIT_RETENTION_DAYS/u);
});
