/**
 * End to end, offline, in Firefox (Debian's firefox-esr, puppeteer-core over WebDriver BiDi): the
 * flow of test/support/e2e/offline-flow.ts, the same assertions as in Chromium
 * (test/e2e/offline-flow.test.ts). `npm test` runs it as the 'e2e-firefox' suite when a Firefox is
 * installed.
 */
import { launchFirefox } from '../support/e2e/firefox.js';
import { offlineFlow } from '../support/e2e/offline-flow.js';

offlineFlow(launchFirefox);
