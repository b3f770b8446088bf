/**
 * What a principal may do, and how an identity provider's roles become those permissions. The
 * mapping is configuration (CR_ROLE_MAP), documented in the README with a worked example.
 */

import { ACTIONS, type Action } from '../../src/model/principal.js';

/** The kit's actions are the server's permissions: one list, so client and server never disagree. */
export const PERMISSIONS = ACTIONS;
export type Permission = Action;

/** Role name (as the identity provider spells it) → the permissions it grants. */
export type RoleMap = Readonly<Record<string, readonly Permission[]>>;

/**
 * The default mapping. Each permission is also a role of its own name, so a provider that hands out
 * `read`, `write`… needs no mapping; the three named roles are what the demo's people carry.
 */
export const DEFAULT_ROLE_MAP: RoleMap = {
  ...Object.fromEntries(PERMISSIONS.map((permission) => [permission, [permission]])),
  'campaign-admin': [...PERMISSIONS],
  'campaign-manager': ['read', 'write', 'delete', 'export', 'send'],
  'campaign-editor': ['read', 'write'],
  'campaign-viewer': ['read'],
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** Parses CR_ROLE_MAP (`{"role": ["read", …]}`): a mistake fails the start, never a request. */
export function parseRoleMap(json: string): RoleMap {
  const parsed = JSON.parse(json) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('CR_ROLE_MAP must be a JSON object of role → permissions');
  const map: Record<string, Permission[]> = {};
  for (const [role, granted] of Object.entries(parsed)) {
    if (!Array.isArray(granted) || !granted.every(isPermission)) {
      throw new Error(`CR_ROLE_MAP: role "${role}" must map to a list of ${PERMISSIONS.join(', ')}`);
    }
    map[role] = granted;
  }
  return map;
}

/** Reads the roles claim: a dotted path (`realm_access.roles` for Keycloak), a list or a space-separated string. */
export function rolesFromClaims(claims: Record<string, unknown>, claimPath: string): string[] {
  let value: unknown = claims;
  for (const part of claimPath.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return value.split(/\s+/u).filter(Boolean);
  if (Array.isArray(value)) return value.filter((role): role is string => typeof role === 'string');
  return [];
}

/** The union of what the roles grant, in the canonical order; unknown roles grant nothing. */
export function permissionsOf(roles: readonly string[], map: RoleMap): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of Object.hasOwn(map, role) ? map[role] : []) granted.add(permission);
  if (granted.has('admin')) return [...PERMISSIONS];
  return PERMISSIONS.filter((permission) => granted.has(permission));
}
