#!/usr/bin/env node
// `npm run screenshots`: the demo in each theme and language, taken with the system browser
// (Chromium via playwright-core) against a fresh reference server with a throwaway database.
// Writes screenshots/<page>-<theme>-<lang>.png at 1280 px, and at a phone's 375 px both demo pages
// (the record with the dialog open too) in each language and the embedding examples:
// screenshots/<page>-375-<lang>.png (gitignored). Prints what it took.
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
/** At 375 px (light theme): the demo pages in both languages, the embedding examples in English. */
const phonePages = [
  ...pages.flatMap((page) => languages.map((lang) => ({ ...page, lang }))),
  ...['plain', 'react', 'vue'].map((name) => ({ name: `embed-${name}`, path: `/embed/${name}.html`, lang: 'en', embed: true })),
];

/** Waits until the page's kit elements have rendered their content (or notes that they did not). */
async function ready(page, name, label) {
  await page.locator(name === 'campaign' ? 'campaign-stats-panel [part~="figures"], campaign-stats-panel table' : 'campaign-responses-tab table')
    .first().waitFor({ timeout: 20_000 }).catch(() => problems.push(`${label}: not ready in 20 s`));
}

async function openDialog(page) {
  await page.locator('campaign-responses-tab [part~="add-button"]').click();
  await page.locator('add-response-dialog dialog[open]').waitFor();
}
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
        await ready(page, name, `${name} ${theme} ${lang}`);
        if (dialog) await openDialog(page);
        await page.waitForTimeout(300);
        const file = join(out, `${name}-${theme}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: name === 'campaign' });
        console.log(`took ${file}`);
      }
    }
  }
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, timezoneId: 'Europe/Berlin', isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  phonePage.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const { name, path, lang, dialog, embed } of phonePages) {
    const url = new URL(path, server.url);
    if (!embed) url.searchParams.set('lang', lang);
    await phonePage.goto(url.toString());
    await ready(phonePage, name, `${name} 375 ${lang}`);
    if (dialog) await openDialog(phonePage);
    await phonePage.waitForTimeout(300);
    const file = join(out, `${name}-375-${lang}.png`);
    await phonePage.screenshot({ path: file, fullPage: !dialog });
    console.log(`took ${file}`);
  }
  await phone.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
