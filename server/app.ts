/**
 * The reference server's HTTP API as a Hono app: `createApp()` is what tests call in-process and
 * what start.ts serves. Every route lives under /api.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Db } from './db/db.js';
import { corsFor, jsonWithEtag, noStoreByDefault, REVALIDATE } from './http/http.js';
import { authenticate } from './auth/authenticate.js';
import { authorize } from './auth/authorize.js';
import { registerMeRoute } from './routes/me.js';
import { loadDemoSigner, type DemoSigner } from './auth/demo-keys.js';
import { oidcIssuer, type OidcOptions, type TrustedIssuer } from './auth/jwt.js';
import type { RoleMap } from './auth/permissions.js';
import { openApiDocument } from './openapi/openapi.js';
import { problemBody, ProblemError, problemResponse } from './http/problems.js';
import { apiSecureHeaders } from './http/secure-headers.js';
import { readableTextOnly } from './http/readable-text.js';
import { DEFAULT_RATE_LIMIT, rateLimit } from './http/rate-limit.js';
import { registerRecipientRoutes } from './routes/recipients.js';
import type { CampaignRouteDeps } from './routes/campaign-context.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerResponseRoutes } from './routes/responses.js';
import { BATCH_BODY_BYTES, registerBatchRoute } from './routes/responses-batch.js';
import { BULK_READ_BODY_BYTES } from './routes/bulk-body.js';
import { registerRecipientLookupRoute } from './routes/recipient-lookup.js';
import { registerRespondedRoute, RESPONDED_PATH } from './routes/responded.js';
import { registerStatsRoutes } from './routes/stats.js';
import { registerPublicTrackingRoutes, registerSendRoute } from './routes/tracking.js';
import { registerVocabularyRoutes } from './routes/vocabulary.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerDeletionRoutes } from './routes/deletions.js';
import { registerChangeRoutes } from './routes/changes.js';
import { registerLastChangeId } from './live/last-change-id.js';
import { ChangeHub } from './live/change-hub.js';
import { DEFAULT_SSE_HEARTBEAT_MS, DEFAULT_SSE_MAX_PER_PRINCIPAL, DEFAULT_SSE_WRITE_TIMEOUT_MS } from './live/change-stream.js';
import { requestIds } from './audit/audit-log.js';
import { DEFAULT_RESTORE_DAYS } from './audit/deletions.js';
import { BOUND_BODY_BYTES } from './routes/delete-bound.js';
import { HitRecorder } from './tracking/hit-recorder.js';
import { DEFAULT_STATS_REFRESH_MS } from './stats/stats-snapshot.js';
import { assertTrackingSecret, DEFAULT_TOKEN_TTL_MS, trackingKeysLoader, type TrackingKeys } from './tracking/tracking-token.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  /** An open, migrated database. The app does not close it. */
  db: Db;
  /** The service principal's bearer token (CR_API_TOKEN): every right, no rate limit. */
  token: string;
  /** The service principal's display name (CR_API_TOKEN_NAME), the author of the lines it enters. Default "API token". */
  tokenName?: string;
  /** An external OpenID Connect issuer whose JWTs are accepted (CR_OIDC_ISSUER, CR_OIDC_AUDIENCE). */
  oidc?: OidcOptions;
  /** The claim that carries roles (CR_ROLES_CLAIM, default `roles`). */
  rolesClaim?: string;
  /** Roles → permissions (CR_ROLE_MAP); default DEFAULT_ROLE_MAP. */
  roleMap?: RoleMap;
  /** Accept the demo's own tokens (signed with keys kept in the database). */
  demoTokens?: boolean;
  /** Requests per principal per minute (CR_RATE_LIMIT); 0 turns limits off. Default DEFAULT_RATE_LIMIT. */
  rateLimit?: number;
  /** Principal ids without rate limits (CR_RATE_LIMIT_EXEMPT), besides the service principal, which never has one. */
  rateLimitExempt?: readonly string[];
  /** Origins that may call the API from a browser (CORS); none by default. */
  allowedOrigins?: readonly string[];
  /** The clock for recordedAt, tracking expiry and snapshots; tests may fix it. */
  now?: () => Date;
  maxBodyBytes?: number;
  /** Signs tracking tokens (CR_TRACKING_SECRET); else one generated once and stored in the database. */
  trackingSecret?: string;
  /** Earlier secrets (CR_TRACKING_SECRET_PREVIOUS): tokens carrying their key id still verify until they expire. */
  trackingSecretsPrevious?: readonly string[];
  /** The tracking keys as loaded from those secrets, when the caller shares them (a server's pixel fast path). */
  trackingKeys?: () => Promise<TrackingKeys>;
  /** How long a tracking URL works. Default 90 days. */
  trackingTokenTtlMs?: number;
  /** Origin of tracking URLs (CR_PUBLIC_URL), when the one a send request came to is not what mail readers reach. */
  publicUrl?: string;
  /** How often the statistics snapshot is recomputed (CR_STATS_REFRESH). Default two hours. */
  statsRefreshMs?: number;
  /**
   * Serve the statistics and the summary from the two-hourly snapshot (CR_STATS_SNAPSHOT=1), as the
   * source CRM did. Off by default: they are read from the roll-ups, always fresh.
   */
  statsSnapshot?: boolean;
  /**
   * Stores tracking hits in batches; the caller that closes the database closes it first (a clean
   * shutdown flushes). Default: one made here, for an app whose hits end with its requests (tests).
   */
  hits?: HitRecorder;
  /** How long a deleted line can be restored (CR_RESTORE_DAYS). Default 30 days. */
  restoreDays?: number;
  /** A comment line on an idle change stream this often (CR_SSE_HEARTBEAT_MS). Default 15 s. */
  sseHeartbeatMs?: number;
  /** Open change streams per principal on this instance (CR_SSE_MAX_PER_PRINCIPAL). Default 6. */
  sseMaxPerPrincipal?: number;
  /** A change stream whose reader takes no write for this long is closed (CR_SSE_WRITE_TIMEOUT_MS). Default 30 s. */
  sseWriteTimeoutMs?: number;
}

export function createApp(options: AppOptions): Hono {
  if (!options.token) throw new Error('createApp needs a non-empty token');
  const deps = { db: options.db, now: options.now ?? (() => new Date()), restoreDays: options.restoreDays ?? DEFAULT_RESTORE_DAYS };
  // The demo's signer loads its key from the database on first use; a failed load is tried again.
  let demoSigner: Promise<DemoSigner> | undefined;
  const demo = () =>
    (demoSigner ??= loadDemoSigner(options.db).catch((error: unknown) => {
      demoSigner = undefined;
      throw error;
    }));
  const oidc = options.oidc ? oidcIssuer(options.oidc) : undefined;
  const issuers = async (): Promise<TrustedIssuer[]> => [...(oidc ? [oidc] : []), ...(options.demoTokens ? [(await demo()).issuer] : [])];
  // A weak configured secret stops the start here, with the reason, rather than at the first mail.
  if (options.trackingSecret) assertTrackingSecret(options.trackingSecret);
  for (const previous of options.trackingSecretsPrevious ?? []) assertTrackingSecret(previous, 'CR_TRACKING_SECRET_PREVIOUS');
  const campaignDeps: CampaignRouteDeps = {
    ...deps,
    // Loaded on first use (createApp is synchronous).
    trackingKeys: options.trackingKeys ?? trackingKeysLoader(options.db, options.trackingSecret, options.trackingSecretsPrevious),
    trackingTokenTtlMs: options.trackingTokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
    publicUrl: options.publicUrl?.replace(/\/+$/u, ''),
    statsRefreshMs: options.statsRefreshMs ?? DEFAULT_STATS_REFRESH_MS,
    statsSnapshot: options.statsSnapshot ?? false,
    hits: options.hits ?? new HitRecorder(options.db),
  };
  const maxSize = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const app = new Hono();
  // On the app, not only under /api: a path no route knows gets them too.
  app.use('*', apiSecureHeaders());
  // Liveness and readiness for an orchestrator: no token, nothing about the data.
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/readyz', async (c) => {
    const ready = await options.db.query('SELECT 1').then(() => true, () => false);
    return c.json({ status: ready ? 'ready' : 'database unavailable' }, ready ? 200 : 503, { 'Cache-Control': 'no-store' });
  });
  const api = app.basePath('/api');

  api.use('*', corsFor({ allowedOrigins: options.allowedOrigins ?? [] }));
  api.use('*', requestIds());
  // Registered before the auth middleware, so it answers without a token: the contract is public.
  api.get('/openapi.json', (c) => jsonWithEtag(c, openApiDocument, REVALIDATE));
  // Likewise the open pixel and the click redirect: mail clients carry no token; the URL's signed one is their proof.
  registerPublicTrackingRoutes(api, campaignDeps);
  api.use('*', noStoreByDefault());
  api.use('*', authenticate({ serviceToken: options.token, serviceName: options.tokenName, issuers, rolesClaim: options.rolesClaim, roleMap: options.roleMap, now: deps.now }));
  // Counted before permissions: refused requests cost the caller too.
  api.use('*', rateLimit({ perMinute: options.rateLimit ?? DEFAULT_RATE_LIMIT, unlimited: options.rateLimitExempt, now: deps.now }));
  // Before the body is read or validated: someone without the permission learns nothing more.
  api.use('*', authorize());
  // Checks Content-Length first, and counts the bytes of a chunked body as they stream in.
  const limitOf = (size: number) =>
    bodyLimit({
      maxSize: size,
      onError: (c) => problemResponse({ ...problemBody('payload-too-large', `The body may be at most ${size} bytes.`), instance: c.req.path }),
    });
  const ordinaryLimit = limitOf(maxSize);
  // A bounded delete-all names up to MAX_BOUND_LINES UUIDs (about 80 KB): its own, larger limit.
  const boundLimit = limitOf(Math.max(maxSize, BOUND_BODY_BYTES));
  // A batch of lines and the bulk reads carry up to a thousand items: each its own limit, so the
  // ordinary one stays small for every other route.
  const batchLimit = limitOf(Math.max(maxSize, BATCH_BODY_BYTES));
  const bulkReadLimit = limitOf(Math.max(maxSize, BULK_READ_BODY_BYTES));
  const limitFor = (method: string, path: string) => {
    if (method === 'POST' && path === '/api/responses/batch') return batchLimit;
    if (method === 'POST' && (path === '/api/recipients/lookup' || RESPONDED_PATH.test(path))) return bulkReadLimit;
    return method === 'DELETE' ? boundLimit : ordinaryLimit;
  };
  api.use('*', (c, next) => limitFor(c.req.method, c.req.path)(c, next));
  api.use('*', readableTextOnly());
  registerLastChangeId(api, options.db);
  registerMeRoute(api);
  registerVocabularyRoutes(api, deps);
  registerRecipientRoutes(api, deps);
  registerResponseRoutes(api, deps);
  registerBatchRoute(api, deps);
  registerRecipientLookupRoute(api, deps);
  registerRespondedRoute(api, deps);
  registerDeletionRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerSendRoute(api, campaignDeps);
  registerStatsRoutes(api, campaignDeps);
  registerReportRoutes(api, campaignDeps);
  registerChangeRoutes(api, {
    ...deps,
    hub: new ChangeHub(options.db),
    maxPerPrincipal: options.sseMaxPerPrincipal ?? DEFAULT_SSE_MAX_PER_PRINCIPAL,
    stream: { heartbeatMs: options.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS, writeTimeoutMs: options.sseWriteTimeoutMs ?? DEFAULT_SSE_WRITE_TIMEOUT_MS },
  });

  app.notFound((c) =>
    problemResponse({ ...problemBody('not-found', `No route ${c.req.method} ${c.req.path}.`), instance: c.req.path }),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse({ ...error.body, instance: c.req.path }, error.headers);
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse({ ...problemBody('internal', 'The server failed to answer; try again.'), instance: c.req.path });
  });
  return app;
}
