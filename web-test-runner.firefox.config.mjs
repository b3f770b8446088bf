// The outbox and reliability tests in Firefox (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi (no geckodriver). `npm test` runs it as the 'firefox' suite when a Firefox is
// installed; alone: `npx web-test-runner --config web-test-runner.firefox.config.mjs`.
// offline-devtools.test.ts is left out: DevTools offline emulation is CDP, Chromium only.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { findBrowser } from './scripts/find-browser.mjs';
import { plainSummary } from './scripts/wtr-summary.mjs';

const { reliabilityPlugin } = await tsImport('./test/support/server/wtr-plugin.ts', import.meta.url);

export default {
  files: ['test/browser/offline-*.test.ts', '!test/browser/offline-devtools.test.ts', 'test/browser/reliability-*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), reliabilityPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: findBrowser('firefox'), headless: true },
    }),
  ],
  reporters: [defaultReporter(), plainSummary],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  testsFinishTimeout: 180000,
};
