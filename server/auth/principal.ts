/** Who is calling: every API request after authentication has exactly one principal. */
import type { Context } from 'hono';
import { PERMISSIONS, type Permission } from './permissions.js';

export interface Principal {
  /** Stable and unique: `service`, `oidc:<sub>` or `demo:<sub>`. Idempotency keys and limits are per id. */
  id: string;
  kind: 'service' | 'user';
  /** Shown as the author of the lines this principal enters. */
  name: string;
  permissions: readonly Permission[];
  /** False for a principal configured without rate limits (the service token: benches, chaos tests). */
  limited: boolean;
  /** When the request's token expires (ms since the epoch; a JWT's `exp`); none for the service token. A change stream ends then. */
  expiresAt?: number;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

export const DEFAULT_SERVICE_NAME = 'API token';
export const SERVICE_PRINCIPAL_ID = 'service';

/** The holder of CR_API_TOKEN: scripts, tests, the bench. Every right, no limits. */
export function servicePrincipal(name = DEFAULT_SERVICE_NAME): Principal {
  return { id: SERVICE_PRINCIPAL_ID, kind: 'service', name, permissions: [...PERMISSIONS], limited: false };
}

const NAME_MAX_LENGTH = 200;

/** A display name from OpenID Connect claims: `name`, else `preferred_username`, else `sub`. */
export function displayNameOf(claims: Record<string, unknown>): string {
  for (const claim of ['name', 'preferred_username', 'sub']) {
    const value = claims[claim];
    // Control characters (NUL among them) would not store; a name is text a person reads.
    const text = typeof value === 'string' ? value.replace(/\p{Cc}/gu, '').trim() : '';
    if (text) return text.slice(0, NAME_MAX_LENGTH);
  }
  return 'unknown';
}

/** The principal of the request; the authentication middleware put it there. */
export function principalOf(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('No principal: the route was registered before authentication');
  return principal;
}
