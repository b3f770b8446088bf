/**
 * Test doubles for the outbox, shared by its tests and by the suites that build on it (chaos,
 * crash points, failover): a clock moved by hand and a sender that behaves like an idempotent
 * server. Kept out of src/ so they never ship in the package.
 */
import type { DeleteAllResult, NewResponseLine, ResponseLine } from '../../../src/model/types.js';
import type { OutboxClock, OutboxSender } from '../../../src/offline/types.js';

/** A clock that moves only when told; timers fire in time order during `advance()`. */
export class ManualClock implements OutboxClock {
  #now: number;
  #nextId = 1;
  #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers waiting, soonest first (for assertions on what the sender waits for). */
  get pendingTimers(): number[] {
    return [...this.#timers.values()].map((t) => t.at - this.#now).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
    }
    this.#now = end;
  }
}

export interface SentCall {
  kind: 'add' | 'deleteAll' | 'deleteLine';
  idempotencyKey: string;
  recipientId: string;
  campaignId: string;
  lineId?: string;
  /** A bounded delete-all's lines. */
  lineIds?: readonly string[];
}

/**
 * An in-memory server behind the `OutboxSender` interface. It applies each idempotency key once
 * (a repeat returns the first answer), logs every call, and lets a test decide each answer:
 * `respond` may throw an adapter error, or return a promise to hold the call.
 */
export class FakeOutboxSender implements OutboxSender {
  calls: SentCall[] = [];
  lines = new Map<string, ResponseLine>();
  /** How often each key changed the server's state: must never exceed 1. */
  effects = new Map<string, number>();
  respond: ((call: SentCall) => void | Promise<void>) | undefined;
  /** The adapter setting the outbox reads; undefined: its default. */
  maxOperationAgeMs: number | undefined;
  #answers = new Map<string, unknown>();

  async addResponse(line: NewResponseLine, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<ResponseLine> {
    const call: SentCall = { kind: 'add', idempotencyKey: options.idempotencyKey, recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id };
    return this.#handle(call, options.signal, () => {
      const saved: ResponseLine = {
        ...line,
        categoryId: 'responded',
        recordedAt: new Date(0).toISOString(),
        author: 'test',
        source: 'manual',
        link: null,
        evidence: null,
      };
      this.lines.set(line.id, saved);
      return saved;
    });
  }

  async deleteAllResponses(
    recipientId: string,
    campaignId: string,
    options: { idempotencyKey: string; signal?: AbortSignal; lineIds?: readonly string[] },
  ): Promise<DeleteAllResult> {
    const bound = options.lineIds ? new Set(options.lineIds) : undefined;
    const call: SentCall = { kind: 'deleteAll', idempotencyKey: options.idempotencyKey, recipientId, campaignId, ...(options.lineIds ? { lineIds: options.lineIds } : {}) };
    return this.#handle(call, options.signal, () => {
      let deleted = 0;
      let kept = 0;
      for (const [id, line] of this.lines) {
        if (line.recipientId !== recipientId || line.campaignId !== campaignId) continue;
        if (bound && !bound.has(id)) kept += 1;
        else {
          this.lines.delete(id);
          deleted += 1;
        }
      }
      return { deleted, kept, deletionId: deleted > 0 ? crypto.randomUUID() : null };
    });
  }

  async deleteResponse(id: string, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<DeleteAllResult> {
    const line = this.lines.get(id);
    const call: SentCall = { kind: 'deleteLine', idempotencyKey: options.idempotencyKey, recipientId: line?.recipientId ?? '', campaignId: line?.campaignId ?? '', lineId: id };
    return this.#handle(call, options.signal, () => {
      const deleted = this.lines.delete(id) ? 1 : 0;
      return { deleted, kept: 0, deletionId: deleted ? crypto.randomUUID() : null };
    });
  }

  callsOf(key: string): SentCall[] {
    return this.calls.filter((c) => c.idempotencyKey === key);
  }

  async #handle<T>(call: SentCall, signal: AbortSignal | undefined, apply: () => T): Promise<T> {
    this.calls.push(call);
    // Like fetch: an abort rejects at once, whatever the server is doing.
    await new Promise<void>((resolve, reject) => {
      const aborted = () => reject(new DOMException('aborted', 'AbortError'));
      if (signal?.aborted) return aborted();
      signal?.addEventListener('abort', aborted, { once: true });
      Promise.resolve(this.respond?.(call)).then(resolve, reject);
    });
    if (this.#answers.has(call.idempotencyKey)) return this.#answers.get(call.idempotencyKey) as T;
    const answer = apply();
    this.#answers.set(call.idempotencyKey, answer);
    this.effects.set(call.idempotencyKey, (this.effects.get(call.idempotencyKey) ?? 0) + 1);
    return answer;
  }
}

/** A response line to queue, with a fresh client-made id. */
export function newLine(overrides: Partial<NewResponseLine> = {}): NewResponseLine {
  return {
    id: crypto.randomUUID(),
    recipientId: '42',
    campaignId: 'spring',
    eventId: 'spring-call',
    detailId: 'responded',
    respondedAt: '2026-01-10T09:00:00.000Z',
    note: 'at the booth',
    ...overrides,
  };
}

/** Polls a (possibly async) condition every few ms until it holds, or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
