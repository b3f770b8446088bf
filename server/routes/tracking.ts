/**
 * Email tracking: sending an event (authenticated), and the two public URLs a mail carries — the
 * open pixel and the click redirect. The public ones answer the same whatever goes wrong (a forged,
 * altered or expired token, an unknown link), so they reveal nothing about tokens or links.
 */
import type { Context } from 'hono';
import type { SendResult } from '../../src/model/campaign-stats.js';
import { sendEvent } from '../tracking/delivery.js';
import { actorOf, writeAudit } from '../audit/audit-log.js';
import { fieldProblem, ProblemError, problemBody, problemResponse } from '../http/problems.js';
import { findEvent } from '../db/repo.js';
import { issueToken, verifyToken } from '../tracking/tracking-token.js';
import type { CampaignRouteDeps } from './campaign-context.js';
import type { Api } from './context.js';

/** The smallest transparent GIF (1×1, 43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const PIXEL_BYTES = new Uint8Array(PIXEL_GIF);

function pixel(method: string): Response {
  return new Response(method === 'HEAD' ? null : PIXEL_BYTES, {
    status: 200,
    headers: {
      'Content-Type': 'image/gif',
      'Content-Length': String(PIXEL_GIF.length),
      // Every load must reach the server: a cached pixel is an open nobody records.
      'Cache-Control': 'no-store, no-cache, must-revalidate, private',
      Pragma: 'no-cache',
    },
  });
}

/** The one answer to every click that is not recorded: no redirect, no reason. */
function noSuchLink(c: Context): Response {
  return problemResponse({ ...problemBody('not-found', 'No such link.'), instance: c.req.path });
}

const userAgentOf = (c: Context) => c.req.header('User-Agent')?.slice(0, 2000) || null;

/** One mail reader: its address (from the socket under @hono/node-server; none in-process) and agent. */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return `${env?.incoming?.socket?.remoteAddress ?? ''}\n${c.req.header('User-Agent') ?? ''}`;
}

/** The open pixel and the click redirect: registered before the bearer check, as mail clients carry no token. */
export function registerPublicTrackingRoutes(api: Api, deps: CampaignRouteDeps): void {
  const { now, hits } = deps;

  // The hot path: one HMAC (verifyToken), no body, no database round trip of its own; the hit waits
  // for its batch's commit into the open inbox (hit-recorder.ts), so the GIF answers only a stored
  // open. Its line, raw hit and roll-ups follow in the fold; a hit on a mail never delivered is
  // answered alike and dropped there.
  api.get('/t/o/:file', async (c) => {
    const file = c.req.param('file');
    // A HEAD (a link checker, a proxy probing) gets the same answer but is not an open.
    if (file.endsWith('.gif') && c.req.method === 'GET') {
      const at = now();
      const claims = verifyToken(await deps.trackingKeys(), file.slice(0, -'.gif'.length), at);
      if (claims) {
        try {
          await hits.open({ claims, userAgent: userAgentOf(c), client: clientOf(c), at });
        } catch (error) {
          // Not stored, so not acknowledged: the reader may load the image again. Nothing said about why.
          console.error('Recording an open failed:', error);
          return new Response(null, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '1' } });
        }
      }
    }
    return pixel(c.req.method);
  });

  api.get('/t/c/:token/:linkId', async (c) => {
    if (c.req.method !== 'GET') return noSuchLink(c);
    const at = now();
    const claims = verifyToken(await deps.trackingKeys(), c.req.param('token'), at);
    if (!claims) return noSuchLink(c);
    const url = await hits.click({ claims, linkId: c.req.param('linkId'), userAgent: userAgentOf(c), at });
    if (url === undefined) return noSuchLink(c);
    return new Response(null, {
      status: 302,
      headers: {
        Location: url,
        'Cache-Control': 'no-store',
        // The tracking URL holds the token: the site the visitor lands on must not see it as the Referer.
        'Referrer-Policy': 'no-referrer',
      },
    });
  });
}

export function registerSendRoute(api: Api, deps: CampaignRouteDeps): void {
  const { db, now } = deps;
  api.post('/campaigns/:campaignId/events/:eventId/send', async (c) => {
    const campaignId = c.req.param('campaignId');
    const eventId = c.req.param('eventId');
    const event = await findEvent(db, eventId);
    if (!event || event.campaignId !== campaignId) throw new ProblemError('not-found', `Campaign ${campaignId} has no event ${eventId}.`);
    if (event.channel !== 'email') throw fieldProblem('eventId', `is a ${event.channel} event; only email events are sent`);
    if (event.status === 'cancelled') throw fieldProblem('eventId', 'is cancelled');
    const at = now();
    const outcome = await db.transaction(async (tx) => {
      const sent = await sendEvent(tx, campaignId, eventId, at);
      // A send is a person's change: one record names every line it added (their content is the
      // outcomes in the answer). Opens and clicks are not audited: see server/README.md.
      if (sent.lineIds.length > 0) await writeAudit(tx, actorOf(c, undefined), { action: 'add', at, recipientId: null, campaignId, lineIds: sent.lineIds });
      return sent;
    });
    const links = await db.query<{ id: string; url: string }>('SELECT id, url FROM event_links WHERE event_id = $1 ORDER BY position, id', [eventId]);
    const { current } = await deps.trackingKeys();
    const base = `${deps.publicUrl ?? new URL(c.req.url).origin}/api/t`;
    const expiresAt = at.getTime() + deps.trackingTokenTtlMs;
    const answer: SendResult = {
      campaignId,
      eventId,
      deliveries: outcome.deliveries.map((d) => {
        const token = d.outcome === 'sent' ? issueToken(current, { recipientId: d.recipientId, eventId, expiresAt }) : undefined;
        return {
          ...d,
          deliveredAt: d.deliveredAt.toISOString(),
          tracking: token
            ? {
                openUrl: `${base}/o/${token}.gif`,
                links: links.map((l) => ({ linkId: l.id, url: l.url, clickUrl: `${base}/c/${token}/${encodeURIComponent(l.id)}` })),
                expiresAt: new Date(expiresAt).toISOString(),
              }
            : null,
        };
      }),
      withoutEmail: outcome.withoutEmail,
    };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });
}
