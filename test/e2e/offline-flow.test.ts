/**
 * End to end, offline (issue 4, item 6, last bullet): the demo page (offline edits on) in the system
 * Chromium via playwright-core, against `npm start`'s server. The page is cut off from the API —
 * once by taking the browser offline, once by making only /api/* unreachable while the page itself
 * still loads — three responses are added through the Add Response dialog, the page shows them
 * pending (and, reloaded while the API is unreachable, shows what was last seen, marked as of then),
 * the connection comes back, and the server holds each of the three exactly once.
 *
 * The second case keeps navigator.onLine true throughout: the outbox decides by what its requests
 * do, not by the browser's flag. (A page reloaded with the browser itself offline cannot load its
 * HTML; caching that is the host page's business, so the first case does not reload.)
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer } from '../../server/start.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import type { RunningServer } from '../../server/start.js';
import type { Page as ResultPage, ResponseLine } from '../../src/model/types.js';


const STEP_MS = 15_000;
const RECIPIENT = '42';

let server: RunningServer;
let dataDir: string;
let browser: Browser;

before(
  async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cr-e2e-offline-'));
    server = await startServer({ port: 0, dataDir, vite: true, viteRoot: fileURLToPath(new URL('../../demo', import.meta.url)) });
    browser = await chromium.launch({
      executablePath: findBrowser('chromium'),
      args: CHROMIUM_ARGS,
    });
    // Warm-up: Vite transforms the demo's modules on first request.
    const { context, page } = await openPage();
    await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
    await campaignRows(page).first().waitFor({ timeout: 60_000 });
    await context.close();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** How many stored lines of the recipient carry exactly this note. */
async function storedWithNote(note: string): Promise<number> {
  const answer = await fetch(`${server.url}/api/recipients/${RECIPIENT}/responses?q=${encodeURIComponent(note)}&limit=500`, {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  assert.equal(answer.status, 200);
  const page = (await answer.json()) as ResultPage<ResponseLine>;
  return page.items.filter((line) => line.note === note).length;
}

async function openPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1000 } });
  // Vite's HMR socket is answered here, never by Vite: a file saved meanwhile must not reload the page.
  await context.routeWebSocket(/./, () => undefined);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  return { context, page };
}

const campaignRows = (page: Page) => page.locator('campaign-responses-tab').locator('tbody[part="campaign"]');
const campaignRow = (page: Page, title: string): Locator =>
  campaignRows(page).filter({ has: page.locator('[part="disclosure"]', { hasText: title }) });
const pendingCount = (page: Page) => page.locator('campaign-sync-status [part="pending"]').getAttribute('data-count');

/** Add Response → New Campaign Response → Save, as a person does it. */
async function addResponse(page: Page, campaign: string, event: string, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Add Response' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });
  await dialog.waitFor();
  await dialog.getByLabel('Campaign', { exact: true }).selectOption({ label: campaign });
  await dialog.getByLabel('Campaign event').selectOption({ label: event });
  await dialog.getByLabel('New Response Detail').selectOption({ label: 'Responded' });
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = STEP_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Three edits, each to another campaign of the recipient, so each campaign row shows one as pending. */
function threeEdits(tag: string, picks: [string, string][]): { campaign: string; event: string; note: string }[] {
  return picks.map(([campaign, event], i) => ({ campaign, event, note: `${tag} ${i + 1} (${Date.now()})` }));
}

describe('demo page offline: edits queued, shown pending, delivered once', () => {
  test('the browser offline: three responses pending, then delivered once when it is back', { timeout: 90_000 }, async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
      const edits = threeEdits('Offline browser', [
        ['Spring Product Launch 2026', 'Launch announcement email'],
        ['Industry Expo Berlin 2026', 'Trade show booth B12'],
        ['Annual Renewal Calls', 'Renewal calls, round 1'],
      ]);
      for (const edit of edits) await campaignRow(page, edit.campaign).waitFor();
      await page.locator('campaign-sync-status [part="connectivity"]').waitFor();

      await context.setOffline(true);
      for (const edit of edits) await addResponse(page, edit.campaign, edit.event, edit.note);
      for (const edit of edits) await campaignRow(page, edit.campaign).locator('[data-sync-state="pending"]').waitFor();
      await waitFor(async () => (await pendingCount(page)) === '3', 'the sync status to count 3 pending');
      for (const edit of edits) assert.equal(await storedWithNote(edit.note), 0, 'nothing reached the server');

      await context.setOffline(false);
      await waitFor(async () => (await Promise.all(edits.map((e) => storedWithNote(e.note)))).every((n) => n === 1), 'all three on the server', 30_000);
      await waitFor(async () => (await pendingCount(page)) === '0', 'the sync status to say all sent');
      for (const edit of edits) await campaignRow(page, edit.campaign).locator('[data-sync-state]').waitFor({ state: 'detached' });
      await page.waitForTimeout(1000); // anything sent twice would land meanwhile
      for (const edit of edits) assert.equal(await storedWithNote(edit.note), 1, `${edit.note}: once`);
    } finally {
      await context.close();
    }
  });

  test('only the API unreachable (the page still loads): pending across a reload with what was last seen, then delivered once', { timeout: 90_000 }, async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
      const edits = threeEdits('API unreachable', [
        ['Analytics Webinar Series', 'Live webinar: Analytics 101'],
        ['Summer Promotion 2026', 'Summer promo mailer'],
        ['Annual Renewal Calls', 'Renewal calls, round 2'],
      ]);
      for (const edit of edits) await campaignRow(page, edit.campaign).waitFor();

      // Every request of the kit to /api/* fails as on a dead network; the page and its scripts
      // still load. The demo host's own list of recipients (GET /api/recipients, for its picker)
      // is let through: it is the host's request, not the kit's.
      const api = new URL('/api/', server.url).href;
      await context.route(
        (url) => url.href.startsWith(api),
        (route) => (new URL(route.request().url()).pathname === '/api/recipients' ? route.continue() : route.abort('internetdisconnected')),
      );
      for (const edit of edits) await addResponse(page, edit.campaign, edit.event, edit.note);
      for (const edit of edits) await campaignRow(page, edit.campaign).locator('[data-sync-state="pending"]').waitFor();

      await page.reload();
      // What was last seen, marked as of then, with the three edits merged in and marked pending.
      await page.locator('campaign-responses-tab [part="stale-notice"]').waitFor();
      for (const edit of edits) await campaignRow(page, edit.campaign).locator('[data-sync-state="pending"]').waitFor();
      await waitFor(async () => (await pendingCount(page)) === '3', 'the sync status to count 3 pending after the reload');
      assert.equal(await page.evaluate(() => navigator.onLine), true, 'the browser believes it is online');
      for (const edit of edits) assert.equal(await storedWithNote(edit.note), 0, 'nothing reached the server');

      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await waitFor(async () => (await Promise.all(edits.map((e) => storedWithNote(e.note)))).every((n) => n === 1), 'all three on the server', 45_000);
      await waitFor(async () => (await pendingCount(page)) === '0', 'the sync status to say all sent');
      await page.waitForTimeout(1000);
      for (const edit of edits) assert.equal(await storedWithNote(edit.note), 1, `${edit.note}: once`);
    } finally {
      await context.close();
    }
  });
});
