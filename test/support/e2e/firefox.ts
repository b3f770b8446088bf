/**
 * The end-to-end driver for Firefox (Debian's firefox-esr), through puppeteer-core over WebDriver
 * BiDi: playwright-core drives only its own patched Firefox builds, and there is no geckodriver.
 *
 * - Finding controls: Puppeteer's `>>>` (descendant, through open shadow roots), then the control
 *   by what a person reads: a button by its text, a field by its <label> (`label.control`), the
 *   dialog by the heading that labels it. (Puppeteer's ARIA selectors, BiDi's accessibility
 *   locator, found none of the page's controls in Firefox 153 ESR, not even the demo's own.) Clicks and
 *   typing are real input (BiDi input.performActions); a <select> is set as Puppeteer's select()
 *   does it (the option's value, then input and change events), like Playwright's selectOption.
 * - Offline: page.setOfflineMode, i.e. BiDi `emulation.setNetworkConditions` { type: 'offline' } on
 *   the page's browsing context: navigator.onLine false, every request fails with a network error.
 * - Only the API cut off: request interception (BiDi network.addIntercept), failing each request
 *   under the prefix with network.failRequest (the page's fetch rejects as on a dead network) and
 *   letting everything else continue.
 * - Vite's HMR socket: a preload script (BiDi script.addPreloadScript) gives Vite's client a
 *   socket that never opens, so a file saved meanwhile cannot reload the page (the Chromium driver
 *   answers the socket itself with Playwright's routeWebSocket instead).
 */
import puppeteer from 'puppeteer-core';
import type { ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import { findBrowser } from '../../../scripts/find-browser.mjs';
import { STEP_MS, waitFor } from './driver.js';
import type { BulkEntry, E2eBrowser, E2ePage, Edit, StatusUpdate } from './driver.js';

/**
 * The preload script that keeps Vite's HMR client from ever connecting: its socket (protocol
 * 'vite-hmr') never opens, so the client waits, receives nothing and never reloads the page. A
 * string, not a function: a Proxy installed by a function preload did not reach the page's own
 * scripts in Firefox 153 (Vite still connected), this plain replacement does.
 */
const VITE_HMR_NEVER_OPENS = `{
  const Native = window.WebSocket;
  window.WebSocket = function WebSocket(url, protocols) {
    return protocols === 'vite-hmr' ? Object.assign(new EventTarget(), { url, readyState: 0, send() {}, close() {} }) : new Native(url, protocols);
  };
}`;

export async function launchFirefox(): Promise<E2eBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    protocol: 'webDriverBiDi',
    headless: true,
    // The zone and language the Chromium driver sets per context, here for the whole browser.
    env: { ...process.env, TZ: 'Europe/Berlin' },
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
  });
  return {
    name: 'Firefox',
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      await page.setViewport({ width: 1280, height: 1000 });
      await page.evaluateOnNewDocument(VITE_HMR_NEVER_OPENS);
      return firefoxPage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}

/** The first of `handles` whose element satisfies `test` (run in the page with `arg`), or null. */
async function firstWhere<T extends Element>(handles: ElementHandle<T>[], test: (element: T, arg: string) => boolean, arg: string): Promise<ElementHandle<T> | null> {
  for (const handle of handles) if (await handle.evaluate(test, arg)) return handle;
  return null;
}

const textIs = (element: Element, text: string) => element.textContent?.trim() === text;

function firefoxPage(page: Page, closeContext: () => Promise<void>): E2ePage {
  let cut: ((request: HTTPRequest) => void) | undefined;

  const campaignRow = async (title: string) =>
    firstWhere(
      await page.$$('campaign-responses-tab >>> tbody[part="campaign"]'),
      (row, text) => row.querySelector('[part="disclosure"]')?.textContent?.trim() === text,
      title,
    );

  /** Waits for the element `find` finds, and hands it over. */
  async function present<T>(find: () => Promise<T | null>, what: string, ms = STEP_MS): Promise<T> {
    let found: T | null = null;
    await waitFor(async () => (found = await find()) !== null, what, ms);
    return found as T;
  }

  /**
   * Clicks what `find` finds, found again while the click fails: the summary's re-render right after
   * a save can leave a found button without a box for a moment ("Node is either not clickable or
   * not an Element", seen once in CI), where a person would simply click again.
   */
  async function clickFound(find: () => Promise<ElementHandle | null>, what: string): Promise<void> {
    await waitFor(async () => {
      const handle = await find();
      if (!handle) return false;
      try {
        await handle.click();
        return true;
      } catch (error) {
        if (/not clickable|detached/iu.test(String(error))) return false;
        throw error;
      }
    }, `a click on ${what}`);
  }

  const buttonNamed = async (scope: Page | ElementHandle, selector: string, name: string) =>
    present(async () => firstWhere(await scope.$$(selector), textIs, name), `the button ${name}`);

  /** The control a <label> with exactly this text labels, inside the dialog. */
  async function labelled(dialog: ElementHandle, label: string): Promise<ElementHandle> {
    const labelElement = await present(async () => firstWhere(await dialog.$$('label'), textIs, label), `the field ${label}`);
    const control = (await labelElement.evaluateHandle((element) => (element as HTMLLabelElement).control)).asElement();
    if (!control) throw new Error(`the label ${label} labels no control`);
    return control as ElementHandle;
  }

  async function selectByLabel(select: ElementHandle, label: string): Promise<void> {
    const value = await select.evaluate((element, text) => Array.from((element as HTMLSelectElement).options).find((option) => option.label === text)?.value, label);
    if (value === undefined) throw new Error(`no option ${label}`);
    await select.select(value);
  }

  /** Every match of `selector` inside the page's <bulk-response-entry>. */
  const inBulk = (selector: string) => page.$$(`bulk-response-entry >>> ${selector}`);

  /** The bulk entry's control that the <label> with exactly this text labels. */
  async function bulkField(label: string): Promise<ElementHandle> {
    const labelElement = await present(async () => firstWhere(await inBulk('label'), textIs, label), `the field ${label}`);
    const control = (await labelElement.evaluateHandle((element) => (element as HTMLLabelElement).control)).asElement();
    if (!control) throw new Error(`the label ${label} labels no control`);
    return control as ElementHandle;
  }

  /** Types `text` into a text field in place of what it held. */
  async function replaceText(field: ElementHandle, text: string): Promise<void> {
    await field.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await field.type(text);
  }

  /** The open <dialog> of the tab that the heading `name` labels. */
  const dialogNamed = async (name: string) =>
    present(
      async () =>
        firstWhere(
          await page.$$('campaign-responses-tab >>> dialog[open]'),
          (element, text) => (element.getRootNode() as ShadowRoot).getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === text,
          name,
        ),
      `the dialog ${name}`,
    );

  const closed = (dialog: ElementHandle) =>
    waitFor(async () => !(await dialog.evaluate((element) => (element as HTMLDialogElement).open && element.isConnected)), 'the dialog to close');

  /** Update Status of the campaign's event (the button's aria-label names both) → its dialog. */
  async function openUpdateStatus(campaign: string, event: string): Promise<ElementHandle> {
    const row = await present(() => campaignRow(campaign), `the row of ${campaign}`);
    const button = await present(async () => firstWhere(await row.$$('button'), (element, name) => element.getAttribute('aria-label') === name, `Update Status: ${event}`), `Update Status: ${event}`);
    await button.click();
    return dialogNamed('Campaign Response');
  }

  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    async waitForCampaign(title, marks, ms = STEP_MS) {
      if (!marks) {
        await present(() => campaignRow(title), `the row of ${title}`, ms);
        return;
      }
      const selector = marks === 'pending' ? '[data-sync-state="pending"]' : '[data-sync-state]';
      await waitFor(
        async () => {
          const mark = await (await campaignRow(title))?.$(selector);
          return marks === 'pending' ? Boolean(mark) : !mark;
        },
        `the row of ${title} to mark ${marks === 'pending' ? 'an edit pending' : 'no edit'}`,
        ms,
      );
    },
    waitForPart: async (element, part) => void (await page.waitForSelector(`${element} >>> [part="${part}"]`)),
    pendingCount: async () => (await page.$('campaign-sync-status >>> [part="pending"]'))?.evaluate((element) => element.getAttribute('data-count')) ?? null,
    onLine: () => page.evaluate(() => navigator.onLine),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async addResponse({ campaign, event, note }: Edit) {
      await (await buttonNamed(page, 'campaign-responses-tab >>> button', 'Add Response')).click();
      const dialog = await dialogNamed('New Campaign Response');
      await selectByLabel(await labelled(dialog, 'Campaign'), campaign);
      await selectByLabel(await labelled(dialog, 'Campaign event'), event);
      await selectByLabel(await labelled(dialog, 'New Response Detail'), 'Responded');
      await (await labelled(dialog, 'Note')).type(note);
      await (await buttonNamed(dialog, 'button', 'Save')).click();
      await closed(dialog);
    },
    async recordInBulk({ event, detail, note, recipients }: BulkEntry) {
      const newList = async () => firstWhere(await inBulk('button'), textIs, 'New list');
      if (await newList()) await clickFound(newList, 'New list');
      await selectByLabel(await bulkField('Campaign event'), event);
      await selectByLabel(await bulkField('Response Detail'), detail);
      await replaceText(await bulkField('Note'), note);
      await replaceText(await bulkField('Paste emails, ids or names, one per line'), recipients.join('\n'));
      await (await buttonNamed(page, 'bulk-response-entry >>> button', 'Check the list')).click();
      const countsShown = await present(async () => (await inBulk('[part~="counts"]'))[0] ?? null, 'the preview');
      const counts = await countsShown.evaluate((element) => element.textContent?.trim() ?? '');
      const keepUnchecked = await firstWhere(await inBulk('button'), (element, pattern) => new RegExp(pattern).test(element.textContent?.trim() ?? ''), '^Save the \\d+ rows? not checked \\(offline\\) too$');
      if (keepUnchecked) await keepUnchecked.click();
      const save = await present(async () => firstWhere(await inBulk('button'), (element, pattern) => new RegExp(pattern).test(element.textContent?.trim() ?? ''), '^Save \\d+ responses?$'), 'Save');
      await save.click();
      await present(async () => (await inBulk('[part~="summary"]'))[0] ?? null, 'the summary');
      const summary = await (await inBulk('[part~="status"]'))[0]!.evaluate((element) => element.textContent?.trim() ?? '');
      return { counts, summary };
    },
    recordName: async () => (await page.$eval('#record-name', (element) => element.textContent?.trim() ?? '')),
    async responseShown(title) {
      const detail = await (await campaignRow(title))?.$('td[part="response"] [part="response-detail"]');
      return detail ? detail.evaluate((element) => element.textContent?.trim() ?? '') : null;
    },
    async updateStatus({ campaign, event, detail, note }: StatusUpdate) {
      const dialog = await openUpdateStatus(campaign, event);
      await selectByLabel(await labelled(dialog, 'New Response Detail'), detail);
      await (await labelled(dialog, 'Note')).type(note);
      await (await buttonNamed(dialog, 'button', 'Save New Response')).click();
      await closed(dialog);
    },
    async deleteAll({ campaign, event }) {
      const dialog = await openUpdateStatus(campaign, event);
      await (await buttonNamed(dialog, 'button', 'Actions')).click();
      await (await buttonNamed(dialog, '[role="menuitem"]', 'Delete')).click();
      const confirm = await dialogNamed('Delete responses');
      // Delete is enabled once the responses are counted, and the question names their number.
      const remove = await present(async () => confirm.$('[part="confirm-delete-button"]:not([disabled])'), 'Delete enabled in the confirmation');
      const question = await confirm.$eval('#confirm-text', (element) => element.textContent?.trim() ?? '');
      await remove.click();
      await closed(confirm);
      return question;
    },
    setOffline: (offline) => page.setOfflineMode(offline),
    async cutApi(prefix, except) {
      cut = (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const url = new URL(request.url());
        const resolved = url.href.startsWith(prefix) && !except.includes(url.pathname) ? request.abort('internetdisconnected') : request.continue();
        // A request the page gave up meanwhile (its fetch aborted, the page reloaded) is no longer there to resolve.
        resolved.catch((error: unknown) => {
          if (!String(error).includes('no such request')) throw error;
        });
      };
      page.on('request', cut);
      await page.setRequestInterception(true);
    },
    async restoreApi() {
      await page.setRequestInterception(false);
      if (cut) page.off('request', cut);
      cut = undefined;
    },
    run: <T>(script: string) => page.evaluate(`(() => { ${script} })()`) as Promise<T>,
    close: closeContext,
  };
}
