// POST /recipients/lookup: each email or id found, not found, or ambiguous with the choices; paged
// with a cursor; its own body limit; and only the read permission needed, though it is a POST.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { type LocalIssuer } from './oidc-fixture.js';
import { openIssuerApp } from './issuer-app.js';
import type { ContractChecker} from './helpers.js';
import { call, type TestDb } from './helpers.js';
import type { LookupItem } from '../../server/routes/recipient-lookup.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
let idp: LocalIssuer;

before(async () => {
  ({ testDb, idp, app, contract } = await openIssuerApp());
  // A recipient whose id is another one's email, and two people sharing one address: both ambiguous.
  await testDb.db.query(
    `INSERT INTO recipients (id, display_name, email, time_zone) VALUES
       ('maya.thompson@northwind-outfitters.example', 'Maya (old import)', NULL, 'UTC'),
       ('b-1', 'Ben Booth', 'front-desk@fair.example', 'UTC'),
       ('b-2', 'Bea Booth', 'Front-Desk@fair.example', 'UTC')`,
  );
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

interface LookupPage {
  items: LookupItem[];
  nextCursor: string | null;
  total: number;
}

const lookup = async (body: unknown, token?: string) => {
  const answer = await call(app, 'POST', '/api/recipients/lookup', { body, ...(token ? { token } : {}) });
  contract.check('POST', '/recipients/lookup', answer);
  return answer;
};

test('each key is answered in order: by id, by email in any case, not found, or ambiguous with the choices', async () => {
  const keys = ['42', ' J.WEBER@kraftwerk-logistik.example ', 'nobody@nowhere.example', 'maya.thompson@northwind-outfitters.example', 'front-desk@FAIR.example', '42'];
  const answer = await lookup({ keys });
  assert.equal(answer.status, 200, answer.text);
  const page = answer.json as LookupPage;
  assert.equal(page.total, keys.length);
  assert.equal(page.nextCursor, null);
  assert.deepEqual(page.items.map((item) => [item.key, item.status, item.recipients.map((r) => r.id)]), [
    ['42', 'found', ['42']],
    [' J.WEBER@kraftwerk-logistik.example ', 'found', ['43']],
    ['nobody@nowhere.example', 'not-found', []],
    ['maya.thompson@northwind-outfitters.example', 'ambiguous', ['maya.thompson@northwind-outfitters.example', '42']],
    ['front-desk@FAIR.example', 'ambiguous', ['b-2', 'b-1']],
    ['42', 'found', ['42']],
  ]);
  assert.equal(page.items[0].recipients[0].displayName, 'Maya Thompson');
  assert.deepEqual(page.items[3].recipients.map((r) => r.displayName), ['Maya (old import)', 'Maya Thompson'], 'choices by name');
});

test('a long list is paged: each page answers `limit` keys, the cursor goes on with the same keys, and belongs to them', async () => {
  const keys = Array.from({ length: 1000 }, (_, index) => (index % 2 === 0 ? String(42 + (index % 8)) : `unknown-${index}`));
  const seen: LookupItem[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = (await lookup({ keys, limit: 300, ...(cursor ? { cursor } : {}) })).json as LookupPage;
    assert.equal(page.total, 1000);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  assert.equal(pages, 4);
  assert.deepEqual(seen.map((item) => item.key), keys);
  assert.equal(seen.filter((item) => item.status === 'found').length, 500);
  const first = (await lookup({ keys, limit: 300 })).json as LookupPage;
  assert.equal((await lookup({ keys: keys.slice(1), cursor: first.nextCursor })).status, 422, 'a cursor of other keys is refused');
  assert.equal((await lookup({ keys, cursor: 'bm9wZQ' })).status, 422);
  assert.equal((await lookup({ keys, limit: 1001 })).status, 422);
  assert.equal((await lookup({ keys: [...keys, '42'] })).status, 422, 'at most 1,000 keys');
  assert.equal((await lookup({ keys: [] })).status, 422);
  const defaults = (await lookup({ keys })).json as LookupPage;
  assert.equal(defaults.items.length, 200, 'the default page');
});

test('1,000 keys of the longest emails fit the reads’ own limit, beyond the ordinary 64 KB', async () => {
  const keys = Array.from({ length: 1000 }, (_, index) => `${String(index).padStart(4, '0')}${'é'.repeat(300)}@x.example`);
  assert.ok(Buffer.byteLength(JSON.stringify({ keys })) > 64 * 1024 * 9);
  const answer = await lookup({ keys, limit: 1000 });
  assert.equal(answer.status, 200, answer.text.slice(0, 200));
  assert.equal((answer.json as LookupPage).items.every((item) => item.status === 'not-found'), true);
  const over = await call(app, 'POST', '/api/recipients/lookup', { body: `{"keys":[${' '.repeat(1024 * 1024)}]}` });
  assert.equal(over.status, 413);
});

test('the lookup needs only the read permission, though sent as POST; without a token or a role it is refused', async () => {
  const viewer = await idp.mint({ sub: 'viewer', name: 'Vic', roles: ['campaign-viewer'] });
  assert.equal((await lookup({ keys: ['42'] }, viewer)).status, 200);
  const anonymous = await call(app, 'POST', '/api/recipients/lookup', { body: { keys: ['42'] }, token: null });
  assert.equal(anonymous.status, 401);
  const none = await idp.mint({ sub: 'nobody', name: 'No Roles', roles: [] });
  assert.equal((await lookup({ keys: ['42'] }, none)).status, 403);
});
