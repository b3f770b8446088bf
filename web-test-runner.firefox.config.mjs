// The whole browser test suite in Firefox (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi (no geckodriver). `npm test` runs it as the 'firefox' suite when a Firefox is
// installed; alone: `npx web-test-runner --config web-test-runner.firefox.config.mjs`.
// The same files, plugins and reporters as the Chromium run (scripts/wtr-shared.mjs), but for
// CDP_ONLY_FILES: forced-colors.test.ts needs media emulation, which WebDriver BiDi does not have
// (and Firefox's forced colours are a browser-wide preference, not one page's); in CI,
// ENGINE_NEUTRAL_FILES too.
import { chromeLauncher } from '@web/test-runner-chrome';
import { findBrowser } from './scripts/find-browser.mjs';
import { CDP_ONLY_FILES, TEST_FILES, leftToChromium, sharedConfig } from './scripts/wtr-shared.mjs';

export default {
  ...sharedConfig(),
  files: [TEST_FILES, ...[...CDP_ONLY_FILES, ...leftToChromium()].map((file) => `!${file}`)],
  // One test file at a time, whatever the core count (the runner's default is half the cores): a
  // second file runs in a background tab, where Firefox pauses animation frames and slows timers, and
  // its tests time out (tried: 24 of 228 failed with 2).
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: findBrowser('firefox'), headless: true },
    }),
  ],
};
