// The summary report, the detail report (filters, sorts, pages), its CSV export, and the clickthrough report.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { CampaignResponsePage, CampaignResponseRow, Clickthrough, ResponseSummary } from '../../src/model/campaign-stats.js';
import { compareNewestFirst } from '../../src/model/history.js';
import { csvCell } from '../../server/http/csv.js';
import { CSV_BATCH_ROWS, CSV_HEADER } from '../../server/routes/reports.js';
import { addLines, FIXTURE_START, insertHandMadeCampaign } from './campaign-fixture.js';
import { assertFieldProblem, call, ContractChecker, openTestDb, testApp, TOKEN, type TestDb } from './helpers.js';
import { parseCsv } from '../support/server/csv.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;

before(async () => {
  testDb = await openTestDb();
  await insertHandMadeCampaign(testDb.db, 'hm');
  app = testApp(testDb.db);
  contract = await ContractChecker.load(app);
});
after(() => testDb.cleanup());

const RESPONSES = '/campaigns/{campaignId}/responses';

async function page(query: string, campaignId = 'hm'): Promise<CampaignResponsePage> {
  const answer = await call(app, 'GET', `/api/campaigns/${campaignId}/responses?${query}`);
  assert.equal(answer.status, 200, answer.text);
  contract.check('GET', RESPONSES, answer);
  return answer.json as CampaignResponsePage;
}

/** Every row of a query, walked page by page with the cursor. */
async function walk(query: string, limit: number, campaignId = 'hm'): Promise<CampaignResponseRow[]> {
  const rows: CampaignResponseRow[] = [];
  let cursor: string | null = null;
  do {
    const next: CampaignResponsePage = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, campaignId);
    rows.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return rows;
}

async function csv(query: string, campaignId = 'hm'): Promise<{ rows: string[][]; raw: string; headers: Headers }> {
  const response = await app.request(`/api/campaigns/${campaignId}/responses.csv?${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  // Response.text() would drop the byte order mark (WHATWG decoding); the bytes show it is there.
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for spreadsheets');
  const answer = { status: response.status, headers: response.headers, text: bytes.subarray(3).toString('utf8'), json: undefined };
  assert.equal(answer.status, 200, answer.text);
  contract.check('GET', '/campaigns/{campaignId}/responses.csv', answer);
  const rows = parseCsv(answer.text);
  assert.deepEqual(rows[0], [...CSV_HEADER]);
  return { rows: rows.slice(1), raw: answer.text, headers: answer.headers };
}

test('summary: lines and unique recipients by event × detail, detail, category and event, with totals', async () => {
  const answer = await call(app, 'GET', '/api/campaigns/hm/responses/summary');
  contract.check('GET', '/campaigns/{campaignId}/responses/summary', answer);
  const summary = answer.json as ResponseSummary;
  assert.deepEqual(summary.events.map((e) => e.id), ['hm-mail', 'hm-call', 'hm-free'], 'every event, the ones without lines too');
  const n = (lines: number, recipients: number) => ({ lines, recipients });
  assert.deepEqual(summary.cells, [
    { eventId: 'hm-mail', detailId: 'clicked-through', categoryId: 'clicked-through', ...n(4, 2) },
    { eventId: 'hm-mail', detailId: 'opened', categoryId: 'received', ...n(3, 2) },
    { eventId: 'hm-mail', detailId: 'purchased', categoryId: 'purchased', ...n(1, 1) },
    { eventId: 'hm-mail', detailId: 'sent', categoryId: 'sent', ...n(2, 2) },
    { eventId: 'hm-mail', detailId: 'mailbox-disabled', categoryId: 'bounced', ...n(1, 1) },
    { eventId: 'hm-mail', detailId: 'mailbox-full', categoryId: 'bounced', ...n(1, 1) },
    { eventId: 'hm-call', detailId: 'responded', categoryId: 'responded', ...n(2, 2) },
    { eventId: 'hm-call', detailId: 'unsubscribed', categoryId: 'unsubscribed', ...n(1, 1) },
  ]);
  assert.deepEqual(summary.byDetail.map((d) => [d.detailId, d.lines, d.recipients]), [
    ['clicked-through', 4, 2], ['opened', 3, 2], ['purchased', 1, 1], ['responded', 2, 2], ['sent', 2, 2],
    ['unsubscribed', 1, 1], ['mailbox-disabled', 1, 1], ['mailbox-full', 1, 1],
  ]);
  assert.deepEqual(summary.byCategory.map((c) => [c.categoryId, c.lines, c.recipients]), [
    ['bounced', 2, 2], ['clicked-through', 4, 2], ['purchased', 1, 1], ['received', 3, 2], ['responded', 2, 2], ['sent', 2, 2], ['unsubscribed', 1, 1],
  ]);
  assert.deepEqual(summary.byEvent, [{ eventId: 'hm-mail', ...n(12, 4) }, { eventId: 'hm-call', ...n(3, 3) }]);
  assert.deepEqual(summary.total, n(15, 5));
  assert.equal(summary.nextRefreshAt, summary.asOf, 'read from the roll-ups: fresh, no refresh to wait for');

  await addLines(testDb.db, 'hm', [{ recipient: 3, event: 'free', detail: 'responded', at: 3000 }]);
  const next = (await call(app, 'GET', '/api/campaigns/hm/responses/summary')).json as ResponseSummary;
  assert.deepEqual(next.total, n(16, 5), 'the new line counts at the next read');
  assert.deepEqual(next.byEvent.at(-1), { eventId: 'hm-free', ...n(1, 1) });
  const fresh = (await call(app, 'GET', '/api/campaigns/hm/responses/summary?fresh=1')).json as ResponseSummary;
  assert.deepEqual({ ...fresh, asOf: '', nextRefreshAt: '' }, { ...next, asOf: '', nextRefreshAt: '' }, 'the roll-ups equal the live recomputation');
  const unknown = await call(app, 'GET', '/api/campaigns/nope/responses/summary');
  assert.equal(unknown.status, 404);
  contract.check('GET', '/campaigns/{campaignId}/responses/summary', unknown);
});

test('detail rows carry the recipient name; each filter selects exactly its lines', async () => {
  const all = await walk('', 500);
  assert.equal(all.length, 16);
  assert.equal(all.find((r) => r.recipientId === 'hm-2')?.recipientName, 'Person B hm');
  const ids = (rows: CampaignResponseRow[]) => rows.map((r) => r.id).sort();
  const cases: [string, (r: CampaignResponseRow) => boolean][] = [
    ['detailId=opened', (r) => r.detailId === 'opened'],
    ['categoryId=bounced', (r) => r.categoryId === 'bounced'],
    ['eventId=hm-call', (r) => r.eventId === 'hm-call'],
    ['source=manual', (r) => r.source === 'manual'],
    ['machine=true', (r) => r.evidence?.machine === true],
    ['machine=false', (r) => r.evidence?.machine !== true],
    [`from=${new Date(FIXTURE_START + 30 * 60_000).toISOString()}&to=${new Date(FIXTURE_START + 1440 * 60_000).toISOString()}`,
      (r) => Date.parse(r.respondedAt) >= FIXTURE_START + 30 * 60_000 && Date.parse(r.respondedAt) < FIXTURE_START + 1440 * 60_000],
    ['q=discount', (r) => /discount/iu.test(r.note)],
    ['q=50%25', (r) => r.note.includes('50%')],
    ['q=10_', (r) => r.note.includes('10_')],
    ['eventId=hm-mail&machine=false&categoryId=clicked-through', (r) => r.eventId === 'hm-mail' && r.evidence?.machine === false && r.categoryId === 'clicked-through'],
  ];
  for (const [query, keep] of cases) {
    const expected = all.filter(keep);
    assert.ok(expected.length > 0 && expected.length < all.length, `${query} is a real test`);
    const got = await page(`${query}&limit=500`);
    assert.deepEqual(ids(got.items), ids(expected), query);
    assert.equal(got.total, expected.length, `${query} total`);
  }
  assert.equal((await page('q=50%25')).items.length, 1, '% is a character, not a wildcard (the other note says "50 percent")');
});

test('sorts: every page walk equals the one-page answer, in the documented order', async () => {
  for (const sort of ['-respondedAt', 'respondedAt', 'recipient', '-recipient', 'detail', '-detail']) {
    const whole = (await page(`sort=${sort}&limit=500`)).items;
    for (const limit of [1, 3, 7]) assert.deepEqual((await walk(`sort=${sort}`, limit)).map((r) => r.id), whole.map((r) => r.id), `${sort} by ${limit}`);
    if (sort === '-respondedAt') assert.deepEqual(whole, [...whole].sort(compareNewestFirst), 'newest first, as the history');
    if (sort === 'respondedAt') assert.deepEqual(whole, [...whole].sort(compareNewestFirst).reverse());
    if (sort.endsWith('recipient')) {
      const order = whole.map((r) => r.recipientId).filter((id, i, list) => list.indexOf(id) === i);
      assert.deepEqual(whole.map((r) => r.recipientId), whole.map((r) => r.recipientId).sort((a, b) => order.indexOf(a) - order.indexOf(b)), 'each recipient together');
    }
    if (sort === 'detail') assert.equal(whole[0].detailId, 'clicked-through', 'vocabulary order: Clicked Through first');
  }
  const seeded = await walk('sort=recipient', 9, 'spring-launch-2026');
  assert.equal(seeded.length, (await page('limit=1', 'spring-launch-2026')).total);
  assert.equal(new Set(seeded.map((r) => r.id)).size, seeded.length, 'no line twice');
});

test('422 naming the field for each bad filter, sort, limit or cursor; 404 for an unknown campaign', async () => {
  const cursor = (await page('limit=1')).nextCursor as string;
  const bad: [string, string][] = [
    ['detailId=nope', 'detailId'], ['categoryId=nope', 'categoryId'], ['eventId=spring-announce', 'eventId'],
    ['from=yesterday', 'from'], ['to=2026-02-30T00:00:00Z', 'to'], ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
    ['source=robot', 'source'], ['machine=maybe', 'machine'], [`q=${'x'.repeat(201)}`, 'q'], ['sort=note', 'sort'],
    ['limit=0', 'limit'], ['limit=501', 'limit'], ['cursor=abc', 'cursor'], [`sort=recipient&cursor=${cursor}`, 'cursor'],
  ];
  for (const [query, field] of bad) {
    const answer = await call(app, 'GET', `/api/campaigns/hm/responses?${query}`);
    assertFieldProblem(answer, field);
    contract.check('GET', RESPONSES, answer);
    if (!['limit', 'cursor'].includes(field)) {
      const exported = await call(app, 'GET', `/api/campaigns/hm/responses.csv?${query}`);
      assertFieldProblem(exported, field);
      contract.check('GET', '/campaigns/{campaignId}/responses.csv', exported);
    }
  }
  for (const path of ['responses', 'responses.csv', 'clickthrough']) {
    const answer = await call(app, 'GET', `/api/campaigns/nope/${path}`);
    assert.equal(answer.status, 404, path);
    contract.check('GET', `/campaigns/{campaignId}/${path}`, answer);
  }
});

test('CSV: exactly the rows of the same filters and sort, as an attachment, formulas neutralised, RFC 4180 quoting', async () => {
  const nasty = ['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '\tTabbed', '\rCarriage', 'says "hi", then leaves', 'two\nlines', 'plain'];
  await addLines(testDb.db, 'hm', nasty.map((note, i) => ({ recipient: 4, event: 'call' as const, detail: 'responded', at: 5000 + i, note })));
  for (const query of ['sort=-respondedAt', 'sort=recipient&eventId=hm-call', 'machine=false&sort=detail', 'q=discount']) {
    const { rows } = await csv(query);
    assert.deepEqual(rows.map((r) => r[CSV_HEADER.indexOf('Line ID')]), (await walk(query, 4)).map((r) => r.id), query);
  }
  const { rows, headers } = await csv('eventId=hm-call&source=manual&sort=respondedAt');
  assert.match(headers.get('Content-Type') ?? '', /^text\/csv; charset=utf-8/u);
  assert.equal(headers.get('Content-Disposition'), 'attachment; filename="hm-responses.csv"');
  const notes = rows.map((r) => r[CSV_HEADER.indexOf('Note')]);
  assert.deepEqual(notes.slice(-nasty.length), ["'=1+2", "'+SUM(A1:A9)", "'-2+3", "'@cmd", "'\tTabbed", "'\rCarriage", 'says "hi", then leaves', 'two\nlines', 'plain']);
  assert.ok(notes.includes('\'=HYPERLINK("http://evil.example")'), 'the seeded formula too');
  const row = rows.find((r) => r[CSV_HEADER.indexOf('Note')] === 'plain') as string[];
  assert.deepEqual([row[CSV_HEADER.indexOf('Recipient')], row[CSV_HEADER.indexOf('Event')], row[CSV_HEADER.indexOf('Detail')], row[CSV_HEADER.indexOf('Category')]],
    ['Person D hm', 'Hand-made calls', 'Responded', 'Responded']);
  assert.equal(csvCell('say "x"'), '"say ""x"""');
  assert.equal(csvCell('=A1,B1'), '"\'=A1,B1"', 'neutralised, then quoted');
  assert.equal(csvCell(-5), '-5', 'numbers the server wrote are not neutralised');
  assert.equal(csvCell(null), '');
});

test('CSV: every text cell is quoted, so a `;` locale cannot split `x;=1+1` into a formula cell; numbers stay bare (control)', async () => {
  assert.equal(csvCell('x;=1+1'), '"x;=1+1"');
  assert.equal(csvCell('plain'), '"plain"');
  assert.equal(csvCell(''), '""');
  assert.equal(csvCell(42), '42');
  await addLines(testDb.db, 'hm', [{ recipient: 4, event: 'call' as const, detail: 'responded', at: 9000, note: 'x;=1+1' }]);
  const { raw } = await csv('eventId=hm-call&source=manual&sort=respondedAt');
  const lines = raw.split('\r\n').filter(Boolean);
  assert.ok(lines.some((line) => line.includes(',"x;=1+1",') || line.endsWith(',"x;=1+1"')), 'the note is one quoted cell');
  for (const line of lines) {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/gu)].map((m) => m[1]);
    for (const cell of cells) assert.match(cell, /^("(?:[^"]|"")*"|-?\d+(\.\d+)?|true|false|)$/u, `a bare text cell in ${line}`);
  }
});

test('CSV: more lines than one batch come through whole, in order, none twice', async () => {
  const db = testDb.db;
  await insertHandMadeCampaign(db, 'big', false);
  const count = CSV_BATCH_ROWS * 2 + 345;
  await db.query(
    `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note, source)
     SELECT gen_random_uuid(), 'big-' || (1 + g % 5), 'big', 'big-call', 'responded', 'responded',
            timestamptz '2026-03-01' + (g / 3) * interval '1 minute', timestamptz '2026-03-01', 'line ' || g, 'manual'
       FROM generate_series(1, $1::int) g`,
    [count],
  );
  const { rows } = await csv('sort=-respondedAt', 'big');
  assert.equal(rows.length, count);
  const ids = rows.map((r) => r[CSV_HEADER.indexOf('Line ID')]);
  assert.equal(new Set(ids).size, count);
  const expected = await db.query<{ id: string }>(`SELECT id::text AS id FROM response_lines WHERE campaign_id = 'big' ORDER BY responded_at DESC, recorded_at DESC, id DESC`);
  assert.deepEqual(ids, expected.map((r) => r.id), 'the same order across batch boundaries (ties of time broken by id)');
});

test('clickthrough: per link clicks, unique clickers, machine clicks, and each click with who and when', async () => {
  const answer = await call(app, 'GET', '/api/campaigns/hm/clickthrough');
  contract.check('GET', '/campaigns/{campaignId}/clickthrough', answer);
  const report = answer.json as Clickthrough;
  assert.deepEqual(report.events.map((e) => e.eventId), ['hm-mail'], 'email events only, unless one is asked for');
  const [a, b, c] = report.events[0].links;
  assert.deepEqual([a.linkId, a.url, a.clicks, a.humanClicks, a.machineClicks, a.uniqueClickers, a.uniqueHumanClickers], ['a', 'https://example.com/a', 3, 2, 1, 2, 1]);
  assert.deepEqual(a.clickers.map((k) => [k.recipientId, k.recipientName, k.clickedAt, k.machine]), [
    ['hm-2', 'Person B hm', new Date(FIXTURE_START + 2 * 60_000).toISOString(), true],
    ['hm-1', 'Person A hm', new Date(FIXTURE_START + 31 * 60_000).toISOString(), false],
    ['hm-1', 'Person A hm', new Date(FIXTURE_START + 40 * 60_000).toISOString(), false],
  ]);
  assert.equal(a.clickers[0].machineReason, 'Security gateway link check');
  assert.deepEqual([b.linkId, b.clicks, b.uniqueClickers, b.machineClicks], ['b', 1, 1, 0]);
  assert.deepEqual([c.linkId, c.clicks, c.clickers], ['c', 0, []], 'a link nobody clicked is listed');

  const one = await call(app, 'GET', '/api/campaigns/hm/clickthrough?eventId=hm-call');
  assert.deepEqual((one.json as Clickthrough).events.map((e) => [e.eventId, e.links.length]), [['hm-call', 0]]);
  const bad = await call(app, 'GET', '/api/campaigns/hm/clickthrough?eventId=spring-announce');
  assertFieldProblem(bad, 'eventId');
  contract.check('GET', '/campaigns/{campaignId}/clickthrough', bad);
  const seeded = (await call(app, 'GET', '/api/campaigns/spring-launch-2026/clickthrough?eventId=spring-announce')).json as Clickthrough;
  const clicks = await testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM response_lines WHERE event_id = 'spring-announce' AND link_id IS NOT NULL`);
  assert.equal(seeded.events[0].links.reduce((sum, l) => sum + l.clicks, 0), clicks[0].n, 'the seed’s clicks, all on its links');
});
