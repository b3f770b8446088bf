// Roles → permissions, checked on the server: each kind of person tries everything; a missing
// permission is a 403 that names it and changes nothing, what is granted works (the controls).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Me } from '../../src/model/principal.js';
import { AUDIENCE, type LocalIssuer } from './oidc-fixture.js';
import { openIssuerApp } from './issuer-app.js';
import type { ContractChecker} from './helpers.js';
import { call, countLines, newLine, testApp, type Answer, type TestDb } from './helpers.js';

let testDb: TestDb;
let idp: LocalIssuer;
let app: Hono;
let contract: ContractChecker;

before(async () => {
  ({ testDb, idp, app, contract } = await openIssuerApp());
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

const as = (roles: string[], name = 'Pat') => idp.mint({ sub: `user-${roles.join('-') || 'none'}`, name, roles });

function assertForbidden(answer: Answer, permission: string): void {
  assert.equal(answer.status, 403, answer.text);
  const problem = answer.json as { type: string; permission: string; detail: string };
  assert.equal(problem.type, 'https://campaign-response-kit.dev/problems/forbidden');
  assert.equal(problem.permission, permission);
  assert.match(problem.detail, new RegExp(`"${permission}"`, 'u'));
}

const tries = {
  read: (token: string) => call(app, 'GET', '/api/recipients/42/campaigns', { token }),
  write: (token: string) => {
    const line = newLine();
    return call(app, 'PUT', `/api/responses/${line.id}`, { body: line, token });
  },
  delete: (token: string) => call(app, 'DELETE', '/api/recipients/49/campaigns/renewal-calls/responses', { token }),
  export: (token: string) => call(app, 'GET', '/api/campaigns/renewal-calls/responses.csv', { token }),
  admin: (token: string) => call(app, 'GET', '/api/campaigns/renewal-calls/stats?fresh=1', { token }),
};

test('GET /me answers the principal and its permissions, as the mapping grants them', async () => {
  const cases: [string[], string[]][] = [
    [['campaign-viewer'], ['read']],
    [['campaign-editor'], ['read', 'write']],
    [['campaign-manager'], ['read', 'write', 'delete', 'export', 'send']],
    [['admin'], ['read', 'write', 'delete', 'export', 'send', 'admin']],
    [['read', 'export', 'unknown-role'], ['read', 'export']],
    [[], []],
  ];
  for (const [roles, permissions] of cases) {
    const answer = await call(app, 'GET', '/api/me', { token: await as(roles, 'Kim Lee') });
    contract.check('GET', '/me', answer);
    const me = answer.json as Me;
    assert.deepEqual([me.name, me.kind, me.permissions], ['Kim Lee', 'user', permissions], roles.join());
    assert.match(me.id, /^oidc:user-/u);
  }
  const service = (await call(app, 'GET', '/api/me')).json as Me;
  assert.deepEqual([service.id, service.name, service.permissions.length], ['service', 'API token', 6]);
});

test('read only: every change is a 403 naming the permission, and nothing changes; reading works', async () => {
  const token = await as(['campaign-viewer']);
  const lines = await countLines(testDb.db);
  assert.equal((await tries.read(token)).status, 200);
  assertForbidden(await tries.write(token), 'write');
  assertForbidden(await tries.delete(token), 'delete');
  assertForbidden(await tries.export(token), 'export');
  assertForbidden(await tries.admin(token), 'admin');
  const send = await call(app, 'POST', '/api/campaigns/spring-launch-2026/events/spring-last-chance/send', { token });
  assertForbidden(send, 'send');
  contract.check('POST', '/campaigns/{campaignId}/events/{eventId}/send', send);
  contract.check('PUT', '/responses/{id}', await tries.write(token));
  assert.equal(await countLines(testDb.db), lines);
});

test('read and write: adds lines, may not delete or export; a manager may, an admin also recomputes', async () => {
  const editor = await as(['campaign-editor']);
  assert.equal((await tries.write(editor)).status, 201);
  assertForbidden(await tries.delete(editor), 'delete');
  assertForbidden(await tries.export(editor), 'export');
  const manager = await as(['campaign-manager']);
  assert.equal((await tries.export(manager)).status, 200);
  assert.equal((await tries.delete(manager)).status, 200);
  assertForbidden(await tries.admin(manager), 'admin');
  assert.equal((await tries.admin(await as(['campaign-admin']))).status, 200);
});

test('deleted lines, restores, the audit trail and erasure: delete for the first two, admin for the others; records name the person', async () => {
  const editor = await as(['campaign-editor'], 'Sam Editor');
  const manager = await as(['campaign-manager'], 'Mo Manager');
  const admin = await as(['campaign-admin'], 'Ada Admin');
  const line = newLine({ recipientId: '46' });
  assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line, token: editor })).status, 201);
  const someId = crypto.randomUUID();
  for (const [method, path, permission] of [
    ['DELETE', `/api/responses/${line.id}`, 'delete'],
    ['POST', `/api/responses/${line.id}/restore`, 'delete'],
    ['POST', `/api/deletions/${someId}/restore`, 'delete'],
    ['GET', '/api/recipients/46/responses?include=deleted', 'delete'],
    ['GET', '/api/audit', 'admin'],
    ['POST', '/api/recipients/46/erasure', 'admin'],
  ] as const) {
    assertForbidden(await call(app, method, path, { token: editor }), permission);
    if (permission === 'admin') assertForbidden(await call(app, method, path, { token: manager }), permission);
  }
  assert.equal((await call(app, 'GET', '/api/recipients/46/responses', { token: editor })).status, 200, 'the plain history stays a read');
  const deleted = await call(app, 'DELETE', `/api/responses/${line.id}`, { token: manager });
  assert.equal(deleted.status, 200, deleted.text);
  assert.equal((await call(app, 'GET', '/api/recipients/46/responses?include=deleted', { token: manager })).status, 200);
  assert.equal((await call(app, 'POST', `/api/responses/${line.id}/restore`, { token: manager })).status, 200);
  const audit = await call(app, 'GET', `/api/audit?lineId=${line.id}`, { token: admin });
  assert.equal(audit.status, 200, audit.text);
  const names = (audit.json as { items: { action: string; principal: { name: string } }[] }).items.map((r) => `${r.action} ${r.principal.name}`);
  assert.deepEqual(names, ['restore Mo Manager', 'delete Mo Manager', 'add Sam Editor']);
});

test('CR_ROLES_CLAIM reaches into nested claims and CR_ROLE_MAP replaces the mapping', async () => {
  const keycloak = testApp(testDb.db, {
    oidc: { issuer: idp.issuer, audience: AUDIENCE },
    rolesClaim: 'realm_access.roles',
    roleMap: { 'crm-sales': ['read', 'write'] },
  });
  const token = await idp.mint({ sub: 'kc-1', roles: ['admin'], realm_access: { roles: ['crm-sales', 'campaign-manager'] } });
  const me = (await call(keycloak, 'GET', '/api/me', { token })).json as Me;
  assert.deepEqual(me.permissions, ['read', 'write'], 'the top-level roles claim and unmapped roles grant nothing');
});
