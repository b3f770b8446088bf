// The Dataverse preset against a fake Web API built from Microsoft's documentation
// (test/support/presets/dataverse-fake.ts): every operation, paging by next link, the OData filter's
// escaping, both ways of signing in, error shapes, and a create whose answer was lost.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthError, NotFoundError, UnavailableError, ValidationError, canDo } from '../../src/adapter/index.js';
import { createDataverseAdapter } from '../../src/presets/dataverse.js';
import { DV, dataverseRow, startDataverseFake, type DataverseFake } from '../support/presets/dataverse-fake.js';

let fake: DataverseFake;
before(async () => { fake = await startDataverseFake(); });
after(() => fake.stop());
beforeEach(() => {
  fake.rows.splice(0, fake.rows.length,
    dataverseRow('d0000000-0000-4000-8000-000000000001', { description: "Zoë's reply: \"yes\"", receivedon: '2026-03-01', createdon: '2026-03-01T09:00:00Z' }),
    dataverseRow('d0000000-0000-4000-8000-000000000002', { responsecode: 100000001, receivedon: '2026-03-03', createdon: '2026-03-03T09:00:00Z' }),
    dataverseRow('d0000000-0000-4000-8000-000000000003', { _regardingobjectid_value: DV.fair, responsecode: 2, receivedon: '2026-03-02' }),
    dataverseRow('d0000000-0000-4000-8000-000000000004', { campaignresponse_activity_parties: [{ _partyid_value: DV.otherContact, participationtypemask: 11 }] }));
  fake.requests.length = 0;
});
const bearer = () => createDataverseAdapter({ baseUrl: fake.baseUrl, headers: { Authorization: `Bearer ${DV.token}` }, pageSize: 2 });
const line = (id: string, over = {}) => ({ id, recipientId: DV.contact, campaignId: DV.spring, eventId: `${DV.spring}~2`,
  detailId: 'interested', respondedAt: '2026-03-04T23:30:00Z', note: 'Called back', ...over });

test('vocabulary: the org labels, the four codes mapped, a custom code shown as itself', async () => {
  const { details, categories } = await bearer().getResponseTypes();
  assert.deepEqual(details.map((d) => [d.id, d.categoryId, d.label]), [
    ['interested', 'responded', 'Interested'], ['not-interested', 'responded', 'Not Interested'],
    ['unsubscribed', 'unsubscribed', 'Do Not Send Marketing Materials'], ['failed-other', 'failed', 'Error'],
    ['unmapped:100000001', 'other', 'Requested Demo']]);
  assert.ok(categories.some((c) => c.id === 'other'));
  const headers = fake.requests[0].headers;
  assert.equal(headers['odata-version'], '4.0');
  assert.equal(headers['odata-maxversion'], '4.0');
});

test('campaigns: the ones this contact answered, one event per channel, the latest line; an unknown contact is a 404', async () => {
  const { recipient, campaigns } = await bearer().getRecipientCampaigns(DV.contact);
  assert.equal(recipient.displayName, "Zoë O'Brien");
  assert.deepEqual(campaigns.map((c) => [c.title, c.latestResponse?.id]), [
    ['Spring Launch', 'd0000000-0000-4000-8000-000000000002'], ['Trade Fair', 'd0000000-0000-4000-8000-000000000003']]);
  assert.equal(campaigns[0].events.length, 6);
  assert.equal(campaigns[0].latestResponse?.detailId, 'unmapped:100000001', 'never dropped');
  assert.equal(campaigns[0].latestResponse?.author, 'Dana Dynamics');
  assert.equal(campaigns[0].latestResponse?.respondedAt, '2026-03-03T12:00:00.000Z', 'receivedon is a date only');
  await assert.rejects(bearer().getRecipientCampaigns('33333333-3333-4333-8333-333333333333'), NotFoundError);
  await assert.rejects(bearer().getRecipientCampaigns("x' or 1 eq 1"), ValidationError);
});

test('history: paged by odata.maxpagesize and @odata.nextLink (never $skip), filtered, newest first', async () => {
  const adapter = bearer();
  const first = await adapter.getRecipientResponses(DV.contact, {});
  assert.deepEqual(first.items.map((l) => l.id.slice(-1)), ['2', '3']);
  assert.match(String(fake.requests.at(-1)?.headers.prefer), /odata\.maxpagesize=2/);
  assert.match(first.nextCursor ?? '', /^http:\/\/127\.0\.0\.1:\d+\/api\/data\/v9\.2\/campaignresponses\?\$skiptoken=/);
  const second = await adapter.getRecipientResponses(DV.contact, { cursor: first.nextCursor! });
  assert.deepEqual(second.items.map((l) => l.id.slice(-1)), ['1']);
  assert.equal(second.nextCursor, null);
  assert.ok(fake.requests.every((r) => !r.url.includes('%24skip=') && !r.url.includes('$skip=')));
  const fair = await adapter.getRecipientResponses(DV.contact, { campaignId: DV.fair });
  assert.deepEqual(fair.items.map((l) => l.detailId), ['not-interested']);
  const byChannel = await adapter.getRecipientResponses(DV.contact, { eventId: `${DV.spring}~3`, campaignId: DV.spring });
  assert.equal(byChannel.items.length, 2);
});

test('note search: quotes, unicode and an injection attempt are one literal', async () => {
  const adapter = bearer();
  assert.deepEqual((await adapter.getRecipientResponses(DV.contact, { q: "Zoë's reply: \"yes\"" })).items.map((l) => l.id.slice(-1)), ['1']);
  // Would match every line if the quote ended the literal and "or" became part of the filter.
  assert.deepEqual((await adapter.getRecipientResponses(DV.contact, { q: "x') or contains(description,'" })).items, []);
  await assert.rejects(adapter.getRecipientResponses(DV.contact, { campaignId: `${DV.spring}) or (true` }), ValidationError);
});

test('add: POST with our activityid, lookups by @odata.bind, the customer party; 204 and OData-EntityId; then read', async () => {
  const saved = await bearer().addResponse(line('e0000000-0000-4000-8000-000000000001'));
  const post = fake.requests.find((r) => r.method === 'POST');
  assert.ok(post);
  const row = fake.rows.find((r) => r.activityid === saved.id)!;
  assert.equal(row.receivedon, '2026-03-04', 'the day in the configured zone (UTC)');
  assert.equal(row.channeltypecode, 2);
  assert.equal(row.responsecode, 1);
  assert.deepEqual(row.campaignresponse_activity_parties, [{ _partyid_value: DV.contact, participationtypemask: 11 }]);
  assert.equal(saved.detailId, 'interested');
  assert.equal(saved.categoryId, 'responded');
  assert.equal(saved.eventId, `${DV.spring}~2`);
});

test('never applied twice: the create answer lost, the retry reads the duplicate key as success', async () => {
  const adapter = bearer();
  const ours = line('e0000000-0000-4000-8000-000000000002');
  fake.loseNextAnswer('POST');
  // The lost answer is recovered at once by reading the line back.
  assert.equal((await adapter.addResponse(ours)).id, ours.id);
  // The outbox's retry after a crash: 412 0x80040237 duplicate key, read back, ours.
  assert.equal((await adapter.addResponse(ours)).id, ours.id);
  assert.equal(fake.rows.filter((r) => r.activityid === ours.id).length, 1);
  await assert.rejects(adapter.addResponse({ ...ours, note: 'other' }), (e: Error) => e.name === 'ConflictError');
});

test('delete all: only this contact and campaign, every page, a retry after a lost answer counts what is left', async () => {
  const adapter = bearer();
  fake.loseNextAnswer('DELETE');
  await assert.rejects(adapter.deleteAllResponses(DV.contact, DV.spring), UnavailableError);
  assert.deepEqual(await adapter.deleteAllResponses(DV.contact, DV.spring), { deleted: 1, kept: 0, deletionId: null });
  assert.deepEqual(fake.rows.map((r) => r.activityid.slice(-1)).sort(), ['3', '4']);
});

test('inside a web resource: credentials include, no Authorization header; without either, an AuthError', async () => {
  const session = createDataverseAdapter({
    baseUrl: fake.baseUrl, credentials: 'include',
    // Node's fetch has no cookie jar: the browser would send the session cookie for credentials 'include'.
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: DV.cookie } }),
  });
  await session.getResponseTypes();
  assert.equal(fake.requests.at(-1)?.headers.authorization, undefined);
  await assert.rejects(createDataverseAdapter({ baseUrl: fake.baseUrl }).getResponseTypes(), AuthError);
});

test('errors are {error:{code,message}}; capabilities say append-only, no tracked lines', async () => {
  const error = (await bearer().getRecipientCampaigns('33333333-3333-4333-8333-333333333333').catch((e: unknown) => e)) as NotFoundError;
  assert.equal(error.problem?.type, '0x80040217');
  assert.match(error.message, /Does Not Exist/);
  assert.deepEqual(canDo(bearer().capabilities, 'deleteAll'), { allowed: true });
  assert.equal(bearer().capabilities.trackedVsManual, false);
});
