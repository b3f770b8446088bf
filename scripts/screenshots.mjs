#!/usr/bin/env node
// `npm run screenshots`: the demo in each theme and language, taken with the system browser
// (Chromium via playwright-core) against a fresh reference server with a throwaway database.
// Writes screenshots/<page>-<theme>-<lang>.png (gitignored) and prints what it took.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server/start.ts';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';

const themes = ['light', 'dark', 'host-crm'];
const languages = ['en', 'de'];
const pages = [
  { name: 'record', path: '/?recipient=42' },
  { name: 'dialog', path: '/?recipient=42', dialog: true },
  { name: 'campaign', path: '/campaign.html' },
];
const out = 'screenshots';
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'cr-shots-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, vite: true, demoConfigToken: true });
const browser = await chromium.launch({
  executablePath: findBrowser('chromium'),
  args: CHROMIUM_ARGS,
});
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const { name, path, dialog } of pages) {
    for (const theme of themes) {
      for (const lang of languages) {
        const url = new URL(path, server.url);
        url.searchParams.set('theme', theme);
        url.searchParams.set('lang', lang);
        await page.goto(url.toString());
        // Elements render in their shadow roots; Playwright's locators pierce them.
        await page.locator(name === 'campaign' ? 'campaign-stats-panel [part~="figures"], campaign-stats-panel table' : 'campaign-responses-tab table')
          .first().waitFor({ timeout: 20_000 }).catch(() => problems.push(`${name} ${theme} ${lang}: not ready in 20 s`));
        if (dialog) {
          await page.locator('campaign-responses-tab [part~="add-button"]').click();
          await page.locator('add-response-dialog dialog[open]').waitFor();
        }
        await page.waitForTimeout(300);
        const file = join(out, `${name}-${theme}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: name === 'campaign' });
        console.log(`took ${file}`);
      }
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
