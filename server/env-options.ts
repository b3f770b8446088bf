/**
 * The server's options from the environment, shared by `npm start` (the demo) and `npm run serve`
 * (production mode); each variable is described in server/README.md.
 */
import { parseRoleMap } from './auth/permissions.js';
import { DEFAULT_DATA_DIR, type StartOptions } from './start.js';
import { parseDuration } from './stats/stats-snapshot.js';

export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultStatsRefresh: string): StartOptions & { allowedOrigins: string[] } {
  return {
    port: env.PORT ? Number(env.PORT) : 5173,
    host: env.HOST || 'localhost',
    dataDir: env.CR_DATA_DIR || DEFAULT_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    token: env.CR_API_TOKEN || undefined,
    tokenSource: 'CR_API_TOKEN',
    allowedOrigins: list(env.CR_ALLOWED_ORIGINS),
    tokenName: env.CR_API_TOKEN_NAME || undefined,
    oidc: env.CR_OIDC_ISSUER ? { issuer: env.CR_OIDC_ISSUER, audience: env.CR_OIDC_AUDIENCE || 'campaign-response-kit', jwksUrl: env.CR_OIDC_JWKS_URL || undefined } : undefined,
    rolesClaim: env.CR_ROLES_CLAIM || undefined,
    roleMap: env.CR_ROLE_MAP ? parseRoleMap(env.CR_ROLE_MAP) : undefined,
    rateLimit: env.CR_RATE_LIMIT ? Number(env.CR_RATE_LIMIT) : undefined,
    rateLimitExempt: list(env.CR_RATE_LIMIT_EXEMPT),
    statsRefreshMs: parseDuration(env.CR_STATS_REFRESH || defaultStatsRefresh),
    statsSnapshot: env.CR_STATS_SNAPSHOT === '1' || env.CR_STATS_SNAPSHOT === 'true',
    trackingSecret: env.CR_TRACKING_SECRET || undefined,
    trackingSecretsPrevious: list(env.CR_TRACKING_SECRET_PREVIOUS),
    publicUrl: env.CR_PUBLIC_URL || undefined,
    restoreDays: days(env.CR_RESTORE_DAYS, 'CR_RESTORE_DAYS'),
    auditRetentionDays: days(env.CR_AUDIT_RETENTION_DAYS, 'CR_AUDIT_RETENTION_DAYS'),
    changeLogDays: days(env.CR_CHANGE_LOG_DAYS, 'CR_CHANGE_LOG_DAYS'),
    sseHeartbeatMs: env.CR_SSE_HEARTBEAT_MS ? parseDuration(env.CR_SSE_HEARTBEAT_MS) : undefined,
    sseMaxPerPrincipal: env.CR_SSE_MAX_PER_PRINCIPAL ? count(env.CR_SSE_MAX_PER_PRINCIPAL, 'CR_SSE_MAX_PER_PRINCIPAL') : undefined,
    sseWriteTimeoutMs: env.CR_SSE_WRITE_TIMEOUT_MS ? parseDuration(env.CR_SSE_WRITE_TIMEOUT_MS) : undefined,
    purgeIntervalMs: env.CR_PURGE_INTERVAL_MS ? parseDuration(env.CR_PURGE_INTERVAL_MS) : undefined,
  };
}

/** A comma-separated variable as its non-empty items. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** A whole number, at least 1. */
function count(value: string, name: string): number {
  if (!/^\d{1,6}$/u.test(value.trim()) || Number(value) < 1) throw new RangeError(`${name} must be a whole number, at least 1: "${value}"`);
  return Number(value);
}

/** A whole number of days, at least 1; a mistake fails the start, never a purge. */
function days(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  if (!/^\d{1,6}$/u.test(value.trim()) || Number(value) < 1) throw new RangeError(`${name} must be a whole number of days, at least 1: "${value}"`);
  return Number(value);
}
