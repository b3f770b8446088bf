/**
 * End to end, offline, in WebKit (WebKitGTK's MiniBrowser over WebDriver, through webdriverio): the
 * flow of test/support/e2e/offline-flow.ts, the same assertions as in Chromium and Firefox. The
 * network is cut by a relay in front of the page (test/support/e2e/webkit.ts says why). `npm test`
 * runs it as the 'e2e-webkit' suite when WebKitWebDriver is installed.
 */
import { offlineFlow } from '../support/e2e/offline-flow.js';
import { launchWebKit } from '../support/e2e/webkit.js';

offlineFlow(launchWebKit);
