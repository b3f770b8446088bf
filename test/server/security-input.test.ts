// Input an outsider might send to break the server: NUL characters and bytes that are not UTF-8, in
// the path, the query and the body. Each is a 422 naming where it was, and changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { assertFieldProblem, call, countLines, newLine, openTestDb, testApp, TOKEN, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

test('NUL or malformed UTF-8 in a query parameter is a 422 naming it; ordinary text is searched (control)', async () => {
  for (const path of ['/api/recipients?q=%00', '/api/recipients?q=a%00b', '/api/campaigns/renewal-calls/responses?q=%00', '/api/campaigns/renewal-calls/responses.csv?q=%00']) {
    assertFieldProblem(await call(app, 'GET', path), 'q');
  }
  assertFieldProblem(await call(app, 'GET', '/api/recipients?q=%C3%28'), 'q');
  assertFieldProblem(await call(app, 'GET', '/api/recipients?q=%ED%A0%80'), 'q');
  assertFieldProblem(await call(app, 'GET', '/api/campaigns/renewal-calls/clickthrough?eventId=%FF'), 'eventId');
  assertFieldProblem(await call(app, 'GET', '/api/recipients?%00=1'), 'query');
  assert.equal((await call(app, 'GET', '/api/recipients?q=M%C3%BCller')).status, 200);
  assert.equal((await call(app, 'GET', '/api/campaigns/renewal-calls/responses?q=renewal')).status, 200);
});

test('NUL or malformed UTF-8 in a path segment is a 422 naming the path', async () => {
  assertFieldProblem(await call(app, 'GET', '/api/recipients/%00/campaigns'), 'path');
  assertFieldProblem(await call(app, 'GET', '/api/campaigns/%C0%AF/stats'), 'path');
  assert.equal((await call(app, 'GET', '/api/recipients/42/campaigns')).status, 200);
});

test('a NUL in a note (or any body string) is a 422 naming the field, and nothing is stored', async () => {
  const before = await countLines(testDb.db);
  const line = newLine({ note: 'x\u0000y' });
  assertFieldProblem(await call(app, 'PUT', `/api/responses/${line.id}`, { body: line }), 'note');
  const nulKey = { ...newLine(), ['a\u0000']: 1 };
  assertFieldProblem(await call(app, 'PUT', `/api/responses/${nulKey.id}`, { body: nulKey }), 'body');
  assert.equal(await countLines(testDb.db), before);
  const fine = newLine({ note: 'Rückruf — ok' });
  assert.equal((await call(app, 'PUT', `/api/responses/${fine.id}`, { body: fine })).status, 201);
});

test('a body whose bytes are not UTF-8 is a 422 naming the body, and nothing is stored', async () => {
  const before = await countLines(testDb.db);
  const line = newLine();
  const json = JSON.stringify({ ...line, note: 'NOTE' });
  const [head, tail] = json.split('NOTE');
  const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(tail)]);
  const answer = await app.request(`/api/responses/${line.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: bytes,
  });
  assert.equal(answer.status, 422);
  const problem = (await answer.json()) as { errors: { field: string }[] };
  assert.deepEqual(problem.errors.map((e) => e.field), ['body']);
  assert.equal(await countLines(testDb.db), before);
});

test('unknown body fields are a 422 naming each (an author among them), and nothing is stored; the known fields alone pass (control)', async () => {
  const before = await countLines(testDb.db);
  const line = newLine();
  const answer = await call(app, 'PUT', `/api/responses/${line.id}`, { body: { ...line, author: 'Someone Else', extra: 1 } });
  assertFieldProblem(answer, 'author');
  assertFieldProblem(answer, 'extra');
  assert.equal(await countLines(testDb.db), before);
  assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
});
