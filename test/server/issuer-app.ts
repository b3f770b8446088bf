/** What the permission tests start from: a database, a local OpenID Connect issuer, an app that trusts it, and the contract checker. */
import type { Hono } from 'hono';
import { ContractChecker, openTestDb, testApp, type TestDb } from './helpers.js';
import { AUDIENCE, startLocalIssuer, type LocalIssuer } from './oidc-fixture.js';

export async function openIssuerApp(): Promise<{ testDb: TestDb; idp: LocalIssuer; app: Hono; contract: ContractChecker }> {
  const testDb = await openTestDb();
  const idp = await startLocalIssuer();
  const app = testApp(testDb.db, { oidc: { issuer: idp.issuer, audience: AUDIENCE } });
  return { testDb, idp, app, contract: await ContractChecker.load(app) };
}
