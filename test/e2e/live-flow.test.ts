/**
 * End to end, live changes in the system Chromium (playwright-core): the flows of
 * test/support/e2e/live-flow.ts — another person's response on the record page, a restart that
 * misses nothing, a tracked open on the campaign page — run in Firefox too (test/e2e-firefox/).
 */
import { launchChromium } from '../support/e2e/chromium.js';
import { liveFlow } from '../support/e2e/live-flow.js';

liveFlow(launchChromium);
