/**
 * Tracking tokens: `<kid>.<payload>.<signature>`, all base64url (mail sent before keys had ids
 * holds `<payload>.<signature>`). The payload binds a recipient, an email
 * event and an expiry; the signature is HMAC-SHA256 over the payload's text with the server's
 * secret, so nobody can make a token for another recipient or event, or stretch its life.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/** One signing key: its id travels in new tokens, so a rotated-out key still verifies its own. */
export interface TrackingKey {
  kid: string;
  secret: Buffer;
}

/** The key new tokens are signed with, and earlier ones (CR_TRACKING_SECRET_PREVIOUS) still verifying theirs. */
export interface TrackingKeys {
  current: TrackingKey;
  previous: readonly TrackingKey[];
}

/** HMAC-SHA256 wants a key as long as its output: a shorter one is guessable offline from one URL. */
export const MIN_SECRET_BYTES = 32;

/** A key id from the secret itself: stable across restarts and processes, with nothing to configure. */
export function trackingKey(secret: Buffer): TrackingKey {
  return { kid: createHash('sha256').update('tracking-kid').update(secret).digest('base64url').slice(0, 8), secret };
}

/** Checks a configured secret's length, so a start with a weak one fails with the reason. */
export function assertTrackingSecret(configured: string, variable = 'CR_TRACKING_SECRET'): Buffer {
  const secret = Buffer.from(configured, 'utf8');
  if (secret.length < MIN_SECRET_BYTES) {
    throw new Error(`${variable} must be at least ${MIN_SECRET_BYTES} bytes (it has ${secret.length}); make one with: openssl rand -base64 48`);
  }
  return secret;
}

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest();

/** `<kid>.<payload>.<signature>`: the signature covers the key id too. */
export function issueToken(key: TrackingKey, claims: TrackingClaims): string {
  // Seconds are enough for an expiry and keep the token shorter.
  const payload = Buffer.from(
    JSON.stringify([claims.recipientId, claims.eventId, Math.floor(claims.expiresAt / 1000)]),
  ).toString('base64url');
  const signed = `${key.kid}.${payload}`;
  return `${signed}.${sign(key.secret, signed).toString('base64url')}`;
}

/**
 * The claims of a token that is well-formed, signed with one of `keys` and not expired at `now`;
 * undefined otherwise, without saying which check failed (the caller answers the same either way).
 * A token without a key id was issued before keys had ids (it is in mail already sent): it verifies
 * under the current key until it expires.
 */
export function verifyToken(keys: TrackingKeys, token: string, now: Date): TrackingClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const match = /^(?:([A-Za-z0-9_-]{8})\.)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/u.exec(token);
  if (!match) return undefined;
  const [, kid, payload, signature] = match;
  const key = kid === undefined ? keys.current : [keys.current, ...keys.previous].find((k) => k.kid === kid);
  if (!key) return undefined;
  const expected = sign(key.secret, kid === undefined ? payload : `${kid}.${payload}`);
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
  if (configured) return assertTrackingSecret(configured);
  await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    SECRET_KEY,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [SECRET_KEY]);
  return Buffer.from(row.value, 'base64url');
}

/** The current key (as loadTrackingSecret) and the previous ones, each at least 32 bytes too. */
export async function loadTrackingKeys(db: Queryable, configured?: string, previous: readonly string[] = []): Promise<TrackingKeys> {
  const earlier = previous.map((secret) => trackingKey(assertTrackingSecret(secret, 'CR_TRACKING_SECRET_PREVIOUS')));
  return { current: trackingKey(await loadTrackingSecret(db, configured)), previous: earlier };
}

/** loadTrackingKeys on first use, once; a failed load is tried again at the next use. */
export function trackingKeysLoader(db: Queryable, configured?: string, previous: readonly string[] = []): () => Promise<TrackingKeys> {
  let keys: Promise<TrackingKeys> | undefined;
  return () =>
    (keys ??= loadTrackingKeys(db, configured, previous).catch((error: unknown) => {
      keys = undefined;
      throw error;
    }));
}
