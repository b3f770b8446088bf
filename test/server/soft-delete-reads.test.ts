// A soft-deleted line leaves every read exactly as if it had been removed: statistics, the summary,
// the detail report, its CSV, the clickthrough report and the Response column. Checked against the
// same database with the lines really deleted (in a transaction rolled back afterwards).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { computeStats, computeSummary } from '../../server/stats/stats.js';
import type { Clickthrough } from '../../src/model/campaign-stats.js';
import type { Page, RecipientCampaigns } from '../../src/model/types.js';
import { call, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
const CAMPAIGN = 'spring-launch-2026';
const RECIPIENT = '42';

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

class Rollback extends Error {}

test('statistics, summary, report, CSV, clickthrough and the latest response leave deleted lines out', async () => {
  const ids = (await testDb.db.query<{ id: string }>(
    'SELECT id::text AS id FROM response_lines WHERE recipient_id = $1 AND campaign_id = $2', [RECIPIENT, CAMPAIGN],
  )).map((row) => row.id);
  assert.ok(ids.length > 2, 'the seed gives the recipient lines in the campaign');
  const clicked = await testDb.db.query("SELECT 1 FROM response_lines WHERE recipient_id = $1 AND campaign_id = $2 AND link_id IS NOT NULL", [RECIPIENT, CAMPAIGN]);
  const reportBefore = (await call(app, 'GET', `/api/campaigns/${CAMPAIGN}/responses?limit=1`)).json as Page<unknown>;

  const deleted = await call(app, 'DELETE', `/api/recipients/${RECIPIENT}/campaigns/${CAMPAIGN}/responses`);
  assert.equal((deleted.json as { deleted: number }).deleted, ids.length);

  // What the figures would be with the lines gone for good.
  let expected: { stats: unknown; summary: unknown } | undefined;
  await assert.rejects(testDb.db.transaction(async (tx) => {
    await tx.query('DELETE FROM all_response_lines WHERE id = ANY($1::uuid[])', [ids]);
    expected = { stats: await computeStats(tx, CAMPAIGN), summary: await computeSummary(tx, CAMPAIGN) };
    throw new Rollback();
  }), Rollback);
  assert.deepEqual(await computeStats(testDb.db, CAMPAIGN), expected?.stats);
  assert.deepEqual(await computeSummary(testDb.db, CAMPAIGN), expected?.summary);
  const { asOf: _a, nextRefreshAt: _n, ...served } = (await call(app, 'GET', `/api/campaigns/${CAMPAIGN}/stats?fresh=1`)).json as Record<string, unknown>;
  assert.deepEqual(served, expected?.stats, 'the served snapshot too');

  const report = (await call(app, 'GET', `/api/campaigns/${CAMPAIGN}/responses?limit=500`)).json as Page<{ id: string }>;
  assert.equal(report.total, (reportBefore.total ?? 0) - ids.length);
  assert.ok(!report.items.some((row) => ids.includes(row.id)));
  const csv = (await call(app, 'GET', `/api/campaigns/${CAMPAIGN}/responses.csv`)).text;
  assert.ok(!ids.some((id) => csv.includes(id)), 'no deleted line in the export');
  const clicks = (await call(app, 'GET', `/api/campaigns/${CAMPAIGN}/clickthrough`)).json as Clickthrough;
  const clickers = clicks.events.flatMap((event) => event.links.flatMap((link) => link.clickers));
  if (clicked.length > 0) assert.ok(clickers.length > 0, 'others still clicked');
  assert.ok(!clickers.some((clicker) => clicker.recipientId === RECIPIENT));
  const campaigns = (await call(app, 'GET', `/api/recipients/${RECIPIENT}/campaigns`)).json as RecipientCampaigns;
  assert.equal(campaigns.campaigns.find((c) => c.id === CAMPAIGN)?.latestResponse, null);
});

test('a bound of 2000 line ids fits the body limit; 2001 is refused', async () => {
  const path = `/api/recipients/43/campaigns/expo-berlin/responses`;
  const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());
  const full = await call(app, 'DELETE', path, { body: { lineIds: ids(2000) } });
  assert.equal(full.status, 200, full.text);
  assert.equal((full.json as { deleted: number }).deleted, 0, 'none of those ids are lines');
  assert.ok((full.json as { kept: number }).kept > 0, 'the live lines stay');
  const over = await call(app, 'DELETE', path, { body: { lineIds: ids(2001) } });
  assert.equal(over.status, 422, over.text);
  assert.equal((await call(app, 'PUT', `/api/responses/${crypto.randomUUID()}`, { body: { note: 'x'.repeat(70_000) } })).status, 413, 'other writes keep 64 KB');
});

test('the demo seed leaves the manager two restorable lines, deleted by her, with their audit trail', async () => {
  const answer = await call(app, 'GET', '/api/recipients/42/responses?campaignId=webinar-analytics&include=deleted');
  const deleted = (answer.json as Page<{ id: string; deletedBy: string | null; deletionId: string | null }>).items.filter((l) => l.deletionId);
  assert.equal(deleted.length, 2);
  assert.ok(deleted.every((line) => line.deletedBy === 'Morgan Reyes'));
  const audit = (await call(app, 'GET', '/api/audit?recipientId=42&campaignId=webinar-analytics')).json as { items: { action: string; principal: { name: string } }[] };
  const trail = audit.items.map((r) => `${r.action} ${r.principal.name}`);
  assert.deepEqual(trail.filter((entry) => entry.startsWith('delete')), ['delete Morgan Reyes', 'delete Morgan Reyes']);
  assert.equal(trail.filter((entry) => entry === 'add Sam Patel').length, 2);
  const restored = await call(app, 'POST', `/api/deletions/${deleted[0].deletionId}/restore`);
  assert.deepEqual(restored.json, { restored: 1 });
});
