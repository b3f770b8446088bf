/**
 * The web-test-runner plugin of the reliability tests. Its server commands run in Node, so a
 * browser test can start (and steer) the reference server and its fault proxies:
 *
 * - `reliability-start` ({ seed, rates, rules, retryAfterSeconds, delayMs }) → { proxyId, apiBase, token }:
 *   a new fault proxy (one per test) in front of the run's one server, started on first use;
 * - `reliability-proxy` ({ proxyId, seed?, rates?, rules?, killed?, delayMs? }): change its faults;
 * - `reliability-release` ({ proxyId, id? }) → how many held requests or answers went on;
 * - `reliability-report` ({ proxyId, log? }) → { stats, held, log? };
 * - `reliability-stop` ({ proxyId });
 * - `reliability-fixture` ({ prefix, campaigns }) → a recipient with that many campaigns (SQL);
 * - `reliability-state` ({ recipientId, keys? }) → the recipient's lines and the audit trail;
 * - `reliability-direct` → { apiBase, token }: the server itself, no proxy; it lists no origin for
 *   CORS, so a test page (another origin) is refused;
 * - `reliability-config` → { operations, seed }: the chaos size (CR_CHAOS_OPERATIONS, default 200)
 *   and a seed to replay (CR_CHAOS_SEED), so `npm run test:soak` and a failing seed need no edit.
 *
 * The server and every proxy stop when the test runner stops.
 */
import type { ProxySettings } from '../protocol.js';
import type { FaultProxyOptions } from './fault-proxy.js';
import { ReliabilityBackend } from './reliability-server.js';

type Payload = Record<string, unknown> & { proxyId?: string };

/**
 * Whether this run takes in a reliability test: one named by `--files`, or no `--files` (the whole
 * suite). (The dev server's config that plugins are given does not hold the test files.)
 */
function runIncludesReliabilityTests(argv = process.argv): boolean {
  const at = argv.indexOf('--files');
  if (at === -1) return true;
  const files = argv.slice(at + 1);
  const end = files.findIndex((arg) => arg.startsWith('-'));
  return files.slice(0, end === -1 ? undefined : end).some((file) => file.includes('reliability-') || file.includes('*'));
}

export function reliabilityPlugin() {
  let backend: Promise<ReliabilityBackend> | undefined;
  const get = () => (backend ??= ReliabilityBackend.start());
  return {
    name: 'reliability-server',
    // Starting the backend (PGlite's initdb on a new database) took 15 s on a loaded 2-core machine,
    // and more beside a browser: past the 20 s a page waits for a command's answer, so the first
    // reliability test failed on its first command (seen in WebKit, whose browser takes more of the
    // machine). A run that includes reliability tests starts it with the dev server instead, while
    // the other files run; a run of other files alone does not pay for it.
    serverStart() {
      if (runIncludesReliabilityTests()) get().catch(() => undefined);
    },
    async serverStop() {
      if (backend) await (await backend).close();
    },
    async executeCommand({ command, payload }: { command: string; payload?: unknown }): Promise<unknown> {
      if (!command.startsWith('reliability-')) return undefined;
      const p = (payload ?? {}) as Payload;
      const proxyId = String(p.proxyId ?? '');
      switch (command) {
        case 'reliability-config':
          return {
            operations: Number(process.env.CR_CHAOS_OPERATIONS ?? 200),
            seed: process.env.CR_CHAOS_SEED === undefined ? null : Number(process.env.CR_CHAOS_SEED),
          };
        case 'reliability-direct':
          return (await get()).direct();
        case 'reliability-start':
          return (await get()).startProxy(p as Omit<FaultProxyOptions, 'target'>);
        case 'reliability-proxy':
          (await get()).configureProxy(proxyId, p as ProxySettings);
          return true;
        case 'reliability-release':
          return (await get()).proxy(proxyId).release(p.id === undefined ? undefined : String(p.id));
        case 'reliability-report':
          return (await get()).proxyReport(proxyId, { log: p.log === true });
        case 'reliability-stop':
          await (await get()).stopProxy(proxyId);
          return true;
        case 'reliability-fixture':
          return (await get()).createFixture(String(p.prefix ?? 'test'), Number(p.campaigns ?? 1));
        case 'reliability-state':
          return (await get()).state(String(p.recipientId), (p.keys as string[] | undefined) ?? []);
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
