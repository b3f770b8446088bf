// The REST adapter's bulk operations against the real reference server (addResponses,
// lookupRecipients, alreadyResponded), and the bulk entry's reads choosing them by capability, with
// the same answers line by line where a backend does not declare them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/start.js';
import { ConflictError, FULL_CAPABILITIES, ValidationError, createRestAdapter, type RestAdapterConfig } from '../../src/adapter/index.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { findRecipients, findResponded } from '../../src/data/bulk-lookup.js';
import { RecipientDirectory } from '../../src/bulk/matching.js';
import { parsePastedKeys } from '../../src/bulk/rows.js';
import type { NewResponseLine } from '../../src/model/types.js';

let server: RunningServer;
let config: RestAdapterConfig;
/** Every request the adapters sent, as "METHOD path". */
const sent: string[] = [];

before(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', vite: false, token: 'bulk-token' });
  config = {
    baseUrl: `${server.url}/api`,
    headers: { Authorization: `Bearer ${server.token}` },
    fetch: (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  };
});
after(() => server.close());

const line = (overrides: Partial<NewResponseLine> = {}): NewResponseLine => ({
  id: crypto.randomUUID(), recipientId: '42', campaignId: 'renewal-calls', eventId: 'renewal-round-2',
  detailId: 'received', respondedAt: new Date(Date.now() - 60_000).toISOString(), note: 'at the booth', ...overrides,
});

test('addResponses: every line’s outcome in order, typed errors for refused lines, and a repeat stores nothing twice', async () => {
  const adapter = createRestAdapter(config);
  const earlier = await adapter.addResponse(line());
  const lines = [line(), { ...line(), id: earlier.id, note: 'other content' }, line({ respondedAt: 'yesterday' }), line({ recipientId: 'nobody' }), line({ recipientId: '44' })];
  const outcomes = await adapter.addResponses(lines);
  assert.deepEqual(outcomes.map((o) => o.outcome), ['stored', 'refused', 'refused', 'refused', 'stored']);
  assert.deepEqual(outcomes.map((o) => o.id), lines.map((l) => l.id));
  const refused = outcomes.filter((o) => o.outcome === 'refused').map((o) => o.error);
  assert.ok(refused[0] instanceof ConflictError);
  assert.ok(refused[1] instanceof ValidationError, 'refused before sending, as addResponse does');
  assert.ok(refused[2] instanceof ValidationError);
  assert.ok((refused[2] as ValidationError).fields.some((f) => f.field === 'recipientId'), 'with the server’s field');
  const stored = outcomes[0].outcome === 'stored' ? outcomes[0].line : undefined;
  assert.equal(stored?.author, 'API token');
  const again = await adapter.addResponses([lines[0], lines[4]]);
  assert.deepEqual(again.map((o) => o.outcome), ['already-stored', 'already-stored']);
  const history = await adapter.getRecipientResponses('42', { campaignId: 'renewal-calls', limit: 500 });
  assert.equal(history.items.filter((l) => l.id === lines[0].id).length, 1);
});

test('addResponses splits what it is given into requests of 1,000 lines', async () => {
  const adapter = createRestAdapter(config);
  const lines = Array.from({ length: 1001 }, (_, i) => line({ recipientId: ['42', '44', '46', '49'][i % 4], note: `line ${i}` }));
  sent.length = 0;
  const outcomes = await adapter.addResponses(lines);
  assert.deepEqual(sent, ['POST /api/responses/batch', 'POST /api/responses/batch']);
  assert.equal(outcomes.filter((o) => o.outcome === 'stored').length, 1001);
});

test('lookupRecipients and alreadyResponded answer from the server in one request each', async () => {
  const adapter = createRestAdapter(config);
  sent.length = 0;
  const found = await adapter.lookupRecipients(['42', 'J.WEBER@kraftwerk-logistik.example', 'nobody']);
  assert.deepEqual(found.map((r) => r.id).sort(), ['42', '43']);
  const responder = line({ recipientId: '46', detailId: 'subscribed' });
  await adapter.addResponse(responder);
  const responded = await adapter.alreadyResponded({ campaignId: 'renewal-calls', eventId: 'renewal-round-2', detailId: 'subscribed', recipientIds: ['42', '46', '49'] });
  assert.deepEqual(responded, ['46']);
  assert.deepEqual(sent, ['POST /api/recipients/lookup', 'PUT /api/responses/' + responder.id, 'POST /api/campaigns/renewal-calls/events/renewal-round-2/responded']);
});

test('the bulk entry’s reads use the bulk operations where the backend declares them, else line by line, with the same answers', async () => {
  const scope = { campaignId: 'renewal-calls', eventId: 'renewal-round-2', detailId: 'purchased' };
  await createRestAdapter(config).addResponses([line({ recipientId: '44', detailId: 'purchased' })]);
  const rows = parsePastedKeys('42\n44\n46\nnobody\n');
  const ids = ['42', '44', '46', '49'];
  const answersWith = async (capabilities: typeof FULL_CAPABILITIES) => {
    const client = new CampaignDataClient({ adapter: Object.assign(createRestAdapter(config), { capabilities }) });
    const directory = new RecipientDirectory();
    sent.length = 0;
    const unchecked = await findRecipients(client, rows, directory);
    const responded = await findResponded(client, ids, scope);
    return { requests: [...sent], unchecked: [...unchecked], matched: rows.map((row) => directory.match(row).status), responded: Object.fromEntries(responded) };
  };
  const bulk = await answersWith(FULL_CAPABILITIES);
  const lineByLine = await answersWith({ ...FULL_CAPABILITIES, recipientLookup: false, respondedQuery: false, batchAdd: false });
  assert.deepEqual(bulk.requests, ['POST /api/recipients/lookup', 'POST /api/campaigns/renewal-calls/events/renewal-round-2/responded']);
  assert.ok(lineByLine.requests.length >= 8, 'a read per recipient');
  assert.ok(!lineByLine.requests.some((request) => request.startsWith('POST')), 'no bulk route asked');
  for (const answers of [bulk, lineByLine]) {
    assert.deepEqual(answers.matched, ['matched', 'matched', 'matched', 'not-found']);
    assert.deepEqual(answers.unchecked, []);
  }
  assert.deepEqual(bulk.responded, lineByLine.responded);
  assert.equal(bulk.responded['44'], 'yes');
  assert.equal(bulk.responded['42'], 'no');
});
