/**
 * A local OpenID Connect issuer for the identity tests: discovery and JWKS over real HTTP on a free
 * port, keys that can be rotated, and tokens minted with any claims, header or algorithm.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const AUDIENCE = 'campaign-response-kit-test';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface LocalIssuer {
  issuer: string;
  /** The keys the JWKS publishes (replace to rotate). */
  published: SigningKey[];
  /** How many times the JWKS was fetched. */
  jwksFetches: number;
  /** A token signed with `key` (default the first published), claims over sensible defaults. */
  mint(claims?: JWTPayload, key?: SigningKey, header?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let issuer = '';
  const state: LocalIssuer = {
    issuer: '',
    published: [await makeKey('key-1')],
    jwksFetches: 0,
    mint: async (claims = {}, key = state.published[0], header = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sub: 'user-1', name: 'Ada Lovelace', roles: ['campaign-manager'], iss: issuer, aud: AUDIENCE, iat: now, exp: now + 600, ...claims })
        .setProtectedHeader({ alg: key.publicJwk.alg as string, kid: key.kid, typ: 'JWT', ...header })
        .sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') return send({ issuer, jwks_uri: `${issuer}/jwks` });
    if (req.url === '/jwks') {
      state.jwksFetches += 1;
      return send({ keys: state.published.map((key) => key.publicJwk) });
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.issuer = issuer;
  return state;
}
