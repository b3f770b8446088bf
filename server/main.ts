/**
 * `npm start`: the demo server. Configuration from the environment:
 *   PORT (5173), HOST (localhost), CR_DATA_DIR (.data/pglite), DATABASE_URL (PostgreSQL instead of
 *   PGlite), CR_API_TOKEN (random when unset), CR_ALLOWED_ORIGINS (comma-separated, for CORS),
 *   CR_API_TOKEN_NAME (the token's principal, author of what it enters; "API token"), CR_OIDC_ISSUER,
 *   CR_OIDC_AUDIENCE, CR_OIDC_JWKS_URL (an OpenID Connect issuer whose JWTs are accepted), CR_ROLES_CLAIM
 *   ("roles"), CR_ROLE_MAP (JSON: role → permissions), CR_RATE_LIMIT (requests per person per minute,
 *   600; 0 for none), CR_RATE_LIMIT_EXEMPT (comma-separated principal ids without limits; the
 *   CR_API_TOKEN principal never has one), CR_STATS_REFRESH (how
 *   often statistics are recomputed: '2h', '15m', '30s' or milliseconds; the demo's default is '1m' so a
 *   person watching sees the figures move; the server's own default is two hours), CR_TRACKING_SECRET
 *   (signs tracking URLs, at least 32 bytes; else generated once and kept in the database),
 *   CR_TRACKING_SECRET_PREVIOUS (comma-separated earlier secrets: their URLs keep working), CR_PUBLIC_URL (origin of
 *   tracking URLs in sent mails), CR_PRESETS_PORT (the presets demo: Dataverse, Salesforce and
 *   json-server pages on their fakes; PORT + 1 by default, 'off' for none), CR_STATIC_DIR (serve this
 *   built demo, e.g. dist-demo after `npm run build`, with its service worker, instead of demo/ through
 *   Vite: the offline demo tried by hand, still signing in as a demo person).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { optionsFromEnv } from './env-options.js';
import { startServer } from './start.js';

const env = process.env;
/** The demo refreshes statistics every minute: a person sending an email event sees the counts move soon. */
const DEMO_STATS_REFRESH = '1m';
const options = optionsFromEnv(env, DEMO_STATS_REFRESH);
const allowedOrigins = options.allowedOrigins;
// The built demo rather than Vite: what `npm run serve` serves, with the demo's sign-in, which
// production mode never offers (so the offline demo can be tried by hand there).
const staticRoot = env.CR_STATIC_DIR ? resolve(env.CR_STATIC_DIR) : undefined;
if (staticRoot && !existsSync(join(staticRoot, 'index.html'))) {
  console.error(`No built demo in ${staticRoot}: run \`npm run build\` first.`);
  process.exit(1);
}
const running = await startServer(staticRoot ? { ...options, staticRoot, vite: false } : options);

console.log(`Campaign response kit demo: ${running.url}/${staticRoot ? ` (the built demo in ${staticRoot}, with its service worker)` : ''}`);
console.log(`  API:      ${running.url}/api (contract: ${running.url}/api/openapi.json)`);
console.log(`  Storage:  ${running.storage}`);
console.log(`  Origins:  ${allowedOrigins.length ? allowedOrigins.join(', ') : `${running.url} only`} (CR_ALLOWED_ORIGINS; any other is refused, and logged once)`);
console.log(
  running.tokenSource === 'CR_API_TOKEN'
    ? '  Token:    from CR_API_TOKEN'
    : `  Token:    ${running.token} (generated at start; set CR_API_TOKEN to fix one)`,
);

// The presets' demo pages with their fakes (built from the vendors' documentation, and a real
// json-server), on a port of their own: the fakes are the tests' own, in test/support/presets.
const presetsPort = env.CR_PRESETS_PORT === 'off' ? undefined : Number(env.CR_PRESETS_PORT || (env.PORT ? Number(env.PORT) : 5173) + 1);
const presets = presetsPort === undefined ? undefined
  : await (await import('../test/support/presets/serve-presets.js')).startPresetsServer({ port: presetsPort, host: env.HOST || 'localhost' });
if (presets) console.log(`  Presets:  ${presets.url}/presets/dataverse.html, salesforce.html, json-server.html`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the server and the database...`);
    Promise.all([running.close(), presets?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
