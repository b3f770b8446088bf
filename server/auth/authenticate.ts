/**
 * The authentication middleware: every API request past it has a principal. The static service
 * token (CR_API_TOKEN) is compared in constant time; anything else must be a JWT of a trusted
 * issuer. Verified tokens are remembered until they expire, so a warm request costs one map lookup
 * rather than a signature check (the bench holds JWT ÷ static token under 1.10).
 */
import type { MiddlewareHandler } from 'hono';
import { tokenMatches } from '../http/http.js';
import { ProblemError } from '../http/problems.js';
import { InvalidToken, verifyJwt, type TrustedIssuer } from './jwt.js';
import { DEFAULT_ROLE_MAP, permissionsOf, rolesFromClaims, type RoleMap } from './permissions.js';
import { displayNameOf, servicePrincipal, type Principal } from './principal.js';

export interface IdentityOptions {
  /** CR_API_TOKEN: the service principal's token. */
  serviceToken: string;
  /** CR_API_TOKEN_NAME: the service principal's display name (the author of what it enters). */
  serviceName?: string;
  /** Issuers whose JWTs are accepted; a function, as the demo's keys load from the database. */
  issuers: () => Promise<readonly TrustedIssuer[]>;
  /** CR_ROLES_CLAIM (default `roles`; a dotted path reaches into nested claims). */
  rolesClaim?: string;
  /** CR_ROLE_MAP; default DEFAULT_ROLE_MAP. */
  roleMap?: RoleMap;
  now: () => Date;
}

const CACHE_LIMIT = 10_000;

function unauthorized(detail: string, challenge: string): ProblemError {
  return new ProblemError('unauthorized', detail, undefined, { 'WWW-Authenticate': challenge });
}

export function authenticate(options: IdentityOptions): MiddlewareHandler {
  const service = servicePrincipal(options.serviceName);
  const rolesClaim = options.rolesClaim ?? 'roles';
  const roleMap = options.roleMap ?? DEFAULT_ROLE_MAP;
  // Token → principal and its expiry (ms). Map order is insertion order: the oldest goes first when full.
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();

  const principalOfJwt = async (token: string): Promise<Principal> => {
    const now = options.now().getTime();
    const cached = verified.get(token);
    if (cached && cached.expiresAt > now) return cached.principal;
    if (cached) verified.delete(token);
    const { claims, issuer } = await verifyJwt(token, await options.issuers());
    const principal: Principal = {
      id: `${issuer.idPrefix}:${String(claims.sub)}`,
      kind: 'user',
      name: displayNameOf(claims as Record<string, unknown>),
      permissions: permissionsOf(rolesFromClaims(claims as Record<string, unknown>, rolesClaim), roleMap),
      limited: true,
      expiresAt: (claims.exp as number) * 1000,
    };
    if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { principal, expiresAt: (claims.exp as number) * 1000 });
    return principal;
  };

  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/iu.exec(header);
    if (!match) throw unauthorized('Send Authorization: Bearer <token>.', 'Bearer');
    const token = match[1];
    if (tokenMatches(token, options.serviceToken)) {
      c.set('principal', service);
    } else {
      try {
        c.set('principal', await principalOfJwt(token));
      } catch (error) {
        if (!(error instanceof InvalidToken)) throw new ProblemError('unavailable', 'The identity provider could not be reached; try again.', undefined, { 'Retry-After': '5' });
        const description = error.message.replaceAll('"', "'");
        throw unauthorized(error.message === 'The token is not a JWT.' ? 'The bearer token is not valid.' : error.message, `Bearer error="invalid_token", error_description="${description}"`);
      }
    }
    await next();
  };
}
