/**
 * Server-side benchmark, run by `npm run bench` (or `node --import tsx bench/node/auth.bench.ts`):
 * the median latency of GET /recipients/{id}/campaigns with a JWT of an OpenID Connect issuer (its
 * JWKS served by a local HTTP server, fetched once and warm) against the same request with the static
 * service token, interleaved in one run. Must hold: JWT ÷ static ≤ 1.10. Measures; prints the ratio.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createApp } from '../../server/app.js';
import { openDb } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 200 : 2000;
const TOKEN = 'bench-token';
const AUDIENCE = 'campaign-response-kit-bench';
const PATH = '/api/recipients/42/campaigns';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-1', alg: 'RS256', use: 'sig' };
const jwks = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
const issuer = 'https://id.bench.example';
const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;

const db = await openDb({});
await migrate(db);
await seed(db);
// The person's requests are counted against a limit they never reach: the bench measures the
// limiter's cost too, without its 429s.
const app = createApp({ db, token: TOKEN, oidc: { issuer, audience: AUDIENCE, jwksUrl }, rateLimit: 1_000_000_000 });
const jwt = await new SignJWT({ name: 'Bench Person', roles: ['campaign-viewer'] })
  .setProtectedHeader({ alg: 'RS256', kid: 'bench-1' })
  .setIssuer(issuer)
  .setAudience(AUDIENCE)
  .setSubject('bench')
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey);

async function once(token: string): Promise<number> {
  const start = performance.now();
  const answer = await app.request(PATH, { headers: { Authorization: `Bearer ${token}` } });
  await answer.arrayBuffer();
  if (answer.status !== 200) throw new Error(`${PATH} answered ${answer.status}`);
  return performance.now() - start;
}

// Warm up both paths (the JWKS fetch, the JIT, the database's caches), then interleave the two.
for (let i = 0; i < 50; i += 1) {
  await once(TOKEN);
  await once(jwt);
}
const staticTimes: number[] = [];
const jwtTimes: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  if (i % 2 === 0) {
    staticTimes.push(await once(TOKEN));
    jwtTimes.push(await once(jwt));
  } else {
    jwtTimes.push(await once(jwt));
    staticTimes.push(await once(TOKEN));
  }
}
const staticMedian = median(staticTimes);
const jwtMedian = median(jwtTimes);
console.log(`\nGET /recipients/{id}/campaigns, ${ROUNDS} calls each, in-process`);
console.log(`  static token   median ${staticMedian.toFixed(3)} ms`);
console.log(`  JWT (JWKS warm) median ${jwtMedian.toFixed(3)} ms`);
console.log(`  JWT ÷ static   ${(jwtMedian / staticMedian).toFixed(3)} (must be ≤ 1.10)`);
await db.close();
jwks.close();
