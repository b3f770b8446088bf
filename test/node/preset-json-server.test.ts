// The json-server preset against a real json-server 0.17.4 process: every operation of the
// recipient subtab, its paging, a note search that is not a regular expression, and a create whose
// answer was lost and that is retried (json-server answers a repeated POST with a 500).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError, UnavailableError } from '../../src/adapter/index.js';
import { createJsonServerAdapter } from '../../src/presets/json-server.js';
import { startJsonServer, type RunningJsonServer } from '../support/presets/json-server.js';

let server: RunningJsonServer;
before(async () => { server = await startJsonServer(); });
after(() => server.stop());

const newLine = (id: string, note = 'Called back at the booth', detailId = 'responded') => ({
  id, recipientId: 'r1', campaignId: 'c2', eventId: 'e3', detailId, respondedAt: '2026-03-04T15:30:00Z', note,
});
const linesOf = async (query: string) => (await (await fetch(`${server.origin}/responses?${query}`)).json()) as { id: string }[];

test('vocabulary, campaigns with their latest response, and an unknown recipient', async () => {
  const adapter = createJsonServerAdapter({ baseUrl: server.origin });
  const vocabulary = await adapter.getResponseTypes();
  assert.equal(vocabulary.details.length, 27);
  const { recipient, campaigns } = await adapter.getRecipientCampaigns('r1');
  assert.equal(recipient.displayName, 'Ana Ruiz');
  assert.deepEqual(campaigns.map((c) => [c.id, c.latestResponse?.detailId ?? null]), [['c1', 'opened'], ['c2', null]]);
  assert.equal(campaigns[0].events.length, 2);
  await assert.rejects(adapter.getRecipientCampaigns('nobody'), NotFoundError);
});

test('add, history paged by _page/_limit with X-Total-Count and Link, a literal note search, delete all', async () => {
  const adapter = createJsonServerAdapter({ baseUrl: server.origin, author: 'ana', pageSize: 2 });
  const ids = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'];
  const saved = await adapter.addResponse(newLine(ids[0], 'price (.*) asked'));
  assert.equal(saved.categoryId, 'responded', 'category derived from the served vocabulary');
  assert.equal(saved.author, 'ana');
  assert.equal(saved.respondedAt, '2026-03-04T15:30:00.000Z');
  await adapter.addResponse({ ...newLine(ids[1]), respondedAt: '2026-03-05T10:00:00Z' });
  await adapter.addResponse({ ...newLine(ids[2], 'x', 'purchased'), respondedAt: '2026-03-06T10:00:00Z' });

  const first = await adapter.getRecipientResponses('r1', { campaignId: 'c2' });
  assert.deepEqual(first.items.map((l) => l.id), [ids[2], ids[1]], 'newest first');
  assert.equal(first.total, 3);
  assert.ok(first.nextCursor);
  const second = await adapter.getRecipientResponses('r1', { campaignId: 'c2', cursor: first.nextCursor! });
  assert.deepEqual(second.items.map((l) => l.id), [ids[0]]);
  assert.equal(second.nextCursor, null);

  // A regular expression's characters match themselves: "(.*)" is not "anything".
  const search = await adapter.getRecipientResponses('r1', { campaignId: 'c2', q: '(.*)' });
  assert.deepEqual(search.items.map((l) => l.id), [ids[0]]);
  const purchased = await adapter.getRecipientResponses('r1', { categoryId: 'purchased' });
  assert.deepEqual(purchased.items.map((l) => l.id), [ids[2]]);

  // Bounded: only the lines named go; the others of the campaign stay and are counted as kept.
  assert.deepEqual(await adapter.deleteAllResponses('r1', 'c2', { lineIds: [ids[0], 'never-seen'] }), { deleted: 1, kept: 2, deletionId: null });
  assert.deepEqual(await adapter.deleteResponse?.(ids[0]), { deleted: 0, kept: 0, deletionId: null }, 'gone already: no error');
  assert.deepEqual(await adapter.deleteAllResponses('r1', 'c2'), { deleted: 2, kept: 0, deletionId: null });
  assert.deepEqual(await linesOf('campaignId=c2'), []);
  assert.equal((await linesOf('campaignId=c1')).length, 1, 'other campaigns untouched');
});

test('never applied twice: a create whose answer was lost, retried, is one line and a success', async () => {
  let lose = true;
  const adapter = createJsonServerAdapter({
    baseUrl: server.origin,
    async fetch(input, init) {
      const response = await fetch(input, init);
      // The server stored the line; the answer never reaches the client.
      if (init?.method === 'POST' && lose) { lose = false; throw new TypeError('network connection lost'); }
      return response;
    },
  });
  const line = newLine('c0000000-0000-4000-8000-000000000001');
  // The lost answer is recovered at once: the line is read back and is ours.
  assert.equal((await adapter.addResponse(line)).id, line.id);
  assert.equal(lose, false, 'the answer was lost');
  // json-server itself answers the repeated POST with 500 "duplicate id":
  const again = await fetch(`${server.origin}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: line.id }) });
  assert.equal(again.status, 500);
  // The outbox's retry (as after a crash before the read-back): 500 from json-server, read back, success.
  const retried = await adapter.addResponse(line);
  assert.equal(retried.id, line.id);
  assert.equal((await linesOf(`id=${line.id}`)).length, 1);

  // The same id with another body is not ours: a conflict, not a silent success.
  await assert.rejects(adapter.addResponse({ ...line, note: 'something else' }), (e: Error) => e.name === 'ConflictError');
});

test('a lost answer on a line the server did not store stays an error to retry', async () => {
  const adapter = createJsonServerAdapter({
    baseUrl: server.origin,
    fetch: async (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)),
  });
  await assert.rejects(adapter.addResponse(newLine('d0000000-0000-4000-8000-000000000001')), UnavailableError);
});
