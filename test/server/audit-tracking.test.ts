// What tracking leaves in the audit trail: a send is a person's change (one record naming every line
// it added); the opens and clicks its mails report are not audited (hot paths, and the lines carry
// their own evidence and source).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { SendResult } from '../../src/model/campaign-stats.js';
import type { AuditPage } from '../../src/model/audit.js';
import { call, openTestDb, opensFolded, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

const auditCount = async () => (await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_records')).at(0)?.n ?? 0;

test('a send writes one add record with its lines; a second send and the opens write none', async () => {
  const path = '/api/campaigns/spring-launch-2026/events/spring-last-chance/send';
  const send = await call(app, 'POST', path, { headers: { 'X-Request-Id': 'send-1' } });
  assert.equal(send.status, 200, send.text);
  const result = send.json as SendResult;
  const added = result.deliveries.filter((d) => d.newlySent).length;
  assert.ok(added > 0);
  const audit = (await call(app, 'GET', '/api/audit?campaignId=spring-launch-2026&limit=1')).json as AuditPage;
  const [record] = audit.items;
  assert.deepEqual([record.action, record.principal.id, record.requestId, record.recipientId], ['add', 'service', 'send-1', null]);
  assert.equal(record.lineIds.length, added);
  const lines = await testDb.db.query('SELECT 1 FROM response_lines WHERE id = ANY($1::uuid[]) AND event_id = $2', [record.lineIds, 'spring-last-chance']);
  assert.equal(lines.length, added, 'it names the lines the send added');

  const before = await auditCount();
  assert.equal((await call(app, 'POST', path)).status, 200);
  const openUrl = result.deliveries.find((d) => d.tracking)?.tracking?.openUrl;
  assert.ok(openUrl);
  const opens = async () => (await testDb.db.query("SELECT 1 FROM response_lines WHERE event_id = 'spring-last-chance' AND detail_id = 'opened'")).length;
  const opensBefore = await opens();
  const pixel = await app.request(new URL(openUrl).pathname, { headers: { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0' } });
  assert.equal(pixel.status, 200);
  await opensFolded(app);
  assert.equal(await opens(), opensBefore + 1, 'the open was recorded');
  assert.equal(await auditCount(), before);
});
