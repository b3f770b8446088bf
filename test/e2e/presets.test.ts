/**
 * End to end: the real <campaign-responses-tab> in the system Chromium on each preset, against its
 * fake (Dataverse's and Salesforce's built from their documentation, a real json-server 0.17.4). A
 * person sees the campaigns and their latest responses, adds a response through the dialog, and the
 * backend holds it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startPresetsServer, type PresetsServer } from '../support/presets/serve-presets.js';

let server: PresetsServer;
let browser: Browser;
before(async () => {
  server = await startPresetsServer();
  browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
}, { timeout: 60_000 });
after(async () => { await browser?.close(); await server?.stop(); });

async function open(preset: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/presets/${preset}.html`);
  await page.locator('campaign-responses-tab tbody[part="campaign"]').first().waitFor();
  return { page, errors };
}
const rows = (page: Page) => page.locator('campaign-responses-tab tbody[part="campaign"]');

async function addResponse(page: Page, campaign: string, event: string, detail: string, note?: string) {
  await page.getByRole('button', { name: 'Add Response' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });
  await dialog.waitFor();
  await dialog.getByLabel('Campaign', { exact: true }).selectOption({ label: campaign });
  await dialog.getByLabel('Campaign event').selectOption({ label: event });
  await dialog.getByLabel('New Response Detail').selectOption({ label: detail });
  if (note !== undefined) await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

test('Dataverse: campaigns with the org labels, a custom code as itself; Add Response creates a campaignresponse', { timeout: 90_000 }, async () => {
  const { page, errors } = await open('dataverse');
  await rows(page).filter({ hasText: 'Trade Fair' }).filter({ hasText: 'Requested Demo' }).waitFor();
  await rows(page).filter({ hasText: 'Spring Launch' }).filter({ hasText: 'Interested' }).waitFor();
  await addResponse(page, 'Trade Fair', 'Phone', 'Not Interested', "Zoë's callback");
  await rows(page).filter({ hasText: 'Trade Fair' }).filter({ hasText: 'Not Interested' }).waitFor();
  const row = server.dataverse.rows.find((r) => r.description === "Zoë's callback");
  assert.equal(row?.responsecode, 2);
  assert.equal(row?.channeltypecode, 2);
  assert.deepEqual(errors, []);
});

test('Salesforce: the membership with its status; Add Response sets the status', { timeout: 90_000 }, async () => {
  const { page, errors } = await open('salesforce');
  await rows(page).filter({ hasText: 'Spring Launch' }).filter({ hasText: 'Sent' }).waitFor();
  await addResponse(page, 'Spring Launch', 'Spring Launch', 'Responded');
  await rows(page).filter({ hasText: 'Spring Launch' }).filter({ hasText: 'Responded' }).waitFor();
  assert.equal(server.salesforce.members[0].Status, 'Responded');
  assert.equal(server.salesforce.members.length, 1);
  assert.deepEqual(errors, []);
});

test('Salesforce: the history says only the latest status is kept; the Delete confirmation says the person leaves the campaign', { timeout: 90_000 }, async () => {
  const { page, errors } = await open('salesforce');
  const spring = rows(page).filter({ hasText: 'Spring Launch' });
  await spring.getByRole('button', { name: 'Spring Launch', exact: true }).click();
  await spring.locator('response-history [part="history-note"]', { hasText: 'This backend keeps only the latest status' }).waitFor();

  await spring.getByRole('button', { name: 'Update Status: Spring Launch' }).click();
  const update = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
  await update.getByRole('button', { name: 'Actions' }).click();
  await update.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete responses' });
  await confirm.getByText('Deleting removes the person from the campaign, not only their responses.').waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'hidden' });
  assert.equal(server.salesforce.members.length, 1, 'Cancel keeps the membership');
  assert.deepEqual(errors, []);
});

test('json-server: the whole recipient subtab on db.json: list, add, history, delete', { timeout: 120_000 }, async () => {
  const { page, errors } = await open('json-server');
  await rows(page).filter({ hasText: 'Spring Launch' }).filter({ hasText: 'Opened' }).waitFor();
  await addResponse(page, 'Trade Fair', 'Booth', 'Responded', 'Asked for a quote');
  const fair = rows(page).filter({ hasText: 'Trade Fair' });
  await fair.filter({ hasText: 'Responded' }).waitFor();
  const linesOf = async (query: string) => (await (await fetch(`${server.jsonServer.origin}/responses?${query}`)).json()) as { author: string }[];
  const lines = await linesOf('note=Asked%20for%20a%20quote');
  assert.equal(lines.length, 1);
  assert.equal(lines[0].author, 'E2E');

  // History: the campaign expanded shows the line and its note (read back through _page/_limit).
  await fair.getByRole('button', { name: 'Trade Fair' }).click();
  await fair.locator('response-history [part="list"]').scrollIntoViewIfNeeded();
  await fair.locator('response-history [part="line"]', { hasText: 'Asked for a quote' }).waitFor();

  // Delete: Update Status → Actions → Delete, confirmed; after the undo time json-server holds none.
  await fair.getByRole('button', { name: 'Update Status: Booth' }).click();
  const update = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
  await update.waitFor();
  await update.getByRole('button', { name: 'Actions' }).click();
  await update.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete responses' });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  for (const deadline = Date.now() + 20_000; (await linesOf('campaignId=c2')).length > 0;) {
    assert.ok(Date.now() < deadline, 'json-server still holds the Trade Fair lines');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal((await linesOf('campaignId=c1')).length, 1, 'the other campaign keeps its line');
  assert.deepEqual(errors, []);
});
