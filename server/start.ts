/**
 * One Node HTTP server for the demo, the end-to-end tests and the benchmarks: /api/* from the Hono
 * app, /demo-config.json for the demo page, and everything else from Vite in middleware mode (unless
 * `vite: false`, for an API-only server).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { openDb, type Db } from './db.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';
import { DEFAULT_STATS_REFRESH_MS, scheduleSnapshots } from './stats-snapshot.js';
import { loadTrackingSecret } from './tracking-token.js';

export const DEFAULT_DATA_DIR = '.data/pglite';
const PURGE_EVERY_MS = 6 * 3_600_000;

export interface StartOptions {
  /** 0 picks a free port. Default 5173. */
  port?: number;
  /** Default `localhost`. */
  host?: string;
  /** An open database to use (not closed by `close()`); else one is opened from the options below. */
  db?: Db;
  /** PostgreSQL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PostgreSQL only: a schema to work in (created if missing). */
  databaseSchema?: string;
  /** PGlite's data folder, kept across restarts. Default `.data/pglite`; `memory://` keeps nothing. */
  dataDir?: string;
  /** The API's bearer token; a random one when omitted. */
  token?: string;
  /** Where the token came from, for the start-up message. */
  tokenSource?: string;
  allowedOrigins?: readonly string[];
  defaultAuthor?: string;
  /** Serve demo/ through Vite (default true); false for an API-only server. */
  vite?: boolean;
  /** Vite's root. Default `demo`. */
  viteRoot?: string;
  /** Load the demo data into an empty database (default true). */
  seed?: boolean;
  /** How often the statistics snapshots are recomputed; default two hours (as the source CRM). */
  statsRefreshMs?: number;
  /** Recompute the snapshots on that schedule (default true); false leaves it to reads and `?fresh=1`. */
  statsSchedule?: boolean;
  /** Signs tracking tokens; else one generated on first start and stored in the database. */
  trackingSecret?: string;
  trackingTokenTtlMs?: number;
  /** Origin of the tracking URLs in sent mails, when not the one the send request came to. */
  publicUrl?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  tokenSource: string;
  /** What the database is, for the start-up message: a folder, or PostgreSQL. */
  storage: string;
  db: Db;
  close(): Promise<void>;
}

interface ViteMiddleware {
  middlewares: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
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
  const timers: NodeJS.Timeout[] = [];
  let snapshots: { stop(): Promise<void> } | undefined;
  try {
    await migrate(db);
    if (options.seed ?? true) await seed(db);
    await purgeIdempotencyKeys(db);
    const purge = setInterval(() => void purgeIdempotencyKeys(db).catch((error) => console.error('Purging idempotency keys failed:', error)), PURGE_EVERY_MS);
    purge.unref();
    timers.push(purge);

    const token = options.token || randomBytes(24).toString('base64url');
    const tokenSource = options.token ? (options.tokenSource ?? 'the token option') : 'generated at start';
    // Made (or read) now rather than on the first mail opened: a start that cannot store it fails loudly.
    await loadTrackingSecret(db, options.trackingSecret);
    const statsRefreshMs = options.statsRefreshMs ?? DEFAULT_STATS_REFRESH_MS;
    const app = createApp({
      db,
      token,
      allowedOrigins: options.allowedOrigins,
      defaultAuthor: options.defaultAuthor,
      trackingSecret: options.trackingSecret,
      trackingTokenTtlMs: options.trackingTokenTtlMs,
      publicUrl: options.publicUrl,
      statsRefreshMs,
    });
    const api = getRequestListener(app.fetch);
    const demoConfig = JSON.stringify({ apiBase: '/api', token });

    let vite: ViteMiddleware | undefined;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/api' || path.startsWith('/api/')) return void api(req, res);
      if (path === '/demo-config.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(req.method === 'HEAD' ? undefined : demoConfig);
      }
      const notFound = () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      };
      if (vite) vite.middlewares(req, res, notFound);
      else notFound();
    });
    if (options.vite ?? true) {
      // Imported only here: an API-only server (tests, benchmarks) never loads Vite.
      const { createServer: createViteServer } = await import('vite');
      vite = await createViteServer({
        root: options.viteRoot ?? 'demo',
        appType: 'spa',
        plugins: [(await import('./dev-bundle.js')).devBundlePlugin()],
        server: { middlewareMode: true, hmr: { server } },
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 5173, options.host ?? 'localhost', () => resolve());
    });
    if (options.statsSchedule ?? true) snapshots = scheduleSnapshots(db, statsRefreshMs);
    const address = server.address() as AddressInfo;
    const host = options.host ?? 'localhost';
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const url = `http://${urlHost}:${address.port}`;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        await snapshots?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await vite?.close();
        if (ownsDb) await db.close();
      })());
    return { url, token, tokenSource, storage, db, close };
  } catch (error) {
    for (const timer of timers) clearInterval(timer);
    await snapshots?.stop();
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}
