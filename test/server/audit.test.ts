// The audit trail and soft deletes over HTTP: every change leaves one record with who, when, the
// request id and the Idempotency-Key; deletes are soft and restorable within the window; the
// record and the change commit or roll back together; purge, erasure and the audit read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Db, Queryable } from '../../server/db/db.js';
import { purgeExpired } from '../../server/audit/retention.js';
import type { AuditPage, AuditRecord } from '../../src/model/audit.js';
import type { Page, ResponseLine } from '../../src/model/types.js';
import { call, ContractChecker, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
let clock = new Date('2026-06-01T08:00:00.000Z');
const DAY = 86_400_000;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db, { now: () => clock });
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

async function put(line: ResponseLine | ReturnType<typeof newLine>, headers: Record<string, string> = {}, on: Hono = app) {
  const answer = await call(on, 'PUT', `/api/responses/${line.id}`, { body: line, headers });
  assert.equal(answer.status, 201, answer.text);
  return answer;
}

async function audit(query: string): Promise<AuditRecord[]> {
  const answer = await call(app, 'GET', `/api/audit?${query}`);
  assert.equal(answer.status, 200, answer.text);
  contract.check('GET', '/audit', answer);
  return (answer.json as AuditPage).items;
}

async function history(recipientId: string, query = ''): Promise<ResponseLine[]> {
  const answer = await call(app, 'GET', `/api/recipients/${recipientId}/responses?limit=500${query}`);
  assert.equal(answer.status, 200, answer.text);
  contract.check('GET', '/recipients/{recipientId}/responses', answer);
  return (answer.json as Page<ResponseLine>).items;
}

test('an add writes one audit record with the line, the request id and the Idempotency-Key; a replay writes none', async () => {
  const line = newLine({ recipientId: '44', note: 'Asked for the brochure.' });
  const key = `op-${randomUUID()}`;
  const first = await put(line, { 'Idempotency-Key': key, 'X-Request-Id': 'req-add-1' });
  assert.equal(first.headers.get('X-Request-Id'), 'req-add-1');
  await put(line, { 'Idempotency-Key': key });
  await put(line);
  const records = await audit(`lineId=${line.id}`);
  assert.equal(records.length, 1);
  const [record] = records;
  assert.equal(record.action, 'add');
  assert.deepEqual(record.principal, { id: 'service', name: 'API token' });
  assert.equal(record.requestId, 'req-add-1');
  assert.equal(record.idempotencyKey, key);
  assert.equal(record.at, clock.toISOString());
  assert.deepEqual(record.lineIds, [line.id]);
  assert.equal(record.before, null);
  assert.deepEqual(record.after, first.json);
});

test('a single-line delete hides the line from reads, shows it with include=deleted, and a restore brings it back', async () => {
  const line = newLine({ recipientId: '44', respondedAt: '2026-05-21T10:00:00.000Z' });
  await put(line);
  const deleted = await call(app, 'DELETE', `/api/responses/${line.id}`, { headers: { 'Idempotency-Key': `d-${line.id}` } });
  assert.equal(deleted.status, 200, deleted.text);
  contract.check('DELETE', '/responses/{id}', deleted);
  const result = deleted.json as { deleted: number; kept: number; deletionId: string };
  assert.equal(result.deleted, 1);
  assert.equal(result.kept, 0);
  assert.ok(!(await history('44')).some((l) => l.id === line.id), 'gone from the history');
  const withDeleted = (await history('44', '&include=deleted')).find((l) => l.id === line.id);
  assert.equal(withDeleted?.deletionId, result.deletionId);
  assert.equal(withDeleted?.deletedBy, 'API token');
  assert.equal(withDeleted?.deletedAt, clock.toISOString());
  assert.ok((await history('44', '&include=deleted')).some((l) => l.deletedAt === null), 'live lines are there too');
  const again = await call(app, 'DELETE', `/api/responses/${line.id}`);
  assert.deepEqual(again.json, { deleted: 0, kept: 0, deletionId: result.deletionId }, 'a second delete changes nothing');

  const restored = await call(app, 'POST', `/api/responses/${line.id}/restore`);
  assert.equal(restored.status, 200, restored.text);
  contract.check('POST', '/responses/{id}/restore', restored);
  assert.equal((restored.json as ResponseLine).id, line.id);
  assert.ok((await history('44')).some((l) => l.id === line.id));
  assert.equal((await call(app, 'POST', `/api/responses/${line.id}/restore`)).status, 200, 'live already: 200');
  const actions = (await audit(`lineId=${line.id}`)).map((r) => r.action);
  assert.deepEqual(actions, ['restore', 'delete', 'add'], 'newest first, one record per change');
  assert.equal((await call(app, 'DELETE', `/api/responses/${randomUUID()}`)).status, 404);
  assert.equal((await call(app, 'POST', `/api/responses/${randomUUID()}/restore`)).status, 404);
  assert.equal((await call(app, 'POST', `/api/deletions/${randomUUID()}/restore`)).status, 404);
});

test('restore after a delete-all, then a queued delete with a stale bound leaves the newer line and reports it kept', async () => {
  const seen = [newLine({ recipientId: '42', note: 'first' }), newLine({ recipientId: '42', note: 'second' })];
  for (const line of seen) await put(line);
  const path = '/api/recipients/42/campaigns/renewal-calls/responses';
  const all = await countLines(testDb.db, "recipient_id = '42' AND campaign_id = 'renewal-calls'");
  const deleteAll = await call(app, 'DELETE', path);
  contract.check('DELETE', '/recipients/{recipientId}/campaigns/{campaignId}/responses', deleteAll);
  const { deleted, deletionId } = deleteAll.json as { deleted: number; deletionId: string };
  assert.equal(deleted, all);
  assert.equal(await countLines(testDb.db, "recipient_id = '42' AND campaign_id = 'renewal-calls'"), 0);

  const restore = await call(app, 'POST', `/api/deletions/${deletionId}/restore`, { headers: { 'Idempotency-Key': `r-${deletionId}` } });
  contract.check('POST', '/deletions/{deletionId}/restore', restore);
  assert.deepEqual(restore.json, { restored: all });
  assert.equal(await countLines(testDb.db, "recipient_id = '42' AND campaign_id = 'renewal-calls'"), all);
  assert.deepEqual((await call(app, 'POST', `/api/deletions/${deletionId}/restore`)).json, { restored: 0 }, 'restored already');

  // Someone adds a line; then a delete-all queued offline before it arrives, bound to what its sender saw.
  const newer = newLine({ recipientId: '42', note: 'added since' });
  await put(newer);
  const stale = await call(app, 'DELETE', path, { body: { lineIds: seen.map((l) => l.id.toUpperCase()) }, headers: { 'Idempotency-Key': `q-${newer.id}` } });
  assert.equal(stale.status, 200, stale.text);
  contract.check('DELETE', '/recipients/{recipientId}/campaigns/{campaignId}/responses', stale);
  assert.deepEqual({ ...(stale.json as object), deletionId: null }, { deleted: 2, kept: all - 2 + 1, deletionId: null });
  const live = (await history('42', '&campaignId=renewal-calls')).map((l) => l.id);
  assert.ok(live.includes(newer.id), 'the newer line stays');
  assert.ok(!seen.some((l) => live.includes(l.id)), 'the lines it named went');
  const [record] = await audit('recipientId=42&campaignId=renewal-calls&limit=1');
  assert.equal(record.action, 'delete-all');
  assert.deepEqual([...record.lineIds].sort(), seen.map((l) => l.id).sort());
  const reordered = await call(app, 'DELETE', path, { body: { lineIds: [...seen].reverse().map((l) => l.id) }, headers: { 'Idempotency-Key': `q-${newer.id}` } });
  assert.equal(reordered.headers.get('Idempotent-Replayed'), 'true', 'the same bound in another order is the same request');
  const other = await call(app, 'DELETE', path, { body: { lineIds: [newer.id] }, headers: { 'Idempotency-Key': `q-${newer.id}` } });
  assert.equal(other.status, 409, 'another bound under the same key is refused');
  assert.equal((await call(app, 'DELETE', path, { body: { lineIds: ['nope'] } })).status, 422);
  assert.equal((await call(app, 'DELETE', path, { body: { lineIds: [], extra: 1 } })).status, 422);
});

test('a restore past the window is 410 Gone; the purge removes the lines, records it, and a restore stays 410', async () => {
  const line = newLine({ recipientId: '46' });
  await put(line);
  const { deletionId } = (await call(app, 'DELETE', '/api/recipients/46/campaigns/renewal-calls/responses')).json as { deletionId: string };
  const deletedAt = clock;
  try {
    clock = new Date(deletedAt.getTime() + 31 * DAY);
    const gone = await call(app, 'POST', `/api/deletions/${deletionId}/restore`);
    assert.equal(gone.status, 410, gone.text);
    contract.check('POST', '/deletions/{deletionId}/restore', gone);
    assert.equal((await call(app, 'POST', `/api/responses/${line.id}/restore`)).status, 410);
    assert.ok(!(await history('46', '&include=deleted')).some((l) => l.id === line.id), 'not offered once past the window');

    // The injected clock: a day short of the window purges nothing; past it, the deletion goes.
    const early = await purgeExpired(testDb.db, new Date(deletedAt.getTime() + 29 * DAY));
    assert.equal(early.lines, 0);
    assert.equal(await countAll(testDb.db, line.id), 1);
    const outcome = await purgeExpired(testDb.db, clock);
    assert.ok(outcome.lines >= 1);
    assert.equal(await countAll(testDb.db, line.id), 0);
    const [purge] = (await audit(`lineId=${line.id}`)).filter((r) => r.action === 'purge');
    assert.equal(purge.principal.id, 'system');
    assert.equal(purge.deletionId, deletionId);
    assert.equal(purge.before, null, 'the purge repeats no content');
    assert.equal((await call(app, 'POST', `/api/deletions/${deletionId}/restore`)).status, 410);
    assert.equal((await call(app, 'POST', `/api/responses/${line.id}/restore`)).status, 410);
    assert.equal((await purgeExpired(testDb.db, clock)).lines, 0, 'a second run finds nothing');

    // Audit retention: records older than it go.
    const retained = await purgeExpired(testDb.db, new Date(deletedAt.getTime() + 800 * DAY), { auditRetentionDays: 730 });
    assert.ok(retained.auditRecords > 0);
    assert.deepEqual(await audit(`lineId=${line.id}`), []);
  } finally {
    clock = deletedAt;
  }
});

test('erasure blanks the notes in lines, deleted lines and audit snapshots, and is audited without them', async () => {
  const secret = 'Private: call after 6pm on 0170-555';
  const kept = newLine({ recipientId: '47', campaignId: 'webinar-analytics', eventId: 'webinar-live', note: secret });
  const gone = newLine({ recipientId: '47', campaignId: 'webinar-analytics', eventId: 'webinar-live', note: `${secret} (2)` });
  await put(kept);
  await put(gone);
  await call(app, 'DELETE', `/api/responses/${gone.id}`);
  const answer = await call(app, 'POST', '/api/recipients/47/erasure', { headers: { 'Idempotency-Key': 'erase-47' } });
  assert.equal(answer.status, 200, answer.text);
  contract.check('POST', '/recipients/{recipientId}/erasure', answer);
  const result = answer.json as { lines: number; auditRecords: number };
  assert.ok(result.lines >= 2);
  assert.ok(result.auditRecords >= 3, 'two adds and a delete held the note');
  const rows = await testDb.db.query<{ note: string }>("SELECT note FROM all_response_lines WHERE recipient_id = '47'");
  assert.ok(rows.every((row) => row.note === ''));
  const records = await audit('recipientId=47&limit=500');
  assert.ok(!JSON.stringify(records).includes('0170-555'), 'no trace of the note in the audit trail');
  const erase = records.find((r) => r.action === 'erase');
  assert.ok(erase);
  assert.equal(erase.before, null);
  assert.equal(erase.after, null);
  assert.equal((await call(app, 'POST', '/api/recipients/nobody/erasure')).status, 404);
});

test('the audit read filters by campaign, principal and time, and pages with a cursor, newest first', async () => {
  const lines = Array.from({ length: 5 }, (_, i) => newLine({ recipientId: '48', campaignId: 'webinar-analytics', eventId: 'webinar-live', note: `page ${i}` }));
  for (const line of lines) await put(line, { 'X-Request-Id': `page-${line.id.slice(0, 8)}` });
  const seen: AuditRecord[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const answer = await call(app, 'GET', `/api/audit?recipientId=48&principal=service&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    contract.check('GET', '/audit', answer);
    const page = answer.json as AuditPage;
    seen.push(...page.items);
    cursor = page.nextCursor;
  }
  assert.deepEqual(seen.map((r) => r.lineIds[0]), [...lines].reverse().map((l) => l.id));
  assert.deepEqual(await audit('recipientId=48&principal=someone-else'), []);
  assert.equal((await audit(`recipientId=48&from=${encodeURIComponent(clock.toISOString())}`)).length, 5);
  assert.equal((await audit(`recipientId=48&to=${encodeURIComponent(clock.toISOString())}`)).length, 0);
  assert.equal((await audit('recipientId=48&campaignId=expo-berlin')).length, 0);
  for (const bad of ['limit=0', 'cursor=nope', 'from=yesterday', 'lineId=42']) {
    const answer = await call(app, 'GET', `/api/audit?${bad}`);
    assert.equal(answer.status, 422, bad);
    contract.check('GET', '/audit', answer);
  }
});

/** The db with a fault: the first audit insert after `arm()` throws, after the change's own statement ran. */
function faultyDb(db: Db): Db & { arm(): void } {
  let armed = false;
  const wrap = (target: Queryable): Queryable => ({
    query: async (sql, params) => {
      if (armed && /^\s*INSERT INTO audit_records/u.test(sql)) {
        armed = false;
        throw new Error('injected fault between the change and its audit record');
      }
      return target.query(sql, params);
    },
    exec: (sql) => target.exec(sql),
  });
  return { ...db, ...wrap(db), transaction: (work) => db.transaction((tx) => work(wrap(tx))), arm: () => (armed = true) };
}

test('the change and its audit record commit or roll back together', async () => {
  const faulty = faultyDb(testDb.db);
  const faultyApp = testApp(faulty, { now: () => clock });
  const snapshot = async (recipientId: string) => ({
    lines: await testDb.db.query("SELECT id, deleted_at FROM all_response_lines WHERE recipient_id = $1 ORDER BY id", [recipientId]),
    audit: await testDb.db.query('SELECT count(*)::int AS n FROM audit_records'),
    deletions: await testDb.db.query('SELECT count(*)::int AS n FROM deletions'),
  });
  const line = newLine({ recipientId: '49' });
  const original = console.error;
  console.error = () => undefined;
  try {
    const before = await snapshot('49');
    faulty.arm();
    assert.equal((await call(faultyApp, 'PUT', `/api/responses/${line.id}`, { body: line, headers: { 'Idempotency-Key': 'fault-add' } })).status, 500);
    assert.deepEqual(await snapshot('49'), before, 'no line without its record (and no stored answer)');
    await put(line, { 'Idempotency-Key': 'fault-add' }, faultyApp);

    for (const [method, path] of [
      ['DELETE', `/api/responses/${line.id}`],
      ['DELETE', '/api/recipients/49/campaigns/renewal-calls/responses'],
    ] as const) {
      const state = await snapshot('49');
      faulty.arm();
      assert.equal((await call(faultyApp, method, path)).status, 500, path);
      assert.deepEqual(await snapshot('49'), state, `${path}: nothing deleted without its record`);
    }
    const { deletionId } = (await call(faultyApp, 'DELETE', '/api/recipients/49/campaigns/renewal-calls/responses')).json as { deletionId: string };
    const deletedState = await snapshot('49');
    faulty.arm();
    assert.equal((await call(faultyApp, 'POST', `/api/deletions/${deletionId}/restore`)).status, 500);
    assert.deepEqual(await snapshot('49'), deletedState, 'nothing restored without its record');
    assert.ok(((await call(faultyApp, 'POST', `/api/deletions/${deletionId}/restore`)).json as { restored: number }).restored > 0);
  } finally {
    console.error = original;
  }
});

async function countAll(db: Db, id: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM all_response_lines WHERE id = $1', [id]);
  return row.n;
}
