/**
 * End to end, the record page in the system Chromium (playwright-core): the flows of
 * test/support/e2e/record-flow.ts — Add Response, Update Status, Actions → Delete — run in Firefox
 * and WebKit too (test/e2e-firefox/, test/e2e-webkit/).
 */
import { launchChromium } from '../support/e2e/chromium.js';
import { recordFlow } from '../support/e2e/record-flow.js';

recordFlow(launchChromium);
