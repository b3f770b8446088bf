/**
 * Erasure of a recipient's free text (a data subject's request): the notes of their lines, live or
 * deleted, and the user agents of their tracking evidence are blanked, in the lines and in the line
 * snapshots of the audit records about them. The erasure is audited too, by who and when, without
 * the erased content. Ids, dates and details stay: they are the record of what happened.
 */
import type { Queryable } from '../db/db.js';
import { recordChange } from '../live/change-log.js';
import { writeAudit, type Actor } from './audit-log.js';

export interface ErasureResult {
  lines: number;
  auditRecords: number;
}

type Snapshot = Record<string, unknown>;

/** A line snapshot with its note and user agent blanked; anything else is handed back as it is. */
function blankSnapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blankSnapshot);
  if (value === null || typeof value !== 'object') return value;
  const snapshot = { ...(value as Snapshot) };
  if (typeof snapshot.note === 'string') snapshot.note = '';
  const evidence = snapshot.evidence;
  if (evidence !== null && typeof evidence === 'object' && 'userAgent' in evidence) {
    snapshot.evidence = { ...(evidence as Snapshot), userAgent: null };
  }
  return snapshot;
}

const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * The roll-ups stay as they are: an erasure blanks free text (notes, user agents), which no figure
 * counts, and leaves every line live or deleted as it was. Were it ever to remove live lines, it would
 * call applyToRollups with them, as deletions.ts does.
 */
export async function eraseRecipient(tx: Queryable, actor: Actor, recipientId: string, now: Date): Promise<ErasureResult> {
  const lines = await tx.query<{ id: string }>(
    `UPDATE all_response_lines SET note = '', evidence_user_agent = NULL
      WHERE recipient_id = $1 AND (note <> '' OR evidence_user_agent IS NOT NULL)
      RETURNING id::text AS id`,
    [recipientId],
  );
  const records = await tx.query<{ id: string; before: unknown; after: unknown }>(
    "SELECT id::text AS id, before, after FROM audit_records WHERE recipient_id = $1 AND (before IS NOT NULL OR after IS NOT NULL)",
    [recipientId],
  );
  let auditRecords = 0;
  for (const record of records) {
    const before = parsed(record.before);
    const after = parsed(record.after);
    const blankBefore = blankSnapshot(before);
    const blankAfter = blankSnapshot(after);
    if (JSON.stringify(blankBefore) === JSON.stringify(before) && JSON.stringify(blankAfter) === JSON.stringify(after)) continue;
    await tx.query('UPDATE audit_records SET before = $2::jsonb, after = $3::jsonb WHERE id = $1::bigint', [
      record.id,
      before === null ? null : JSON.stringify(blankBefore),
      after === null ? null : JSON.stringify(blankAfter),
    ]);
    auditRecords++;
  }
  await writeAudit(tx, actor, {
    action: 'erase', at: now, recipientId, campaignId: null, lineIds: lines.map((line) => line.id),
  });
  await recordChange(tx, { kind: 'line-updated', recipientId, campaignId: null, lineIds: lines.map((line) => line.id), at: now });
  return { lines: lines.length, auditRecords };
}
