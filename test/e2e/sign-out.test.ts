/**
 * End to end, keyboard only, in the system Chromium: Sign out with an edit waiting. The page is
 * cut off from the API, a response is added through the dialog, and Sign out says that one edit
 * would be lost and asks first; kept once (nothing wiped), then confirmed: afterwards nothing on
 * the page still shows the edit as waiting, and the server never received it.
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
    server = await startDemoServer('sign-out');
    browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The focused element's id or part, looking into shadow roots. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || (active.getAttribute('part') ?? '') : '';
  });
}

/** Presses Tab until the focused element has this id or part. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${name} not reached by Tab; focus is on ${await focusedName(page)}`);
}

test('Sign out with an edit waiting says how many will be lost and asks first; afterwards nothing shows it waiting', { timeout: 180_000 }, async () => {
  const page = await browser.newPage();
  const note = `Signed out before sending (${Date.now()})`;
  await page.goto(`${server.url}/?recipient=42`);
  await page.locator('campaign-responses-tab tbody[data-campaign]').first().waitFor({ timeout: 120_000 });
  const { keyboard } = page;

  await tabTo(page, 'cut-off');
  await keyboard.press('Space');
  assert.equal(await page.locator('#cut-off').isChecked(), true);

  await tabTo(page, 'add-button');
  await keyboard.press('Enter');
  await page.locator('add-response-dialog #campaignId').waitFor();
  await tabTo(page, 'campaignId');
  await keyboard.press('ArrowDown');
  await page.locator('add-response-dialog #eventId:not([disabled])').waitFor();
  await tabTo(page, 'eventId');
  await keyboard.press('ArrowDown');
  await page.locator('add-response-dialog #detailId:not([disabled])').waitFor();
  await tabTo(page, 'detailId');
  await keyboard.press('ArrowDown');
  await tabTo(page, 'note');
  await keyboard.type(note);
  await tabTo(page, 'save-button');
  await keyboard.press('Enter');
  await page.locator('add-response-dialog dialog[open]').waitFor({ state: 'detached' }).catch(() => undefined);
  const pending = page.locator('campaign-sync-status [part~="pending"]');
  await page.waitForFunction(() => {
    const status = document.querySelector('campaign-sync-status');
    return status?.shadowRoot?.querySelector('[part~="pending"]')?.getAttribute('data-count') === '1';
  }, undefined, { timeout: 30_000 });
  assert.match((await pending.textContent()) ?? '', /1 edit waiting/);

  // Asked first: kept once, then confirmed.
  const questions: string[] = [];
  let answer: 'dismiss' | 'accept' = 'dismiss';
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  await tabTo(page, 'sign-out');
  await keyboard.press('Enter');
  await page.waitForFunction(() => true);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(questions, ['1 edit has not been sent yet. Signing out deletes it from this device. Sign out anyway?']);
  assert.equal((await page.locator('#status').textContent())?.includes('Signed out'), false, 'kept: not signed out');
  assert.equal(await page.locator('campaign-responses-tab [part~="sync-mark"]').count(), 1, 'still waiting in the tab');

  answer = 'accept';
  await keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('Signed out'), undefined, { timeout: 15_000 });
  assert.equal(questions.length, 2);
  assert.equal(await page.locator('campaign-responses-tab [part~="sync-mark"]').count(), 0, 'the tab shows nothing waiting');
  assert.equal(await page.locator('campaign-sync-status [part~="pending"]').count(), 0, 'the sync status shows nothing waiting');
  assert.equal(await page.locator('response-history [part~="sync-mark"]').count(), 0, 'no history shows it waiting');

  const stored = await server.api<ResultPage<ResponseLine>>(`/recipients/42/responses?q=${encodeURIComponent(note)}&limit=50`);
  assert.equal(stored.items.length, 0, 'the wiped edit never reached the server');
  await page.close();
});
