/**
 * A small hand-made campaign whose figures are worked out by hand in the tests (stats, summary,
 * reports, clickthrough): five recipients, an email event, a phone event, an event without cost.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import type { Db, Queryable } from '../../server/db/db.js';
import { applyToRollups, type RollupLine } from '../../server/stats/rollups.js';

export interface LineSpec {
  recipient: number;
  event: 'mail' | 'call' | 'free';
  detail: string;
  /** Minutes after the fixture's start (2026-03-01T12:00Z). */
  at: number;
  machine?: boolean;
  link?: string;
  note?: string;
  source?: 'manual' | 'tracked' | 'import';
}

export const FIXTURE_START = Date.UTC(2026, 2, 1, 12);
const categoryOf = new Map(DEFAULT_VOCABULARY.details.map((d) => [d.id, d.categoryId]));

/** Inserts the lines and moves the roll-ups by them in the same transaction, as the server's writes do. */
export async function addLines(db: Db, prefix: string, lines: LineSpec[]): Promise<string[]> {
  return db.transaction((tx) => insertLines(tx, prefix, lines));
}

async function insertLines(db: Queryable, prefix: string, lines: LineSpec[]): Promise<string[]> {
  const ids: string[] = [];
  const moved: RollupLine[] = [];
  for (const line of lines) {
    const id = randomUUID();
    ids.push(id);
    const at = new Date(FIXTURE_START + line.at * 60_000).toISOString();
    const tracked = (line.source ?? (line.machine === undefined ? 'manual' : 'tracked')) === 'tracked';
    await db.query(
      `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note,
         author, source, link_id, link_url, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [id, `${prefix}-${line.recipient}`, prefix, `${prefix}-${line.event}`, line.detail, categoryOf.get(line.detail), at,
        line.note ?? '', tracked ? null : 'Test author', line.source ?? (tracked ? 'tracked' : 'manual'),
        line.link ?? null, line.link ? `https://example.com/${line.link}` : null,
        line.machine === undefined ? null : line.machine ? 'Barracuda Sentinel (EE)' : 'Mozilla/5.0 (X11; Linux) Firefox/126.0',
        line.machine === undefined ? null : 60, line.machine ?? null, line.machine ? 'Security gateway link check' : null],
    );
    moved.push({ campaignId: prefix, recipientId: `${prefix}-${line.recipient}`, eventId: `${prefix}-${line.event}`, detailId: line.detail, respondedAt: at, machine: line.machine === true });
  }
  // Once for all the lines, as every write of the server does (the roll-ups move once per transaction).
  await applyToRollups(db, moved, 1);
  return ids;
}

/**
 * Campaign `prefix`: base cost 1000 USD; `-mail` (email, cost 200, revenue 3000, links a, b, c),
 * `-call` (phone, cost 300, no revenue), `-free` (event, no cost, revenue 500); recipients 1…5,
 * 5 without an email address.
 */
export async function insertHandMadeCampaign(db: Db, prefix: string, withLines = true): Promise<void> {
  await db.query(`INSERT INTO campaigns (id, title, currency, base_cost, expected_revenue) VALUES ($1, $2, 'USD', 1000, 5000)`, [prefix, `Hand-made ${prefix}`]);
  const events: [string, string, string, number | null, number | null][] = [
    ['mail', 'Hand-made mail', 'email', 200, 3000],
    ['call', 'Hand-made calls', 'phone', 300, null],
    ['free', 'Hand-made meetup', 'event', null, 500],
  ];
  for (const [i, [suffix, name, channel, cost, revenue]] of events.entries()) {
    await db.query(
      `INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost, revenue) VALUES ($1, $2, $3, $4, $5, 'completed', $6, $7)`,
      [`${prefix}-${suffix}`, prefix, name, channel, new Date(FIXTURE_START + i * 86_400_000).toISOString(), cost, revenue],
    );
  }
  for (const [position, link] of ['a', 'b', 'c'].entries()) {
    await db.query('INSERT INTO event_links (event_id, id, url, position) VALUES ($1, $2, $3, $4)', [`${prefix}-mail`, link, `https://example.com/${link}`, position]);
  }
  for (let n = 1; n <= 5; n += 1) {
    await db.query('INSERT INTO recipients (id, display_name, email, time_zone) VALUES ($1, $2, $3, $4)', [
      `${prefix}-${n}`, `Person ${String.fromCharCode(64 + n)} ${prefix}`, n === 5 ? null : `p${n}@${prefix}.example`, 'Europe/Berlin',
    ]);
    await db.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ($1, $2)', [prefix, `${prefix}-${n}`]);
  }
  if (!withLines) return;
  await addLines(db, prefix, [
    // Person 1: delivered, opened by a person and by a proxy, clicked link a twice and b, bought.
    { recipient: 1, event: 'mail', detail: 'sent', at: 0, source: 'tracked' },
    { recipient: 1, event: 'mail', detail: 'opened', at: 1, machine: true },
    { recipient: 1, event: 'mail', detail: 'opened', at: 30, machine: false },
    { recipient: 1, event: 'mail', detail: 'clicked-through', at: 31, machine: false, link: 'a' },
    { recipient: 1, event: 'mail', detail: 'clicked-through', at: 40, machine: false, link: 'a' },
    { recipient: 1, event: 'mail', detail: 'clicked-through', at: 41, machine: false, link: 'b' },
    { recipient: 1, event: 'mail', detail: 'purchased', at: 120, note: 'Discount 50% agreed' },
    // Person 2: delivered, only machines opened and clicked.
    { recipient: 2, event: 'mail', detail: 'sent', at: 0, source: 'tracked' },
    { recipient: 2, event: 'mail', detail: 'opened', at: 1, machine: true },
    { recipient: 2, event: 'mail', detail: 'clicked-through', at: 2, machine: true, link: 'a' },
    // Person 3: a soft bounce; person 4: a hard bounce (both counted as sent).
    { recipient: 3, event: 'mail', detail: 'mailbox-full', at: 0, source: 'tracked' },
    { recipient: 4, event: 'mail', detail: 'mailbox-disabled', at: 0, source: 'tracked' },
    // The calls: 1 and 2 responded, 5 asked to be left alone.
    { recipient: 1, event: 'call', detail: 'responded', at: 1440, note: 'Discount 50 percent asked' },
    { recipient: 2, event: 'call', detail: 'responded', at: 1500, note: 'Wants 10_000 units' },
    { recipient: 5, event: 'call', detail: 'unsubscribed', at: 1600, note: '=HYPERLINK("http://evil.example")' },
  ]);
}
