/**
 * The tracking bench's database: one campaign, one email event delivered to `mails` recipients, so
 * every hit can open a distinct mail. Shared by tracking.bench.ts and tracking-profile.ts, so the
 * profile measures the same tables the bench fills.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/db.js';

export interface TrackingFixture {
  db: Db;
  /** The PostgreSQL schema made for this run (dropped by `drop`), if any. */
  schema: string | undefined;
  drop(): Promise<void>;
}

export const BENCH_EVENT = 'tb-mail';

export async function trackingFixture(databaseUrl: string | undefined, mails: number): Promise<TrackingFixture> {
  const { openDb } = await import('../../server/db/db.js');
  const { migrate } = await import('../../server/db/migrate.js');
  const { seedVocabulary } = await import('../../server/db/seed.js');
  const schema = databaseUrl ? `bench_tracking_${randomBytes(4).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl, schema });
  await migrate(db);
  await db.transaction((tx) => seedVocabulary(tx));
  await db.exec(`
    INSERT INTO campaigns (id, title, currency) VALUES ('tb', 'Tracking bench', 'EUR');
    INSERT INTO campaign_events (id, campaign_id, name, channel, date, status) VALUES ('${BENCH_EVENT}', 'tb', 'Mail', 'email', now() - interval '1 day', 'completed');
    INSERT INTO recipients (id, display_name, email, time_zone) SELECT 'tb' || g, 'P' || g, 'p' || g || '@tb.example', 'UTC' FROM generate_series(1, ${mails}) g;
    INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT 'tb', 'tb' || g FROM generate_series(1, ${mails}) g;
    INSERT INTO event_deliveries (event_id, recipient_id, detail_id, delivered_at) SELECT '${BENCH_EVENT}', 'tb' || g, 'sent', now() - interval '1 day' FROM generate_series(1, ${mails}) g;`);
  return {
    db,
    schema,
    async drop() {
      if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
