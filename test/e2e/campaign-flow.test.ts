/**
 * End to end: the demo's campaign page (`npm start`'s server: the API, the demo through Vite, a
 * fresh database: test/support/e2e/demo-server.ts) in the system Chromium, driven by playwright-core. A person sends the
 * seeded unsent email event, opens a message in the simulated inbox (its tracking pixel loads) and
 * clicks a link (through the click redirect), refreshes the statistics, and sees the opened and
 * clicked-through counts move in the stats panel; the server's own answers agree.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startDemoServer, type DemoServer } from '../support/e2e/demo-server.js';
import type { CampaignResponsePage, CampaignStats, EventStats } from '../../src/model/campaign-stats.js';


const CAMPAIGN = 'spring-launch-2026';
const EVENT = 'spring-last-chance';
const STEP_MS = 15_000;

let server: DemoServer;
let browser: Browser;

before(
  async () => {
    // No timer: the figures change only when the page asks for fresh ones (Refresh).
    server = await startDemoServer('campaign', { statsSchedule: false });
    browser = await chromium.launch({
      executablePath: findBrowser('chromium'),
      args: CHROMIUM_ARGS,
    });
    // Warm-up: Vite transforms the campaign page's modules on first request.
    const { context, page } = await openPage();
    await page.goto(`${server.url}/campaign.html?campaign=${CAMPAIGN}`);
    await panel(page).locator('[part="as-of"]').waitFor({ timeout: 60_000 });
    await context.close();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(path: string): Promise<T> => server.api<T>(path);

async function openPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1000 } });
  // Vite's HMR socket is answered here and never by Vite: a file saved while the tests run must not reload the page.
  await context.routeWebSocket(/./, () => undefined);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

const panel = (page: Page) => page.locator('campaign-stats-panel');
const eventCell = (page: Page, column: string) => panel(page).locator(`[data-event="${EVENT}"] [data-column="${column}"]`);

/** The count at the start of a cell ("3 50%" → 3). */
async function countIn(cell: Locator): Promise<number> {
  const text = (await cell.innerText()).trim();
  const match = /^[\d,]+/u.exec(text);
  assert.ok(match, `a count in "${text}"`);
  return Number(match[0].replace(/,/gu, ''));
}

/** Polls `check` (a page's figures change after a request) until it holds, or fails after STEP_MS. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + STEP_MS;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${STEP_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventStats(fresh = true): Promise<EventStats> {
  const stats = await api<CampaignStats>(`/campaigns/${CAMPAIGN}/stats${fresh ? '?fresh=1' : ''}`);
  const found = stats.events.find((e) => e.eventId === EVENT);
  assert.ok(found, `${EVENT} in the stats`);
  return found;
}

test('send the email event, open and click in the simulated inbox, refresh: the counts move', { timeout: 90_000 }, async () => {
  const before = await eventStats();
  assert.equal(before.sent.count, 0, 'the seeded event is unsent');

  const { context, page, errors } = await openPage();
  await page.goto(`${server.url}/campaign.html?campaign=${CAMPAIGN}`);
  await panel(page).locator('[part="as-of"]').waitFor();
  assert.equal(await page.locator('#campaign-name').innerText(), 'Spring Product Launch 2026');
  assert.equal(await panel(page).locator('[part="title"]').innerText(), 'Spring Product Launch 2026');
  // The panel shows the event with nothing sent, opened or clicked.
  assert.equal(await countIn(eventCell(page, 'sent')), 0);
  assert.equal(await countIn(eventCell(page, 'opened')), 0);
  assert.equal(await countIn(eventCell(page, 'clickedThrough')), 0);
  const totalOpenedBefore = await countIn(panel(page).locator('[data-figure="opened"] [part~="figure-value"]'));

  // Send: the unsent event is the one preselected.
  assert.equal(await page.getByRole('combobox', { name: 'Email event' }).inputValue(), EVENT);
  await page.getByRole('button', { name: 'Send this email event' }).click();
  await page.locator('#send-result').filter({ hasText: /^Sent/u }).waitFor();
  const messages = page.locator('#inbox li.message:not(.bounced)');
  await messages.first().waitFor();
  const delivered = await messages.count();
  assert.ok(delivered > 0, 'some messages arrived');
  // The send refreshed the figures: the event's Sent moved.
  await until(async () => (await countIn(eventCell(page, 'sent'))) > 0, 'the event counted as sent');

  // Open the first delivered message: the pixel loads and the inbox says the open was tracked.
  const message = messages.first();
  await message.getByRole('button', { name: /^Open message to / }).click();
  await message.locator('.tracked', { hasText: 'Open tracked' }).waitFor();
  // Click its first link: through the redirect, and the inbox says the click was tracked.
  const link = message.locator('.message-body a').first();
  const target = await link.innerText();
  assert.match(await link.getAttribute('href') ?? '', /\/api\/t\/c\//u, 'the link goes through the click redirect');
  await link.click();
  await message.locator('.tracked', { hasText: `redirected to ${target}` }).waitFor();

  // Refresh the statistics (as a person would, after the page's own refresh): the counts moved.
  await panel(page).getByRole('button', { name: 'Refresh' }).click();
  await until(async () => (await countIn(eventCell(page, 'opened'))) >= 1 && (await countIn(eventCell(page, 'clickedThrough'))) >= 1, 'opened and clicked through counted');
  assert.equal(await countIn(eventCell(page, 'opened')), 1);
  assert.equal(await countIn(eventCell(page, 'clickedThrough')), 1);
  assert.equal(await countIn(eventCell(page, 'sent')), (await eventStats(false)).sent.count);
  assert.ok(
    (await countIn(panel(page).locator('[data-figure="opened"] [part~="figure-value"]'))) >= totalOpenedBefore,
    'the campaign total of unique openers did not go down',
  );
  assert.equal(await panel(page).locator('[role="status"]').innerText(), 'Statistics updated.');

  // The server agrees: one open and one click line for the event, tracked, with their evidence.
  const after = await eventStats(false);
  assert.equal(after.opened.count, 1);
  assert.equal(after.clickedThrough.count, 1);
  const opens = await api<CampaignResponsePage>(`/campaigns/${CAMPAIGN}/responses?eventId=${EVENT}&detailId=opened`);
  assert.equal(opens.items.length, 1);
  assert.equal(opens.items[0].source, 'tracked');
  assert.ok(opens.items[0].evidence, 'the open keeps its evidence');
  const clicks = await api<CampaignResponsePage>(`/campaigns/${CAMPAIGN}/responses?eventId=${EVENT}&categoryId=clicked-through`);
  assert.equal(clicks.items.length, 1);
  assert.equal(clicks.items[0].link?.url, target);

  // Leaving out machines shows the human counts (these came within seconds of delivery: machines).
  await panel(page).getByLabel('Leave out machine opens and clicks').check();
  assert.equal(await countIn(eventCell(page, 'opened')), after.opened.human.count);
  assert.equal(await countIn(eventCell(page, 'clickedThrough')), after.clickedThrough.human.count);

  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});
