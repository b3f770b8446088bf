/**
 * End to end, in the system Chromium (playwright-core): the flows of test/support/e2e/audit-flow.ts —
 * a line deleted and restored from the history, a campaign's delete-all restored past Undo, each in
 * the audit view under the manager's name — run in Firefox too (test/e2e-firefox/).
 */
import { launchChromium } from '../support/e2e/chromium.js';
import { auditFlow } from '../support/e2e/audit-flow.js';

auditFlow(launchChromium);
