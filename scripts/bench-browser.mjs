// The browser `npm run bench` runs its pages in: Chromium (playwright-core) by default, or Firefox
// with BENCH_BROWSER=firefox (puppeteer-core over WebDriver BiDi, as the Firefox end-to-end driver;
// playwright-core drives only its own patched Firefox builds). Both pages answer the few calls the
// runner makes: goto, evaluate(fn, arg), on('pageerror' | 'console'), close.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';

/** Which engine, from BENCH_BROWSER ('chromium' or 'firefox'). */
export function benchEngine(env = process.env) {
  const engine = env.BENCH_BROWSER ?? 'chromium';
  if (engine !== 'chromium' && engine !== 'firefox') throw new Error(`BENCH_BROWSER=${engine}: chromium or firefox`);
  return engine;
}

/** Launches the engine; resolves { browser (newPage, close), label ('chromium 156…') }. */
export async function launchBenchBrowser(engine) {
  if (engine === 'firefox') {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: findBrowser('firefox'), protocol: 'webDriverBiDi', headless: true });
    return { browser, label: `firefox ${(await browser.version()).replace(/^firefox\//i, '')}` };
  }
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
  return { browser, label: `${browser.browserType().name()} ${browser.version()}` };
}
