/**
 * End to end, the record page in WebKit (WebKitGTK's MiniBrowser over WebDriver, through
 * webdriverio): the flows of test/support/e2e/record-flow.ts — Add Response, Update Status,
 * Actions → Delete — with the same assertions as in Firefox (Chromium: test/e2e/demo-flow.test.ts, "by mouse").
 */
import { recordFlow } from '../support/e2e/record-flow.js';
import { launchWebKit } from '../support/e2e/webkit.js';

recordFlow(launchWebKit);
