/**
 * Chaos: operations from two tabs, through the real Outbox and the real REST
 * adapter, to the reference server behind a fault-injecting proxy (30% of writes fail: dropped
 * before the server, answer lost after the server committed, 5xx — half of them after the commit —
 * and 429 with Retry-After), with a real reload of one or both tabs every 20–50 operations. Then the
 * queue drains and the server's audit trail is compared with a model of what was enqueued:
 * nothing lost, nothing applied twice, each line's edits in order, the final state the model's.
 *
 * The tabs are iframes of this page on one database, so a reload is a real one: the document with
 * its IndexedDB connections, Web Lock and requests in flight goes away without the outbox's close()
 * running (a keepalive DELETE may still reach the server afterwards, as it would in a real reload).
 *
 * Size: CR_CHAOS_OPERATIONS (default 200 in `npm test`; `npm run test:soak` runs 1,000). Seed: fixed,
 * or CR_CHAOS_SEED to replay one. Faults are drawn per request path from the seed, so a replay meets
 * the same faults on the same operations; the interleaving with the sender's timing may differ.
 *
 * Adds drained through the batch endpoint (partial failures, lost answers, reloads mid-batch):
 * reliability-chaos-batch.test.ts.
 */
import { expect } from '@open-wc/testing';
import type { OutboxOp } from '../../src/offline/index.js';
import {
  CLOCK_SCALE,
  TEST_BACKOFF,
  chaosConfig,
  drained,
  effectsByLine,
  keyEvents,
  lineOf,
  removeTabs,
  sleep,
  startBackend,
  testDbName,
  withSeed,
  type AuditEvent,
  type Backend,
  type Fixture,
  Tab,
} from '../support/browser/harness.js';
import { between, mulberry32, seededUuid } from '../support/browser/prng.js';

const DEFAULT_SEED = 20260601;
const CAMPAIGNS = 20;
const LINES_PER_CAMPAIGN = 10; // 200 lines
const RATES = { dropBefore: 0.08, loseAfter: 0.08, serverError: 0.08, rateLimited: 0.06 }; // 30%

/** One enqueued operation, as the model sees it. */
interface ModelOp {
  seq: number;
  opId: string;
  kind: 'add' | 'deleteAll';
  campaign: number;
  lineId?: string;
  note?: string;
  /** Removed by a later delete-all before any server could see it (the outbox's coalescing). */
  coalesced: boolean;
}

interface Figures {
  seed: number;
  operations: number;
  adds: number;
  deleteAlls: number;
  coalesced: number;
  /** Operations that had to reach the server (not coalesced). */
  sent: number;
  reloads: number;
  requests: number;
  faults: Record<string, number>;
  serverErrorsAfterCommit: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  wrongFinalState: number;
  retryAfterViolations: number;
  enqueueMs: number;
  drainMs: number;
}

describe('Reliability: chaos (two tabs, 30% faults, reloads)', function () {
  let backend: Backend;
  let tabs: Tab[] = [];
  let dbName: string;

  before(async function () {
    this.timeout(60_000);
    backend = await startBackend();
  });
  after(async () => {
    await backend?.stop();
  });
  afterEach(async () => {
    await removeTabs(tabs, dbName);
    tabs = [];
  });

  it('loses nothing, applies nothing twice, keeps each line in order, ends in the model state', async function () {
    const { operations, seed: seedOverride } = await chaosConfig();
    const seed = seedOverride ?? DEFAULT_SEED;
    this.timeout(60_000 + operations * 600);
    const replay = `CR_CHAOS_SEED=${seed} CR_CHAOS_OPERATIONS=${operations} npx web-test-runner --files test/browser/reliability-chaos.test.ts`;
    const figures = await withSeed(seed, replay, () => runChaos(seed, operations));
    console.log(describeFigures(figures));
    expect(figures.lost, 'lost').to.equal(0);
    expect(figures.duplicated, 'applied twice').to.equal(0);
    expect(figures.outOfOrder, 'out of order').to.equal(0);
    expect(figures.wrongFinalState, 'final state').to.equal(0);
    expect(figures.retryAfterViolations, 'Retry-After honoured').to.equal(0);
  });

  // Negative controls: the same run with a sender that has the bugs the checks are there to catch.
  it('the checks catch a sender that confirms an add it never sent (lost)', async function () {
    this.timeout(60_000);
    const figures = await runChaos(DEFAULT_SEED + 1, 60, 'ackWithoutSending');
    expect(figures.lost).to.be.above(0);
  });

  it('the checks catch a delete-all applied twice under a fresh key (deleting later lines)', async function () {
    this.timeout(60_000);
    const figures = await runChaos(DEFAULT_SEED + 2, 60, 'repeatDeleteAll');
    expect(figures.duplicated + figures.outOfOrder).to.be.above(0);
  });

  async function runChaos(seed: number, operations: number, sabotage?: 'ackWithoutSending' | 'repeatDeleteAll'): Promise<Figures> {
    const random = mulberry32(seed);
    await backend.configure({ seed, rates: RATES, rules: [], killed: false });
    const fixture = await backend.fixture('chaos', CAMPAIGNS);
    dbName = testDbName('chaos');
    const clockEpoch = Date.now();
    const config = { dbName, apiBase: backend.apiBase, token: backend.token, clockScale: CLOCK_SCALE, clockEpoch, backoff: TEST_BACKOFF, sabotage };
    tabs = [await Tab.open('A', { ...config, seed: seed * 2 }), await Tab.open('B', { ...config, seed: seed * 2 + 1 })];

    // The 200 lines: 10 per campaign, ids from the seed. A slot is filled again after a delete-all
    // emptied it, under a new id: the server keeps a deleted line (restorable) and never takes its
    // id again, as a person's client never reuses one either.
    const slots = fixture.campaigns.map(() => Array.from({ length: LINES_PER_CAMPAIGN }, () => seededUuid(random)));
    const version = new Map<string, number>();
    const present = new Set<string>(); // what the person sees (the model of their edits)
    const ops: ModelOp[] = [];
    let reloads = 0;
    const reloadWindows: ReloadWindow[] = [];
    let nextReload = between(random, 20, 50);

    const started = performance.now();
    for (let i = 0; i < operations; i += 1) {
      if (i === nextReload) {
        // A real reload of one tab or of both, mid-drain.
        const which = random() < 0.3 ? tabs : [tabs[Math.floor(random() * 2)]];
        const reloading = { from: Date.now(), to: Infinity };
        reloadWindows.push(reloading);
        await Promise.all(which.map((tab) => tab.reload()));
        reloading.to = Date.now();
        reloads += which.length;
        nextReload = i + between(random, 20, 50);
      }
      const tab = tabs[Math.floor(random() * 2)];
      const campaign = Math.floor(random() * CAMPAIGNS);
      let lineId: string | undefined;
      if (random() >= 0.1) {
        // An add of a line not shown now and not still queued (a person adds a line once; the
        // outbox treats a second add of a queued line id as the same edit).
        const queued = new Set((await tab.api.list()).map((op) => op.lineId));
        const free = slots[campaign].filter((id) => !present.has(id) && !queued.has(id));
        lineId = free.length > 0 ? free[Math.floor(random() * free.length)] : undefined;
        if (lineId !== undefined && version.has(lineId)) {
          const slot = slots[campaign].indexOf(lineId);
          lineId = slots[campaign][slot] = seededUuid(random);
        }
      }
      let result: { op: OutboxOp; coalesced: OutboxOp[] };
      if (lineId !== undefined) {
        const v = (version.get(lineId) ?? 0) + 1;
        version.set(lineId, v);
        const note = `v${v}`;
        result = await tab.api.enqueueAdd(lineOf(fixture, campaign, lineId, note));
        expect(result.op.payload.line?.note, 'a new add, not an earlier one of the line').to.equal(note);
        present.add(lineId);
        ops.push({ seq: result.op.seq, opId: result.op.opId, kind: 'add', campaign, lineId, note, coalesced: false });
      } else {
        result = await tab.api.enqueueDeleteAll(fixture.recipientId, fixture.campaigns[campaign].id);
        for (const id of slots[campaign]) present.delete(id);
        ops.push({ seq: result.op.seq, opId: result.op.opId, kind: 'deleteAll', campaign, coalesced: false });
      }
      const gone = new Set(result.coalesced.map((op) => op.opId));
      for (const op of ops) if (gone.has(op.opId)) op.coalesced = true;
      // A person's pace, with bursts: mostly the sender keeps up, sometimes edits pile up (and
      // a delete-all then coalesces the unsent ones of its campaign).
      if (random() < 0.85) await sleep(between(random, 0, 40));
    }
    const enqueueMs = performance.now() - started;
    const counts = await drained(tabs, 30_000 + operations * 200);
    const drainMs = performance.now() - started - enqueueMs;
    expect(counts.failed, 'failed').to.equal(0);
    expect(counts.conflict, 'conflicts').to.equal(0);
    for (const tab of tabs) expect(await tab.api.list(), `tab ${tab.name}'s outbox is empty`).to.deep.equal([]);
    if (sabotage) await sleep(300); // the sabotaged repeats come 150 ms after their original

    const state = await backend.state(fixture.recipientId, ops.map((op) => op.opId));
    const report = await backend.report(true);
    const check = compare(fixture, ops, state.audit, state.lines, sabotage ? `negative control ${sabotage}, problems expected` : 'chaos');
    const retryAfterViolations = checkRetryAfter(report.log ?? [], reloadWindows);
    return {
      seed,
      operations,
      adds: ops.filter((op) => op.kind === 'add').length,
      deleteAlls: ops.filter((op) => op.kind === 'deleteAll').length,
      coalesced: ops.filter((op) => op.coalesced).length,
      sent: ops.filter((op) => !op.coalesced).length,
      reloads,
      requests: report.stats.requests,
      faults: report.stats.faults,
      serverErrorsAfterCommit: report.stats.serverErrorsAfterCommit,
      ...check,
      retryAfterViolations,
      enqueueMs: Math.round(enqueueMs),
      drainMs: Math.round(drainMs),
    };
  }
});

function describeFigures(f: Figures): string {
  const faults = Object.values(f.faults).reduce((sum, n) => sum + n, 0);
  const pct = (n: number) => `${((100 * n) / Math.max(1, f.requests)).toFixed(1)}%`;
  return [
    `chaos (seed ${f.seed}): ${f.operations} operations from 2 tabs (${f.adds} adds, ${f.deleteAlls} delete-alls over ${CAMPAIGNS} campaigns and ${CAMPAIGNS * LINES_PER_CAMPAIGN} lines), ${f.reloads} tab reloads`,
    `  ${f.coalesced} coalesced by a later delete-all before any send, ${f.sent} had to reach the server`,
    `  ${f.requests} write requests, faults injected ${faults} (${pct(faults)}): dropped before the server ${f.faults.dropBefore}, answer lost after commit ${f.faults.loseAfter}, 5xx ${f.faults.serverError} (${f.serverErrorsAfterCommit} after commit), 429 with Retry-After ${f.faults.rateLimited}`,
    `  lost ${f.lost}, applied twice ${f.duplicated}, out of order ${f.outOfOrder}, final state differing ${f.wrongFinalState}, Retry-After not honoured ${f.retryAfterViolations}`,
    `  enqueueing ${(f.enqueueMs / 1000).toFixed(1)} s, drain after the last enqueue ${(f.drainMs / 1000).toFixed(1)} s`,
    `chaos figures ${JSON.stringify(f)}`,
  ].join('\n');
}

/**
 * Replays the enqueued operations (minus the coalesced ones) in their order against a model server
 * and compares, line by line, the effects the server's audit trail recorded: each add one insert of
 * its version by its own request, each delete-all exactly the deletions of the lines present before
 * it, all in the transaction of its own idempotency key. A missing effect is lost, an extra one
 * applied twice, a different order out of order; the final lines must be the model's.
 */
function compare(fixture: Fixture, ops: readonly ModelOp[], audit: readonly AuditEvent[], lines: readonly { id: string; note: string }[], label: string) {
  const keys = keyEvents(audit);
  const byLine = effectsByLine(audit);
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;

  type Expected = { kind: 'insert' | 'delete'; note: string; txid?: number };
  const expected = new Map<string, Expected[]>();
  const model = new Map<string, string>();
  const campaignOf = new Map<string, number>();
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const stored = keys.get(op.opId) ?? [];
    if (op.coalesced) {
      if (stored.length > 0) {
        duplicated += 1;
        problems.push(`coalesced op ${op.opId} reached the server`);
      }
      continue;
    }
    if (stored.length === 0) {
      lost += 1;
      problems.push(`op ${op.kind} ${op.lineId ?? fixture.campaigns[op.campaign].id} (${op.opId}) never took effect`);
      continue;
    }
    if (stored.length > 1) {
      duplicated += stored.length - 1;
      problems.push(`key ${op.opId} stored ${stored.length} times`);
    }
    const txid = stored[0].txid;
    if (op.kind === 'add' && op.lineId && op.note) {
      model.set(op.lineId, op.note);
      campaignOf.set(op.lineId, op.campaign);
      expected.set(op.lineId, [...(expected.get(op.lineId) ?? []), { kind: 'insert', note: op.note, txid }]);
    } else {
      for (const [id, note] of [...model]) {
        if (campaignOf.get(id) !== op.campaign) continue;
        model.delete(id);
        expected.set(id, [...(expected.get(id) ?? []), { kind: 'delete', note, txid }]);
      }
    }
  }
  const describe = (e: { kind: string; note: string | null; txid?: number }) => `${e.kind} ${e.note} @${e.txid}`;
  for (const id of new Set([...expected.keys(), ...byLine.keys()])) {
    const want = (expected.get(id) ?? []).map(describe);
    const got = (byLine.get(id) ?? []).map((e) => describe({ kind: e.kind, note: e.note, txid: e.txid }));
    if (want.join() === got.join()) continue;
    // Classify: more effects than expected is a duplicate, fewer is lost, same count is order.
    if (got.length > want.length) duplicated += got.length - want.length;
    else if (got.length < want.length) lost += want.length - got.length;
    else outOfOrder += 1;
    problems.push(`line ${id}: expected [${want.join(', ')}], server did [${got.join(', ')}]`);
  }
  let wrongFinalState = 0;
  const finalNotes = new Map(lines.map((line) => [line.id, line.note]));
  for (const id of new Set([...model.keys(), ...finalNotes.keys()])) {
    if (model.get(id) !== finalNotes.get(id)) {
      wrongFinalState += 1;
      problems.push(`line ${id}: model ${model.get(id) ?? 'absent'}, server ${finalNotes.get(id) ?? 'absent'}`);
    }
  }
  if (problems.length > 0) console.error(`${label}: ${problems.length} problems:\n${problems.slice(0, 30).join('\n')}`);
  return { lost, duplicated, outOfOrder, wrongFinalState };
}

/** When a reload of one tab or both began and ended (Date.now(), the proxy's clock too). */
interface ReloadWindow {
  from: number;
  to: number;
}

/**
 * After a 429 with Retry-After for a key, that key is not sent again sooner (in the outbox's faster
 * clock). Not counted: a key sent again while a tab was reloading. The 429 may have reached a page
 * that was going away before its outbox read it, and an answer nobody read cannot be honoured; the
 * next tab finds the send unanswered, its lease orphaned, and sends again at once, as it must.
 */
function checkRetryAfter(log: readonly { at: number; key?: string; status?: number; retryAfter?: number }[], reloads: readonly ReloadWindow[]): number {
  let violations = 0;
  log.forEach((entry, i) => {
    if (entry.status !== 429 || !entry.key || entry.retryAfter === undefined) return;
    const next = log.slice(i + 1).find((later) => later.key === entry.key);
    // 5 ms: the proxy stamps arrival, the outbox stamps the answer it read a moment later.
    if (next && next.at - entry.at < (entry.retryAfter * 1000) / CLOCK_SCALE - 5) {
      const unread = reloads.some((reload) => reload.from <= next.at && reload.to >= entry.at);
      console.error(`Retry-After: key ${entry.key} came back after ${next.at - entry.at} ms (asked ${entry.retryAfter} s ÷ ${CLOCK_SCALE})${unread ? ', across a reload: not counted' : ''}`);
      if (!unread) violations += 1;
    }
  });
  return violations;
}
