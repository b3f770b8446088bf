/**
 * End to end, soft deletes, restore and the audit view in WebKit (WebKitGTK's MiniBrowser over
 * WebDriver, through webdriverio): the flows of test/support/e2e/audit-flow.ts, with the same
 * assertions as in Chromium and Firefox.
 */
import { launchWebKit } from '../support/e2e/webkit.js';
import { auditFlow } from '../support/e2e/audit-flow.js';

auditFlow(launchWebKit);
