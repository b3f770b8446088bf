/**
 * End to end, soft deletes, restore and the audit view in Firefox (Debian's firefox-esr,
 * puppeteer-core over WebDriver BiDi): the flows of test/support/e2e/audit-flow.ts, with the same
 * assertions as in Chromium.
 */
import { launchFirefox } from '../support/e2e/firefox.js';
import { auditFlow } from '../support/e2e/audit-flow.js';

auditFlow(launchFirefox);
