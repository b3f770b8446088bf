// The browser test suite in WebKit (Safari's engine): WebKitGTK's MiniBrowser, driven over W3C
// WebDriver by @web/test-runner-webdriver (webdriverio) through WebKitWebDriver, which runs on an
// Xvfb display started here and ended when the run ends (scripts/webkit.mjs). `npm test` runs it as
// the 'webkit' suite when WebKitWebDriver is installed; alone:
// `npx web-test-runner --config web-test-runner.webkit.config.mjs`.
// Debian: `apt-get install -y webkit2gtk-driver xvfb xauth`.
// The same files, plugins and reporters as the Chromium and Firefox runs (scripts/wtr-shared.mjs),
// but for WEBKIT_LEFT_OUT below (and, in CI, ENGINE_NEUTRAL_FILES there).
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CDP_ONLY_FILES, TEST_FILES, leftToChromium, sharedConfig } from './scripts/wtr-shared.mjs';
import { WEBKIT_HOW_TO, findWebKit, startWebKitDriver, webkitCapabilities } from './scripts/webkit.mjs';

/**
 * Test files WebKit cannot run, each for a reason of the driver or the engine, not of the kit:
 * - forced-colors.test.ts: media emulation through DevTools (CDP); WebDriver classic has none.
 * - offline-devtools.test.ts: the browser's own offline emulation (puppeteer's setOfflineMode,
 *   over CDP or WebDriver BiDi); WebKitWebDriver has no network emulation. The outbox's offline
 *   behaviour is still run here through the fault proxies and the fake adapters (offline-*).
 * - theme-auto.test.ts: auto.css under prefers-color-scheme, set through an iframe's color-scheme;
 *   WebKit does not pass an <iframe>'s color-scheme on to its document's prefers-color-scheme, and
 *   WebDriver has no media emulation to set it otherwise. light.css and dark.css are still tested
 *   here (parts-and-tokens.test.ts).
 */
export const WEBKIT_LEFT_OUT = [...CDP_ONLY_FILES, 'test/browser/offline-devtools.test.ts', 'test/browser/theme-auto.test.ts'];

const miniBrowser = findWebKit();
if (!miniBrowser) {
  console.error(`\nNo WebKit found for the browser tests.\n${WEBKIT_HOW_TO}\n`);
  process.exit(1);
}

/** The WebDriver launcher, with the WebKitWebDriver it talks to started and ended alongside it. */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config, testFiles) {
    // English (US), as the other browsers run: with no LANG, WebKitGTK takes the POSIX locale,
    // whose formats ("$ 1000.00") are no language's.
    this.webkitDriver = await startWebKitDriver({ LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' });
    Object.assign(this.options, { hostname: this.webkitDriver.hostname, port: this.webkitDriver.port });
    await super.initialize(config, testFiles);
  }

  async stop() {
    await super.stop();
    this.webkitDriver?.stop();
  }
}

const shared = sharedConfig();

export default {
  ...shared,
  // 15 s a test rather than 5: axe's audit of the stats panel (its charts' contrast) took over 5 s
  // in MiniBrowser on Xvfb, which paints in software, on a loaded 2-core machine.
  testFramework: { config: { ...shared.testFramework.config, timeout: 15000 } },
  files: [TEST_FILES, ...[...WEBKIT_LEFT_OUT, ...leftToChromium()].map((file) => `!${file}`)],
  // MiniBrowser's start (with Xvfb's) and a first page whose modules esbuild transforms took over
  // the default 30 s (and a page's tests over the default 20 s to start) on the loaded machine.
  browserStartTimeout: 120000,
  testsStartTimeout: 60000,
  // One window, one test file at a time (the launcher's SessionManager): MiniBrowser under Xvfb
  // has a single window, and a second file in a frame beside it would be throttled.
  concurrency: 1,
  browsers: [
    new WebKitLauncher({
      capabilities: webkitCapabilities(miniBrowser),
      logLevel: 'error',
    }),
  ],
};
