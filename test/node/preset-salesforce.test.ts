// The Salesforce preset against a fake REST API built from Salesforce's documentation
// (test/support/presets/salesforce-fake.ts): statuses per campaign, the latest status as history,
// SOQL escaping, paging by nextRecordsUrl, composite deletes in chunks of 200, the error array, and
// a create whose answer was lost.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthError, ValidationError, canDo } from '../../src/adapter/index.js';
import { createSalesforceAdapter } from '../../src/presets/salesforce.js';
import { SF, startSalesforceFake, type SalesforceFake } from '../support/presets/salesforce-fake.js';

let fake: SalesforceFake;
before(async () => { fake = await startSalesforceFake(); });
after(() => fake.stop());
const status = (CampaignId: string, Label: string, HasResponded: boolean, SortOrder: number) => ({ CampaignId, Label, HasResponded, IsDefault: SortOrder === 1, SortOrder });
beforeEach(() => {
  fake.statuses.splice(0, fake.statuses.length,
    status(SF.spring, 'Sent', false, 1), status(SF.spring, 'Responded', true, 2), status(SF.spring, "Attended O'Reilly Webinar", true, 3),
    status(SF.fair, 'Sent', false, 1), status(SF.fair, 'Visited Booth', true, 2));
  fake.members.splice(0, fake.members.length,
    { Id: '00v000000000001AAA', CampaignId: SF.spring, ContactId: SF.contact, LeadId: null, Status: 'Sent', FirstRespondedDate: '2026-03-02',
      CreatedDate: '2026-03-01T09:00:00.000+0000', LastModifiedDate: '2026-03-03T09:00:00.000+0000' });
  fake.requests.length = 0;
});
const adapter = () => createSalesforceAdapter({ baseUrl: fake.baseUrl, headers: { Authorization: `Bearer ${SF.token}` }, currency: 'EUR' });
const line = (over = {}) => ({ id: '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01', recipientId: SF.contact, campaignId: SF.fair, eventId: SF.fair,
  detailId: 'unmapped:Visited Booth', respondedAt: '2026-03-04T15:30:00Z', note: '', ...over });

test('statuses of every campaign, mapped; an org status shown as itself', async () => {
  const { details } = await adapter().getResponseTypes();
  assert.deepEqual(details.map((d) => [d.id, d.categoryId, d.label]), [
    ['sent', 'sent', 'Sent'], ['responded', 'responded', 'Responded'],
    ["unmapped:Attended O'Reilly Webinar", 'responded', "Attended O'Reilly Webinar"], ['unmapped:Visited Booth', 'responded', 'Visited Booth']]);
});

test('campaigns are the memberships; the history is what the member still says (latest status, first response day)', async () => {
  const sf = adapter();
  const { recipient, campaigns } = await sf.getRecipientCampaigns(SF.contact);
  assert.equal(recipient.displayName, "Zoë O'Brien");
  assert.deepEqual(campaigns.map((c) => [c.title, c.events[0].channel, c.latestResponse?.detailId]), [['Spring Launch', 'email', 'sent']]);
  const history = await sf.getRecipientResponses(SF.contact, {});
  assert.deepEqual(history.items.map((l) => [l.detailId, l.respondedAt]), [
    ['sent', '2026-03-03T09:00:00.000Z'], ['responded', '2026-03-02T12:00:00.000Z']]);
  assert.deepEqual(canDo(sf.capabilities, 'viewHistory'), { allowed: true, note: 'capability.latestOnly' });
  assert.deepEqual(canDo(sf.capabilities, 'deleteAll'), { allowed: true, note: 'capability.deleteRemovesMembership' });
});

test('SOQL literals: ids are checked, a search is one escaped LIKE literal', async () => {
  const sf = adapter();
  await assert.rejects(sf.getRecipientCampaigns("003' OR Name != '"), ValidationError);
  assert.equal((await sf.getRecipientResponses(SF.contact, { q: "x' OR Status != '" })).items.length, 0);
  const soql = new URL(fake.requests.at(-1)!.url, 'http://x').searchParams.get('q')!;
  assert.match(soql, /Status LIKE '%x\\' OR Status != \\'%'/);
  assert.equal((await sf.getRecipientResponses(SF.contact, { q: 'Sen' })).items.length, 2, 'a plain search matches');
  assert.equal((await sf.getRecipientResponses(SF.contact, { q: '%' })).items.length, 0, '% is literal');
});

test('add: a new member with the status (POST), then a status change (PATCH); a status the campaign lacks is refused', async () => {
  const sf = adapter();
  const saved = await sf.addResponse(line());
  assert.equal(saved.id, line().id);
  assert.equal(saved.detailId, 'unmapped:Visited Booth');
  assert.equal(fake.members.find((m) => m.CampaignId === SF.fair)?.Status, 'Visited Booth');
  await sf.addResponse(line({ id: '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e02', detailId: 'sent' }));
  assert.equal(fake.members.filter((m) => m.CampaignId === SF.fair).length, 1, 'still one member');
  assert.ok(fake.requests.some((r) => r.method === 'PATCH'));
  await assert.rejects(sf.addResponse(line({ detailId: 'responded' })), ValidationError);
});

test('never applied twice: the POST answer lost, then DUPLICATE_VALUE on the retry, reads back as success', async () => {
  const sf = adapter();
  fake.loseNextAnswer('POST');
  assert.equal((await sf.addResponse(line())).detailId, 'unmapped:Visited Booth');
  assert.equal(fake.members.filter((m) => m.CampaignId === SF.fair).length, 1);
  assert.equal((await sf.addResponse(line())).detailId, 'unmapped:Visited Booth');
  assert.equal(fake.members.filter((m) => m.CampaignId === SF.fair).length, 1);
});

test('delete: the membership through composite/sobjects in chunks of at most 200; a retry counts what is left', async () => {
  const sf = adapter();
  fake.loseNextAnswer('DELETE');
  await assert.rejects(sf.deleteAllResponses(SF.contact, SF.spring));
  assert.deepEqual(await sf.deleteAllResponses(SF.contact, SF.spring), { deleted: 0 });
  assert.equal(fake.members.length, 0);
  const deletes = fake.requests.filter((r) => r.method === 'DELETE');
  assert.ok(deletes.every((r) => new URL(r.url, 'http://x').searchParams.get('ids')!.split(',').length <= 200));
});

test('errors are the top-level array; no token is an AuthError with the errorCode', async () => {
  const error = (await createSalesforceAdapter({ baseUrl: fake.baseUrl }).getResponseTypes().catch((e: unknown) => e)) as AuthError;
  assert.ok(error instanceof AuthError);
  assert.equal(error.problem?.type, 'INVALID_SESSION_ID');
  assert.match(error.message, /Session expired or invalid/);
});
