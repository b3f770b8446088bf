/** HTTP concerns shared by the routes: ETags, CORS, comparing tokens, reading JSON bodies. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from './problems.js';
import { assertReadableJson, decodeBody } from './readable-text.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A strong ETag: the body is the representation, so equal bytes mean an equal tag. */
export function etagOf(body: string): string {
  return `"${sha256(body).toString('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags, or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//u, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/** Personal data (recipients, responses, history, reports): no cache on the way may keep a copy. */
export const NO_STORE = 'no-store';
/** Data that is the same for everyone (the contract, the vocabulary): kept, but revalidated every time. */
export const REVALIDATE = 'no-cache';

/**
 * A JSON answer to a GET, with an ETag; 304 when the client already holds this version. no-store
 * still allows a client that keeps its own copy (the kit's read cache) to revalidate it by its tag.
 * `version`, when given, is what the tag stands for instead of the whole body: an answer stamped
 * with the time of the read (live statistics' `asOf`) is the same version while its figures are,
 * so a client that polls with If-None-Match gets 304 until they move. Such a tag is weak.
 */
export function jsonWithEtag(c: Context, value: unknown, cacheControl: string = NO_STORE, version?: unknown): Response {
  const body = JSON.stringify(value);
  const etag = version === undefined ? etagOf(body) : `W/${etagOf(JSON.stringify(version))}`;
  const headers = { ETag: etag, 'Cache-Control': cacheControl };
  if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': JSON_CONTENT_TYPE } });
}

export interface CorsOptions {
  allowedOrigins: readonly string[];
}

const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
// Last-Event-ID: a page of another origin resumes its change stream with it (read with fetch).
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID';
// Last-Change-Id: where a page of another origin opens its change stream after its first reads.
const EXPOSE_HEADERS = 'ETag, Location, Idempotent-Replayed, WWW-Authenticate, Retry-After, Last-Change-Id';

/**
 * CORS for the listed origins only. hono/cors sends some headers to every origin; here an origin
 * that is not listed gets none at all, preflight included. Each refused origin is logged once: the
 * browser tells the page only "network error", so the server's log is where a wrong origin shows.
 */
export function corsFor({ allowedOrigins }: CorsOptions): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  const logged = new Set<string>();
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const permitted = origin !== undefined && allowed.has(origin);
    // A browser sends Origin with its same-origin writes too; those need no CORS.
    if (origin !== undefined && !permitted && !logged.has(origin) && origin !== new URL(c.req.url).origin) {
      logged.add(origin);
      console.warn(`CORS: refused origin ${origin} (allowed: ${allowedOrigins.join(', ') || 'none'}; see CR_ALLOWED_ORIGINS)`);
    }
    const isPreflight = c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('Access-Control-Request-Method');
    if (isPreflight) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (permitted) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (permitted) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}

/** Answers behind the token are someone's data: no-store unless the route said otherwise. */
export function noStoreByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', NO_STORE);
  };
}

/** Compares in constant time: both sides are hashed first, so their lengths leak nothing either. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}

/** Reads a JSON request body: 415 when it is not JSON by its type, 400 when it does not parse. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/u.test(type)) {
    throw new ProblemError('unsupported-media-type', 'Send the body as application/json.');
  }
  const text = decodeBody(await c.req.arrayBuffer());
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProblemError('malformed-request', `The body is not valid JSON: ${(error as Error).message}`);
  }
  assertReadableJson(body);
  return body;
}
