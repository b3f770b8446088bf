/**
 * Who changed what: the audit records a backend keeps of every add, delete, restore, purge and
 * erasure, and what a restore answers. Validated like every other answer before the kit uses it.
 */
import * as v from 'valibot';
import { InstantSchema } from './schemas.js';
import type { Instant, Page } from './types.js';

export const AUDIT_ACTIONS = ['add', 'update', 'delete', 'delete-all', 'restore', 'purge', 'erase'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One change, as the backend recorded it in the same transaction as the change. */
export interface AuditRecord {
  id: string;
  at: Instant;
  /** Who made the change: the principal's stable id and display name. */
  principal: { id: string; name: string };
  action: AuditAction;
  recipientId: string | null;
  campaignId: string | null;
  /** The lines the change touched. */
  lineIds: string[];
  /** Line snapshots before and after (arrays for changes of many lines); null where there is none. */
  before: unknown;
  after: unknown;
  requestId: string | null;
  idempotencyKey: string | null;
  deletionId: string | null;
}

/** Filters of the audit read; every one optional, the newest records first. */
export interface AuditFilters {
  recipientId?: string;
  campaignId?: string;
  lineId?: string;
  /** A principal's id. */
  principal?: string;
  /** Instants bounding `at`, inclusive. */
  from?: Instant;
  to?: Instant;
  cursor?: string;
  limit?: number;
}

export type AuditPage = Page<AuditRecord>;

/** What restoring a deletion answers: how many lines came back (0 when they already had). */
export interface RestoreResult {
  restored: number;
}

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const nullableId = v.nullable(id);

export const AuditRecordSchema = v.object({
  id,
  at: InstantSchema,
  principal: v.object({ id, name: v.pipe(v.string(), v.maxLength(500)) }),
  action: v.picklist(AUDIT_ACTIONS),
  recipientId: nullableId,
  campaignId: nullableId,
  lineIds: v.array(id),
  before: v.unknown(),
  after: v.unknown(),
  requestId: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  idempotencyKey: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  deletionId: nullableId,
}) satisfies v.GenericSchema<unknown, AuditRecord>;

export const AuditPageSchema = v.object({
  items: v.array(AuditRecordSchema),
  nextCursor: v.nullable(v.string()),
}) satisfies v.GenericSchema<unknown, AuditPage>;

export const RestoreResultSchema = v.object({
  restored: v.pipe(v.number(), v.integer(), v.minValue(0)),
}) satisfies v.GenericSchema<unknown, RestoreResult>;

/** The answer of a single-line delete: a delete-all's shape, every field present. */
export interface DeleteLineResult {
  deleted: number;
  kept: number;
  deletionId: string | null;
}

/** The reference server's name for `RestoreResult`. */
export type RestoreDeletionResult = RestoreResult;

export const DeleteLineResultSchema = v.object({
  deleted: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kept: v.pipe(v.number(), v.integer(), v.minValue(0)),
  deletionId: nullableId,
}) satisfies v.GenericSchema<unknown, DeleteLineResult>;

export const RestoreDeletionResultSchema = RestoreResultSchema;
