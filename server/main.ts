/**
 * `npm start`: the demo server. Configuration from the environment:
 *   PORT (5173), HOST (localhost), CR_DATA_DIR (.data/pglite), DATABASE_URL (PostgreSQL instead of
 *   PGlite), CR_API_TOKEN (random when unset), CR_ALLOWED_ORIGINS (comma-separated, for CORS),
 *   CR_DEFAULT_AUTHOR (author of lines sent without X-CR-Author; "Demo user").
 */
import { DEFAULT_DATA_DIR, startServer } from './start.js';

const env = process.env;
const running = await startServer({
  port: env.PORT ? Number(env.PORT) : 5173,
  host: env.HOST || 'localhost',
  dataDir: env.CR_DATA_DIR || DEFAULT_DATA_DIR,
  databaseUrl: env.DATABASE_URL || undefined,
  token: env.CR_API_TOKEN || undefined,
  tokenSource: 'CR_API_TOKEN',
  allowedOrigins: (env.CR_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  defaultAuthor: env.CR_DEFAULT_AUTHOR || undefined,
});

console.log(`Campaign response kit demo: ${running.url}/`);
console.log(`  API:      ${running.url}/api (contract: ${running.url}/api/openapi.json)`);
console.log(`  Storage:  ${running.storage}`);
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
