/**
 * Tracking tokens: `<payload>.<signature>`, both base64url. The payload binds a recipient, an email
 * event and an expiry; the signature is HMAC-SHA256 over the payload's text with the server's
 * secret, so nobody can make a token for another recipient or event, or stretch its life.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.js';

export const DEFAULT_TOKEN_TTL_MS = 90 * 86_400_000;
const SECRET_KEY = 'tracking-secret';
/** A token is short; anything longer is refused before any work (a URL segment has no other limit). */
const MAX_TOKEN_LENGTH = 1000;

export interface TrackingClaims {
  recipientId: string;
  eventId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function issueToken(secret: Buffer, claims: TrackingClaims): string {
  // Seconds are enough for an expiry and keep the token shorter.
  const payload = Buffer.from(
    JSON.stringify([claims.recipientId, claims.eventId, Math.floor(claims.expiresAt / 1000)]),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/**
 * The claims of a token that is well-formed, signed with `secret` and not expired at `now`;
 * undefined otherwise, without saying which check failed (the caller answers the same either way).
 */
export function verifyToken(secret: Buffer, token: string, now: Date): TrackingClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/u.exec(token);
  if (!match) return undefined;
  const [, payload, signature] = match;
  const expected = sign(secret, payload);
  const presented = Buffer.from(signature, 'base64url');
  // Both are 32 bytes here (43 base64url characters decode to 32); compared in constant time.
  // Base64url has spare bits in its last character: re-encoding refuses a second spelling of a signature.
  if (presented.length !== expected.length || presented.toString('base64url') !== signature) return undefined;
  if (!timingSafeEqual(presented, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(claims) || claims.length !== 3) return undefined;
  const [recipientId, eventId, expiresSeconds] = claims as unknown[];
  if (typeof recipientId !== 'string' || typeof eventId !== 'string' || !Number.isSafeInteger(expiresSeconds)) return undefined;
  const expiresAt = (expiresSeconds as number) * 1000;
  if (now.getTime() >= expiresAt) return undefined;
  return { recipientId, eventId, expiresAt };
}

/**
 * The secret: `configured` (CR_TRACKING_SECRET) when given, else the one stored in the database,
 * generated and stored the first time. Stored rather than made at start so that the links in mails
 * already sent keep working after a restart.
 */
export async function loadTrackingSecret(db: Queryable, configured?: string): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    SECRET_KEY,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [SECRET_KEY]);
  return Buffer.from(row.value, 'base64url');
}
