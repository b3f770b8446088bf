// Machine-detection reasons travel as a code beside the English text, so the kit can say them in the
// page's language: every reason the server writes (and the demo data's) has a code, and the answers carry it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Clickthrough, CampaignResponsePage } from '../../src/model/campaign-stats.js';
import { judgeClick, judgeOpen, machineCause } from '../../server/tracking/machine-detect.js';
import { MACHINE_AGENTS } from '../../server/db/seed-data.js';
import { insertHandMadeCampaign } from './campaign-fixture.js';
import { call, ContractChecker, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
before(async () => {
  testDb = await openTestDb();
  await insertHandMadeCampaign(testDb.db, 'mc');
  app = testApp(testDb.db);
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

const AGENTS = [null, 'Mozilla/5.0', 'GoogleImageProxy', 'YahooMailProxy', 'OutlookImageProxy', 'SafeLinks', 'Barracuda', 'Proofpoint', 'Mimecast', 'curl/8.0',
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0'];

test('every reason the server writes has a code, with its vendor or seconds', () => {
  const reasons = new Set<string>();
  for (const agent of AGENTS) {
    for (const seconds of [null, 0.4, 1.5, 5, 3600]) {
      reasons.add(judgeOpen(agent, seconds).reason ?? '');
      for (const previous of [null, 0.5, 60]) reasons.add(judgeClick(agent, seconds, previous).reason ?? '');
    }
  }
  for (const agent of MACHINE_AGENTS) reasons.add(agent.reason);
  reasons.delete('');
  for (const reason of reasons) assert.ok(machineCause(reason), `no code for "${reason}"`);
  assert.deepEqual(machineCause(judgeOpen('GoogleImageProxy', 100).reason), { code: 'image-proxy', vendor: 'Google' });
  assert.deepEqual(machineCause(judgeClick('Mozilla/5.0 (X11) Firefox/128.0', 3.2, null).reason), { code: 'clicked-too-soon', seconds: 3.2 });
  assert.deepEqual(machineCause(judgeClick('Mozilla/5.0 (X11) Firefox/128.0', 60, 0.5).reason), { code: 'click-burst', seconds: 0.5 });
  assert.equal(machineCause('Something a newer server says'), null);
});

test('the detail report and the clickthrough carry the code beside the text, as documented', async () => {
  const page = await call(app, 'GET', '/api/campaigns/mc/responses?machine=true');
  contract.check('GET', '/campaigns/{campaignId}/responses', page);
  const machineRows = (page.json as CampaignResponsePage).items.filter((row) => row.evidence?.machine);
  assert.ok(machineRows.length > 0);
  for (const row of machineRows) assert.deepEqual(row.evidence?.machineCause, { code: 'security-gateway' }, row.evidence?.machineReason ?? '');
  const clicks = await call(app, 'GET', '/api/campaigns/mc/clickthrough');
  contract.check('GET', '/campaigns/{campaignId}/clickthrough', clicks);
  const clickers = (clicks.json as Clickthrough).events.flatMap((e) => e.links.flatMap((l) => l.clickers));
  assert.deepEqual(clickers.filter((c) => c.machine).map((c) => c.machineCause), [{ code: 'security-gateway' }]);
  assert.ok(clickers.filter((c) => !c.machine).every((c) => c.machineCause === null));
});
