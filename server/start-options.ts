/** What startServer() takes and hands back (server/start.ts). */
import type { Logger } from 'pino';
import type { AppOptions } from './app.js';
import type { Db } from './db/db.js';

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
  /** The service principal's display name (CR_API_TOKEN_NAME). */
  tokenName?: string;
  /** An external OpenID Connect issuer (CR_OIDC_ISSUER, CR_OIDC_AUDIENCE, CR_OIDC_JWKS_URL). */
  oidc?: AppOptions['oidc'];
  rolesClaim?: string;
  roleMap?: AppOptions['roleMap'];
  /** Requests per principal per minute (CR_RATE_LIMIT); 0 turns limits off. */
  rateLimit?: number;
  /** Principal ids without limits (CR_RATE_LIMIT_EXEMPT); the service token never has one. */
  rateLimitExempt?: readonly string[];
  /** The demo's sign-in (three people, 15-minute tokens); default true. Loopback pages only. */
  demoSignIn?: boolean;
  /**
   * Tests only: hand the service token to the demo page in /demo-config.json, so end-to-end tests
   * need not sign in. `npm start` never does: the page signs in as one of the demo's people.
   */
  demoConfigToken?: boolean;
  /**
   * Production mode (`npm run serve`): the demo's sign-in and the token in /demo-config.json are
   * refused, as they would let anyone who reaches the server act as a demo person or the service.
   */
  production?: boolean;
  /** A built demo (dist-demo/) served as files, instead of Vite. */
  staticRoot?: string;
  /** One JSON line per request. */
  logger?: Logger;
  /** How long `close()` lets requests in flight finish before cutting them off; default 0 (at once). */
  drainMs?: number;
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
  /** Serve statistics from the snapshot (CR_STATS_SNAPSHOT=1) instead of the roll-ups; off by default. */
  statsSnapshot?: boolean;
  /** Signs tracking tokens; else one generated on first start and stored in the database. */
  trackingSecret?: string;
  /** Earlier tracking secrets whose tokens (by key id) still verify (CR_TRACKING_SECRET_PREVIOUS). */
  trackingSecretsPrevious?: readonly string[];
  trackingTokenTtlMs?: number;
  /** Origin of the tracking URLs in sent mails, when not the one the send request came to. */
  publicUrl?: string;
  /** How long a deleted line can be restored (CR_RESTORE_DAYS); default 30 days. */
  restoreDays?: number;
  /** How long audit records are kept (CR_AUDIT_RETENTION_DAYS); default 730 days. */
  auditRetentionDays?: number;
  /** How long the change log keeps a change for streams that resume (CR_CHANGE_LOG_DAYS); default 7 days. */
  changeLogDays?: number;
  /** A comment line on an idle change stream this often (CR_SSE_HEARTBEAT_MS); default 15 s. */
  sseHeartbeatMs?: number;
  /** Open change streams per principal (CR_SSE_MAX_PER_PRINCIPAL); default 6. */
  sseMaxPerPrincipal?: number;
  /** A change stream whose reader takes nothing for this long is closed (CR_SSE_WRITE_TIMEOUT_MS); default 30 s. */
  sseWriteTimeoutMs?: number;
  /** How often the purge runs (CR_PURGE_INTERVAL_MS); default hourly. */
  purgeIntervalMs?: number;
  /** The purge's clock (tests); default the system clock. */
  now?: () => Date;
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
