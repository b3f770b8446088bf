/**
 * End to end in Firefox (Debian's firefox-esr, puppeteer-core over WebDriver BiDi): the booth with no
 * network of test/support/e2e/booth-offline-flow.ts, the same assertions as in Chromium
 * (test/e2e/booth-offline.test.ts). `npm test` runs it in the 'e2e-firefox' suite.
 */
import { launchFirefox } from '../support/e2e/firefox.js';
import { boothOfflineFlow } from '../support/e2e/booth-offline-flow.js';

boothOfflineFlow(launchFirefox);
