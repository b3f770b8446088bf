/**
 * What the audit trail adds to the demo data: two lines the sales rep entered and the marketing
 * manager deleted since, so the manager has something to restore and an audit trail to show. New
 * lines, deleted from the start: the live demo data, its statistics and the tests' figures stay as
 * they were. Applied once per database (a flag in server_settings), dated from the first start so
 * they are restorable for the restore window after it.
 */
import { randomUUID } from 'node:crypto';
import { deleteLines } from '../audit/deletions.js';
import { writeAudit, type Actor } from '../audit/audit-log.js';
import { LINE_COLUMNS, toResponseLine } from './repo.js';
import type { Db } from './db.js';
import { daysFromAnchor } from './seed-data.js';

const DONE_FLAG = 'seed:audit-v1';
const HOUR = 3_600_000;
const person = (id: string, name: string): Actor => ({ principal: { id: `demo:${id}`, name }, requestId: null, idempotencyKey: null });
const SALES_REP = person('sales-rep', 'Sam Patel');
const MANAGER = person('marketing-manager', 'Morgan Reyes');

const DELETED_LINES = [
  { daysBefore: -16, detailId: 'responded', note: 'Asked for the webinar recording; sent the link.', deletedHoursAgo: 26 },
  { daysBefore: -15, detailId: 'purchased', note: 'Bought the analytics add-on after the webinar.', deletedHoursAgo: 3 },
];

export async function seedAuditData(db: Db, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // A database migrated only part way (a test of an upgrade) gets this on the seed after the rest.
    const [{ ready }] = await tx.query<{ ready: boolean }>("SELECT to_regclass('audit_records') IS NOT NULL AS ready");
    if (!ready) return false;
    const taken = await tx.query(
      `INSERT INTO server_settings (key, value) VALUES ($1, 'done') ON CONFLICT (key) DO NOTHING RETURNING key`,
      [DONE_FLAG],
    );
    if (taken.length === 0) return false;
    // Only over the demo data (a database seeded with other data gets nothing).
    if ((await tx.query("SELECT 1 FROM campaign_recipients WHERE recipient_id = '42' AND campaign_id = 'webinar-analytics'")).length === 0) return false;
    for (const line of DELETED_LINES) {
      const respondedAt = daysFromAnchor(line.daysBefore);
      const recordedAt = new Date(respondedAt.getTime() + 2 * HOUR);
      const [row] = await tx.query(
        `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note, author, source)
         SELECT $1::uuid, '42', 'webinar-analytics', 'webinar-live', d.id, d.category_id, $3::timestamptz, $4::timestamptz, $5, $6, 'manual'
           FROM response_details d WHERE d.id = $2
         RETURNING ${LINE_COLUMNS}`,
        [randomUUID(), line.detailId, respondedAt.toISOString(), recordedAt.toISOString(), line.note, SALES_REP.principal.name],
      );
      const added = toResponseLine(row);
      await writeAudit(tx, SALES_REP, { action: 'add', at: recordedAt, recipientId: '42', campaignId: 'webinar-analytics', lineIds: [added.id], after: added });
      const deletedAt = new Date(now.getTime() - line.deletedHoursAgo * HOUR);
      await deleteLines(tx, MANAGER, { recipientId: '42', campaignId: 'webinar-analytics', lineIds: [added.id], action: 'delete' }, deletedAt);
    }
    return true;
  });
}
