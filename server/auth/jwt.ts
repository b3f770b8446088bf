/**
 * Verifying bearer JWTs with `jose` (a well-kept, dependency-free implementation of JWS/JWT/JWKS):
 * from the host's OpenID Connect issuer, whose keys come from its JWKS (cached, fetched again when a
 * token names a key id it does not know), and from the demo's own issuer, whose keys are in the
 * database. Only asymmetric algorithms are accepted: `none` and HS256 signed with a public key
 * (the "HS/RS confusion") never verify.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clocks of issuer and server disagree a little; more than this is a token out of its time. */
const CLOCK_TOLERANCE_S = 5;

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  /** Prefixes the subject in the principal's id, so two issuers' `sub` never meet. */
  idPrefix: string;
}

export interface OidcOptions {
  /** CR_OIDC_ISSUER: must equal the tokens' `iss`. */
  issuer: string;
  /** CR_OIDC_AUDIENCE: must be among the tokens' `aud`. */
  audience: string;
  /** CR_OIDC_JWKS_URL; else `jwks_uri` from the issuer's discovery document. */
  jwksUrl?: string;
  /** The least time between two fetches of the JWKS, also for an unknown kid. Default 30 s. */
  jwksCooldownMs?: number;
}

/** The JWKS of an OpenID Connect issuer, discovered on first use; a failed discovery is tried again later. */
export function oidcIssuer(options: OidcOptions): TrustedIssuer {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    let url = options.jwksUrl;
    if (!url) {
      const answer = await fetch(`${options.issuer.replace(/\/+$/u, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      if (!answer.ok) throw new Error(`OpenID discovery at ${options.issuer} answered ${answer.status}`);
      const document = (await answer.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (document.issuer !== options.issuer) throw new Error(`OpenID discovery names issuer ${String(document.issuer)}, not ${options.issuer}`);
      if (typeof document.jwks_uri !== 'string') throw new Error('OpenID discovery has no jwks_uri');
      url = document.jwks_uri;
    }
    // jose caches the set, and fetches it again (at most every 30 s) when a token's kid is not in it: rotation.
    return createRemoteJWKSet(new URL(url), { cooldownDuration: options.jwksCooldownMs ?? 30_000, cacheMaxAge: 600_000, timeoutDuration: 5000 });
  };
  return {
    issuer: options.issuer,
    audience: options.audience,
    idPrefix: 'oidc',
    keys: async (header, token) => {
      const getKey = await (keys ??= discover().catch((error: unknown) => {
        keys = undefined;
        throw error;
      }));
      return getKey(header, token);
    },
  };
}

/** Why a token was refused, for the 401's `error_description`: never anything about keys or secrets. */
export class InvalidToken extends Error {}

/** Verifies `token` against the issuer it names: its signature, `iss`, `aud`, `exp`, `nbf`, `sub`. */
export async function verifyJwt(token: string, issuers: readonly TrustedIssuer[]): Promise<{ claims: JWTPayload; issuer: TrustedIssuer }> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw new InvalidToken('The token is not a JWT.');
  }
  const issuer = issuers.find((candidate) => candidate.issuer === unverified.iss);
  if (!issuer) throw new InvalidToken('The token is from an issuer this server does not trust.');
  try {
    const { payload } = await jwtVerify(token, issuer.keys, {
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: ACCEPTED_ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp', 'sub'],
    });
    return { claims: payload, issuer };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidToken('The token has expired.');
    if (error instanceof errors.JOSEError) throw new InvalidToken('The token is not valid.');
    // The issuer's keys could not be fetched: not the caller's fault, and not a reason to let it in.
    throw error;
  }
}
