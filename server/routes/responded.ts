/**
 * POST /campaigns/{campaignId}/events/{eventId}/responded: which of up to a thousand recipients
 * already have a live line of this detail on this event (a bulk entry's duplicates). A filter of
 * the campaign's detail report would need the thousand ids in its URL: a POST beside the event's
 * other action (send), answering only ids, in the order asked.
 */
import * as v from 'valibot';
import { findDetail } from '../../src/model/vocabulary.js';
import { fieldProblem, ProblemError } from '../http/problems.js';
import { findEvent, readVocabulary } from '../db/repo.js';
import { keyList, readBulkBody } from './bulk-body.js';
import type { Api, RouteDeps } from './context.js';

/** The route's path under /api, for its body limit. */
export const RESPONDED_PATH = /^\/api\/campaigns\/[^/]+\/events\/[^/]+\/responded$/u;

const RespondedSchema = v.strictObject({
  detailId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  recipientIds: keyList(200),
});

export function registerRespondedRoute(api: Api, { db }: RouteDeps): void {
  api.post('/campaigns/:campaignId/events/:eventId/responded', async (c) => {
    const campaignId = c.req.param('campaignId');
    const eventId = c.req.param('eventId');
    const { detailId, recipientIds } = await readBulkBody(c, RespondedSchema);
    const event = await findEvent(db, eventId);
    if (!event || event.campaignId !== campaignId) throw new ProblemError('not-found', `Campaign ${campaignId} has no event ${eventId}.`);
    if (!findDetail(await readVocabulary(db), detailId)) throw fieldProblem('detailId', 'is not a known response detail');
    const rows = await db.query<{ recipient_id: string }>(
      `SELECT DISTINCT recipient_id FROM response_lines
        WHERE campaign_id = $1 AND event_id = $2 AND detail_id = $3 AND recipient_id = ANY($4::text[])`,
      [campaignId, eventId, detailId, recipientIds],
    );
    const responded = new Set(rows.map((row) => row.recipient_id));
    return c.json({ recipientIds: [...new Set(recipientIds)].filter((id) => responded.has(id)) });
  });
}
