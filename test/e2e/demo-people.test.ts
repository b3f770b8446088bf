/**
 * End to end, in the system Chromium: the demo as each of its three people, signed in through the
 * demo's own sign-in (no service token in the page). What each may do differs visibly: the manager
 * and the sales rep add a response (stored under their own name, whatever the page sends), only
 * the manager is offered Delete, and the intern may read but not add, and is told why.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startDemoServer, type DemoServer } from '../support/e2e/demo-server.js';
import type { Page as ResultPage, ResponseLine } from '../../src/model/types.js';

let server: DemoServer;
let browser: Browser;

before(
  async () => {
    server = await startDemoServer('people', { demoConfigToken: false });
    browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(person: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/?recipient=42&as=${person}`);
  await page.locator('campaign-responses-tab tbody[data-campaign]').first().waitFor({ timeout: 120_000 });
  return page;
}

/** Update Status on the first campaign's first event, Responded with `note`, saved; whether Actions (Delete) was offered. */
async function updateStatus(page: Page, note: string): Promise<boolean> {
  await page.locator('campaign-responses-tab').locator('[part~="update-button"]').first().click();
  const dialog = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
  await dialog.waitFor();
  const offersActions = (await dialog.getByRole('button', { name: 'Actions' }).count()) > 0;
  await dialog.getByLabel('Date and time').fill(new Date(Date.now() - 60_000).toISOString().slice(0, 16));
  await dialog.getByLabel('New Response Detail').selectOption({ label: 'Responded' });
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Save New Response' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return offersActions;
}

async function storedLine(note: string): Promise<ResponseLine | undefined> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { items } = await server.api<ResultPage<ResponseLine>>('/recipients/42/responses');
    const line = items.find((l) => l.note === note);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

const addButton = (page: Page) => page.locator('campaign-responses-tab').locator('[part~="add-button"]');

for (const { id, name, delete: mayDelete } of [
  { id: 'marketing-manager', name: 'Morgan Reyes', delete: true },
  { id: 'sales-rep', name: 'Sam Patel', delete: false },
]) {
  test(`${name} adds a response, stored under their name; Delete ${mayDelete ? 'is' : 'is not'} offered`, { timeout: 180_000 }, async () => {
    const page = await openAs(id);
    assert.match((await page.locator('#signed-in-as').textContent()) ?? '', new RegExp(name));
    assert.equal(await addButton(page).isEnabled(), true, 'Add Response is enabled');
    const note = `Called by ${name} (${Date.now()})`;
    assert.equal(await updateStatus(page, note), mayDelete, 'Actions → Delete offered');
    const line = await storedLine(note);
    assert.ok(line, 'the server stored the line');
    assert.equal(line.author, name);
    await page.context().close();
  });
}

test('Ivy Chen, the intern, reads the campaigns but may not add: Add Response is disabled with the reason', { timeout: 180_000 }, async () => {
  const page = await openAs('intern');
  assert.match((await page.locator('#signed-in-as').textContent()) ?? '', /Ivy Chen/);
  await page.waitForFunction(() => {
    const tab = document.querySelector('campaign-responses-tab');
    return tab?.shadowRoot?.querySelector('[part~="add-button"]')?.hasAttribute('disabled') === true;
  }, undefined, { timeout: 30_000 });
  const reason = page.locator('campaign-responses-tab').locator('[part~="read-only-reason"]');
  assert.ok(((await reason.textContent()) ?? '').trim().length > 0, 'the reason is shown beside it');
  await page.context().close();
});

test('the URL keeps ?as= beside ?recipient= (the page can be reopened as the same person), and Switch person still asks who', { timeout: 180_000 }, async () => {
  const page = await openAs('sales-rep');
  assert.match(await page.evaluate(() => location.search), /[?&]as=sales-rep/);
  assert.match(await page.evaluate(() => location.search), /[?&]recipient=42/);
  await page.locator('#signed-in-as').getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('dialog', { name: 'Who are you?' }).or(page.locator('dialog.demo-who')).first().waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await page.evaluate(() => location.search), /as=/);
  await page.context().close();
});
