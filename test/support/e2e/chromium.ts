/**
 * The end-to-end driver for the system Chromium, through playwright-core. Controls are found as a
 * person names them (role and accessible name, label); Playwright's locators look into open shadow
 * roots by themselves. Offline: Playwright's context.setOffline (DevTools network emulation:
 * navigator.onLine false, every request fails). Only the API cut off: context.route aborting with
 * 'internetdisconnected' (the page sees a network error).
 */
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../../scripts/find-browser.mjs';
import { STEP_MS } from './driver.js';
import type { BulkEntry, E2eBrowser, E2ePage, Edit, StatusUpdate } from './driver.js';

export async function launchChromium(): Promise<E2eBrowser> {
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
  return {
    name: 'Chromium',
    async newPage() {
      const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1000 } });
      // Vite's HMR socket is answered here, never by Vite: a file saved meanwhile must not reload the page.
      await context.routeWebSocket(/./, () => undefined);
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      return chromiumPage(context, page);
    },
    close: () => browser.close(),
  };
}

function chromiumPage(context: BrowserContext, page: Page): E2ePage {
  const campaignRow = (title: string): Locator =>
    page.locator('campaign-responses-tab').locator('tbody[part="campaign"]').filter({ has: page.locator('[part="disclosure"]', { hasText: title }) });
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    async waitForCampaign(title, marks, ms = STEP_MS) {
      const row = campaignRow(title);
      if (!marks) await row.waitFor({ timeout: ms });
      else if (marks === 'pending') await row.locator('[data-sync-state="pending"]').waitFor({ timeout: ms });
      else await row.locator('[data-sync-state]').waitFor({ state: 'detached', timeout: ms });
    },
    waitForPart: (element, part) => page.locator(element).locator(`[part="${part}"]`).waitFor(),
    pendingCount: () => page.locator('campaign-sync-status [part="pending"]').getAttribute('data-count'),
    onLine: () => page.evaluate(() => navigator.onLine),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async addResponse({ campaign, event, note }: Edit) {
      await page.getByRole('button', { name: 'Add Response' }).click();
      const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });
      await dialog.waitFor();
      await dialog.getByLabel('Campaign', { exact: true }).selectOption({ label: campaign });
      await dialog.getByLabel('Campaign event').selectOption({ label: event });
      await dialog.getByLabel('New Response Detail').selectOption({ label: 'Responded' });
      await dialog.getByLabel('Note').fill(note);
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    },
    async recordInBulk({ event, detail, note, recipients }: BulkEntry) {
      const entry = page.locator('bulk-response-entry');
      const newList = entry.getByRole('button', { name: 'New list' });
      if (await newList.isVisible()) await newList.click();
      await entry.getByLabel('Campaign event').selectOption({ label: event });
      await entry.getByLabel('Response Detail').selectOption({ label: detail });
      await entry.getByLabel('Note').fill(note);
      await entry.getByLabel('Paste emails, ids or names, one per line').fill(recipients.join('\n'));
      await entry.getByRole('button', { name: 'Check the list' }).click();
      await entry.locator('[part~="preview"]').waitFor();
      const counts = (await entry.locator('[part~="counts"]').innerText()).trim();
      const keepUnchecked = entry.getByRole('button', { name: /^Save the \d+ rows? not checked \(offline\) too$/ });
      if (await keepUnchecked.isVisible()) await keepUnchecked.click();
      await entry.getByRole('button', { name: /^Save \d+ responses?$/ }).click();
      await entry.locator('[part~="summary"]').waitFor();
      return { counts, summary: (await entry.locator('[part~="status"]').innerText()).trim() };
    },
    recordName: async () => (await page.locator('#record-name').textContent())?.trim() ?? '',
    async responseShown(title) {
      const cell = campaignRow(title).locator('td[part="response"]');
      const detail = cell.locator('[part="response-detail"]');
      // One read that does not wait: between a count and a read, a line being deleted can go, and
      // a read that waits for it then waits its whole timeout.
      const [text] = await detail.allInnerTexts();
      return text === undefined ? null : text.trim();
    },
    async updateStatus({ campaign, event, detail, note }: StatusUpdate) {
      await campaignRow(campaign).getByRole('button', { name: `Update Status: ${event}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
      await dialog.waitFor();
      await dialog.getByLabel('New Response Detail').selectOption({ label: detail });
      await dialog.getByLabel('Note').fill(note);
      await dialog.getByRole('button', { name: 'Save New Response' }).click();
      await dialog.waitFor({ state: 'hidden' });
    },
    async deleteAll({ campaign, event }) {
      await campaignRow(campaign).getByRole('button', { name: `Update Status: ${event}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
      await dialog.getByRole('button', { name: 'Actions' }).click();
      await dialog.getByRole('menuitem', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete responses' });
      // Delete is enabled once the responses are counted, and the question names their number.
      await confirm.locator('[part="confirm-delete-button"]:not([disabled])').waitFor();
      const question = (await confirm.locator('#confirm-text').innerText()).trim();
      await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      return question;
    },
    setOffline: (offline) => context.setOffline(offline),
    async cutApi(prefix, except) {
      await context.route(
        (url) => url.href.startsWith(prefix),
        (route) => (except.includes(new URL(route.request().url()).pathname) ? route.continue() : route.abort('internetdisconnected')),
      );
    },
    restoreApi: () => context.unrouteAll({ behavior: 'ignoreErrors' }),
    run: <T>(script: string) => page.evaluate(`(() => { ${script} })()`) as Promise<T>,
    close: () => context.close(),
  };
}
