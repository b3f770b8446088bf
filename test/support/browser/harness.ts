/**
 * What the reliability suites share: the server commands of the reliability plugin
 * (test/support/server/wtr-plugin.ts), tabs in iframes that can really be reloaded and killed,
 * seeded lines, the server-side checks of "applied exactly once", and a wrapper that prints the
 * seed of a randomized test when it fails.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import type { NewResponseLine } from '../../../src/model/types.js';
import type { OutboxCounts } from '../../../src/offline/index.js';
import type { AuditEvent, FaultRates, FaultRule, Fixture, ProxyLogEntry, ProxySettings, ProxyStats, ServerState } from '../protocol.js';
import type { TabApi, TabConfig } from './tab.js';

export type { AuditEvent, Fixture, ServerState, FaultRates, FaultRule, ProxyLogEntry, ProxySettings, ProxyStats };

/** How much faster than real time the tabs' outbox clocks run (Retry-After: 1 → 100 ms). */
export const CLOCK_SCALE = 10;
/** Backoff of the tabs, in outbox-clock ms (÷ CLOCK_SCALE for real ms); attempts as in production. */
export const TEST_BACKOFF = { baseMs: 200, capMs: 5_000 };

async function command<T>(name: string, payload?: unknown): Promise<T> {
  return (await executeServerCommand(name, payload as Record<string, unknown>)) as T;
}

export interface Backend {
  proxyId: string;
  apiBase: string;
  token: string;
  configure(change: ProxySettings): Promise<void>;
  release(id?: string): Promise<number>;
  report(log?: boolean): Promise<{ stats: ProxyStats; held: number; log?: ProxyLogEntry[] }>;
  fixture(prefix: string, campaigns: number): Promise<Fixture>;
  state(recipientId: string, keys?: readonly string[]): Promise<ServerState>;
  stop(): Promise<void>;
}

/**
 * The run's first start opens PGlite (initdb), which on a busy machine outlasts the runner's 20 s
 * per command; the server goes on starting, so asking again waits for the same start.
 */
async function startCommand(options: object, tries = 4): Promise<{ proxyId: string; apiBase: string; token: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await command('reliability-start', options);
    } catch (error) {
      if (attempt >= tries || !/did not receive a server response/i.test(String(error))) throw error;
    }
  }
}

/** A fault proxy of its own in front of the run's reference server. */
export async function startBackend(options: { seed?: number; rates?: FaultRates; rules?: FaultRule[]; retryAfterSeconds?: number; delayMs?: number } = {}): Promise<Backend> {
  const started = await startCommand(options);
  const { proxyId } = started;
  return {
    ...started,
    configure: (change) => command('reliability-proxy', { proxyId, ...change }),
    release: (id) => command('reliability-release', { proxyId, id }),
    report: (log = false) => command('reliability-report', { proxyId, log }),
    fixture: (prefix, campaigns) => command('reliability-fixture', { prefix, campaigns }),
    state: (recipientId, keys = []) => command('reliability-state', { recipientId, keys }),
    stop: () => command('reliability-stop', { proxyId }),
  };
}

export function chaosConfig(): Promise<{ operations: number; seed: number | null }> {
  return command('reliability-config');
}

const TAB_URL = new URL('./tab.html', import.meta.url).href;

/** A tab: an iframe running test/support/browser/tab.ts, with an outbox on the test's database. */
export class Tab {
  readonly name: string;
  config: TabConfig;
  #iframe: HTMLIFrameElement;
  /** Page loads so far (the first one included). */
  loads = 0;

  private constructor(name: string, config: TabConfig, iframe: HTMLIFrameElement) {
    this.name = name;
    this.config = config;
    this.#iframe = iframe;
  }

  static async open(name: string, config: Omit<TabConfig, 'name'>): Promise<Tab> {
    const iframe = document.createElement('iframe');
    iframe.title = name;
    const tab = new Tab(name, { ...config, name }, iframe);
    const loaded = tab.#loaded();
    iframe.src = TAB_URL;
    document.body.append(iframe);
    await loaded;
    await tab.#start();
    return tab;
  }

  get api(): TabApi {
    const api = (this.#iframe.contentWindow as unknown as { reliabilityTab?: TabApi } | null)?.reliabilityTab;
    if (!api) throw new Error(`tab ${this.name} is not loaded`);
    return api;
  }

  get alive(): boolean {
    return this.#iframe.isConnected;
  }

  /** A real reload: the document and everything it held go away; a new one opens the outbox again. */
  async reload(change: Partial<TabConfig> = {}): Promise<void> {
    this.config = { ...this.config, ...change };
    const loaded = this.#loaded();
    this.#iframe.contentWindow?.location.reload();
    await loaded;
    await this.#start();
  }

  /** The page is killed: the iframe goes, with its connections, locks and requests. */
  kill(): void {
    this.#iframe.remove();
  }

  async #start(): Promise<void> {
    this.loads += 1;
    // The seed of the jitter changes per load, as Math.random would, but follows from the test's seed.
    await this.api.open({ ...this.config, seed: this.config.seed === undefined ? undefined : this.config.seed + this.loads });
  }

  #loaded(): Promise<void> {
    return new Promise((resolve) => this.#iframe.addEventListener('load', () => resolve(), { once: true }));
  }
}

/** Waits until no tab has anything pending or inflight; returns the counts of one of them. */
export async function drained(tabs: readonly Tab[], ms: number): Promise<OutboxCounts> {
  const end = performance.now() + ms;
  for (;;) {
    const live = tabs.filter((tab) => tab.alive);
    const counts = await live[0].api.counts();
    if (counts.pending === 0 && counts.inflight === 0) return counts;
    if (performance.now() > end) throw new Error(`not drained within ${ms} ms: ${JSON.stringify(counts)}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds, or fails after `ms` with `what`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(10);
  }
}

/** A line of `fixture`'s campaign `index`, responded an hour ago. */
export function lineOf(fixture: Fixture, index: number, id: string, note: string): NewResponseLine {
  const campaign = fixture.campaigns[index];
  return {
    id,
    recipientId: fixture.recipientId,
    campaignId: campaign.id,
    eventId: campaign.eventId,
    detailId: fixture.detailId,
    respondedAt: new Date(Date.now() - 3_600_000).toISOString(),
    note,
  };
}

/** A fresh database name per test; remove it with `deleteDB` (the tabs must be gone first). */
export function testDbName(label: string): string {
  return `cr-reliability-${label}-${crypto.randomUUID()}`;
}

export async function removeTabs(tabs: readonly Tab[], dbName: string): Promise<void> {
  for (const tab of tabs) tab.kill();
  await deleteDB(dbName);
}

/**
 * Runs a randomized test body; on failure the error says the seed and how to run it again, so
 * a failure in CI can be replayed exactly (same operations, same faults per request path).
 */
export async function withSeed<T>(seed: number, replay: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`FAILED with seed ${seed}; replay: ${replay}`);
    const wrapped = new Error(`[seed ${seed}; replay: ${replay}] ${message}`);
    if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
    throw wrapped;
  }
}

/** Audit events grouped by line id, in the server's order. */
export function effectsByLine(audit: readonly AuditEvent[]): Map<string, AuditEvent[]> {
  const byLine = new Map<string, AuditEvent[]>();
  for (const event of audit) {
    if (event.kind === 'key' || !event.lineId) continue;
    const list = byLine.get(event.lineId) ?? [];
    list.push(event);
    byLine.set(event.lineId, list);
  }
  return byLine;
}

/** The key events of the audit, by key (a key stored twice would show up twice). */
export function keyEvents(audit: readonly AuditEvent[]): Map<string, AuditEvent[]> {
  const byKey = new Map<string, AuditEvent[]>();
  for (const event of audit) {
    if (event.kind !== 'key' || !event.key) continue;
    const list = byKey.get(event.key) ?? [];
    list.push(event);
    byKey.set(event.key, list);
  }
  return byKey;
}
