/**
 * End to end in the system Chromium (playwright-core): the booth with no network of
 * test/support/e2e/booth-offline-flow.ts — the built demo and its service worker, the server stopped
 * and started again. The same flow runs in Firefox as test/e2e-firefox/booth-offline.test.ts.
 */
import { launchChromium } from '../support/e2e/chromium.js';
import { boothOfflineFlow } from '../support/e2e/booth-offline-flow.js';

boothOfflineFlow(launchChromium);
