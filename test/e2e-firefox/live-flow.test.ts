/**
 * End to end, live changes in Firefox (Debian's firefox-esr, puppeteer-core over WebDriver BiDi):
 * the flows of test/support/e2e/live-flow.ts with the same assertions as in Chromium.
 */
import { launchFirefox } from '../support/e2e/firefox.js';
import { liveFlow } from '../support/e2e/live-flow.js';

liveFlow(launchFirefox);
