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

test('json-server: the recipient subtab on db.json; Add Response posts a line', { timeout: 90_000 }, async () => {
  const { page, errors } = await open('json-server');
  await rows(page).filter({ hasText: 'Spring Launch' }).filter({ hasText: 'Opened' }).waitFor();
  await addResponse(page, 'Trade Fair', 'Booth', 'Responded', 'Asked for a quote');
  await rows(page).filter({ hasText: 'Trade Fair' }).filter({ hasText: 'Responded' }).waitFor();
  const lines = await (await fetch(`${server.jsonServer.origin}/responses?note=Asked%20for%20a%20quote`)).json() as { author: string }[];
  assert.equal(lines.length, 1);
  assert.equal(lines[0].author, 'E2E');
  assert.deepEqual(errors, []);
});
