// What the Chromium and Firefox web-test-runner configs share: the test files, the plugins, the
// reporters and the timeouts. Each config adds only its browser (and Chromium its CDP-only command).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { embedTestPlugin } from './embed-test-plugin.mjs';
import { plainSummary } from './wtr-summary.mjs';

// The reliability tests' server commands (reference server + fault proxies), written in TypeScript.
const { reliabilityPlugin } = await tsImport('../test/support/server/wtr-plugin.ts', import.meta.url);

/**
 * Server command `offline-for` ({ ms }): real offline emulation of the calling test page (puppeteer's
 * setOfflineMode: CDP in Chromium, WebDriver BiDi's emulation.setNetworkConditions in Firefox).
 * It answers first (the answer travels on the runner's WebSocket), then goes offline and comes
 * back by itself: the page cannot ask while offline.
 */
const offlinePlugin = {
  name: 'offline-for',
  async executeCommand({ command, payload, session }) {
    if (command !== 'offline-for') return undefined;
    const page = session.browser.getPage(session.id);
    setTimeout(async () => {
      await page.setOfflineMode(true);
      setTimeout(() => page.setOfflineMode(false), payload?.ms ?? 1000);
    }, 50);
    return true;
  },
};

/**
 * Server command `cr-emulate-media` ({ features }): CSS media features of the calling test page, e.g.
 * `[{ name: 'forced-colors', value: 'active' }]`, or `[]` to stop. DevTools' Emulation.setEmulatedMedia
 * (puppeteer's emulateMediaFeatures refuses forced-colors), so Chromium only: WebDriver BiDi has no
 * media emulation, and Firefox's forced colours are a browser-wide preference.
 */
const emulateMediaPlugin = {
  name: 'cr-emulate-media',
  // One DevTools session per page, kept open: emulation ends with the session that set it.
  sessions: new WeakMap(),
  async executeCommand({ command, payload, session }) {
    if (command !== 'cr-emulate-media') return undefined;
    const page = session.browser.getPage(session.id);
    let cdp = this.sessions.get(page);
    if (!cdp) this.sessions.set(page, (cdp = await page.createCDPSession()));
    await cdp.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
    return true;
  },
};

/** Test files that need DevTools (CDP) emulation, which Firefox has no counterpart of. */
export const CDP_ONLY_FILES = ['test/browser/forced-colors.test.ts'];

/** Every browser test file. */
export const TEST_FILES = 'test/browser/**/*.test.ts';

/**
 * Files that test no engine's behaviour of their own. CI (CR_ENGINE_SCOPE=engine-sensitive, set by
 * .ci/run) runs them in Chromium only, so that three engines fit in its 20 minutes on two cores;
 * `npm test` runs them in every engine:
 * - reliability-*: the outbox against the reference server behind fault proxies, minutes of
 *   server-side work; each engine's outbox, IndexedDB and tabs are tested by offline-*.test.ts;
 * - embed-*: the bundle inside React, Vue and plain HTML, the frameworks' business more than the engine's;
 * - types, datetime, offline-ordering, offline-backoff: pure logic, the same in every engine.
 */
export const ENGINE_NEUTRAL_FILES = [
  'test/browser/reliability-*.test.ts',
  'test/browser/embed-*.test.ts',
  'test/browser/types.test.ts',
  'test/browser/datetime.test.ts',
  'test/browser/offline-ordering.test.ts',
  'test/browser/offline-backoff.test.ts',
];

/** ENGINE_NEUTRAL_FILES when CR_ENGINE_SCOPE is `engine-sensitive` (Firefox and WebKit in CI), else none. */
export const leftToChromium = () => (process.env.CR_ENGINE_SCOPE === 'engine-sensitive' ? ENGINE_NEUTRAL_FILES : []);

/** The plugins every browser's run needs. */
export function sharedPlugins() {
  return [
    // tsconfig: esbuild applies experimentalDecorators only when given it. target es2022: 'auto'
    // would leave decorators unlowered on a current browser.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    offlinePlugin,
    emulateMediaPlugin,
    reliabilityPlugin(),
    // The single-file bundle and React/Vue as ES modules, for test/browser/embed-*.test.ts.
    embedTestPlugin(),
  ];
}

/** The config both browsers start from (without `browsers`). */
export function sharedConfig() {
  return {
    files: TEST_FILES,
    nodeResolve: true,
    plugins: sharedPlugins(),
    reporters: [defaultReporter(), plainSummary],
    filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
    testFramework: { config: { timeout: 5000 } },
    // `npm run test:soak` (CR_CHAOS_OPERATIONS=1000) runs one long chaos test.
    testsFinishTimeout: process.env.CR_CHAOS_OPERATIONS ? 1_800_000 : 180000,
    // A page that waits for its modules behind another suite's work (CI runs two lanes side by side)
    // is slow, not broken: wtr's 30 s default failed whole files on a loaded machine.
    browserStartTimeout: 120000,
    testsStartTimeout: 120000,
  };
}
