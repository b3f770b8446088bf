/**
 * End to end, the record page in Firefox (Debian's firefox-esr, puppeteer-core over WebDriver BiDi):
 * the flows of test/support/e2e/record-flow.ts — Add Response, Update Status, Actions → Delete —
 * with the same assertions as in WebKit (Chromium: test/e2e/demo-flow.test.ts, "by mouse").
 */
import { launchFirefox } from '../support/e2e/firefox.js';
import { recordFlow } from '../support/e2e/record-flow.js';

recordFlow(launchFirefox);
