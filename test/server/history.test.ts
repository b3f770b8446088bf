// GET /recipients/{id}/responses paging and filters, and DELETE of a campaign's responses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { compareNewestFirst } from '../../src/model/history.js';
import type { Page, ResponseLine } from '../../src/model/types.js';
import { assertFieldProblem, call, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

async function walk(query: string, limit: number): Promise<{ lines: ResponseLine[]; pages: number; totals: Set<number> }> {
  const lines: ResponseLine[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const answer = await call(app, 'GET', `/api/recipients/42/responses?limit=${limit}${query}${suffix}`);
    assert.equal(answer.status, 200, answer.text);
    const page = answer.json as Page<ResponseLine>;
    assert.ok(page.items.length <= limit);
    lines.push(...page.items);
    totals.add(page.total as number);
    cursor = page.nextCursor;
    pages += 1;
    assert.ok(pages < 500, 'the walk ends');
  } while (cursor);
  return { lines, pages, totals };
}

test('the cursor walks every line once, newest first, in compareNewestFirst order', async () => {
  // Same instant and same recorded time as each other: only the id can order these.
  const tied = [newLine(), newLine(), newLine()].map((l) => ({ ...l, respondedAt: '2026-05-25T10:00:00.000Z' }));
  const fixed = testApp(testDb.db, { now: () => new Date('2026-05-25T10:05:00.000Z') });
  for (const line of tied) assert.equal((await call(fixed, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);

  const all = await countLines(testDb.db, 'recipient_id = $1', ['42']);
  assert.ok(all > 30);
  const { lines, pages, totals } = await walk('', 7);
  assert.equal(lines.length, all);
  assert.equal(new Set(lines.map((l) => l.id)).size, all, 'no line twice');
  assert.deepEqual(lines, [...lines].sort(compareNewestFirst), 'newest first');
  assert.deepEqual([...totals], [all], 'total is the same on every page');
  assert.equal(pages, Math.ceil(all / 7));
  const positions = tied.map((t) => lines.findIndex((l) => l.id === t.id)).sort((a, b) => a - b);
  assert.equal(positions[2] - positions[0], 2, 'tied lines stay together');
});

test('limit defaults to 50 and caps at 500; a bad limit or cursor is a 422 naming it', async () => {
  const first = (await call(app, 'GET', '/api/recipients/43/responses')).json as Page<ResponseLine>;
  assert.equal(first.items.length, Math.min(50, first.total as number));
  assert.equal((await call(app, 'GET', '/api/recipients/43/responses?limit=500')).status, 200);
  for (const limit of ['0', '501', '-1', '2.5', 'ten', '1e2']) {
    assertFieldProblem(await call(app, 'GET', `/api/recipients/43/responses?limit=${limit}`), 'limit');
  }
  const forged = Buffer.from(JSON.stringify(['x', 'y', 'z'])).toString('base64url');
  for (const cursor of ['not-a-cursor', forged, 'W10']) {
    assertFieldProblem(await call(app, 'GET', `/api/recipients/43/responses?cursor=${cursor}`), 'cursor');
  }
});

test('campaignId and eventId filter the history, and paging keeps the filter', async () => {
  const byCampaign = await walk('&campaignId=spring-launch-2026', 4);
  assert.ok(byCampaign.lines.length > 0);
  assert.ok(byCampaign.lines.every((l) => l.campaignId === 'spring-launch-2026'));
  assert.equal(byCampaign.lines.length, await countLines(testDb.db, "recipient_id = '42' AND campaign_id = 'spring-launch-2026'"));
  const byEvent = await walk('&campaignId=spring-launch-2026&eventId=spring-reminder', 3);
  assert.ok(byEvent.lines.length > 0);
  assert.ok(byEvent.lines.every((l) => l.eventId === 'spring-reminder'));
  const eventOnly = await walk('&eventId=spring-reminder', 100);
  assert.deepEqual(eventOnly.lines, byEvent.lines);
  const empty = (await call(app, 'GET', '/api/recipients/42/responses?campaignId=no-such-campaign')).json as Page<ResponseLine>;
  assert.deepEqual(empty, { items: [], nextCursor: null, total: 0 });
});

test('delete-all empties the history of that campaign only, and a repeat deletes nothing more', async () => {
  const others = await countLines(testDb.db, "recipient_id = '43' AND campaign_id <> 'expo-berlin'");
  const expo = await countLines(testDb.db, "recipient_id = '43' AND campaign_id = 'expo-berlin'");
  assert.ok(expo > 0);
  const answer = await call(app, 'DELETE', '/api/recipients/43/campaigns/expo-berlin/responses');
  assert.deepEqual({ ...(answer.json as object), deletionId: 'some' }, { deleted: expo, kept: 0, deletionId: 'some' });
  const history = (await call(app, 'GET', '/api/recipients/43/responses?campaignId=expo-berlin')).json as Page<ResponseLine>;
  assert.deepEqual(history.items, []);
  assert.equal(await countLines(testDb.db, "recipient_id = '43' AND campaign_id <> 'expo-berlin'"), others);
  const campaigns = (await call(app, 'GET', '/api/recipients/43/campaigns')).json as { campaigns: { id: string; latestResponse: unknown }[] };
  assert.equal(campaigns.campaigns.find((c) => c.id === 'expo-berlin')?.latestResponse, null);
  assert.deepEqual((await call(app, 'DELETE', '/api/recipients/43/campaigns/expo-berlin/responses')).json, { deleted: 0, kept: 0, deletionId: null });
  // Other recipients of the campaign keep their lines.
  assert.ok((await countLines(testDb.db, "recipient_id <> '43' AND campaign_id = 'expo-berlin'")) > 0);
});

test('delete-all with an Idempotency-Key replays its first answer', async () => {
  const expected = await countLines(testDb.db, "recipient_id = '47' AND campaign_id = 'webinar-analytics'");
  assert.ok(expected > 0);
  const key = `op-${crypto.randomUUID()}`;
  const path = '/api/recipients/47/campaigns/webinar-analytics/responses';
  const first = await call(app, 'DELETE', path, { headers: { 'Idempotency-Key': key } });
  assert.equal((first.json as { deleted: number }).deleted, expected);
  // A line added in between is not deleted by the replay: the first answer is repeated, not the effect.
  const later = newLine({ recipientId: '47', campaignId: 'webinar-analytics', eventId: 'webinar-live' });
  assert.equal((await call(app, 'PUT', `/api/responses/${later.id}`, { body: later })).status, 201);
  const replay = await call(app, 'DELETE', path, { headers: { 'Idempotency-Key': key } });
  assert.equal(replay.status, 200);
  assert.equal(replay.text, first.text);
  assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
  assert.equal(await countLines(testDb.db, 'id = $1', [later.id]), 1);
  const elsewhere = await call(app, 'DELETE', '/api/recipients/47/campaigns/expo-berlin/responses', { headers: { 'Idempotency-Key': key } });
  assert.equal(elsewhere.status, 422, 'the same key on another request');
});

test('categoryId and q filter the history on the server; q matches note text literally, any case', async () => {
  const marker = `Booth-${crypto.randomUUID().slice(0, 8)}`;
  const wildcard = newLine({ note: `50%_off at the ${marker.toUpperCase()} stand` });
  const other = newLine({ note: 'nothing to see', detailId: 'purchased' });
  for (const line of [wildcard, other]) {
    assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
  }
  const byNote = await walk(`&q=${encodeURIComponent(marker.toLowerCase())}`, 50);
  assert.deepEqual(byNote.lines.map((l) => l.id), [wildcard.id]);
  assert.deepEqual([...byNote.totals], [1]);
  const literal = await walk(`&q=${encodeURIComponent('50%_off')}`, 50);
  assert.ok(literal.lines.some((l) => l.id === wildcard.id), '% and _ are text, not wildcards');
  assert.ok(literal.lines.every((l) => l.note.includes('50%_off')));
  const purchased = await walk('&categoryId=purchased', 7);
  assert.ok(purchased.lines.length >= 1 && purchased.lines.some((l) => l.id === other.id));
  assert.ok(purchased.lines.every((l) => l.categoryId === 'purchased'));
  const all = await walk('', 500);
  assert.ok(all.lines.length > purchased.lines.length, 'the filter left lines out');
});

test('GET /recipients lists every recipient, by name', async () => {
  const answer = await call(app, 'GET', '/api/recipients');
  assert.equal(answer.status, 200, answer.text);
  const page = answer.json as Page<{ id: string; displayName: string; timeZone: string }>;
  assert.ok(page.items.length >= 5);
  assert.ok(page.items.some((r) => r.id === '42'));
  const names = page.items.map((r) => r.displayName);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.equal((await call(app, 'GET', '/api/recipients', { token: null })).status, 401);
});
