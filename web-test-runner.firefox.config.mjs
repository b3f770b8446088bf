// The whole browser test suite in Firefox (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi (no geckodriver). `npm test` runs it as the 'firefox' suite when a Firefox is
// installed; alone: `npx web-test-runner --config web-test-runner.firefox.config.mjs`.
// The same files, plugins and reporters as the Chromium run (scripts/wtr-shared.mjs), none left out.
import { chromeLauncher } from '@web/test-runner-chrome';
import { findBrowser } from './scripts/find-browser.mjs';
import { sharedConfig } from './scripts/wtr-shared.mjs';

export default {
  ...sharedConfig(),
  browsers: [
    chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: findBrowser('firefox'), headless: true },
    }),
  ],
};
