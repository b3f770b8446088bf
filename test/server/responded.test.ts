// POST /campaigns/{campaignId}/events/{eventId}/responded: which recipients already have a live line
// of a detail on an event; only the read permission needed, though it is a POST.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { type LocalIssuer } from './oidc-fixture.js';
import { openIssuerApp } from './issuer-app.js';
import type { ContractChecker} from './helpers.js';
import { call, newLine, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
let idp: LocalIssuer;

before(async () => {
  ({ testDb, idp, app, contract } = await openIssuerApp());
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

const responded = async (campaignId: string, eventId: string, body: unknown, token?: string) => {
  const answer = await call(app, 'POST', `/api/campaigns/${campaignId}/events/${eventId}/responded`, { body, ...(token ? { token } : {}) });
  contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/responded', answer);
  return answer;
};

test('responded: which of these recipients have a live line of this detail on this event', async () => {
  const scope = { campaignId: 'renewal-calls', eventId: 'renewal-round-2' };
  const asked = { recipientIds: ['44', '46', '49', 'nobody', '46'], detailId: 'received' };
  const ask = async (campaignId = scope.campaignId, eventId = scope.eventId, body: unknown = asked) => {
    const answer = await responded(campaignId, eventId, body);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { recipientIds: string[] }).recipientIds;
  };
  assert.deepEqual(await ask(), []);
  const lines = [newLine({ recipientId: '49', detailId: 'received' }), newLine({ recipientId: '46', detailId: 'received' }), newLine({ recipientId: '44', detailId: 'subscribed' })];
  for (const line of lines) assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
  assert.deepEqual(await ask(), ['46', '49'], 'in the order asked, each once; another detail does not count');
  assert.deepEqual(await ask(scope.campaignId, 'renewal-round-1'), [], 'another event does not count');
  assert.equal((await call(app, 'DELETE', `/api/responses/${lines[0].id}`)).status, 200);
  assert.deepEqual(await ask(), ['46'], 'a deleted line does not count');
  assert.equal((await responded('renewal-calls', 'no-such-event', asked)).status, 404);
  assert.equal((await responded('spring-launch-2026', scope.eventId, asked)).status, 404, 'an event of another campaign');
  assert.equal((await responded(scope.campaignId, scope.eventId, { ...asked, detailId: 'no-such-detail' })).status, 422);
  assert.equal((await responded(scope.campaignId, scope.eventId, { ...asked, recipientIds: Array.from({ length: 1001 }, String) })).status, 422);
});

test('the query needs only the read permission, though sent as POST; a principal without it is refused', async () => {
  const viewer = await idp.mint({ sub: 'viewer', name: 'Vic', roles: ['campaign-viewer'] });
  const body = { detailId: 'responded', recipientIds: ['42'] };
  assert.equal((await responded('renewal-calls', 'renewal-round-2', body, viewer)).status, 200);
  const none = await idp.mint({ sub: 'nobody', name: 'No Roles', roles: [] });
  assert.equal((await responded('renewal-calls', 'renewal-round-2', body, none)).status, 403);
});
