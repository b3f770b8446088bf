// The REST adapter's soft-delete, restore and audit operations: what goes on the wire (paths,
// methods, Idempotency-Key, the delete-all's bound in the body) and that every answer is validated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRestAdapter, MalformedResponseError, canDo, FULL_CAPABILITIES } from '../../src/adapter/index.js';
import { JSON_SERVER_CAPABILITIES } from '../../src/presets/json-server.js';
import { SALESFORCE_CAPABILITIES } from '../../src/presets/salesforce.js';
import { DATAVERSE_CAPABILITIES } from '../../src/presets/dataverse.js';

interface Seen { method: string; url: string; headers: Headers; body: string | undefined }

function fakeBackend(answer: (seen: Seen) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: Seen = { method: init.method ?? 'GET', url: String(input), headers: new Headers(init.headers), body: init.body as string | undefined };
    seen.push(request);
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { seen, adapter: createRestAdapter({ baseUrl: 'https://crm.example/api', fetch, maxOperationAgeMs: 1000 }) };
}

const line = {
  id: 'l1', recipientId: 'r1', campaignId: 'c1', eventId: 'e1', detailId: 'responded', categoryId: 'responded',
  respondedAt: '2026-03-04T15:30:00.000Z', recordedAt: '2026-03-04T15:31:00.000Z', note: '', author: 'Ana', source: 'manual', link: null, evidence: null,
};

test('deleteResponse: DELETE /responses/{id} with the Idempotency-Key, the answer validated', async () => {
  const { seen, adapter } = fakeBackend(() => ({ status: 200, body: { deleted: 1, kept: 0, deletionId: 'd-1' } }));
  const result = await adapter.deleteResponse?.('l/1', { idempotencyKey: 'k1' });
  assert.deepEqual(result, { deleted: 1, kept: 0, deletionId: 'd-1' });
  assert.equal(seen[0].method, 'DELETE');
  assert.equal(seen[0].url, 'https://crm.example/api/responses/l%2F1');
  assert.equal(seen[0].headers.get('Idempotency-Key'), 'k1');
});

test('deleteAllResponses with lineIds sends the bound as the JSON body; without, no body', async () => {
  const { seen, adapter } = fakeBackend(() => ({ status: 200, body: { deleted: 2, kept: 1, deletionId: 'd-2' } }));
  const bounded = await adapter.deleteAllResponses('r1', 'c1', { idempotencyKey: 'k2', lineIds: ['a', 'b'] });
  assert.deepEqual(bounded, { deleted: 2, kept: 1, deletionId: 'd-2' });
  assert.equal(seen[0].url, 'https://crm.example/api/recipients/r1/campaigns/c1/responses');
  assert.deepEqual(JSON.parse(seen[0].body ?? 'null'), { lineIds: ['a', 'b'] });
  assert.equal(seen[0].headers.get('Content-Type'), 'application/json');
  await adapter.deleteAllResponses('r1', 'c1');
  assert.equal(seen[1].body, undefined);
});

test('restoreDeletion and restoreResponse: POSTs, answers validated', async () => {
  const { seen, adapter } = fakeBackend((request) =>
    request.url.includes('/deletions/') ? { status: 200, body: { restored: 3 } } : { status: 200, body: line });
  assert.deepEqual(await adapter.restoreDeletion?.('d-1', { idempotencyKey: 'k3' }), { restored: 3 });
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].url, 'https://crm.example/api/deletions/d-1/restore');
  assert.equal(seen[0].headers.get('Idempotency-Key'), 'k3');
  assert.equal((await adapter.restoreResponse?.('l1'))?.id, 'l1');
  assert.equal(seen[1].url, 'https://crm.example/api/responses/l1/restore');
});

test('getAudit: GET /audit with the filters as query, records validated', async () => {
  const record = {
    id: 'a1', at: '2026-03-04T15:31:00.000Z', principal: { id: 'demo:morgan', name: 'Morgan Reyes' }, action: 'delete',
    recipientId: 'r1', campaignId: 'c1', lineIds: ['l1'], before: line, after: null, requestId: 'req', idempotencyKey: 'k1', deletionId: 'd-1',
  };
  const { seen, adapter } = fakeBackend(() => ({ status: 200, body: { items: [record], nextCursor: null } }));
  const page = await adapter.getAudit?.({ lineId: 'l1', limit: 20 });
  assert.equal(page?.items[0].principal.name, 'Morgan Reyes');
  assert.equal(seen[0].url, 'https://crm.example/api/audit?lineId=l1&limit=20');
});

test('a malformed answer is refused, not handed to the kit', async () => {
  const { adapter } = fakeBackend(() => ({ status: 200, body: { restored: -1 } }));
  await assert.rejects(adapter.restoreDeletion?.('d') ?? Promise.resolve(), MalformedResponseError);
  const bad = fakeBackend(() => ({ status: 200, body: { items: [{ id: 'a', action: 'explode' }], nextCursor: null } }));
  await assert.rejects(bad.adapter.getAudit?.() ?? Promise.resolve(), MalformedResponseError);
});

test('maxOperationAgeMs is the adapter setting the outbox reads', () => {
  assert.equal(fakeBackend(() => ({ status: 200 })).adapter.maxOperationAgeMs, 1000);
  assert.equal(createRestAdapter({ baseUrl: '/api' }).maxOperationAgeMs, undefined);
});

test('capabilities: the reference server does all; presets say honestly what their backend does', () => {
  for (const action of ['deleteLine', 'restore', 'audit'] as const) assert.equal(canDo(FULL_CAPABILITIES, action).allowed, true);
  assert.equal(FULL_CAPABILITIES.boundedDeleteAll, true);
  assert.deepEqual(canDo(JSON_SERVER_CAPABILITIES, 'restore'), { allowed: false, reason: 'capability.noRestore' });
  assert.deepEqual(canDo(JSON_SERVER_CAPABILITIES, 'audit'), { allowed: false, reason: 'capability.noAudit' });
  assert.equal(canDo(JSON_SERVER_CAPABILITIES, 'deleteLine').allowed, true);
  assert.equal(canDo(SALESFORCE_CAPABILITIES, 'deleteLine').allowed, false);
  assert.equal(SALESFORCE_CAPABILITIES.boundedDeleteAll, false);
  assert.equal(canDo(DATAVERSE_CAPABILITIES, 'restore').allowed, false);
  assert.equal(DATAVERSE_CAPABILITIES.boundedDeleteAll, true);
});

test('presets that delete line by line honour the bound and count what they kept', async () => {
  const { deleteListedLines, deleteOneLine } = await import('../../src/presets/shared/delete-lines.js');
  const { NotFoundError } = await import('../../src/adapter/errors.js');
  const gone: string[] = [];
  const result = await deleteListedLines(['a', 'b', 'c'], ['a', 'c', 'x'], async (id) => {
    if (id === 'c') throw new NotFoundError('gone already');
    gone.push(id);
  });
  assert.deepEqual(gone, ['a']);
  assert.deepEqual(result, { deleted: 1, kept: 1, deletionId: null });
  assert.deepEqual(await deleteListedLines(['a', 'b'], undefined, async () => undefined), { deleted: 2, kept: 0, deletionId: null });
  assert.deepEqual(await deleteOneLine(async () => { throw new NotFoundError('x'); }), { deleted: 0, kept: 0, deletionId: null });
});
