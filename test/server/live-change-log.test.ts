// The change log behind the live feed: each add, delete, restore, purge, erasure and tracked hit
// writes its rows in the same transaction as the change; ids come in commit order; rows older than
// CR_CHANGE_LOG_DAYS are pruned by the purge job with its injected clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { SendResult } from '../../src/model/campaign-stats.js';
import { purgeExpired } from '../../server/audit/retention.js';
import { optionsFromEnv } from '../../server/env-options.js';
import { logBounds, readChanges, recordChange, type ChangeRow } from '../../server/live/change-log.js';
import { call, newLine, openTestDb, opensFolded, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let clock = new Date('2026-06-01T08:00:00.000Z');
const DAY = 86_400_000;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db, { now: () => clock });
});
after(() => testDb.cleanup());

async function lastId(): Promise<number> {
  return (await logBounds(testDb.db)).lastId;
}

async function since(id: number, filter: { recipientId?: string; campaignId?: string } = {}): Promise<ChangeRow[]> {
  return readChanges(testDb.db, filter, id, 10_000);
}

async function ok(method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await call(app, method, path, { body });
  assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.json;
}

test('an add, a delete-all and its restore log one row per line, in order, at the clock of the change', async () => {
  const start = await lastId();
  const first = newLine({ recipientId: '44' });
  const second = newLine({ recipientId: '44', detailId: 'subscribed' });
  await ok('PUT', `/api/responses/${first.id}`, first);
  await ok('PUT', `/api/responses/${first.id}`, first); // a replay changes nothing, and logs nothing
  await ok('PUT', `/api/responses/${second.id}`, second);
  const deleted = (await ok('DELETE', '/api/recipients/44/campaigns/renewal-calls/responses')) as { deletionId: string };
  await ok('POST', `/api/deletions/${deleted.deletionId}/restore`);
  const rows = await since(start);
  assert.deepEqual(rows.map((r) => r.kind).slice(0, 2), ['line-added', 'line-added']);
  assert.deepEqual(rows.slice(0, 2).map((r) => r.lineId), [first.id, second.id]);
  const deletes = rows.filter((r) => r.kind === 'line-deleted');
  const restores = rows.filter((r) => r.kind === 'line-restored');
  assert.ok(deletes.length >= 2 && deletes.length === restores.length, 'one row per line deleted and restored');
  for (const id of [first.id, second.id]) {
    assert.ok(deletes.some((r) => r.lineId === id) && restores.some((r) => r.lineId === id));
  }
  assert.ok(rows.every((r) => r.recipientId === '44' && r.campaignId === 'renewal-calls' && r.at === clock.toISOString()));
  assert.deepEqual(rows.map((r) => r.id), [...rows.map((r) => r.id)].sort((a, b) => a - b), 'ids increase');
});

test('a refused write and a rolled-back transaction log nothing', async () => {
  const start = await lastId();
  const refused = await call(app, 'PUT', `/api/responses/${newLine().id}`, { body: { ...newLine(), detailId: 'opened' } });
  assert.equal(refused.status, 422);
  await assert.rejects(
    testDb.db.transaction(async (tx) => {
      await recordChange(tx, { kind: 'line-added', recipientId: '42', campaignId: 'renewal-calls', lineIds: [newLine().id], at: clock });
      throw new Error('the change failed after its log row');
    }),
    /the change failed/u,
  );
  assert.deepEqual(await since(start), []);
});

test('a send, an open and a click log their tracked lines; a statistics change has no recipient', async () => {
  const start = await lastId();
  const sent = (await ok('POST', '/api/campaigns/spring-launch-2026/events/spring-last-chance/send')) as SendResult;
  const mail = sent.deliveries.find((d) => d.outcome === 'sent' && d.tracking);
  assert.ok(mail?.tracking);
  const openPath = new URL(mail.tracking.openUrl).pathname;
  assert.equal((await call(app, 'GET', openPath, { token: null })).status, 200);
  await opensFolded(app);
  const [link] = mail.tracking.links;
  assert.equal((await call(app, 'GET', new URL(link.clickUrl).pathname, { token: null })).status, 302);
  await testDb.db.transaction((tx) => recordChange(tx, { kind: 'stats-changed', recipientId: null, campaignId: 'spring-launch-2026', lineIds: [], at: clock }));
  const rows = await since(start, { campaignId: 'spring-launch-2026' });
  const kinds = rows.map((r) => r.kind);
  assert.equal(kinds.filter((k) => k === 'line-added').length, sent.deliveries.filter((d) => d.newlySent).length);
  const mine = rows.filter((r) => r.recipientId === mail.recipientId).map((r) => r.kind);
  assert.deepEqual(mine, ['line-added', 'tracked-open', 'tracked-click']);
  assert.deepEqual(rows.at(-1), { ...rows.at(-1), kind: 'stats-changed', recipientId: null, lineId: null });
  assert.ok(!(await since(start, { recipientId: mail.recipientId })).some((r) => r.kind === 'stats-changed'));
});

test("an erasure logs each line it blanked under that line's own campaign", async () => {
  const line = newLine({ recipientId: '49', note: 'Private words.' });
  await ok('PUT', `/api/responses/${line.id}`, line);
  const start = await lastId();
  await ok('POST', '/api/recipients/49/erasure');
  const rows = await since(start);
  assert.ok(rows.length >= 1);
  assert.ok(rows.every((r) => r.kind === 'line-updated' && r.recipientId === '49'));
  assert.equal(rows.find((r) => r.lineId === line.id)?.campaignId, 'renewal-calls');
});

test('the purge logs purged lines, and prunes log rows past CR_CHANGE_LOG_DAYS, moving the horizon', async () => {
  const line = newLine({ recipientId: '46' });
  await ok('PUT', `/api/responses/${line.id}`, line);
  await ok('DELETE', `/api/responses/${line.id}`);
  const deletedAt = clock;
  const start = await lastId();
  try {
    clock = new Date(deletedAt.getTime() + 31 * DAY);
    await purgeExpired(testDb.db, clock, { changeLogDays: 60 });
    const purged = await since(start);
    assert.ok(purged.some((r) => r.kind === 'line-purged' && r.lineId === line.id && r.recipientId === '46'));
    assert.ok((await logBounds(testDb.db)).prunedThrough < start, 'nothing is old enough yet');

    // Everything logged at the first clock is older than 10 days at the second; the purge rows are not.
    const old = (await since(0)).filter((r) => r.at === deletedAt.toISOString()).map((r) => r.id);
    const outcome = await purgeExpired(testDb.db, new Date(deletedAt.getTime() + 32 * DAY), { changeLogDays: 10 });
    assert.ok(outcome.changes >= old.length && old.length > 0);
    const bounds = await logBounds(testDb.db);
    assert.ok(bounds.prunedThrough >= Math.max(...old), 'the horizon covers the pruned rows');
    assert.ok(!(await since(0)).some((r) => old.includes(r.id)), 'they are gone');
    assert.ok((await since(start)).some((r) => r.kind === 'line-purged'), 'newer rows are kept');
    assert.equal(bounds.lastId, (await since(0)).at(-1)?.id);
  } finally {
    clock = deletedAt;
  }
});

test('the purge takes the log lock after its deletes: an erasure holding a line it purges next is no deadlock', async () => {
  const deletedAt = clock;
  const [first, second] = [newLine({ recipientId: '44', note: 'first' }), newLine({ recipientId: '46', note: 'second' })];
  try {
    for (const [line, at] of [[first, deletedAt], [second, new Date(deletedAt.getTime() + 1)]] as const) {
      clock = at;
      await ok('PUT', `/api/responses/${line.id}`, line);
      await ok('DELETE', `/api/responses/${line.id}`);
    }
    let purgeStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (purgeStarted = resolve));
    // An erasure of the second recipient: it holds their lines, then logs its change.
    const erasure = testDb.db.transaction(async (tx) => {
      await tx.query("UPDATE all_response_lines SET note = '' WHERE recipient_id = '46'");
      purgeStarted();
      // Long enough for the purge to delete the first deletion's lines and wait for the second's.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await recordChange(tx, { kind: 'line-updated', recipientId: '46', campaignId: null, lineIds: [second.id], at: clock });
    });
    await started;
    const purge = purgeExpired(testDb.db, new Date(deletedAt.getTime() + 31 * DAY));
    const [erased, purged] = await Promise.allSettled([erasure, purge]);
    assert.equal(erased.status, 'fulfilled', String((erased as PromiseRejectedResult).reason));
    assert.equal(purged.status, 'fulfilled', String((purged as PromiseRejectedResult).reason));
    const rows = await since(0);
    assert.ok([first.id, second.id].every((id) => rows.some((r) => r.kind === 'line-purged' && r.lineId === id)));
  } finally {
    clock = deletedAt;
  }
});

test('ids are handed out in commit order: a reader following the log by id never skips a row', async () => {
  const start = await lastId();
  const seen: number[] = [];
  let cursor = start;
  let writing = true;
  const reader = (async () => {
    while (writing) {
      for (const row of await since(cursor)) {
        seen.push(row.id);
        cursor = row.id;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  // Each writer logs, then holds its transaction open a random while before committing.
  await Promise.all(Array.from({ length: 20 }, (_, i) =>
    testDb.db.transaction(async (tx) => {
      await recordChange(tx, { kind: 'line-added', recipientId: '42', campaignId: 'renewal-calls', lineIds: [newLine().id], at: clock });
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 23));
    })));
  writing = false;
  await reader;
  for (const row of await since(cursor)) seen.push(row.id);
  assert.deepEqual(seen, (await since(start)).map((r) => r.id), 'the follower saw every row, once, in order');
  assert.equal(seen.length, 20);
});

test('CR_CHANGE_LOG_DAYS sets the retention; a wrong value stops the start', () => {
  assert.equal(optionsFromEnv({ CR_CHANGE_LOG_DAYS: '3' }, '2h').changeLogDays, 3);
  assert.equal(optionsFromEnv({}, '2h').changeLogDays, undefined);
  assert.throws(() => optionsFromEnv({ CR_CHANGE_LOG_DAYS: '0' }, '2h'), /CR_CHANGE_LOG_DAYS/u);
});
