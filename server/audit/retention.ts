/**
 * The scheduled housekeeping of the audit trail and soft deletes: lines deleted longer ago than the
 * restore window are purged (each deletion in its own transaction, with its 'purge' record), and
 * audit records older than the audit retention are dropped, with the deletions they alone still
 * name. The idempotency keys' purge runs on the same schedule. The clock is injected, so a test
 * moves time instead of waiting.
 */
import type { Db } from '../db/db.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import { SYSTEM_ACTOR, writeAudit } from './audit-log.js';
import { DEFAULT_RESTORE_DAYS } from './deletions.js';
import { DEFAULT_CHANGE_LOG_DAYS, pruneChangeLog, recordChange, type Change } from '../live/change-log.js';
import { applyToRollups, type RollupLine } from '../stats/rollups.js';

export const DEFAULT_AUDIT_RETENTION_DAYS = 730;
export const DEFAULT_PURGE_INTERVAL_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Deletions purged per transaction: a long backlog does not hold one transaction for minutes. */
const PURGE_BATCH = 50;

export interface RetentionOptions {
  /** How long a deleted line can be restored (CR_RESTORE_DAYS). */
  restoreDays?: number;
  /** How long audit records are kept (CR_AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
  /** How long the change log keeps a change, for streams that resume (CR_CHANGE_LOG_DAYS). */
  changeLogDays?: number;
}

export interface PurgeOutcome {
  deletions: number;
  lines: number;
  auditRecords: number;
  /** Change log rows pruned. */
  changes: number;
}

export async function purgeExpired(db: Db, now: Date, options: RetentionOptions = {}): Promise<PurgeOutcome> {
  const restoreDays = options.restoreDays ?? DEFAULT_RESTORE_DAYS;
  const auditDays = options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  const restoreCutoff = new Date(now.getTime() - restoreDays * DAY_MS).toISOString();
  const outcome: PurgeOutcome = { deletions: 0, lines: 0, auditRecords: 0, changes: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx.query<{ id: string; recipient_id: string; campaign_id: string }>(
        `SELECT id::text AS id, recipient_id, campaign_id FROM deletions
          WHERE purged_at IS NULL AND deleted_at <= $1::timestamptz ORDER BY deleted_at LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED`,
        [restoreCutoff],
      );
      // Logged after every delete of the batch: the change log's lock is then taken last, so this
      // transaction never waits for a line's row while holding it (an erasure holding that row,
      // waiting for the lock, would be a deadlock).
      const changes: Change[] = [];
      // Moved once for the batch, after its deletes: the roll-ups move once per transaction (applyToRollups).
      const moved: RollupLine[] = [];
      for (const deletion of due) {
        const purged = await tx.query<{ id: string; campaign_id: string; recipient_id: string; event_id: string; detail_id: string; responded_at: Date; machine: boolean; live: boolean }>(
          `DELETE FROM all_response_lines WHERE deletion_id = $1::uuid AND deleted_at IS NOT NULL
           RETURNING id::text AS id, campaign_id, recipient_id, event_id, detail_id, responded_at, evidence_machine IS TRUE AS machine, deleted_at IS NULL AS live`,
          [deletion.id],
        );
        // A deleted line left the roll-ups when it was deleted: only a live one (none, by the filter above) moves them.
        const live = purged.filter((row) => row.live);
        moved.push(...live.map((row) => ({
          campaignId: row.campaign_id, recipientId: row.recipient_id, eventId: row.event_id, detailId: row.detail_id, respondedAt: row.responded_at, machine: row.machine,
        })));
        await tx.query('UPDATE deletions SET purged_at = $2::timestamptz WHERE id = $1::uuid', [deletion.id, now.toISOString()]);
        if (purged.length === 0) continue;
        outcome.lines += purged.length;
        // The content is not repeated: the delete's record holds it, until the audit retention ends.
        await writeAudit(tx, SYSTEM_ACTOR, {
          action: 'purge', at: now, recipientId: deletion.recipient_id, campaignId: deletion.campaign_id,
          lineIds: purged.map((row) => row.id), deletionId: deletion.id,
        });
        changes.push({ kind: 'line-purged', recipientId: deletion.recipient_id, campaignId: deletion.campaign_id, lineIds: purged.map((row) => row.id), at: now });
      }
      await applyToRollups(tx, moved, -1);
      for (const change of changes) await recordChange(tx, change);
      return due.length;
    });
    outcome.deletions += batch;
    if (batch < PURGE_BATCH) break;
  }
  const auditCutoff = new Date(now.getTime() - auditDays * DAY_MS).toISOString();
  await db.transaction(async (tx) => {
    outcome.auditRecords = (await tx.query('DELETE FROM audit_records WHERE at < $1::timestamptz RETURNING id', [auditCutoff])).length;
    await tx.query('DELETE FROM deletions WHERE purged_at IS NOT NULL AND deleted_at < $1::timestamptz', [auditCutoff]);
  });
  const changeLogDays = options.changeLogDays ?? DEFAULT_CHANGE_LOG_DAYS;
  outcome.changes = await pruneChangeLog(db, new Date(now.getTime() - changeLogDays * DAY_MS));
  return outcome;
}

/** A purge now, then every `intervalMs`. `stop()` ends it once any run in progress has finished. */
export function schedulePurge(
  db: Db,
  options: RetentionOptions & { intervalMs?: number; now?: () => Date },
): { stop(): Promise<void>; runNow(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const tick = () =>
    (running ??= (async () => {
      await purgeExpired(db, now(), options);
      await purgeIdempotencyKeys(db);
    })()
      .catch((error: unknown) => console.error('The scheduled purge failed:', error))
      .finally(() => {
        running = undefined;
      }));
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? DEFAULT_PURGE_INTERVAL_MS);
  timer.unref();
  return {
    runNow: tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
