/**
 * The demo's own token issuer: an ES256 key pair made on first use and kept in the database (so
 * tokens survive a restart and two servers on one PostgreSQL agree), tokens of 15 minutes.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import type { TrustedIssuer } from './jwt.js';

export const DEMO_ISSUER = 'urn:campaign-response-kit:demo';
export const DEMO_AUDIENCE = 'campaign-response-kit';
export const DEMO_TOKEN_TTL_S = 15 * 60;
const ALG = 'ES256';

interface KeyRow {
  kid: string;
  public_jwk: string;
  private_jwk: string;
}

export interface DemoSigner {
  issuer: TrustedIssuer;
  /** A token for one person: `sub`, `name`, `roles`; `iat` and `exp` from `now`. */
  sign(person: { sub: string; name: string; roles: readonly string[] }, now: Date): Promise<string>;
}

async function currentKey(db: Queryable): Promise<KeyRow> {
  const read = () => db.query<KeyRow>('SELECT kid, public_jwk, private_jwk FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1');
  const [existing] = await read();
  if (existing) return existing;
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  // Two servers starting at once: the first insert wins, both then read the same key.
  await db.query(
    `INSERT INTO signing_keys (kid, public_jwk, private_jwk) SELECT $1, $2, $3
      WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE retired_at IS NULL)`,
    [kid, JSON.stringify(publicJwk), JSON.stringify(privateJwk)],
  );
  const [stored] = await read();
  return stored;
}

/** Loads (or makes) the demo's key; verification uses every key not retired, so a rotation keeps old tokens valid. */
export async function loadDemoSigner(db: Queryable): Promise<DemoSigner> {
  const key = await currentKey(db);
  const rows = await db.query<{ public_jwk: string }>('SELECT public_jwk FROM signing_keys WHERE retired_at IS NULL');
  const keys: JWTVerifyGetKey = createLocalJWKSet({ keys: rows.map((row) => JSON.parse(row.public_jwk) as JWK) });
  const privateKey = await importJWK(JSON.parse(key.private_jwk) as JWK, ALG);
  return {
    issuer: { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, keys, idPrefix: 'demo' },
    sign: (person, now) => {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ name: person.name, roles: [...person.roles] })
        .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
        .setIssuer(DEMO_ISSUER)
        .setAudience(DEMO_AUDIENCE)
        .setSubject(person.sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + DEMO_TOKEN_TTL_S)
        .sign(privateKey);
    },
  };
}
