// The browser tests in Chromium: `npx web-test-runner` (`npm test` runs it as the 'browser' suite).
// The files, plugins and reporters are those of the Firefox run too (scripts/wtr-shared.mjs).
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.mjs';
import { sharedConfig } from './scripts/wtr-shared.mjs';

export default {
  ...sharedConfig(),
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
