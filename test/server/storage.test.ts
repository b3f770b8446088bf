// Migrations, the seed's promises, and data that outlives a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db/db.js';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { seed, seedResponseLines } from '../../server/db/seed.js';
import { startServer } from '../../server/start.js';
import { newLine, onPostgres, openTestDb, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;

before(async () => {
  testDb = await openTestDb();
});
after(() => testDb.cleanup());

test('migrations are recorded once; migrating again applies nothing', async () => {
  const files = await loadMigrations();
  assert.ok(files.length >= 1);
  assert.ok(files.every((m, i) => i === 0 || m.name > files[i - 1].name), 'applied in name order');
  const recorded = await testDb.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  assert.deepEqual(recorded.map((r) => r.name), files.map((m) => m.name));
  assert.deepEqual(await migrate(testDb.db), []);
});

test('the seed: at least 5 recipients in distinct time zones', async () => {
  const recipients = await testDb.db.query<{ time_zone: string; email: string | null }>('SELECT time_zone, email FROM recipients');
  assert.ok(recipients.length >= 5);
  const zones = new Set(recipients.map((r) => r.time_zone));
  assert.equal(zones.size, recipients.length, 'each in its own time zone');
  for (const zone of zones) assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone);
});

test('the seed: 8 campaigns over email, direct mail, phone and events, in USD and EUR, each sent to several', async () => {
  const campaigns = await testDb.db.query<{ id: string; currency: string; base_cost: unknown; recipients: number }>(
    `SELECT c.id, c.currency, c.base_cost,
            (SELECT count(*)::int FROM campaign_recipients cr WHERE cr.campaign_id = c.id) AS recipients
       FROM campaigns c`,
  );
  assert.equal(campaigns.length, 8);
  assert.ok(campaigns.every((c) => c.recipients >= 3), 'each sent to several recipients');
  assert.deepEqual(new Set(campaigns.map((c) => c.currency)), new Set(['USD', 'EUR']));
  const events = await testDb.db.query<{ channel: string; legacy_email: boolean; cost: unknown }>('SELECT channel, legacy_email, cost FROM campaign_events');
  const channels = new Set(events.map((e) => e.channel));
  for (const channel of ['email', 'direct-mail', 'phone', 'event']) assert.ok(channels.has(channel), channel);
  assert.ok(events.some((e) => e.legacy_email), 'an older email event');
  assert.ok(events.some((e) => e.cost !== null) && campaigns.some((c) => c.base_cost !== null), 'costs');
});

test('the seed: hundreds of lines over months, tracked and manual, with links, evidence and bounces', async () => {
  const [stats] = await testDb.db.query<Record<string, number>>(
    `SELECT count(*)::int AS lines,
            count(*) FILTER (WHERE source = 'tracked')::int AS tracked,
            count(*) FILTER (WHERE source = 'manual')::int AS manual,
            count(*) FILTER (WHERE source = 'manual' AND note <> '' AND author IS NOT NULL)::int AS noted,
            count(*) FILTER (WHERE detail_id = 'sent')::int AS sent,
            count(*) FILTER (WHERE detail_id = 'opened')::int AS opened,
            count(*) FILTER (WHERE detail_id = 'clicked-through' AND link_url LIKE 'https://%')::int AS clicks,
            count(*) FILTER (WHERE evidence_machine)::int AS machine,
            count(*) FILTER (WHERE category_id IN ('bounced', 'failed'))::int AS bounces,
            count(*) FILTER (WHERE detail_id = 'purchased')::int AS purchases,
            count(DISTINCT date_trunc('month', responded_at))::int AS months
       FROM response_lines`,
  );
  assert.ok(stats.lines >= 200, `${stats.lines} lines`);
  for (const key of ['tracked', 'manual', 'noted', 'sent', 'opened', 'clicks', 'machine', 'purchases']) assert.ok(stats[key] > 0, key);
  assert.ok(stats.bounces >= 2, 'bounces');
  assert.ok(stats.months >= 4, `${stats.months} months`);
  const [{ latest }] = await testDb.db.query<{ latest: Date }>('SELECT max(responded_at) AS latest FROM response_lines');
  assert.ok(new Date(latest) <= new Date('2026-06-01T00:00:00Z'), 'all before the anchor date');
});

test('the seed is deterministic and applied only to an empty database', async () => {
  assert.deepEqual(seedResponseLines(), seedResponseLines(), 'the same lines every time');
  const expected = seedResponseLines()
    .map((l) => `${l.id} ${l.detailId} ${l.respondedAt.toISOString()} ${l.recordedAt.toISOString()}`)
    .sort();
  const stored = await testDb.db.query<{ id: string; detail_id: string; responded_at: Date; recorded_at: Date }>(
    'SELECT id::text AS id, detail_id, responded_at, recorded_at FROM response_lines',
  );
  const actual = stored
    .map((r) => `${r.id} ${r.detail_id} ${new Date(r.responded_at).toISOString()} ${new Date(r.recorded_at).toISOString()}`)
    .sort();
  assert.deepEqual(actual, expected, 'the database holds exactly the generated lines');
  assert.deepEqual(await seed(testDb.db), { demoData: false }, 'a second seed adds nothing');
  assert.equal(stored.length, (await testDb.db.query('SELECT id FROM response_lines')).length);
});

if (!onPostgres) {
  test('PGlite: a data folder keeps its data across a restart of the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cr-pglite-'));
    try {
      const line = newLine();
      const first = await startServer({ port: 0, host: '127.0.0.1', dataDir, token: TOKEN, vite: false });
      assert.match(first.storage, /PGlite/u);
      const put = await fetch(`${first.url}/api/responses/${line.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(line),
      });
      assert.equal(put.status, 201);
      await first.close();

      const second = await startServer({ port: 0, host: '127.0.0.1', dataDir, token: TOKEN, vite: false });
      try {
        // PGlite has no autovacuum: the server keeps the planner's statistics itself, from its start.
        // (ANALYZE sets pg_class.reltuples; never analyzed, a table the seed filled says -1 or 0.)
        const analyzed = await second.db.query<{ relname: string }>(
          "SELECT relname FROM pg_class WHERE relname IN ('all_response_lines', 'event_deliveries') AND reltuples > 0 ORDER BY 1",
        );
        assert.deepEqual(analyzed.map((r) => r.relname), ['all_response_lines', 'event_deliveries'], 'the tables analyzed at start');
        const [row] = await second.db.query<{ note: string }>('SELECT note FROM response_lines WHERE id = $1', [line.id]);
        assert.equal(row?.note, line.note, 'the line written before the restart');
        const [{ n }] = await second.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        assert.equal(n, (await loadMigrations()).length, 'migrations not applied twice');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
} else {
  test('PostgreSQL: a schema keeps its data across closing and reopening the pool', async () => {
    const schema = `cr_test_${randomBytes(6).toString('hex')}`;
    const databaseUrl = process.env.DATABASE_URL as string;
    const first = await openDb({ databaseUrl, schema });
    try {
      await migrate(first);
      await seed(first);
      const line = newLine();
      await first.query(
        `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, source)
         VALUES ($1, '42', 'renewal-calls', 'renewal-round-2', 'responded', 'responded', now(), now(), 'manual')`,
        [line.id],
      );
      await first.close();
      const second = await openDb({ databaseUrl, schema });
      try {
        assert.equal((await second.query('SELECT 1 FROM response_lines WHERE id = $1', [line.id])).length, 1);
        assert.deepEqual(await migrate(second), []);
      } finally {
        await second.query(`DROP SCHEMA ${schema} CASCADE`);
        await second.close();
      }
    } catch (error) {
      await first.close().catch(() => undefined);
      throw error;
    }
  });
}
