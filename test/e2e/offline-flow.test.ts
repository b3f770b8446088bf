/**
 * End to end, offline, in the system Chromium (playwright-core): the flow of
 * test/support/e2e/offline-flow.ts — the browser offline, then only /api/* unreachable across a
 * reload; three responses pending, then on the server exactly once. The same flow runs in Firefox
 * as test/e2e-firefox/offline-flow.test.ts.
 */
import { launchChromium } from '../support/e2e/chromium.js';
import { offlineFlow } from '../support/e2e/offline-flow.js';

offlineFlow(launchChromium);
