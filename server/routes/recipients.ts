/** Reads and the delete-all of one recipient: campaigns with latest response, history, delete. */
import { principalOf } from '../auth/principal.js';
import type { Context } from 'hono';
import type { FieldIssue } from '../../src/model/schemas.js';
import { inOneSnapshot, type Queryable } from '../db/db.js';
import type { Page, Recipient, RecipientCampaigns, ResponseLine } from '../../src/model/types.js';
import { jsonWithEtag } from '../http/http.js';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.js';
import { ProblemError, validationProblem } from '../http/problems.js';
import { actorOf } from '../audit/audit-log.js';
import { deleteLines, HISTORY_COLUMNS, toHistoryLine } from '../audit/deletions.js';
import { readDeleteBound } from './delete-bound.js';
import { campaignSentTo, findRecipient, listRecipients, LINE_COLUMNS, recipientCampaigns, toResponseLine } from '../db/repo.js';
import type { Api, RouteDeps } from './context.js';

export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 500;

/** A position in the newest-first order: the sort key of the last line of a page. */
interface HistoryCursor {
  respondedAt: string;
  recordedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

export function encodeCursor(line: ResponseLine): string {
  return Buffer.from(JSON.stringify([line.respondedAt, line.recordedAt, line.id])).toString('base64url');
}

export function decodeCursor(cursor: string): HistoryCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3 || !value.every((part) => typeof part === 'string')) return undefined;
    const [respondedAt, recordedAt, id] = value as string[];
    if (Number.isNaN(Date.parse(respondedAt)) || Number.isNaN(Date.parse(recordedAt)) || !UUID.test(id)) return undefined;
    return { respondedAt, recordedAt, id };
  } catch {
    return undefined;
  }
}

interface HistoryQuery {
  campaignId?: string;
  eventId?: string;
  categoryId?: string;
  /** Text the note must contain, any case. */
  q?: string;
  cursor?: HistoryCursor;
  limit: number;
  /** include=deleted: soft-deleted lines still restorable too, with their deletion. */
  withDeleted: boolean;
}

function parseHistoryQuery(c: Context): HistoryQuery {
  const param = (name: string) => c.req.query(name) || undefined;
  const errors: FieldIssue[] = [];
  let limit = HISTORY_DEFAULT_LIMIT;
  const rawLimit = param('limit');
  if (rawLimit !== undefined) {
    limit = /^\d{1,6}$/u.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= HISTORY_MAX_LIMIT)) {
      errors.push({ field: 'limit', message: `must be a whole number from 1 to ${HISTORY_MAX_LIMIT}` });
    }
  }
  const rawCursor = param('cursor');
  const cursor = rawCursor === undefined ? undefined : decodeCursor(rawCursor);
  if (rawCursor !== undefined && !cursor) errors.push({ field: 'cursor', message: 'is not a cursor this server gave out' });
  const q = param('q');
  if (q !== undefined && q.length > 200) errors.push({ field: 'q', message: 'must be at most 200 characters' });
  const include = param('include');
  if (include !== undefined && include !== 'deleted') errors.push({ field: 'include', message: 'may only be "deleted"' });
  if (errors.length > 0) throw validationProblem(errors);
  return { campaignId: param('campaignId'), eventId: param('eventId'), categoryId: param('categoryId'), q, cursor, limit, withDeleted: include === 'deleted' };
}

export function registerRecipientRoutes(api: Api, { db, now, restoreDays }: RouteDeps): void {
  // Inside a transaction this must get the transaction: PGlite has one connection, so a query on
  // `db` there would wait for the transaction to end.
  const requireRecipient = async (recipientId: string, on: Queryable = db) => {
    const recipient = await findRecipient(on, recipientId);
    if (!recipient) throw new ProblemError('not-found', `No recipient ${recipientId}.`);
    return recipient;
  };

  api.get('/recipients', async (c) => {
    const page: Page<Recipient> = { items: await listRecipients(db), nextCursor: null };
    return jsonWithEtag(c, page);
  });

  api.get('/recipients/:recipientId/campaigns', async (c) => {
    const recipient = await requireRecipient(c.req.param('recipientId'));
    const answer: RecipientCampaigns = { recipient, campaigns: await recipientCampaigns(db, recipient.id) };
    return jsonWithEtag(c, answer);
  });

  api.get('/recipients/:recipientId/responses', async (c) => {
    const query = parseHistoryQuery(c);
    const recipient = await requireRecipient(c.req.param('recipientId'));
    const params: unknown[] = [recipient.id];
    let where = 'recipient_id = $1';
    // A line deleted longer ago than the window can no longer be restored: it is not offered.
    const restorableSince = new Date(now().getTime() - restoreDays * 86_400_000).toISOString();
    if (query.withDeleted) where += ` AND (deleted_at IS NULL OR deleted_at > $${params.push(restorableSince)}::timestamptz)`;
    const from = query.withDeleted ? 'all_response_lines' : 'response_lines';
    if (query.campaignId !== undefined) where += ` AND campaign_id = $${params.push(query.campaignId)}`;
    if (query.eventId !== undefined) where += ` AND event_id = $${params.push(query.eventId)}`;
    if (query.categoryId !== undefined) where += ` AND category_id = $${params.push(query.categoryId)}`;
    // strpos, not LIKE: the text is matched as it is, with no wildcards to escape.
    if (query.q !== undefined) where += ` AND strpos(lower(note), lower($${params.push(query.q)})) > 0`;
    const totalParams = [...params];
    let pageWhere = where;
    if (query.cursor) {
      const { respondedAt, recordedAt, id } = query.cursor;
      const [a, b, d] = [params.push(respondedAt), params.push(recordedAt), params.push(id)];
      pageWhere += ` AND (responded_at, recorded_at, id) < ($${a}::timestamptz, $${b}::timestamptz, $${d}::uuid)`;
    }
    const { total, rows } = await inOneSnapshot(db, async (tx) => {
      const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, totalParams);
      const rows = await tx.query(
        `SELECT ${query.withDeleted ? HISTORY_COLUMNS : LINE_COLUMNS} FROM ${from} WHERE ${pageWhere}
          ORDER BY responded_at DESC, recorded_at DESC, id DESC LIMIT ${query.limit + 1}`,
        params,
      );
      return { total, rows };
    });
    const items = rows.slice(0, query.limit).map(query.withDeleted ? toHistoryLine : toResponseLine);
    const nextCursor = rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null;
    const page: Page<ResponseLine> = { items, nextCursor, total };
    return jsonWithEtag(c, page);
  });

  api.delete('/recipients/:recipientId/campaigns/:campaignId/responses', async (c) => {
    const recipientId = c.req.param('recipientId');
    const campaignId = c.req.param('campaignId');
    const key = idempotencyKeyOf(c);
    const lineIds = await readDeleteBound(c);
    // The bound is part of the request's meaning: the same key with another list is another request.
    const canonicalBody = lineIds === undefined ? '' : JSON.stringify({ lineIds });
    const request = { principal: principalOf(c).id, key, method: 'DELETE', path: c.req.path, canonicalBody };
    return runIdempotent(db, request, async (tx) => {
      await requireRecipient(recipientId, tx);
      if (!(await campaignSentTo(tx, recipientId, campaignId))) {
        throw new ProblemError('not-found', `Campaign ${campaignId} was not sent to recipient ${recipientId}.`);
      }
      const result = await deleteLines(tx, actorOf(c, key), { recipientId, campaignId, lineIds, action: 'delete-all' }, now());
      return { status: 200, body: result };
    });
  });
}
