// The tracking secret's strength and rotation: a configured secret under 32 bytes stops the start
// with the reason; new tokens carry a key id, so a rotated-out key (CR_TRACKING_SECRET_PREVIOUS)
// still verifies its own; tokens from before key ids (in mail already sent) verify under the current
// key until they expire.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { issueToken, loadTrackingKeys, trackingKey, verifyToken, type TrackingClaims } from '../../server/tracking/tracking-token.js';
import { openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
before(async () => {
  testDb = await openTestDb();
});
after(() => testDb.cleanup());

const NOW = new Date('2026-06-01T10:00:00.000Z');
const claims: TrackingClaims = { recipientId: '42', eventId: 'spring-offer', expiresAt: NOW.getTime() + 86_400_000 };
const secretA = randomBytes(32);
const secretB = randomBytes(32);

/** A token as the server issued it before keys had ids: `<payload>.<signature>`, HMAC over the payload. */
function legacyToken(secret: Buffer, c: TrackingClaims): string {
  const payload = Buffer.from(JSON.stringify([c.recipientId, c.eventId, Math.floor(c.expiresAt / 1000)])).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

test('a configured tracking secret under 32 bytes stops the start with the reason; 32 bytes pass (control)', async () => {
  assert.throws(() => testApp(testDb.db, { trackingSecret: 'short secret' }), /CR_TRACKING_SECRET must be at least 32 bytes \(it has 12\)/u);
  assert.throws(() => testApp(testDb.db, { trackingSecret: 'x'.repeat(32), trackingSecretsPrevious: ['old'] }), /CR_TRACKING_SECRET_PREVIOUS must be at least 32 bytes/u);
  await assert.rejects(loadTrackingKeys(testDb.db, 'x'.repeat(31)), /at least 32 bytes/u);
  assert.ok(testApp(testDb.db, { trackingSecret: 'x'.repeat(32) }));
  // The one generated and stored in the database is 32 bytes.
  assert.equal((await loadTrackingKeys(testDb.db)).current.secret.length, 32);
});

test('new tokens carry the key id of the key that signed them', () => {
  const key = trackingKey(secretA);
  const token = issueToken(key, claims);
  assert.equal(token.split('.').length, 3);
  assert.equal(token.split('.')[0], key.kid);
  assert.notEqual(trackingKey(secretB).kid, key.kid);
  assert.deepEqual(verifyToken({ current: key, previous: [] }, token, NOW), { ...claims, expiresAt: Math.floor(claims.expiresAt / 1000) * 1000 });
});

test('after a rotation, tokens of the previous key still verify while it is listed; without it they are refused', () => {
  const token = issueToken(trackingKey(secretA), claims);
  assert.ok(verifyToken({ current: trackingKey(secretB), previous: [trackingKey(secretA)] }, token, NOW));
  assert.equal(verifyToken({ current: trackingKey(secretB), previous: [] }, token, NOW), undefined);
  // A token naming one key but signed with another is refused, whatever keys are listed.
  const [, payload, signature] = token.split('.');
  assert.equal(verifyToken({ current: trackingKey(secretB), previous: [trackingKey(secretA)] }, `${trackingKey(secretB).kid}.${payload}.${signature}`, NOW), undefined);
});

test('tokens from before key ids verify under the current key until they expire, and under no other', () => {
  const token = legacyToken(secretA, claims);
  assert.ok(verifyToken({ current: trackingKey(secretA), previous: [] }, token, NOW));
  assert.equal(verifyToken({ current: trackingKey(secretA), previous: [] }, token, new Date(claims.expiresAt)), undefined, 'expired');
  assert.equal(verifyToken({ current: trackingKey(secretB), previous: [trackingKey(secretA)] }, token, NOW), undefined, 'only the current key');
});
