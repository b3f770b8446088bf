/** GET /audit: the audit trail, newest first, filtered and paged by a keyset cursor (admin only). */
import type { Context } from 'hono';
import type { AuditAction, AuditPage, AuditRecord } from '../../src/model/audit.js';
import { InstantSchema, type FieldIssue } from '../../src/model/schemas.js';
import * as v from 'valibot';
import { toInstant } from '../db/db.js';
import { jsonWithEtag } from '../http/http.js';
import { validationProblem } from '../http/problems.js';
import type { Api, RouteDeps } from './context.js';

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

type Row = Record<string, unknown>;
const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));
const nullable = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toAuditRecord(row: Row): AuditRecord {
  return {
    id: String(row.id),
    at: toInstant(row.at),
    principal: { id: String(row.principal_id), name: String(row.principal_name) },
    action: String(row.action) as AuditAction,
    recipientId: nullable(row.recipient_id),
    campaignId: nullable(row.campaign_id),
    lineIds: (row.line_ids as string[] | null) ?? [],
    before: parsed(row.before),
    after: parsed(row.after),
    requestId: nullable(row.request_id),
    idempotencyKey: nullable(row.idempotency_key),
    deletionId: nullable(row.deletion_id),
  };
}

const encodeCursor = (record: AuditRecord) => Buffer.from(JSON.stringify([record.at, record.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^\d{1,19}$/u.test(id)) return undefined;
    return [at, id];
  } catch {
    return undefined;
  }
}

/** The filters as SQL over audit_records, every value a parameter. */
function auditFilter(c: Context): { where: string; params: unknown[]; limit: number } {
  const param = (name: string) => c.req.query(name) || undefined;
  const errors: FieldIssue[] = [];
  const params: unknown[] = [];
  const clauses: string[] = [];
  const text = (name: string, column: string) => {
    const value = param(name);
    if (value === undefined) return;
    if (value.length > 200) errors.push({ field: name, message: 'must be at most 200 characters' });
    else clauses.push(`${column} = $${params.push(value)}`);
  };
  text('recipientId', 'recipient_id');
  text('campaignId', 'campaign_id');
  const principal = param('principal');
  if (principal !== undefined) clauses.push(`(principal_id = $${params.push(principal)} OR principal_name = $${params.length})`);
  const lineId = param('lineId');
  if (lineId !== undefined) {
    if (UUID.test(lineId)) clauses.push(`line_ids @> ARRAY[$${params.push(lineId.toLowerCase())}::uuid]`);
    else errors.push({ field: 'lineId', message: 'must be a UUID' });
  }
  for (const [name, op] of [['from', '>='], ['to', '<']] as const) {
    const value = param(name);
    if (value === undefined) continue;
    if (v.is(InstantSchema, value)) clauses.push(`at ${op} $${params.push(value)}::timestamptz`);
    else errors.push({ field: name, message: 'must be an ISO 8601 instant with a time zone' });
  }
  const rawCursor = param('cursor');
  if (rawCursor !== undefined) {
    const cursor = decodeCursor(rawCursor);
    if (cursor) clauses.push(`(at, id) < ($${params.push(cursor[0])}::timestamptz, $${params.push(cursor[1])}::bigint)`);
    else errors.push({ field: 'cursor', message: 'is not a cursor this server gave out' });
  }
  let limit = AUDIT_DEFAULT_LIMIT;
  const rawLimit = param('limit');
  if (rawLimit !== undefined) {
    limit = /^\d{1,6}$/u.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= AUDIT_MAX_LIMIT)) errors.push({ field: 'limit', message: `must be a whole number from 1 to ${AUDIT_MAX_LIMIT}` });
  }
  if (errors.length > 0) throw validationProblem(errors);
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'true', params, limit };
}

export function registerAuditRoutes(api: Api, { db }: RouteDeps): void {
  api.get('/audit', async (c) => {
    const { where, params, limit } = auditFilter(c);
    // Ordered by the bigint column, qualified: a bare `id` would be the text alias ('10' < '9').
    const rows = await db.query(
      `SELECT id::text AS id, at, principal_id, principal_name, action, recipient_id, campaign_id, line_ids::text[] AS line_ids,
              before, after, request_id, idempotency_key, deletion_id::text AS deletion_id
         FROM audit_records WHERE ${where} ORDER BY at DESC, audit_records.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditRecord);
    const page: AuditPage = { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
    return jsonWithEtag(c, page);
  });
}
