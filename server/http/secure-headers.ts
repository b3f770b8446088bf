/**
 * Security headers: hono/secure-headers on every API answer, and the same set (with a Content-Security-
 * Policy for pages) on what the demo server hands out, so a browser never sniffs a JSON or CSV answer
 * into a script or a page, never frames the app on another site, and never leaks URLs as Referer.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The API serves data, never a page: nothing may load from it as a document, and nothing may frame it. */
export function apiSecureHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // The open pixel is an <img> on a webmail's page, another origin: same-origin would hide every open.
    crossOriginResourcePolicy: false,
    // A handler's own choice (the click redirect's Referrer-Policy, say) stands.
    overwrite: false,
  });
}

/**
 * The demo pages' policy: scripts only from this origin (no inline script; Vite serves an inline
 * module of an HTML page as a file of its own), styles also inline (Vite injects imported CSS as
 * <style> in development), no plugins, no framing, fetches and the dev socket to this origin only.
 * The built demo's service worker (sw.js, which imports its Workbox file) comes from this origin:
 * said outright rather than left to the fallback through script-src to default-src.
 */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DEMO_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DEMO_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
