// A property over random sequences of adds, single-line deletes, bounded and unbounded delete-alls,
// restores of deletions and of lines, clock moves and purges: every answer agrees with a model of
// line states; afterwards the history (with and without deleted lines), the summary statistics and
// the audit trail (replayed record by record) all agree with the model.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { purgeExpired } from '../../server/audit/retention.js';
import { computeSummary } from '../../server/stats/stats.js';
import type { AuditPage, AuditRecord } from '../../src/model/audit.js';
import type { Page, ResponseLine } from '../../src/model/types.js';
import { call, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

let testDb: TestDb;
let app: Hono;
let clock = new Date('2026-06-01T08:00:00.000Z');
const DAY = 86_400_000;
const RESTORE_DAYS = 30;
const RECIPIENT = '44';
const CAMPAIGN = 'renewal-calls';

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db, { now: () => clock, restoreDays: RESTORE_DAYS });
});
after(() => testDb.cleanup());

type LineState = { kind: 'live' } | { kind: 'deleted'; deletionId: string; at: number } | { kind: 'purged' };

type Op =
  | { op: 'add'; minutes: number; event: 1 | 2 }
  | { op: 'delete'; pick: number }
  | { op: 'deleteAll'; bound: number[] | null }
  | { op: 'restoreDeletion'; pick: number }
  | { op: 'restoreLine'; pick: number }
  | { op: 'advance'; days: number }
  | { op: 'purge' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), minutes: fc.integer({ min: 0, max: 10_000 }), event: fc.constantFrom(1 as const, 2 as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteAll' as const), bound: fc.option(fc.array(fc.nat(), { maxLength: 4 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restoreDeletion' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restoreLine' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('purge' as const) }) },
);

class Model {
  readonly lines = new Map<string, LineState>();
  readonly deletions: string[] = [];
  /** When each deletion happened: a restore's 410 depends on it, also after its lines were restored. */
  readonly deletionAt = new Map<string, number>();
  expired = (at: number) => at + RESTORE_DAYS * DAY <= clock.getTime();
  ids = () => [...this.lines.keys()];
  withState = (kind: LineState['kind']) => this.ids().filter((id) => this.lines.get(id)?.kind === kind);
}

async function loadModel(): Promise<Model> {
  const model = new Model();
  const rows = await testDb.db.query<{ id: string; deletion_id: string | null; deleted_at: Date | null }>(
    'SELECT id::text AS id, deletion_id::text AS deletion_id, deleted_at FROM all_response_lines WHERE recipient_id = $1 AND campaign_id = $2',
    [RECIPIENT, CAMPAIGN],
  );
  for (const row of rows) {
    model.lines.set(row.id, row.deletion_id ? { kind: 'deleted', deletionId: row.deletion_id, at: new Date(row.deleted_at as Date).getTime() } : { kind: 'live' });
  }
  return model;
}

async function apply(model: Model, op: Op): Promise<void> {
  const ids = model.ids();
  const pick = (n: number) => ids[n % Math.max(ids.length, 1)];
  if (op.op === 'add') {
    const line = newLine({ recipientId: RECIPIENT, campaignId: CAMPAIGN, eventId: `renewal-round-${op.event}`,
      respondedAt: new Date(Date.parse('2026-05-20T00:00:00Z') + op.minutes * 60_000).toISOString() });
    assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
    model.lines.set(line.id, { kind: 'live' });
  } else if (op.op === 'delete' && ids.length > 0) {
    const id = pick(op.pick);
    const state = model.lines.get(id) as LineState;
    const answer = await call(app, 'DELETE', `/api/responses/${id}`);
    if (state.kind === 'purged') return assert.equal(answer.status, 404);
    const body = answer.json as { deleted: number; deletionId: string };
    if (state.kind === 'deleted') return assert.deepEqual([body.deleted, body.deletionId], [0, state.deletionId]);
    assert.equal(body.deleted, 1);
    model.lines.set(id, { kind: 'deleted', deletionId: body.deletionId, at: clock.getTime() });
    model.deletions.push(body.deletionId);
    model.deletionAt.set(body.deletionId, clock.getTime());
  } else if (op.op === 'deleteAll') {
    const live = model.withState('live');
    const bound = op.bound === null ? null : [...new Set(op.bound.map(pick).filter(Boolean))];
    const gone = bound === null ? live : live.filter((id) => bound.includes(id));
    const answer = await call(app, 'DELETE', `/api/recipients/${RECIPIENT}/campaigns/${CAMPAIGN}/responses`, bound === null ? {} : { body: { lineIds: bound } });
    const body = answer.json as { deleted: number; kept: number; deletionId: string | null };
    assert.deepEqual([body.deleted, body.kept], [gone.length, live.length - gone.length], JSON.stringify(op));
    if (body.deletionId === null) return;
    for (const id of gone) model.lines.set(id, { kind: 'deleted', deletionId: body.deletionId, at: clock.getTime() });
    model.deletions.push(body.deletionId);
    model.deletionAt.set(body.deletionId, clock.getTime());
  } else if (op.op === 'restoreDeletion' && model.deletions.length > 0) {
    const deletionId = model.deletions[op.pick % model.deletions.length];
    const members = ids.filter((id) => { const s = model.lines.get(id); return s?.kind === 'deleted' && s.deletionId === deletionId; });
    const answer = await call(app, 'POST', `/api/deletions/${deletionId}/restore`);
    if (model.expired(model.deletionAt.get(deletionId) as number)) return assert.equal(answer.status, 410, answer.text);
    assert.deepEqual(answer.json, { restored: members.length });
    for (const id of members) model.lines.set(id, { kind: 'live' });
  } else if (op.op === 'restoreLine' && ids.length > 0) {
    const id = pick(op.pick);
    const state = model.lines.get(id) as LineState;
    const answer = await call(app, 'POST', `/api/responses/${id}/restore`);
    if (state.kind === 'purged' || (state.kind === 'deleted' && model.expired(state.at))) return assert.equal(answer.status, 410, answer.text);
    assert.equal(answer.status, 200, answer.text);
    model.lines.set(id, { kind: 'live' });
  } else if (op.op === 'advance') {
    clock = new Date(clock.getTime() + op.days * DAY);
  } else if (op.op === 'purge') {
    await purgeExpired(testDb.db, clock, { restoreDays: RESTORE_DAYS });
    for (const id of ids) {
      const state = model.lines.get(id) as LineState;
      if (state.kind === 'deleted' && model.expired(state.at)) model.lines.set(id, { kind: 'purged' });
    }
  }
}

async function historyIds(query: string): Promise<string[]> {
  const page = (await call(app, 'GET', `/api/recipients/${RECIPIENT}/responses?campaignId=${CAMPAIGN}&limit=500${query}`)).json as Page<ResponseLine>;
  return page.items.map((line) => line.id).sort();
}

async function auditOf(lineId: string): Promise<AuditRecord[]> {
  const page = (await call(app, 'GET', `/api/audit?lineId=${lineId}&limit=500`)).json as AuditPage;
  return page.items.reverse();
}

/** A line's state replayed from its audit records alone, oldest first. */
function replay(records: AuditRecord[]): LineState['kind'] {
  let state: LineState['kind'] = 'live';
  for (const record of records) {
    if (record.action === 'add' || record.action === 'restore') state = 'live';
    else if (record.action === 'delete' || record.action === 'delete-all') state = 'deleted';
    else if (record.action === 'purge') state = 'purged';
  }
  return state;
}

test('random adds, deletes, restores and purges: answers, reads, statistics and the audit trail agree', async () => {
  const [{ n: othersLines }] = await testDb.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM response_lines WHERE recipient_id <> $1 AND campaign_id = $2', [RECIPIENT, CAMPAIGN],
  );
  await fc.assert(
    fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 20 }), async (ops) => {
      const model = await loadModel();
      for (const op of ops) await apply(model, op);
      const live = model.withState('live').sort();
      assert.deepEqual(await historyIds(''), live, 'the history holds the live lines');
      const restorable = model.ids().filter((id) => { const s = model.lines.get(id); return s?.kind === 'deleted' && !model.expired(s.at); });
      assert.deepEqual(await historyIds('&include=deleted'), [...live, ...restorable].sort(), 'include=deleted adds the restorable ones');
      const summary = await computeSummary(testDb.db, CAMPAIGN);
      assert.equal(summary?.total.lines, othersLines + live.length, 'the statistics count the live lines');
      for (const id of model.ids()) {
        const records = await auditOf(id);
        const state = model.lines.get(id)?.kind;
        assert.equal(replay(records), state, `line ${id}: its audit records replay to its state`);
        const adds = records.filter((r) => r.action === 'add').length;
        assert.ok(adds <= 1, 'one add record at most');
      }
    }),
    { numRuns: Number(process.env.CR_PROPERTY_RUNS ?? 15), seed: process.env.CR_PROPERTY_SEED ? Number(process.env.CR_PROPERTY_SEED) : undefined },
  );
});
