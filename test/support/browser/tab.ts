/**
 * One "tab" of the reliability tests: this module runs in an iframe (tab.html) of the test page,
 * so it has a realm of its own — its own IndexedDB connections, Web Lock requests, BroadcastChannel
 * and fetches — and the test can really reload it (`location.reload()`) or kill it (remove the
 * iframe): the browser then closes its connections, releases its locks and cancels its requests,
 * without any of the outbox's own closing code running. The test drives it through
 * `window.reliabilityTab`.
 */
import { createRestAdapter } from '../../../src/adapter/index.js';
import type { NewResponseLine } from '../../../src/model/types.js';
import { Outbox, type BackoffOptions, type OutboxClock, type OutboxCounts, type OutboxEvent, type OutboxOp, type OutboxSender } from '../../../src/offline/index.js';
import { mulberry32 } from './prng.js';

/** Where the send of a matching operation stops for good, so the test can kill the page there. */
export interface HoldSpec {
  lineId?: string;
  kind?: 'add' | 'deleteAll';
  campaignId?: string;
  /** `claim`: claimed, the request never leaves; `answer`: the answer arrived, never recorded. */
  at: 'claim' | 'answer';
}

export interface TabConfig {
  dbName: string;
  apiBase: string;
  token: string;
  /** Sent as X-Test-Tab, so the proxy's log says which tab sent what. */
  name: string;
  /**
   * The outbox's clock runs this many times faster than real time, from `clockEpoch` on (the same
   * for every tab of a test, so times stored by one tab mean the same to the next): a Retry-After
   * of 1 s is waited 1000/scale ms. Default 1.
   */
  clockScale?: number;
  clockEpoch?: number;
  /** Seeds the backoff's jitter. */
  seed?: number;
  backoff?: Partial<BackoffOptions>;
  leaseMs?: number;
  hold?: HoldSpec;
  /**
   * Negative controls: a sender with the bugs the checks must catch. `ackWithoutSending`: every
   * 10th add is confirmed without being sent (lost). `repeatDeleteAll`: each delete-all is sent a
   * second time, under a fresh key, after the next add of its campaign (applied twice, deleting later lines).
   */
  sabotage?: 'ackWithoutSending' | 'repeatDeleteAll' | BatchSabotage;
  /** Adds drained through the adapter's batch endpoint (POST /responses/batch), as the outbox's `batchAdds`. */
  batchAdds?: boolean;
}

/**
 * Negative controls of the batch chaos. `batchFreshIds`: every batch is sent under fresh line ids,
 * so a batch sent again after its answer was lost is stored again (applied twice).
 * `ackBatchWithoutSending`: every 2nd batch is confirmed without being sent (lost).
 */
export type BatchSabotage = 'batchFreshIds' | 'ackBatchWithoutSending';

export interface HeldCall {
  kind: 'add' | 'deleteAll';
  key: string;
  lineId?: string;
  at: 'claim' | 'answer';
}

export interface TabApi {
  open(config: TabConfig): Promise<void>;
  enqueueAdd(line: NewResponseLine): Promise<{ op: OutboxOp; coalesced: OutboxOp[] }>;
  enqueueDeleteAll(recipientId: string, campaignId: string): Promise<{ op: OutboxOp; coalesced: OutboxOp[] }>;
  enqueueAdds(lines: NewResponseLine[]): Promise<OutboxOp[]>;
  list(): Promise<OutboxOp[]>;
  counts(): Promise<OutboxCounts>;
  isLeader(): boolean;
  close(): Promise<void>;
  /** Sends stopped by the hold spec, as they happened. */
  held: HeldCall[];
  /** Events of this tab's outbox (local ones), for the test's record. */
  events: OutboxEvent[];
}

function scaledClock(epoch: number, scale: number): OutboxClock {
  return {
    now: () => epoch + (Date.now() - epoch) * scale,
    setTimeout: (callback, ms) => setTimeout(callback, ms / scale),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

let outbox: Outbox | undefined;

const api: TabApi = {
  held: [],
  events: [],

  async open(config) {
    const adapter = createRestAdapter({
      baseUrl: config.apiBase,
      headers: { Authorization: `Bearer ${config.token}`, 'X-Test-Tab': config.name },
      timeoutMs: 10_000,
    });
    const matches = (call: Omit<HeldCall, 'at'> & { campaignId: string }) => {
      const hold = config.hold;
      if (!hold) return false;
      return (
        (hold.lineId === undefined || hold.lineId === call.lineId) &&
        (hold.kind === undefined || hold.kind === call.kind) &&
        (hold.campaignId === undefined || hold.campaignId === call.campaignId)
      );
    };
    const through = async <T>(call: Omit<HeldCall, 'at'> & { campaignId: string }, send: () => Promise<T>): Promise<T> => {
      if (!matches(call)) return send();
      const { campaignId: _campaignId, ...held } = call;
      if (config.hold?.at === 'claim') {
        api.held.push({ ...held, at: 'claim' });
        return new Promise<T>(() => undefined);
      }
      await send();
      api.held.push({ ...held, at: 'answer' });
      return new Promise<T>(() => undefined);
    };
    let adds = 0;
    /** repeatDeleteAll: campaigns whose delete-all went through and has not been repeated yet. */
    const deletedOnce = new Set<string>();
    /**
     * The sabotage repeats a delete-all under a fresh key right after a later add of that campaign
     * was stored, so the repeat always deletes a line added after it (a timer could fire before any
     * such add, or die with a reload, and the control would then prove nothing). Faults may drop the
     * repeat: it is tried until the server has taken it.
     */
    const repeatDeleteAfter = async (recipientId: string, campaignId: string) => {
      if (!deletedOnce.delete(`${recipientId}\u0000${campaignId}`)) return;
      for (let attempt = 0; attempt < 20; attempt += 1) {
        try {
          await adapter.deleteAllResponses(recipientId, campaignId, { idempotencyKey: crypto.randomUUID() });
          return;
        } catch {
          // a fault of the proxy: try again
        }
      }
    };
    const sender: OutboxSender = {
      addResponse: async (line, options) => {
        if (config.sabotage === 'ackWithoutSending' && ++adds % 10 === 0) {
          return { ...line, categoryId: 'responded', recordedAt: new Date().toISOString(), author: null, source: 'manual' as const, link: null, evidence: null };
        }
        const stored = await through({ kind: 'add', key: options.idempotencyKey, lineId: line.id, campaignId: line.campaignId }, () =>
          adapter.addResponse(line, options),
        );
        if (config.sabotage === 'repeatDeleteAll') await repeatDeleteAfter(line.recipientId, line.campaignId);
        return stored;
      },
      deleteAllResponses: async (recipientId, campaignId, options) => {
        const result = await through({ kind: 'deleteAll', key: options.idempotencyKey, campaignId }, () =>
          adapter.deleteAllResponses(recipientId, campaignId, options),
        );
        if (config.sabotage === 'repeatDeleteAll') deletedOnce.add(`${recipientId}\u0000${campaignId}`);
        return result;
      },
    };
    let batches = 0;
    if (config.batchAdds) {
      sender.addResponses = async (lines, options) => {
        if (config.sabotage === 'ackBatchWithoutSending' && ++batches % 2 === 0) {
          return lines.map((line) => ({ id: line.id, outcome: 'stored' as const, line: { ...line, categoryId: 'responded', recordedAt: new Date().toISOString(), author: null, source: 'manual' as const, link: null, evidence: null } }));
        }
        const sent = config.sabotage === 'batchFreshIds' ? lines.map((line) => ({ ...line, id: crypto.randomUUID() })) : lines;
        const outcomes = await adapter.addResponses!(sent, options);
        return outcomes.map((outcome, index) => ({ ...outcome, id: lines[index].id }));
      };
    }
    const scale = config.clockScale ?? 1;
    outbox = await Outbox.open({
      dbName: config.dbName,
      sender,
      clock: scale === 1 ? undefined : scaledClock(config.clockEpoch ?? Date.now(), scale),
      random: config.seed === undefined ? undefined : mulberry32(config.seed),
      backoff: config.backoff,
      leaseMs: config.leaseMs,
      requestPersistence: false,
      batchAdds: config.batchAdds,
    });
    outbox.subscribe((event) => {
      if (!event.remote) api.events.push(event);
    });
  },

  async enqueueAdd(line) {
    return withCoalesced(() => current().enqueueAdd(line));
  },

  async enqueueDeleteAll(recipientId, campaignId) {
    return withCoalesced(() => current().enqueueDeleteAll(recipientId, campaignId));
  },

  enqueueAdds: (lines) => current().enqueueMany(lines.map((line) => ({ kind: 'add' as const, line }))),
  list: () => current().list(),
  counts: () => current().counts(),
  isLeader: () => outbox?.isLeader ?? false,
  close: async () => {
    await outbox?.close();
    outbox = undefined;
  },
};

function current(): Outbox {
  if (!outbox) throw new Error('the tab has no open outbox');
  return outbox;
}

/** Runs an enqueue and collects the operations it coalesced (reported synchronously before it resolves). */
async function withCoalesced(enqueue: () => Promise<OutboxOp>): Promise<{ op: OutboxOp; coalesced: OutboxOp[] }> {
  const coalesced: OutboxOp[] = [];
  const stop = current().subscribe((event) => {
    if (!event.remote && event.type === 'removed' && event.reason === 'coalesced') coalesced.push(event.op);
  });
  try {
    const op = await enqueue();
    return { op, coalesced };
  } finally {
    stop();
  }
}

(window as unknown as { reliabilityTab: TabApi }).reliabilityTab = api;
