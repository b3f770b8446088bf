/**
 * End to end in WebKit (WebKitGTK's MiniBrowser over WebDriver, through webdriverio): the booth with
 * no network of test/support/e2e/booth-offline-flow.ts, the same assertions as in Chromium and
 * Firefox. `npm test` runs it in the 'e2e-webkit' suite when WebKitWebDriver is installed.
 */
import { boothOfflineFlow } from '../support/e2e/booth-offline-flow.js';
import { launchWebKit } from '../support/e2e/webkit.js';

boothOfflineFlow(launchWebKit);
