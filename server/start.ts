/**
 * One Node HTTP server for the demo, the end-to-end tests and the benchmarks: /api/* from the Hono
 * app, /demo-config.json for the demo page, and everything else from Vite in middleware mode (unless
 * `vite: false`, for an API-only server).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app.js';
import type { RunningServer, StartOptions } from './start-options.js';
import { loadDemoSigner } from './auth/demo-keys.js';
import { DEMO_PEOPLE, DEMO_SIGN_IN_PATH, demoSignInApp } from './demo/sign-in.js';
import { openDb } from './db/db.js';
import { schedulePurge } from './audit/retention.js';
import { migrate } from './db/migrate.js';
import { logRequest } from './http/request-log.js';
import { isLoopbackHost, isLoopbackOrigin } from './http/loopback.js';
import { DEMO_PAGE_HEADERS } from './http/secure-headers.js';
import { seed } from './db/seed.js';
import { HitRecorder } from './tracking/hit-recorder.js';
import { ensureRollups } from './stats/rollups.js';
import { scheduleAnalyze } from './db/analyze.js';
import { DEFAULT_STATS_REFRESH_MS, scheduleSnapshots } from './stats/stats-snapshot.js';
import { loadTrackingSecret, trackingKeysLoader } from './tracking/tracking-token.js';
import { pixelFastPath } from './routes/pixel-fast-path.js';

export type { RunningServer, StartOptions } from './start-options.js';
export const DEFAULT_DATA_DIR = '.data/pglite';

interface ViteMiddleware {
  middlewares: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  close(): Promise<void>;
}

/** Vite's own defaults, which a `deny` option replaces rather than extends. */
const VITE_DEFAULT_DENY = ['.env', '.env.*', '*.{crt,pem,key,p12,pfx,cer,der}', '.npmrc', '.yarnrc.yml', '**/.git/**'];

/**
 * What the dev server may hand out under /@fs/: the demo and what it imports, nothing else. Vite's
 * default allows the whole repository, which holds the database folder (personal data, the tracking
 * secret); it is denied by name as well, wherever CR_DATA_DIR puts it.
 */
export function demoFileAccess(root: string, dataDir: string | undefined): { strict: true; allow: string[]; deny: string[] } {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const allow = [root, ...['src', 'themes', 'dist', 'node_modules'].map((folder) => join(repo, folder))];
  const deny = [...VITE_DEFAULT_DENY, '**/.data/**'];
  if (dataDir && !dataDir.startsWith('memory://')) deny.push(`${resolve(dataDir).replaceAll('\\', '/')}/**`);
  return { strict: true, allow, deny };
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (options.production && (options.demoSignIn || options.demoConfigToken || options.vite)) {
    throw new Error('Production mode serves neither the demo sign-in, nor the token in /demo-config.json, nor Vite.');
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const ownsDb = !options.db;
  let storage = 'the database given';
  if (!options.db) {
    storage = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
    if (!options.databaseUrl && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  }
  const db =
    options.db ??
    (await openDb({ databaseUrl: options.databaseUrl, schema: options.databaseSchema, dataDir: options.databaseUrl ? undefined : dataDir }));
  let snapshots: { stop(): Promise<void> } | undefined;
  let hits: HitRecorder | undefined;
  let purge: { stop(): Promise<void> } | undefined;
  let analyze: { stop(): Promise<void> } | undefined;
  try {
    await migrate(db);
    if (options.seed ?? true) await seed(db);
    // Roll-ups added by a migration, or lines loaded around them, are rebuilt before the first request.
    await ensureRollups(db);
    // The planner's statistics, which PGlite (no autovacuum) would otherwise never update.
    analyze = await scheduleAnalyze(db);
    // Deleted lines past the restore window, audit records past retention, old idempotency keys.
    purge = schedulePurge(db, { restoreDays: options.restoreDays, auditRetentionDays: options.auditRetentionDays, changeLogDays: options.changeLogDays, intervalMs: options.purgeIntervalMs, now: options.now });

    const token = options.token || randomBytes(24).toString('base64url');
    const demoSignIn = options.demoSignIn ?? !options.production;
    const tokenSource = options.token ? (options.tokenSource ?? 'the token option') : 'generated at start';
    // Made (or read) now rather than on the first mail opened: a start that cannot store it fails loudly.
    await loadTrackingSecret(db, options.trackingSecret);
    const statsRefreshMs = options.statsRefreshMs ?? DEFAULT_STATS_REFRESH_MS;
    // Tracking hits are committed in batches; closed after the requests drained, before the database.
    // Opens acknowledged by an earlier run that stopped before folding them are folded now.
    hits = new HitRecorder(db);
    hits.foldLeftovers();
    const trackingKeys = trackingKeysLoader(db, options.trackingSecret, options.trackingSecretsPrevious);
    const app = createApp({
      db,
      hits,
      trackingKeys,
      token,
      allowedOrigins: options.allowedOrigins,
      tokenName: options.tokenName,
      oidc: options.oidc,
      rolesClaim: options.rolesClaim,
      roleMap: options.roleMap,
      rateLimit: options.rateLimit,
      rateLimitExempt: options.rateLimitExempt,
      trackingSecret: options.trackingSecret,
      trackingSecretsPrevious: options.trackingSecretsPrevious,
      trackingTokenTtlMs: options.trackingTokenTtlMs,
      publicUrl: options.publicUrl,
      statsRefreshMs,
      statsSnapshot: options.statsSnapshot,
      restoreDays: options.restoreDays,
      sseHeartbeatMs: options.sseHeartbeatMs,
      sseMaxPerPrincipal: options.sseMaxPerPrincipal,
      sseWriteTimeoutMs: options.sseWriteTimeoutMs,
      now: options.now,
      demoTokens: demoSignIn,
    });
    const signInApp = demoSignIn ? getRequestListener(demoSignInApp({ signer: () => loadDemoSigner(db), now: () => new Date() }).fetch) : undefined;
    const api = getRequestListener(app.fetch);
    const pixel = await pixelFastPath(app, { hits, trackingKeys, now: options.now ?? (() => new Date()) });
    const demoConfig = JSON.stringify({
      apiBase: '/api',
      ...(options.demoConfigToken ? { token } : {}),
      ...(demoSignIn ? { signIn: DEMO_SIGN_IN_PATH, people: DEMO_PEOPLE.map(({ id, name, title }) => ({ id, name, title })) } : {}),
    });

    let vite: ViteMiddleware | undefined;
    const files = options.staticRoot ? getRequestListener(new Hono().use('*', serveStatic({ root: options.staticRoot })).fetch) : undefined;
    let draining = false;
    const server = createServer((req, res) => {
      if (options.logger) logRequest(options.logger, req, res);
      // While draining, a kept-alive connection is closed after its answer, so that close() can end.
      if (draining) res.setHeader('Connection', 'close');
      const path = (req.url ?? '/').split('?')[0];
      if (pixel(req, res, path)) return;
      if (path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz') return void api(req, res);
      if (signInApp && path.startsWith('/demo-auth/')) return void signInApp(req, res);
      if (path === '/demo-config.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        // It carries the token: only for a page at this machine, never for one reached by another name.
        if (!isLoopbackHost(req.headers.host) || !isLoopbackOrigin(req.headers.origin)) {
          res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          return void res.end('The demo configuration is only for pages opened as localhost.');
        }
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(req.method === 'HEAD' ? undefined : demoConfig);
      }
      for (const [name, value] of Object.entries(DEMO_PAGE_HEADERS)) res.setHeader(name, value);
      const notFound = () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      };
      if (vite) vite.middlewares(req, res, notFound);
      else if (files) void files(req, res).then(() => undefined, notFound);
      else notFound();
    });
    if (options.vite ?? !options.production) {
      // Imported only here: an API-only server (tests, benchmarks) never loads Vite.
      const { createServer: createViteServer } = await import('vite');
      const root = resolve(options.viteRoot ?? 'demo');
      vite = await createViteServer({
        root,
        appType: 'spa',
        plugins: [(await import('./dev-bundle.js')).devBundlePlugin()],
        server: { middlewareMode: true, hmr: { server }, fs: demoFileAccess(root, options.databaseUrl ? undefined : dataDir) },
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 5173, options.host ?? 'localhost', () => resolve());
    });
    if (options.statsSnapshot && (options.statsSchedule ?? true)) snapshots = scheduleSnapshots(db, statsRefreshMs);
    const address = server.address() as AddressInfo;
    const host = options.host ?? 'localhost';
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const url = `http://${urlHost}:${address.port}`;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await purge?.stop();
        await analyze?.stop();
        await snapshots?.stop();
        draining = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          if (!options.drainMs) return void server.closeAllConnections();
          const cutOff = setTimeout(() => server.closeAllConnections(), options.drainMs);
          server.once('close', () => clearTimeout(cutOff));
        });
        await hits?.close();
        await vite?.close();
        if (ownsDb) await db.close();
      })());
    return { url, token, tokenSource, storage, db, close };
  } catch (error) {
    await purge?.stop();
    await analyze?.stop();
    await snapshots?.stop();
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}
