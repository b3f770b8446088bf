/**
 * The vocabulary (every start, from src/model/vocabulary.ts, the single source of truth) and the
 * demo data (once, into an empty database): the fixed recipients and campaigns of seed-data.ts, and
 * the response lines seed-lines.ts draws from a seeded PRNG, so two databases seeded apart hold the
 * same rows.
 */
import { ensureRollups, installRollupFunction, markRollupsStale } from '../stats/rollups.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import type { Db, Queryable } from './db.js';
import { seedTrackingData } from './seed-tracking.js';
import { seedAuditData } from './seed-audit.js';
import { seedResponseLines } from './seed-lines.js';
import { daysFromAnchor, SEED_CAMPAIGNS, SEED_RECIPIENTS } from './seed-data.js';

export { prng } from './prng.js';
export { seedResponseLines } from './seed-lines.js';

export async function seedVocabulary(db: Queryable): Promise<void> {
  for (const [position, category] of DEFAULT_VOCABULARY.categories.entries()) {
    await db.query(
      `INSERT INTO response_categories (id, label, position) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, position = excluded.position`,
      [category.id, category.label, position],
    );
  }
  for (const [position, d] of DEFAULT_VOCABULARY.details.entries()) {
    await db.query(
      `INSERT INTO response_details (id, label, category_id, channel_scope, entry, legacy_email_only, bounce,
         counts_responded, counts_lead, counts_purchase, counts_unsubscribe, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, category_id = excluded.category_id,
         channel_scope = excluded.channel_scope, entry = excluded.entry, legacy_email_only = excluded.legacy_email_only,
         bounce = excluded.bounce, counts_responded = excluded.counts_responded, counts_lead = excluded.counts_lead,
         counts_purchase = excluded.counts_purchase, counts_unsubscribe = excluded.counts_unsubscribe,
         position = excluded.position`,
      [d.id, d.label, d.categoryId, d.channelScope, d.entry, d.legacyEmailOnly, d.bounce,
        d.countsAs.responded, d.countsAs.lead, d.countsAs.purchase, d.countsAs.unsubscribe, position],
    );
  }
}


async function insertMany(tx: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const chunk = 200;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const values = part.map((_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, part.flat());
  }
}

/** Fills an empty database with the demo data; resolves false (and does nothing) when it has data. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM recipients');
    if (count > 0) return false;
    await insertMany(tx, 'recipients', ['id', 'display_name', 'email', 'time_zone'],
      SEED_RECIPIENTS.map((r) => [r.id, r.displayName, r.email, r.timeZone]));
    await insertMany(tx, 'campaigns', ['id', 'title', 'currency', 'base_cost', 'expected_revenue'],
      SEED_CAMPAIGNS.map((c) => [c.id, c.title, c.currency, c.baseCost, c.expectedRevenue]));
    await insertMany(tx, 'campaign_events', ['id', 'campaign_id', 'name', 'channel', 'date', 'status', 'cost', 'legacy_email'],
      SEED_CAMPAIGNS.flatMap((c) => c.events.map((e) => [e.id, c.id, e.name, e.channel,
        e.day === null ? null : daysFromAnchor(e.day).toISOString(), e.status, e.cost, e.legacyEmail ?? false])));
    await insertMany(tx, 'campaign_recipients', ['campaign_id', 'recipient_id', 'added_at'],
      SEED_CAMPAIGNS.flatMap((c) => c.recipients.map((r) => [c.id, r, daysFromAnchor(-150).toISOString()])));
    const categoryOf = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d.categoryId]));
    await insertMany(tx, 'response_lines',
      ['id', 'recipient_id', 'campaign_id', 'event_id', 'detail_id', 'category_id', 'responded_at', 'recorded_at', 'note',
        'author', 'source', 'link_id', 'link_url', 'evidence_user_agent', 'evidence_seconds_since_delivery', 'evidence_machine',
        'evidence_machine_reason'],
      seedResponseLines().map((l) => [l.id, l.recipientId, l.campaignId, l.eventId, l.detailId, categoryOf.get(l.detailId),
        l.respondedAt.toISOString(), l.recordedAt.toISOString(), l.note, l.author, l.source, l.link?.id ?? null,
        l.link?.url ?? null, l.evidence?.userAgent ?? null, l.evidence?.secondsSinceDelivery ?? null,
        l.evidence?.machine ?? null, l.evidence?.machineReason ?? null]));
    return true;
  });
}

/** The vocabulary always (it may have grown since the last start), the demo data the first time, the tracking and audit data once. */
export async function seed(db: Db): Promise<{ demoData: boolean }> {
  await installRollupFunction(db);
  await db.transaction((tx) => seedVocabulary(tx));
  const demoData = await seedDemoData(db);
  const tracking = await seedTrackingData(db);
  const audit = await seedAuditData(db, new Date());
  // The seeds insert lines in bulk, around applyToRollups: their roll-ups are built once from them.
  if (demoData || tracking || audit) await markRollupsStale(db, 'seed');
  await ensureRollups(db);
  return { demoData };
}
