/**
 * The open pixel answered straight from node:http, before Hono. It is the busiest URL a mailing
 * brings (every mail opened, many at once), and through the app each answer built a Request and a
 * Response and passed the whole middleware chain: about 40 µs of the server's time a hit against
 * 16 µs for a bare Hono route (bench/node/tracking-profile.ts). Here a hit costs one HMAC and its
 * place in the next batch, and the answer is one write of headers made once.
 *
 * It answers exactly what the app's route answers. The headers the app's middleware gives a pixel
 * (security headers, Vary) are read from the app itself once, with a token that does not verify, so
 * the two cannot drift; only the request id is new for each answer. A request this path would answer
 * differently goes to the app: another method, an Origin (CORS answers it), a caller's request id
 * (echoed), an escaped or longer path.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hono } from 'hono';
import { keptUserAgent, NOT_STORED_HEADERS, PIXEL_GIF, PIXEL_HEADERS, readerOf, recordPixelHit } from './tracking.js';
import type { CampaignRouteDeps } from './campaign-context.js';

const PREFIX = '/api/t/o/';
/** The file part of a path this path answers: a token's characters and dots, then .gif; nothing to unescape. */
const FILE = /^[A-Za-z0-9_.-]+\.gif$/u;

/** Answers a request it takes and returns true; false: the caller hands the request to the app. */
export type PixelFastPath = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export async function pixelFastPath(app: Hono, deps: Pick<CampaignRouteDeps, 'now' | 'hits' | 'trackingKeys'>): Promise<PixelFastPath> {
  const probe = await app.request(`${PREFIX}probe.gif`);
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`The pixel answered the start's probe with ${probe.status}`);
  // What the middleware adds: not the pixel's own headers, nor the request id each answer makes anew.
  const notCommon = new Set(['x-request-id', ...Object.keys(PIXEL_HEADERS).map((name) => name.toLowerCase())]);
  const common: Record<string, string> = {};
  probe.headers.forEach((value, name) => {
    if (!notCommon.has(name)) common[name] = value;
  });
  const answered = { ...common, ...PIXEL_HEADERS };
  const notStored = { ...common, ...NOT_STORED_HEADERS };

  return (req, res, path) => {
    if (req.method !== 'GET' || !path.startsWith(PREFIX) || req.headers.origin !== undefined || req.headers['x-request-id'] !== undefined) return false;
    const file = path.slice(PREFIX.length);
    if (!FILE.test(file)) return false;
    const userAgent = req.headers['user-agent'];
    void recordPixelHit(deps, file, keptUserAgent(userAgent), readerOf(req.socket.remoteAddress, userAgent)).then((stored) => {
      if (stored) res.writeHead(200, { ...answered, 'X-Request-Id': randomUUID() }).end(PIXEL_GIF);
      else res.writeHead(503, { ...notStored, 'X-Request-Id': randomUUID() }).end();
    });
    return true;
  };
}
