// A page's total and its items are read in one snapshot: a write that commits between the two reads
// must not give a page that disagrees with its own total.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db, Queryable } from '../../server/db/db.js';
import type { Page } from '../../src/model/types.js';
import { call, countLines, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;

before(async () => {
  testDb = await openTestDb();
});
after(() => testDb.cleanup());

/** How long the write may take to land before the page's read goes on (on PGlite it waits for the read). */
const WRITE_GRACE_MS = 300;

/**
 * The database, with `write` run right after the first statement that counts a page's total, on
 * its own connection, and awaited for a while before the read goes on: a write landing between the
 * two reads, every time (on a loaded machine the write may take longer than the grace: `landed()`
 * waits for it before the test counts what it wrote).
 */
function racing(db: Db, write: () => Promise<unknown>): { db: Db; landed: () => Promise<unknown> } {
  let fired = false;
  let landed: Promise<unknown> = Promise.resolve();
  const hooked = (target: Queryable): Queryable => ({
    async query(sql, params) {
      const rows = await target.query(sql, params);
      if (!fired && /count\(\*\)::int AS total/u.test(sql)) {
        fired = true;
        landed = write();
        await Promise.race([landed, new Promise((resolve) => setTimeout(resolve, WRITE_GRACE_MS))]).catch(() => undefined);
      }
      return rows as never;
    },
    exec: (sql) => target.exec(sql),
  });
  return { db: { ...db, ...hooked(db), transaction: (work) => db.transaction((tx) => work(hooked(tx))) }, landed: () => landed };
}

test('the history page: a delete-all landing between its total and its items', async () => {
  const [{ recipientId, campaignId }] = await testDb.db.query<{ recipientId: string; campaignId: string }>(
    `SELECT recipient_id AS "recipientId", campaign_id AS "campaignId" FROM response_lines
      GROUP BY 1, 2 HAVING count(*) >= 3 ORDER BY count(*) DESC LIMIT 1`);
  const before = await countLines(testDb.db, 'recipient_id = $1 AND campaign_id = $2', [recipientId, campaignId]);
  const writer = testApp(testDb.db);
  const deleteAll = () => call(writer, 'DELETE', `/api/recipients/${recipientId}/campaigns/${campaignId}/responses`);
  const race = racing(testDb.db, deleteAll);
  const reader = testApp(race.db);

  const answer = await call(reader, 'GET', `/api/recipients/${recipientId}/responses?campaignId=${campaignId}&limit=500`);
  assert.equal(answer.status, 200, answer.text);
  const page = answer.json as Page<unknown>;
  assert.equal(page.total, page.items.length, 'the total counts the lines listed');
  assert.equal(page.total, before, 'the page as it was when its first read began');
  await race.landed();
  assert.equal(await countLines(testDb.db, 'recipient_id = $1 AND campaign_id = $2', [recipientId, campaignId]), 0, 'the delete landed');
});

test("the campaign's responses report: a line added between its total and its rows", async () => {
  const writer = testApp(testDb.db);
  const add = async () => {
    const line = newLine();
    const put = await call(writer, 'PUT', `/api/responses/${line.id}`, { body: line });
    assert.equal(put.status, 201, put.text);
  };
  const race = racing(testDb.db, add);
  const reader = testApp(race.db);
  const linesBefore = await countLines(testDb.db, 'campaign_id = $1', [newLine().campaignId]);

  const answer = await call(reader, 'GET', `/api/campaigns/${newLine().campaignId}/responses?limit=500`);
  assert.equal(answer.status, 200, answer.text);
  const page = answer.json as Page<unknown>;
  assert.ok((page.total ?? 0) < 500 && page.nextCursor === null, 'one page holds them all');
  assert.equal(page.total, page.items.length, 'the total counts the rows listed');
  await race.landed();
  assert.equal(await countLines(testDb.db, 'campaign_id = $1', [newLine().campaignId]), linesBefore + 1, 'the line landed');
});
