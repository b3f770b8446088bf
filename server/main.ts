/**
 * `npm start`: the demo server. Configuration from the environment:
 *   PORT (5173), HOST (localhost), CR_DATA_DIR (.data/pglite), DATABASE_URL (PostgreSQL instead of
 *   PGlite), CR_API_TOKEN (random when unset), CR_ALLOWED_ORIGINS (comma-separated, for CORS),
 *   CR_DEFAULT_AUTHOR (author of lines sent without X-CR-Author; "Demo user"), CR_STATS_REFRESH (how
 *   often statistics are recomputed: '2h', '15m', '30s' or milliseconds; the demo's default is '1m' so a
 *   person watching sees the figures move; the server's own default is two hours), CR_TRACKING_SECRET
 *   (signs tracking URLs; else generated once and kept in the database), CR_PUBLIC_URL (origin of
 *   tracking URLs in sent mails).
 */
import { DEFAULT_DATA_DIR, startServer } from './start.js';
import { parseDuration } from './stats-snapshot.js';

const env = process.env;
/** The demo refreshes statistics every minute: a person sending an email event sees the counts move soon. */
const DEMO_STATS_REFRESH = '1m';
const allowedOrigins = (env.CR_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
const running = await startServer({
  port: env.PORT ? Number(env.PORT) : 5173,
  host: env.HOST || 'localhost',
  dataDir: env.CR_DATA_DIR || DEFAULT_DATA_DIR,
  databaseUrl: env.DATABASE_URL || undefined,
  token: env.CR_API_TOKEN || undefined,
  tokenSource: 'CR_API_TOKEN',
  allowedOrigins,
  defaultAuthor: env.CR_DEFAULT_AUTHOR || undefined,
  statsRefreshMs: parseDuration(env.CR_STATS_REFRESH || DEMO_STATS_REFRESH),
  trackingSecret: env.CR_TRACKING_SECRET || undefined,
  publicUrl: env.CR_PUBLIC_URL || undefined,
});

console.log(`Campaign response kit demo: ${running.url}/`);
console.log(`  API:      ${running.url}/api (contract: ${running.url}/api/openapi.json)`);
console.log(`  Storage:  ${running.storage}`);
console.log(`  Origins:  ${allowedOrigins.length ? allowedOrigins.join(', ') : `${running.url} only`} (CR_ALLOWED_ORIGINS; any other is refused, and logged once)`);
console.log(
  running.tokenSource === 'CR_API_TOKEN'
    ? '  Token:    from CR_API_TOKEN'
    : `  Token:    ${running.token} (generated at start; set CR_API_TOKEN to fix one)`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the server and the database...`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
