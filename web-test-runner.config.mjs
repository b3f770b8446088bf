import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.mjs';
import { embedTestPlugin } from './scripts/embed-test-plugin.mjs';
import { plainSummary } from './scripts/wtr-summary.mjs';

// The reliability tests' server commands (reference server + fault proxies), written in TypeScript.
const { reliabilityPlugin } = await tsImport('./test/support/server/wtr-plugin.ts', import.meta.url);

/**
 * Server command `offline-for` ({ ms }): real DevTools offline emulation of the calling test page.
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

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: true,
  plugins: [
    // tsconfig: esbuild applies experimentalDecorators only when given it. target es2022: 'auto'
    // would leave decorators unlowered on a current Chromium.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    offlinePlugin,
    reliabilityPlugin(),
    // The single-file bundle and React/Vue as ES modules, for test/browser/embed-*.test.ts.
    embedTestPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [defaultReporter(), plainSummary],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  // `npm run test:soak` (CR_CHAOS_OPERATIONS=1000) runs one long chaos test.
  testsFinishTimeout: process.env.CR_CHAOS_OPERATIONS ? 1_800_000 : 120000,
};
