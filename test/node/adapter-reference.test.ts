// Both REST adapters against the real reference server (API only, in-memory PGlite): every operation
// answers what the model says, a typed error comes back where the contract has one, and the campaign
// side's figures move when tracking records an open and a click.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/start.js';
import {
  AuthError,
  ConflictError,
  NotFoundError,
  ValidationError,
  createCampaignRestAdapter,
  createRestAdapter,
  type RestAdapterConfig,
} from '../../src/adapter/index.js';

let server: RunningServer;
let config: RestAdapterConfig;

before(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', vite: false, token: 'reference-token' });
  config = { baseUrl: `${server.url}/api`, headers: { Authorization: `Bearer ${server.token}` } };
});
after(() => server.close());

test('the recipient side: vocabulary, campaigns, history, add (twice), conflict, delete', async () => {
  const adapter = createRestAdapter(config);
  const vocabulary = await adapter.getResponseTypes();
  assert.equal(vocabulary.details.length, 27);
  const { recipient, campaigns } = await adapter.getRecipientCampaigns('42');
  assert.equal(recipient.id, '42');
  const campaign = campaigns.find((c) => c.events.some((e) => e.channel !== 'email')) ?? campaigns[0];
  const event = campaign.events.find((e) => e.channel !== 'email') ?? campaign.events[0];
  const line = {
    id: crypto.randomUUID(), recipientId: '42', campaignId: campaign.id, eventId: event.id,
    detailId: 'responded', respondedAt: new Date(Date.now() - 60_000).toISOString(), note: 'called back',
  };
  const saved = await adapter.addResponse(line);
  assert.equal(saved.id, line.id);
  assert.deepEqual(await adapter.addResponse(line), saved, 'the same PUT again answers the same');
  const conflict = await adapter.addResponse({ ...line, note: 'another body' }).catch((e: unknown) => e);
  assert.ok(conflict instanceof ConflictError);
  const page = await adapter.getRecipientResponses('42', { campaignId: campaign.id, limit: 500 });
  assert.equal(page.items.filter((l) => l.id === line.id).length, 1, 'stored once');
  const { deleted } = await adapter.deleteAllResponses('42', campaign.id);
  assert.ok(deleted >= 1);
  assert.equal((await adapter.getRecipientResponses('42', { campaignId: campaign.id })).items.length, 0);
});

test('never applied twice on the reference server: the PUT answer lost, the retry is the same line, stored once', async () => {
  let lose = true;
  const adapter = createRestAdapter({
    ...config,
    async fetch(input, init) {
      const response = await fetch(input, init);
      if (init?.method === 'PUT' && lose) { lose = false; throw new TypeError('network connection lost'); }
      return response;
    },
  });
  const { campaigns } = await adapter.getRecipientCampaigns('42');
  const campaign = campaigns[0];
  const line = {
    id: crypto.randomUUID(), recipientId: '42', campaignId: campaign.id, eventId: campaign.events[0].id,
    detailId: 'responded', respondedAt: new Date(Date.now() - 60_000).toISOString(), note: 'lost answer',
  };
  await assert.rejects(adapter.addResponse(line), (e: Error) => e.name === 'UnavailableError');
  // The outbox retries with the same Idempotency-Key (the line's id): the server answers what it stored.
  assert.equal((await adapter.addResponse(line)).id, line.id);
  const page = await adapter.getRecipientResponses('42', { campaignId: campaign.id, limit: 500 });
  assert.equal(page.items.filter((l) => l.note === 'lost answer').length, 1);
});

test('typed errors from the reference server: 401, 404, 422 with the field', async () => {
  const noToken = createRestAdapter({ baseUrl: config.baseUrl });
  assert.ok((await noToken.getResponseTypes().catch((e: unknown) => e)) instanceof AuthError);
  const adapter = createRestAdapter(config);
  assert.ok((await adapter.getRecipientCampaigns('nobody').catch((e: unknown) => e)) instanceof NotFoundError);
  const invalid = await adapter
    .addResponse({
      id: crypto.randomUUID(), recipientId: '42', campaignId: 'spring-launch-2026', eventId: 'spring-announce',
      detailId: 'opened', respondedAt: new Date().toISOString(), note: '',
    })
    .catch((e: unknown) => e);
  assert.ok(invalid instanceof ValidationError);
  assert.deepEqual(invalid.fields.map((f) => f.field), ['detailId'], 'a tracked-only detail is not typed by hand');
});

test('the campaign side: send an email event, open and click, and the fresh figures move', async () => {
  const adapter = createCampaignRestAdapter(config);
  const { items } = await adapter.listCampaigns();
  assert.ok(items.length >= 8);
  const before = await adapter.getCampaignStats('spring-launch-2026', { fresh: true });
  const sent = await adapter.sendCampaignEvent('spring-launch-2026', 'spring-last-chance');
  const delivered = sent.deliveries.filter((d) => d.tracking !== null);
  assert.ok(delivered.length > 0, 'someone received it');
  const tracking = delivered[0].tracking!;
  assert.equal((await fetch(tracking.openUrl)).headers.get('content-type'), 'image/gif');
  const click = await fetch(tracking.links[0].clickUrl, { redirect: 'manual' });
  assert.equal(click.status, 302);
  assert.equal(click.headers.get('location'), tracking.links[0].url);
  const after = await adapter.getCampaignStats('spring-launch-2026', { fresh: true });
  // Counts are unique recipients: the campaign's may not move (this person may have opened an
  // earlier email of it), the new event's must.
  const eventBefore = before.events.find((e) => e.eventId === 'spring-last-chance')!;
  const eventAfter = after.events.find((e) => e.eventId === 'spring-last-chance')!;
  assert.equal(eventAfter.opened.count, eventBefore.opened.count + 1);
  assert.equal(eventAfter.clickedThrough.count, eventBefore.clickedThrough.count + 1);
  // Bounced mail was sent; mail skipped for an earlier hard bounce was not.
  const mailed = sent.deliveries.filter((d) => d.outcome !== 'skipped-previous-hard-bounce');
  assert.ok(mailed.length < sent.deliveries.length, 'the seed skips someone who bounced hard before');
  assert.equal(eventAfter.sent.count, eventBefore.sent.count + mailed.length, 'bounces were sent too, skipped mail was not');
  assert.ok(after.totals.opened.count >= before.totals.opened.count);
  const summary = await adapter.getResponseSummary('spring-launch-2026', { fresh: true });
  assert.ok(summary.total.lines > 0);
  const clicks = await adapter.getClickthrough('spring-launch-2026', { eventId: 'spring-last-chance' });
  const link = clicks.events[0].links.find((l) => l.linkId === tracking.links[0].linkId);
  assert.equal(link?.clicks, 1);
});

test('the detail report and its CSV select the same rows', async () => {
  const adapter = createCampaignRestAdapter(config);
  const page = await adapter.getCampaignResponses('spring-launch-2026', { categoryId: 'sent', limit: 500 });
  assert.ok(page.items.length > 0);
  assert.ok(page.items.every((row) => row.categoryId === 'sent' && row.recipientName.length > 0));
  const stream = await adapter.exportCampaignResponsesCsv('spring-launch-2026', { categoryId: 'sent' });
  const csv = await new Response(stream).text();
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length - 1, page.items.length, 'one CSV row per report row, after the header');
  const missing = await adapter.getCampaignStats('no-such-campaign').catch((e: unknown) => e);
  assert.ok(missing instanceof NotFoundError);
});
