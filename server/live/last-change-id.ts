/**
 * `Last-Change-Id` on the reads a live page shows: the newest change log id, read before the
 * answer's data is. A client that opens its change stream after that id (`Last-Event-ID`) then
 * misses nothing that changed between its first read and its stream's start, without a second
 * read. The log's ids are handed out in commit order, so every change up to that id is in the data.
 */
import type { MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/db.js';
import type { Api } from '../routes/context.js';
import { logBounds } from './change-log.js';

export const LAST_CHANGE_ID_HEADER = 'Last-Change-Id';

/** The reads whose elements follow a change stream: a recipient's lists, a campaign's statistics and reports. */
export const LIVE_READ_PATHS = [
  '/recipients/:recipientId/campaigns',
  '/recipients/:recipientId/responses',
  '/campaigns/:campaignId/stats',
  '/campaigns/:campaignId/responses/summary',
  '/campaigns/:campaignId/responses',
  '/campaigns/:campaignId/clickthrough',
] as const;

export function lastChangeId(db: Queryable): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    // Before the handler's read: a change committed meanwhile is then in the stream, not lost.
    const { lastId } = await logBounds(db);
    await next();
    if (c.res.status < 400) c.res.headers.set(LAST_CHANGE_ID_HEADER, String(lastId));
  };
}

export function registerLastChangeId(api: Api, db: Queryable): void {
  const middleware = lastChangeId(db);
  for (const path of LIVE_READ_PATHS) api.use(path, middleware);
}
