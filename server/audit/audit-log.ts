/**
 * The audit trail: one record per change, written with the change's own transaction handle, so the
 * record and the change commit or roll back together. Records hold line snapshots (the line as a
 * read answers it), the request id of the request log and the request's Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AuditAction } from '../../src/model/audit.js';
import type { Queryable } from '../db/db.js';
import { principalOf } from '../auth/principal.js';
import { CALLER_ID } from '../http/request-log.js';

/** Who made a change, and through which request. */
export interface Actor {
  principal: { id: string; name: string };
  requestId: string | null;
  idempotencyKey: string | null;
}

/** The server itself: the scheduled purge. */
export const SYSTEM_ACTOR: Actor = { principal: { id: 'system', name: 'System' }, requestId: null, idempotencyKey: null };

export interface AuditEntry {
  action: AuditAction;
  at: Date;
  recipientId: string | null;
  campaignId: string | null;
  lineIds: readonly string[];
  before?: unknown;
  after?: unknown;
  deletionId?: string | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * Gives every API request an id: the request log's (start.ts hands it on as X-Request-Id), else a
 * new one, answered as X-Request-Id so a person can quote it and an operator find the audit record.
 */
export function requestIds(): (c: Context, next: () => Promise<void>) => Promise<void> {
  return async (c, next) => {
    const header = c.req.header('X-Request-Id');
    const requestId = header !== undefined && CALLER_ID.test(header) ? header : randomUUID();
    c.set('requestId', requestId);
    await next();
    // After the route: a route that builds its own Response (the idempotent writes) keeps it too.
    c.res.headers.set('X-Request-Id', requestId);
  };
}

export function actorOf(c: Context, idempotencyKey: string | undefined): Actor {
  const { id, name } = principalOf(c);
  return { principal: { id, name }, requestId: c.get('requestId') ?? null, idempotencyKey: idempotencyKey ?? null };
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export async function writeAudit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_records (at, principal_id, principal_name, action, recipient_id, campaign_id, line_ids, before, after,
       request_id, idempotency_key, deletion_id)
     VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9::jsonb, $10, $11, $12::uuid)`,
    [
      entry.at.toISOString(), actor.principal.id, actor.principal.name, entry.action, entry.recipientId, entry.campaignId,
      [...entry.lineIds], json(entry.before), json(entry.after), actor.requestId, actor.idempotencyKey, entry.deletionId ?? null,
    ],
  );
}
