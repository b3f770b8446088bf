/**
 * Soft deletes and their restore. A delete marks lines deleted under one deletion id, and writes
 * its audit record in the same transaction; a restore clears the mark, within the restore window.
 * Every function here runs inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { ResponseLine } from '../../src/model/types.js';
import type { Queryable } from '../db/db.js';
import { LINE_COLUMNS, toResponseLine } from '../db/repo.js';
import { ProblemError } from '../http/problems.js';
import { recordChange } from '../live/change-log.js';
import { applyToRollups, rollupLineOf } from '../stats/rollups.js';
import { writeAudit, type Actor } from './audit-log.js';

export const DEFAULT_RESTORE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The line's columns and, for the history with include=deleted, its deletion. */
export const HISTORY_COLUMNS = `${LINE_COLUMNS}, deleted_at, deleted_by, deletion_id::text AS deletion_id`;

export function toHistoryLine(row: Record<string, unknown>): ResponseLine {
  const deletedAt = row.deleted_at === null ? null : new Date(row.deleted_at as string | Date).toISOString();
  return {
    ...toResponseLine(row),
    deletedAt,
    deletedBy: row.deleted_by === null ? null : String(row.deleted_by),
    deletionId: row.deletion_id === null ? null : String(row.deletion_id),
  };
}

export interface DeleteResult {
  deleted: number;
  kept: number;
  deletionId: string | null;
}

interface DeleteScope {
  recipientId: string;
  campaignId: string;
  /** The bound: only these lines (a delete-all that names what the person saw, or one line). */
  lineIds?: readonly string[];
  action: 'delete' | 'delete-all';
}

/** Marks the scope's live lines deleted under a new deletion; `kept` counts live lines outside the bound. */
export async function deleteLines(tx: Queryable, actor: Actor, scope: DeleteScope, now: Date): Promise<DeleteResult> {
  const deletionId = randomUUID();
  const params: unknown[] = [scope.recipientId, scope.campaignId, now.toISOString(), actor.principal.name, deletionId];
  const bound = scope.lineIds === undefined ? '' : ` AND id = ANY($${params.push([...scope.lineIds])}::uuid[])`;
  const rows = await tx.query(
    `UPDATE all_response_lines SET deleted_at = $3::timestamptz, deleted_by = $4, deletion_id = $5::uuid
      WHERE recipient_id = $1 AND campaign_id = $2 AND deleted_at IS NULL${bound}
      RETURNING ${LINE_COLUMNS}`,
    params,
  );
  const [{ kept }] = await tx.query<{ kept: number }>(
    'SELECT count(*)::int AS kept FROM response_lines WHERE recipient_id = $1 AND campaign_id = $2',
    [scope.recipientId, scope.campaignId],
  );
  if (rows.length === 0) return { deleted: 0, kept, deletionId: null };
  await tx.query(
    `INSERT INTO deletions (id, deleted_at, principal_id, principal_name, recipient_id, campaign_id)
     VALUES ($1::uuid, $2::timestamptz, $3, $4, $5, $6)`,
    [deletionId, now.toISOString(), actor.principal.id, actor.principal.name, scope.recipientId, scope.campaignId],
  );
  const lines = rows.map(toResponseLine);
  await applyToRollups(tx, lines.map(rollupLineOf), -1);
  await writeAudit(tx, actor, {
    action: scope.action,
    at: now,
    recipientId: scope.recipientId,
    campaignId: scope.campaignId,
    lineIds: lines.map((line) => line.id),
    before: scope.action === 'delete' ? lines[0] : lines,
    deletionId,
  });
  await recordChange(tx, { kind: 'line-deleted', recipientId: scope.recipientId, campaignId: scope.campaignId, lineIds: lines.map((line) => line.id), at: now });
  return { deleted: rows.length, kept, deletionId };
}

/** One line by id, live or deleted; undefined when there is none (or it was purged). */
export async function findAnyLine(tx: Queryable, id: string): Promise<ResponseLine | undefined> {
  const [row] = await tx.query(`SELECT ${HISTORY_COLUMNS} FROM all_response_lines WHERE id = $1::uuid`, [id]);
  return row && toHistoryLine(row);
}

export async function deleteOneLine(tx: Queryable, actor: Actor, id: string, now: Date): Promise<DeleteResult> {
  const line = await findAnyLine(tx, id);
  if (!line) throw new ProblemError('not-found', `No response line ${id}.`);
  if (line.deletionId) return { deleted: 0, kept: 0, deletionId: line.deletionId };
  const result = await deleteLines(tx, actor, { recipientId: line.recipientId, campaignId: line.campaignId, lineIds: [line.id], action: 'delete' }, now);
  // Kept counts what a delete-all would leave; one line's delete leaves nothing it was asked to take.
  return { ...result, kept: 0 };
}

interface DeletionRow {
  deleted_at: Date | string;
  purged_at: Date | string | null;
  recipient_id: string;
  campaign_id: string;
}

function assertRestorable(deletion: DeletionRow, deletionId: string, now: Date, restoreDays: number): void {
  const past = new Date(deletion.deleted_at).getTime() + restoreDays * DAY_MS <= now.getTime();
  if (deletion.purged_at !== null || past) {
    throw new ProblemError('gone', `Deletion ${deletionId} can no longer be restored: the restore window is ${restoreDays} days.`);
  }
}

/** Restores every line of the deletion still deleted; 404 for an unknown one, 410 past the window. */
export async function restoreDeletion(tx: Queryable, actor: Actor, deletionId: string, now: Date, restoreDays: number): Promise<number> {
  const [deletion] = await tx.query<DeletionRow>(
    'SELECT deleted_at, purged_at, recipient_id, campaign_id FROM deletions WHERE id = $1::uuid',
    [deletionId],
  );
  if (!deletion) throw new ProblemError('not-found', `No deletion ${deletionId}.`);
  assertRestorable(deletion, deletionId, now, restoreDays);
  return restoreWhere(tx, actor, now, deletionId, deletion, 'deletion_id = $1::uuid', [deletionId]);
}

async function restoreWhere(
  tx: Queryable, actor: Actor, now: Date, deletionId: string, deletion: DeletionRow, where: string, params: unknown[],
): Promise<number> {
  const rows = await tx.query(
    `UPDATE all_response_lines SET deleted_at = NULL, deleted_by = NULL, deletion_id = NULL
      WHERE ${where} AND deleted_at IS NOT NULL RETURNING ${LINE_COLUMNS}`,
    params,
  );
  if (rows.length === 0) return 0;
  const lines = rows.map(toResponseLine);
  await applyToRollups(tx, lines.map(rollupLineOf), 1);
  await writeAudit(tx, actor, {
    action: 'restore', at: now, recipientId: deletion.recipient_id, campaignId: deletion.campaign_id,
    lineIds: lines.map((line) => line.id), after: lines.length === 1 ? lines[0] : lines, deletionId,
  });
  await recordChange(tx, { kind: 'line-restored', recipientId: deletion.recipient_id, campaignId: deletion.campaign_id, lineIds: lines.map((line) => line.id), at: now });
  return rows.length;
}

/** Restores one line (live already: unchanged). 404 unknown, 410 past the window or purged. */
export async function restoreOneLine(tx: Queryable, actor: Actor, id: string, now: Date, restoreDays: number): Promise<ResponseLine> {
  const line = await findAnyLine(tx, id);
  if (!line) {
    const purged = await tx.query("SELECT 1 FROM audit_records WHERE line_ids @> ARRAY[$1::uuid] AND action = 'purge' LIMIT 1", [id]);
    if (purged.length > 0) throw new ProblemError('gone', `Response line ${id} was purged after the restore window.`);
    throw new ProblemError('not-found', `No response line ${id}.`);
  }
  if (!line.deletionId) return toPlainLine(line);
  const [deletion] = await tx.query<DeletionRow>(
    'SELECT deleted_at, purged_at, recipient_id, campaign_id FROM deletions WHERE id = $1::uuid',
    [line.deletionId],
  );
  if (deletion) assertRestorable(deletion, line.deletionId, now, restoreDays);
  await restoreWhere(tx, actor, now, line.deletionId, deletion ?? { deleted_at: now, purged_at: null, recipient_id: line.recipientId, campaign_id: line.campaignId },
    'id = $1::uuid', [id]);
  return toPlainLine(line);
}

/** The line as ordinary reads show it: no deletion fields. */
function toPlainLine(line: ResponseLine): ResponseLine {
  const { deletedAt: _at, deletedBy: _by, deletionId: _id, ...plain } = line;
  return plain;
}
