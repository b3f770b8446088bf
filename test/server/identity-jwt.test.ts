// Bearer JWTs from an OpenID Connect issuer the test runs itself (discovery + JWKS over HTTP):
// what verifies, what does not (expired, not yet valid, wrong audience or issuer, alg none, HS/RS
// confusion, unknown kid), key rotation, and the author each principal writes as.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import type { ResponseLine } from '../../src/model/types.js';
import { AUDIENCE, makeKey, startLocalIssuer, type LocalIssuer } from './oidc-fixture.js';
import { call, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let idp: LocalIssuer;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  idp = await startLocalIssuer();
  app = testApp(testDb.db, { oidc: { issuer: idp.issuer, audience: AUDIENCE, jwksCooldownMs: 0 } });
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

const get = (token: string | null) => call(app, 'GET', '/api/recipients/42/campaigns', { token });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

test('a valid token of the issuer is accepted; the line it writes carries its name (control)', async () => {
  const token = await idp.mint();
  assert.equal((await get(token)).status, 200);
  const line = newLine();
  const put = await call(app, 'PUT', `/api/responses/${line.id}`, { body: line, token, headers: { 'X-CR-Author': 'Someone Else' } });
  assert.equal(put.status, 201, put.text);
  assert.equal((put.json as ResponseLine).author, 'Ada Lovelace');
  const bare = await idp.mint({ name: undefined, preferred_username: 'ada.l' });
  const second = newLine();
  assert.equal(((await call(app, 'PUT', `/api/responses/${second.id}`, { body: second, token: bare })).json as ResponseLine).author, 'ada.l');
});

test('expired, not yet valid, wrong audience and wrong issuer are 401 invalid_token, and write nothing', async () => {
  const before = await countLines(testDb.db);
  const refused = [
    await idp.mint({ exp: now() - 60 }),
    await idp.mint({ nbf: now() + 600 }),
    await idp.mint({ aud: 'someone-else' }),
    await idp.mint({ iss: 'https://evil.example' }),
    await idp.mint({ sub: undefined }),
  ];
  for (const token of refused) {
    const answer = await get(token);
    assert.equal(answer.status, 401, token);
    assert.match(answer.headers.get('WWW-Authenticate') ?? '', /^Bearer error="invalid_token"/u);
    const line = newLine();
    assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line, token })).status, 401);
  }
  assert.equal(await countLines(testDb.db), before);
});

test('alg none and HS256 signed with the public key (HS/RS confusion) are refused', async () => {
  const claims = { sub: 'mallory', name: 'Mallory', roles: ['admin'], iss: idp.issuer, aud: AUDIENCE, iat: now(), exp: now() + 600 };
  assert.equal((await get(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).status, 401);
  assert.equal((await get(`${b64({ alg: 'none', kid: 'key-1' })}.${b64(claims)}.`)).status, 401);
  const jwk = idp.published[0].publicJwk;
  for (const secret of [JSON.stringify(jwk), String(jwk.n)]) {
    const signingInput = `${b64({ alg: 'HS256', kid: 'key-1', typ: 'JWT' })}.${b64(claims)}`;
    const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
    assert.equal((await get(`${signingInput}.${signature}`)).status, 401);
  }
});

test('a rotated key: a token of the new key verifies once the JWKS is fetched again; an unknown kid never does', async () => {
  const fetches = idp.jwksFetches;
  const next = await makeKey('key-2');
  idp.published = [...idp.published, next];
  assert.equal((await get(await idp.mint({ sub: 'user-2' }, next))).status, 200, 'the new kid made the server fetch the JWKS again');
  assert.ok(idp.jwksFetches > fetches);
  const stranger = await makeKey('key-3');
  assert.equal((await get(await idp.mint({ sub: 'user-3' }, stranger))).status, 401, 'a kid the issuer does not publish');
  const impostor = await makeKey('key-1');
  assert.equal((await get(await idp.mint({ sub: 'user-4' }, impostor))).status, 401, 'a known kid, another key');
  idp.published = [next];
  assert.equal((await get(await idp.mint({ sub: 'user-5' }, next))).status, 200);
});

test('no token, a malformed one, or another scheme: 401 (controls for the header parsing)', async () => {
  assert.equal((await get(null)).status, 401);
  assert.equal((await get('not.a.jwt')).status, 401);
  assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns', { token: null, headers: { Authorization: `Basic ${await idp.mint()}` } })).status, 401);
});
