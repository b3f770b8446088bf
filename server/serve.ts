/**
 * `npm run serve`: production mode. The built demo (dist-demo/, from `npm run build`) as files and the
 * API from one Node process, without Vite; no demo sign-in and no token handed to pages; one JSON log
 * line per request on stdout. SIGTERM or SIGINT stops taking connections, lets the requests in flight
 * finish (at most CR_DRAIN_MS, 10 s), then closes the database and exits 0.
 * The environment as for `npm start` (server/env-options.ts), and CR_STATIC_DIR (dist-demo),
 * CR_DRAIN_MS, LOG_LEVEL (info).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { optionsFromEnv } from './env-options.js';
import { startServer } from './start.js';

const env = process.env;
const logger = pino({ level: env.LOG_LEVEL || 'info', base: { service: 'campaign-response-kit' } });
const staticRoot = resolve(env.CR_STATIC_DIR || 'dist-demo');
if (!existsSync(join(staticRoot, 'index.html'))) {
  logger.fatal({ staticRoot }, 'No built demo here: run `npm run build` first (or set CR_STATIC_DIR).');
  process.exit(1);
}
// The server's own default of two hours for statistics, not the demo's minute.
const options = optionsFromEnv(env, '2h');
const running = await startServer({
  ...options,
  production: true,
  vite: false,
  staticRoot,
  logger,
  drainMs: env.CR_DRAIN_MS ? Number(env.CR_DRAIN_MS) : 10_000,
});
// The generated token is never written down: without CR_API_TOKEN only JWTs of the OIDC issuer get in.
logger.info(
  { url: running.url, storage: running.storage, token: running.tokenSource === 'CR_API_TOKEN' ? 'from CR_API_TOKEN' : 'generated, not shown' },
  'listening',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining requests, then closing the database');
    running.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  });
}
