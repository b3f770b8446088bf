/**
 * Who changed what: the audit trail a backend keeps of every change to response lines, and the
 * answers of the soft delete and restore operations, as the reference server serves them.
 */
import * as v from 'valibot';
import { InstantSchema } from './schemas.js';
import type { Instant } from './types.js';

/** What a change did. Lines are append-only: `update` exists for backends that change lines in place. */
export const AUDIT_ACTIONS = ['add', 'update', 'delete', 'delete-all', 'restore', 'purge', 'erase'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  id: string;
  at: Instant;
  /** Who did it; the system itself (the purge) is a principal too. */
  principal: { id: string; name: string };
  action: AuditAction;
  recipientId: string | null;
  campaignId: string | null;
  lineIds: string[];
  /** Line snapshots before and after the change (an array for a change of many lines). */
  before: unknown;
  after: unknown;
  requestId: string | null;
  idempotencyKey: string | null;
  deletionId: string | null;
}

/** Filters of an audit read; every one optional. */
export interface AuditQuery {
  recipientId?: string;
  campaignId?: string;
  lineId?: string;
  principal?: string;
  from?: Instant;
  to?: Instant;
  cursor?: string;
  limit?: number;
}

export interface AuditPage {
  items: AuditRecord[];
  nextCursor: string | null;
}

/** The answer of a single-line delete (the same shape as a delete-all's). */
export interface DeleteLineResult {
  deleted: number;
  kept: number;
  deletionId: string | null;
}

export interface RestoreDeletionResult {
  restored: number;
}

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const AuditRecordSchema = v.object({
  id,
  at: InstantSchema,
  principal: v.object({ id, name: v.pipe(v.string(), v.maxLength(500)) }),
  action: v.picklist(AUDIT_ACTIONS),
  recipientId: v.nullable(id),
  campaignId: v.nullable(id),
  lineIds: v.array(id),
  before: v.unknown(),
  after: v.unknown(),
  requestId: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  idempotencyKey: v.nullable(v.pipe(v.string(), v.maxLength(255))),
  deletionId: v.nullable(id),
}) satisfies v.GenericSchema<unknown, AuditRecord>;

export const AuditPageSchema = v.object({
  items: v.array(AuditRecordSchema),
  nextCursor: v.nullable(v.string()),
}) satisfies v.GenericSchema<unknown, AuditPage>;

export const DeleteLineResultSchema = v.object({ deleted: count, kept: count, deletionId: v.nullable(id) }) satisfies v.GenericSchema<
  unknown,
  DeleteLineResult
>;

export const RestoreDeletionResultSchema = v.object({ restored: count }) satisfies v.GenericSchema<unknown, RestoreDeletionResult>;
