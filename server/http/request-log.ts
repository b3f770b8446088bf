/**
 * One structured JSON line per request (pino), for production mode. It carries what an operator
 * needs to follow a request (its id, method, path, status, duration) and nothing that grants access:
 * no headers (the Authorization bearer token, cookies), no query string, and the signed tracking
 * tokens in the pixel and click paths replaced, since whoever holds one can record opens and clicks.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const TRACKING_PATH = /^(\/api\/t\/[oc]\/)[^/]+/u;
/** An id the caller (a proxy, a load balancer) chose is kept when it is short and plain. */
export const CALLER_ID = /^[\w.:-]{1,64}$/u;

/** The path as it may be written down: no query, no tracking token. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0].split('#')[0];
  return path.replace(TRACKING_PATH, '$1[redacted]');
}

/** Gives the request an id (answered as X-Request-Id) and logs one line when its answer is done. */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const header = req.headers['x-request-id'];
  const requestId = typeof header === 'string' && CALLER_ID.test(header) ? header : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  // The app reads it from here, so the audit records of a change carry the id this log writes.
  req.headers['x-request-id'] = requestId;
  const started = process.hrtime.bigint();
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const line = {
      requestId,
      method: req.method,
      path: loggablePath(req.url),
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      // 'finish' is a complete answer; 'close' before it means the client went away.
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
  res.once('finish', done);
  res.once('close', done);
}
