/**
 * What the campaign side adds to the demo data: the links of each email event, revenue per event, and the
 * deliveries of the events already sent (from their Sent and bounce lines). Applied once per
 * database (a flag in server_settings), also to a database seeded before these tables existed.
 */
import type { Db } from './db.js';
import { SEED_CAMPAIGNS } from './seed-data.js';

const DONE_FLAG = 'seed:tracking-v1';

export async function seedTrackingData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const taken = await tx.query(
      `INSERT INTO server_settings (key, value) VALUES ($1, 'done') ON CONFLICT (key) DO NOTHING RETURNING key`,
      [DONE_FLAG],
    );
    if (taken.length === 0) return false;
    for (const campaign of SEED_CAMPAIGNS) {
      for (const event of campaign.events) {
        // An event added to the demo since this database was seeded (the unsent email to send in
        // the demo); undated, so no line of the seed belongs to it.
        if (event.day !== null) continue;
        await tx.query(
          `INSERT INTO campaign_events (id, campaign_id, name, channel, status, cost)
           SELECT $1, id, $2, $3, $4, $5 FROM campaigns WHERE id = $6 ON CONFLICT DO NOTHING`,
          [event.id, event.name, event.channel, event.status, event.cost, campaign.id],
        );
      }
    }
    for (const event of SEED_CAMPAIGNS.flatMap((c) => c.events)) {
      for (const [position, link] of (event.links ?? []).entries()) {
        // Only for the demo's events where they exist: a database of other data gets nothing.
        await tx.query(
          `INSERT INTO event_links (event_id, id, url, position)
           SELECT id, $2, $3, $4 FROM campaign_events WHERE id = $1 ON CONFLICT DO NOTHING`,
          [event.id, link.id, link.url, position],
        );
      }
      if (event.revenue !== undefined && event.revenue !== null) {
        await tx.query('UPDATE campaign_events SET revenue = $2 WHERE id = $1 AND revenue IS NULL', [event.id, event.revenue]);
      }
    }
    // An email event with Sent or bounce lines was sent: one delivery per recipient, dated by the
    // first such line, with the bounce as its outcome when there was one (else "sent").
    await tx.query(
      `INSERT INTO event_deliveries (event_id, recipient_id, detail_id, delivered_at)
       SELECT l.event_id, l.recipient_id,
              coalesce((array_agg(l.detail_id ORDER BY l.responded_at) FILTER (WHERE d.bounce IS NOT NULL OR d.category_id = 'failed'))[1], 'sent'),
              min(l.responded_at)
         FROM response_lines l
         JOIN response_details d ON d.id = l.detail_id
         JOIN campaign_events e ON e.id = l.event_id AND e.channel = 'email'
        WHERE l.category_id = 'sent' OR d.bounce IS NOT NULL OR d.category_id = 'failed'
        GROUP BY l.event_id, l.recipient_id
       ON CONFLICT DO NOTHING`,
    );
    return true;
  });
}
