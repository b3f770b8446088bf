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

/** The pixel's own headers (the app's middleware adds its own to every answer). */
export const PIXEL_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'image/gif',
  'Content-Length': String(PIXEL_GIF.length),
  // Every load must reach the server: a cached pixel is an open nobody records.
  'Cache-Control': 'no-store, no-cache, must-revalidate, private',
  Pragma: 'no-cache',
};

/** An open that could not be stored is not acknowledged: the reader may load the image again. Nothing said about why. */
export const NOT_STORED_HEADERS: Readonly<Record<string, string>> = { 'Cache-Control': 'no-store', 'Retry-After': '1' };

function pixel(method: string): Response {
  return new Response(method === 'HEAD' ? null : PIXEL_BYTES, { status: 200, headers: PIXEL_HEADERS });
}

/**
 * A GET of the pixel's file: the open is stored (acknowledged) when its token verifies, and nothing
 * happens when it does not. Resolves false when a verified open, or the keys to verify it, could not be
 * had: never rejects.
 */
export async function recordPixelHit(
  deps: Pick<CampaignRouteDeps, 'now' | 'hits' | 'trackingKeys'>, file: string, userAgent: string | null, client: string,
): Promise<boolean> {
  if (!file.endsWith('.gif')) return true;
  try {
    const at = deps.now();
    const claims = verifyToken(await deps.trackingKeys(), file.slice(0, -'.gif'.length), at);
    if (claims) await deps.hits.open({ claims, userAgent, client, at });
    return true;
  } catch (error) {
    // The keys could not be loaded (the database down at the first hit) or the batch not committed.
    console.error('Recording an open failed:', error);
    return false;
  }
}

/** The one answer to every click that is not recorded: no redirect, no reason. */
function noSuchLink(c: Context): Response {
  return problemResponse({ ...problemBody('not-found', 'No such link.'), instance: c.req.path });
}

/** The agent as a hit keeps it. */
export const keptUserAgent = (header: string | undefined) => header?.slice(0, 2000) || null;

/** One mail reader: its address and agent. */
export const readerOf = (address: string | undefined, userAgent: string | undefined) => `${address ?? ''}\n${userAgent ?? ''}`;

const userAgentOf = (c: Context) => keptUserAgent(c.req.header('User-Agent'));

/** The reader of a request: its address from the socket under @hono/node-server (none in-process). */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return readerOf(env?.incoming?.socket?.remoteAddress, c.req.header('User-Agent'));
}

/** The open pixel and the click redirect: registered before the bearer check, as mail clients carry no token. */
export function registerPublicTrackingRoutes(api: Api, deps: CampaignRouteDeps): void {
  const { now, hits } = deps;

  // The hot path: one HMAC (verifyToken), no body, no database round trip of its own; the hit waits
  // for its batch's commit into the open inbox (hit-recorder.ts), so the GIF answers only a stored
  // open. Its line, raw hit and roll-ups follow in the fold; a hit on a mail never delivered is
  // answered alike and dropped there. A server answers most pixels before Hono (pixel-fast-path.ts).
  api.get('/t/o/:file', async (c) => {
    // A HEAD (a link checker, a proxy probing) gets the same answer but is not an open.
    if (c.req.method === 'GET' && !(await recordPixelHit(deps, c.req.param('file'), userAgentOf(c), clientOf(c)))) {
      return new Response(null, { status: 503, headers: NOT_STORED_HEADERS });
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
