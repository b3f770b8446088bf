/**
 * The filters, order and keyset pages of a campaign's detail report, shared by the JSON pages and
 * the CSV export so both select exactly the same lines in the same order.
 */
import type { Context } from 'hono';
import { InstantSchema, type FieldIssue } from '../../src/model/schemas.js';
import { REPORT_SORTS, type CampaignResponseRow, type ReportSort, type ResponseFilters } from '../../src/model/campaign-stats.js';
import type { ResponseSource } from '../../src/model/types.js';
import * as v from 'valibot';
import type { Queryable } from '../db/db.js';
import { validationProblem } from '../http/problems.js';
import { toResponseLine } from '../db/repo.js';

export const REPORT_DEFAULT_LIMIT = 50;
export const REPORT_MAX_LIMIT = 500;
const SOURCES: readonly ResponseSource[] = ['manual', 'tracked', 'import'];

export interface ReportQuery extends ResponseFilters {
  sort: ReportSort;
  /** The sort key of the last row of the previous page. */
  after?: string[];
  limit: number;
}

/** One column of an order: its SQL, and the cast a cursor value needs to compare with it. */
interface SortKey {
  sql: string;
  cast: 'timestamptz' | 'uuid' | 'text' | 'int';
  /** The value of this key in a row read with ROW_COLUMNS. */
  of: (row: Record<string, unknown>) => string;
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
const TIME_KEYS: SortKey[] = [
  { sql: 'l.responded_at', cast: 'timestamptz', of: (r) => iso(r.responded_at) },
  { sql: 'l.recorded_at', cast: 'timestamptz', of: (r) => iso(r.recorded_at) },
  { sql: 'l.id', cast: 'uuid', of: (r) => String(r.id) },
];
/** Every order ends with the time keys and the id, so it is total and a cursor is exact. */
const ORDER_KEYS: Record<'respondedAt' | 'recipient' | 'detail', SortKey[]> = {
  respondedAt: TIME_KEYS,
  recipient: [
    { sql: 'r.display_name', cast: 'text', of: (r) => String(r.recipient_name) },
    { sql: 'l.recipient_id', cast: 'text', of: (r) => String(r.recipient_id) },
    ...TIME_KEYS,
  ],
  // The vocabulary's order (as the summary shows details), the same in every language.
  detail: [{ sql: 'd.position', cast: 'int', of: (r) => String(r.detail_position) }, ...TIME_KEYS],
};

export function sortKeys(sort: ReportSort): { keys: SortKey[]; descending: boolean } {
  const descending = sort.startsWith('-');
  return { keys: ORDER_KEYS[(descending ? sort.slice(1) : sort) as keyof typeof ORDER_KEYS], descending };
}

export const ROW_COLUMNS = `l.id::text AS id, l.recipient_id, l.campaign_id, l.event_id, l.detail_id, l.category_id,
  l.responded_at, l.recorded_at, l.note, l.author, l.source, l.link_id, l.link_url, l.evidence_user_agent,
  l.evidence_seconds_since_delivery, l.evidence_machine, l.evidence_machine_reason,
  r.display_name AS recipient_name, d.position AS detail_position`;
export const ROW_FROM = `response_lines l JOIN recipients r ON r.id = l.recipient_id JOIN response_details d ON d.id = l.detail_id`;

export function toReportRow(row: Record<string, unknown>): CampaignResponseRow {
  return { ...toResponseLine(row), recipientName: String(row.recipient_name) };
}

export function encodeReportCursor(sort: ReportSort, row: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify([sort, ...sortKeys(sort).keys.map((key) => key.of(row))])).toString('base64url');
}

function decodeReportCursor(cursor: string, sort: ReportSort): string[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const { keys } = sortKeys(sort);
    if (!Array.isArray(value) || value[0] !== sort || value.length !== keys.length + 1) return undefined;
    const parts = value.slice(1);
    if (!parts.every((p) => typeof p === 'string')) return undefined;
    const valid = keys.every((key, i) =>
      key.cast === 'timestamptz' ? !Number.isNaN(Date.parse(parts[i])) : key.cast === 'uuid' ? /^[0-9a-f-]{36}$/u.test(parts[i]) : key.cast === 'int' ? /^\d{1,9}$/u.test(parts[i]) : true,
    );
    return valid ? (parts as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the query. Checks the syntax of each parameter, and that the ids name a detail, a category
 * and an event of this campaign: a filter that can match nothing is a mistake worth a 422.
 */
export async function parseReportQuery(c: Context, db: Queryable, campaignId: string, paged: boolean): Promise<ReportQuery> {
  const param = (name: string) => c.req.query(name) || undefined;
  const errors: FieldIssue[] = [];
  const query: ReportQuery = { sort: '-respondedAt', limit: REPORT_DEFAULT_LIMIT };

  const sort = param('sort');
  if (sort !== undefined) {
    if ((REPORT_SORTS as readonly string[]).includes(sort)) query.sort = sort as ReportSort;
    else errors.push({ field: 'sort', message: `must be one of ${REPORT_SORTS.join(', ')}` });
  }
  for (const name of ['from', 'to'] as const) {
    const value = param(name);
    if (value === undefined) continue;
    if (v.is(InstantSchema, value)) query[name] = new Date(Date.parse(value)).toISOString();
    else errors.push({ field: name, message: 'must be an ISO 8601 instant with a time zone, e.g. 2026-03-04T00:00:00Z' });
  }
  if (query.from && query.to && query.from >= query.to) errors.push({ field: 'to', message: 'must be after from' });
  const source = param('source');
  if (source !== undefined) {
    if ((SOURCES as readonly string[]).includes(source)) query.source = source as ResponseSource;
    else errors.push({ field: 'source', message: `must be one of ${SOURCES.join(', ')}` });
  }
  const machine = param('machine');
  if (machine !== undefined) {
    if (machine === 'true' || machine === 'false') query.machine = machine === 'true';
    else errors.push({ field: 'machine', message: 'must be true or false' });
  }
  const q = param('q');
  if (q !== undefined) {
    if (q.length <= 200) query.q = q;
    else errors.push({ field: 'q', message: 'must be at most 200 characters' });
  }
  if (paged) {
    const rawLimit = param('limit');
    if (rawLimit !== undefined) {
      query.limit = /^\d{1,6}$/u.test(rawLimit) ? Number(rawLimit) : NaN;
      if (!(query.limit >= 1 && query.limit <= REPORT_MAX_LIMIT)) {
        errors.push({ field: 'limit', message: `must be a whole number from 1 to ${REPORT_MAX_LIMIT}` });
      }
    }
    const cursor = param('cursor');
    if (cursor !== undefined) {
      query.after = decodeReportCursor(cursor, query.sort);
      if (!query.after) errors.push({ field: 'cursor', message: 'is not a cursor this server gave out for this sort' });
    }
  }
  const exists = async (sql: string, value: string) => (await db.query(sql, [value, campaignId])).length > 0;
  const detailId = param('detailId');
  if (detailId !== undefined) {
    if (await exists('SELECT 1 FROM response_details WHERE id = $1 AND $2::text IS NOT NULL', detailId)) query.detailId = detailId;
    else errors.push({ field: 'detailId', message: 'is not a known response detail' });
  }
  const categoryId = param('categoryId');
  if (categoryId !== undefined) {
    if (await exists('SELECT 1 FROM response_categories WHERE id = $1 AND $2::text IS NOT NULL', categoryId)) query.categoryId = categoryId;
    else errors.push({ field: 'categoryId', message: 'is not a known response category' });
  }
  const eventId = param('eventId');
  if (eventId !== undefined) {
    if (await exists('SELECT 1 FROM campaign_events WHERE id = $1 AND campaign_id = $2', eventId)) query.eventId = eventId;
    else errors.push({ field: 'eventId', message: 'is not an event of this campaign' });
  }
  if (errors.length > 0) throw validationProblem(errors);
  return query;
}

/** The WHERE of the filters (on `l` only), with its parameters; $1 is the campaign. */
export function filterSql(campaignId: string, query: ResponseFilters): { where: string; params: unknown[] } {
  const params: unknown[] = [campaignId];
  let where = 'l.campaign_id = $1';
  if (query.detailId !== undefined) where += ` AND l.detail_id = $${params.push(query.detailId)}`;
  if (query.categoryId !== undefined) where += ` AND l.category_id = $${params.push(query.categoryId)}`;
  if (query.eventId !== undefined) where += ` AND l.event_id = $${params.push(query.eventId)}`;
  if (query.from !== undefined) where += ` AND l.responded_at >= $${params.push(query.from)}::timestamptz`;
  if (query.to !== undefined) where += ` AND l.responded_at < $${params.push(query.to)}::timestamptz`;
  if (query.source !== undefined) where += ` AND l.source = $${params.push(query.source)}`;
  if (query.machine === true) where += ' AND l.evidence_machine IS TRUE';
  if (query.machine === false) where += ' AND l.evidence_machine IS NOT TRUE';
  // strpos, not LIKE: the text is matched as it is, so % and _ are plain characters.
  if (query.q !== undefined) where += ` AND strpos(lower(l.note), lower($${params.push(query.q)})) > 0`;
  return { where, params };
}

/** One keyset batch in the query's order: rows after `after` (the previous batch's last key), at most `limit`. */
export async function readReportBatch(
  db: Queryable,
  campaignId: string,
  query: ReportQuery,
  after: string[] | undefined,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const { where, params } = filterSql(campaignId, query);
  const { keys, descending } = sortKeys(query.sort);
  let pageWhere = where;
  if (after) {
    const placeholders = keys.map((key, i) => `$${params.push(after[i])}::${key.cast}`);
    pageWhere += ` AND (${keys.map((k) => k.sql).join(', ')}) ${descending ? '<' : '>'} (${placeholders.join(', ')})`;
  }
  const direction = descending ? 'DESC' : 'ASC';
  return db.query(
    `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE ${pageWhere}
      ORDER BY ${keys.map((k) => `${k.sql} ${direction}`).join(', ')} LIMIT ${Math.floor(limit)}`,
    params,
  );
}

export const keyOf = (sort: ReportSort, row: Record<string, unknown>) => sortKeys(sort).keys.map((key) => key.of(row));
