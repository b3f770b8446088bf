// POST /responses/batch: each line as its own PUT would be (checks, idempotency by id, conflicts,
// audit), partial success answered with 200, its own body limit, and the write permission.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { NOTE_MAX_LENGTH, type ResponseLine } from '../../src/model/types.js';
import { BATCH_BODY_BYTES, MAX_BATCH_LINES, type BatchAnswer } from '../../server/routes/responses-batch.js';
import { type LocalIssuer } from './oidc-fixture.js';
import { openIssuerApp } from './issuer-app.js';
import type { ContractChecker} from './helpers.js';
import { call, ONCE_ACROSS_ENGINES, countLines, newLine, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let contract: ContractChecker;
let idp: LocalIssuer;

before(async () => {
  ({ testDb, idp, app, contract } = await openIssuerApp());
});
after(async () => {
  await idp.close();
  await testDb.cleanup();
});

const batch = async (lines: unknown[], token?: string) => {
  const answer = await call(app, 'POST', '/api/responses/batch', { body: { lines }, ...(token ? { token } : {}) });
  contract.check('POST', '/responses/batch', answer);
  return answer;
};
const auditCount = async (lineId: string) => {
  const [{ n }] = await testDb.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_records WHERE action = 'add' AND $1::uuid = ANY(line_ids)", [lineId]);
  return n;
};

test('a batch stores every line, each with its audit record and the caller as author, and answers each in order', async () => {
  const lines = [newLine(), newLine({ recipientId: '44', note: 'At the booth' }), newLine({ recipientId: '49', note: '' })];
  const answer = await batch(lines);
  assert.equal(answer.status, 200, answer.text);
  const body = answer.json as BatchAnswer;
  assert.deepEqual([body.stored, body.alreadyStored, body.refused], [3, 0, 0]);
  assert.deepEqual(body.results.map((result) => [result.id, result.outcome]), lines.map((line) => [line.id, 'stored']));
  for (const [index, line] of lines.entries()) {
    const stored = (body.results[index] as { line: ResponseLine }).line;
    assert.equal(stored.note, line.note);
    assert.equal(stored.author, 'API token');
    assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
    assert.equal(await auditCount(line.id), 1, 'one audit record per line');
  }
});

test('the same batch again stores nothing new and answers each line already stored, as a PUT of it would', async () => {
  const lines = [newLine(), newLine()];
  const first = (await batch(lines)).json as BatchAnswer;
  const again = await batch(lines);
  const body = again.json as BatchAnswer;
  assert.deepEqual([body.stored, body.alreadyStored, body.refused], [0, 2, 0]);
  assert.deepEqual(body.results.map((result) => (result as { line: unknown }).line), first.results.map((result) => (result as { line: unknown }).line));
  for (const line of lines) {
    assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
    assert.equal(await auditCount(line.id), 1);
  }
  // A PUT of a line the batch stored is its replay; a batch line a PUT stored is already stored.
  const put = await call(app, 'PUT', `/api/responses/${lines[0].id}`, { body: lines[0] });
  assert.equal(put.status, 201);
  assert.equal(put.headers.get('Idempotent-Replayed'), 'true');
  const single = newLine();
  assert.equal((await call(app, 'PUT', `/api/responses/${single.id}`, { body: single })).status, 201);
  assert.equal(((await batch([single])).json as BatchAnswer).results[0].outcome, 'already-stored');
});

test('refused lines do not refuse the others: a conflict, a bad field, a wrong reference and a line without an id', async () => {
  const stored = newLine();
  await batch([stored]);
  const good = newLine();
  const lines = [
    { ...stored, note: 'edited' },
    newLine({ note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }),
    good,
    newLine({ recipientId: 'nobody' }),
    { ...newLine(), id: undefined },
    { ...newLine(), author: 'Someone else' },
  ];
  const answer = await batch(lines);
  assert.equal(answer.status, 200, 'partial success is normal');
  const body = answer.json as BatchAnswer;
  assert.deepEqual([body.stored, body.alreadyStored, body.refused], [1, 0, 5]);
  const problemOf = (index: number) => (body.results[index] as { problem: { type: string; status: number; errors?: { field: string }[] } }).problem;
  assert.equal(problemOf(0).status, 409);
  assert.equal(problemOf(0).type, 'https://campaign-response-kit.dev/problems/conflict');
  for (const [index, field] of [[1, 'note'], [3, 'recipientId'], [4, 'id'], [5, 'author']] as const) {
    assert.equal(problemOf(index).status, 422);
    assert.ok(problemOf(index).errors?.some((issue) => issue.field === field), `line ${index} names ${field}`);
  }
  assert.equal(body.results[4].id, null, 'a line without an id is answered at its position');
  assert.equal(body.results[2].outcome, 'stored');
  assert.equal(await countLines(testDb.db, 'id = ANY($1::uuid[])', [[good.id]]), 1);
  const [{ note }] = await testDb.db.query<{ note: string }>('SELECT note FROM response_lines WHERE id = $1', [stored.id]);
  assert.equal(note, stored.note, 'the conflicting line left the stored one as it was');
});

test('one id twice in a batch: the first is stored, the same again is already stored, other content is a conflict', async () => {
  const line = newLine();
  const body = (await batch([line, line, { ...line, note: 'other' }])).json as BatchAnswer;
  assert.deepEqual(body.results.map((result) => result.outcome), ['stored', 'already-stored', 'refused']);
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 1);
});

test('the request itself: no lines, more than 1,000, or not a list is a 422; an unknown field too', async () => {
  for (const body of [{ lines: [] }, { lines: Array.from({ length: MAX_BATCH_LINES + 1 }, () => ({})) }, { lines: {} }, { lines: [newLine()], extra: 1 }, []]) {
    const answer = await call(app, 'POST', '/api/responses/batch', { body });
    assert.equal(answer.status, 422, JSON.stringify(body).slice(0, 80));
    contract.check('POST', '/responses/batch', answer);
  }
});

test('1,000 lines with the longest notes fit the batch limit and are all stored; a body over it is a 413 problem', ONCE_ACROSS_ENGINES, async () => {
  // Three UTF-8 bytes a character: the most a note of NOTE_MAX_LENGTH characters takes unescaped.
  const note = '€'.repeat(NOTE_MAX_LENGTH);
  const lines = Array.from({ length: MAX_BATCH_LINES }, () => newLine({ note }));
  const text = JSON.stringify({ lines });
  assert.ok(Buffer.byteLength(text) > 64 * 1024 * 100, 'far over the ordinary limit');
  const answer = await call(app, 'POST', '/api/responses/batch', { body: text });
  assert.equal(answer.status, 200, answer.text.slice(0, 300));
  assert.equal((answer.json as BatchAnswer).stored, MAX_BATCH_LINES);
  assert.equal(await countLines(testDb.db, 'id = ANY($1::uuid[])', [lines.map((line) => line.id)]), MAX_BATCH_LINES);

  const over = `{"lines":[${' '.repeat(BATCH_BODY_BYTES)}]}`;
  const refused = await call(app, 'POST', '/api/responses/batch', { body: over });
  assert.equal(refused.status, 413);
  assert.equal(refused.headers.get('Content-Type'), 'application/problem+json');
  contract.check('POST', '/responses/batch', refused);
  // The large limit is this route's alone: a PUT of that size is still refused at the ordinary one.
  const line = newLine();
  const bigPut = await call(app, 'PUT', `/api/responses/${line.id}`, { body: `${' '.repeat(65 * 1024)}${JSON.stringify(line)}` });
  assert.equal(bigPut.status, 413);
});

test('a batch needs the write permission, as a PUT does: a viewer gets 403 and nothing is stored', async () => {
  const viewer = await idp.mint({ sub: 'viewer', name: 'Vic', roles: ['campaign-viewer'] });
  const line = newLine();
  const answer = await call(app, 'POST', '/api/responses/batch', { body: { lines: [line] }, token: viewer });
  assert.equal(answer.status, 403);
  assert.equal((answer.json as { permission: string }).permission, 'write');
  assert.equal(await countLines(testDb.db, 'id = $1', [line.id]), 0);
  const editor = await idp.mint({ sub: 'editor', name: 'Edda Editor', roles: ['campaign-editor'] });
  const stored = (await batch([line], editor)).json as BatchAnswer;
  assert.equal((stored.results[0] as { line: ResponseLine }).line.author, 'Edda Editor', 'the author is the caller');
});

test('batches sent at once naming the same lines in other orders each store every line once', async () => {
  const lines = Array.from({ length: 30 }, () => newLine({ id: randomUUID() }));
  const answers = await Promise.all([batch(lines), batch([...lines].reverse()), batch([...lines.slice(15), ...lines.slice(0, 15)])]);
  for (const answer of answers) assert.equal(answer.status, 200, answer.text.slice(0, 300));
  const storedTotal = answers.reduce((sum, answer) => sum + (answer.json as BatchAnswer).stored, 0);
  assert.equal(storedTotal, lines.length, 'each line stored by exactly one batch');
  assert.equal(await countLines(testDb.db, 'id = ANY($1::uuid[])', [lines.map((line) => line.id)]), lines.length);
});
