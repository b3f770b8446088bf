/**
 * End to end: the demo pages themselves (not the kit's flows), in the system Chromium against
 * `npm start`'s server: how they lay out on a phone, what they serve, and what they say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startDemoServer, type DemoServer } from '../support/e2e/demo-server.js';

const STEP_MS = 20_000;
const PHONE = { width: 375, height: 812 };

let server: DemoServer;
let browser: Browser;

before(
  async () => {
    server = await startDemoServer('pages');
    browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
  },
  { timeout: 90_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function phonePage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, timezoneId: 'Europe/Berlin', locale: 'en-US' });
  // Vite's HMR socket is answered here and never by Vite (a file saved meanwhile must not reload the page).
  await context.routeWebSocket(/./, () => undefined);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** The header's pieces of text (and its selects) that stick out of the header's own box. */
function outsideHeader(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('.crm-bar')!;
    const box = header.getBoundingClientRect();
    const out: string[] = [];
    for (const element of Array.from(header.querySelectorAll('a, span, label, select'))) {
      const rect = element.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5) {
        out.push(`${element.localName} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(rect.left)}–${Math.round(rect.right)}`);
      }
    }
    return out;
  });
}

describe('the demo pages at a phone width (375 px)', () => {
  for (const [name, path, ready] of [
    ['contact record', '/?recipient=42', 'campaign-responses-tab table'],
    ['campaign', '/campaign.html', 'campaign-stats-panel [part~="figures"]'],
  ] as const) {
    for (const lang of ['en', 'de']) {
      test(`${name} (${lang}): no wider than the screen, the header's text and selects inside it`, { timeout: 60_000 }, async () => {
        const { context, page, errors } = await phonePage();
        try {
          await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await page.locator(ready).first().waitFor();
          assert.deepEqual(await outsideHeader(page), [], 'nothing sticks out of the header');
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= PHONE.width, `the page is ${width} px wide`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('Add Response opens centred on the screen, Save within reach', { timeout: 60_000 }, async () => {
    const { context, page } = await phonePage();
    try {
      await page.goto(`${server.url}/?recipient=42`);
      await page.getByRole('button', { name: 'Add Response' }).click();
      const dialog = page.locator('add-response-dialog dialog[open]');
      await dialog.waitFor();
      const box = (await dialog.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `dialog at ${box.x}–${box.x + box.width}`);
      assert.ok(Math.abs(box.x - (PHONE.width - box.x - box.width)) <= 1, `centred: ${box.x} left, ${PHONE.width - box.x - box.width} right`);
      // Each field within the dialog (a select is as wide as its longest option unless told otherwise).
      for (const control of await dialog.locator('select, input, textarea').all()) {
        const field = (await control.boundingBox())!;
        assert.ok(field.x >= box.x && field.x + field.width <= box.x + box.width, `a field at ${field.x}–${field.x + field.width}, the dialog ${box.x}–${box.x + box.width}`);
      }
      const save = page.getByRole('button', { name: 'Save', exact: true });
      await save.scrollIntoViewIfNeeded();
      const saveBox = (await save.boundingBox())!;
      assert.ok(saveBox.x >= 0 && saveBox.x + saveBox.width <= PHONE.width, `Save at ${saveBox.x}–${saveBox.x + saveBox.width}`);
      assert.ok(saveBox.y >= 0 && saveBox.y + saveBox.height <= PHONE.height, `Save at ${saveBox.y}–${saveBox.y + saveBox.height}`);
    } finally {
      await context.close();
    }
  });
});

describe('what the demo server serves', () => {
  test('both demo pages load with no console error (a favicon, not a 404)', { timeout: 60_000 }, async () => {
    const { context, page } = await phonePage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
    });
    try {
      for (const [path, ready] of [['/?recipient=42', 'campaign-responses-tab table'], ['/campaign.html', 'campaign-stats-panel [part~="figures"]']]) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(500); // the browser asks for /favicon.ico after the load
      }
      const icon = await fetch(`${server.url}/favicon.ico`);
      assert.equal(icon.status, 200);
      assert.match(icon.headers.get('content-type') ?? '', /^image\//);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('/embed/plain.html works under npm start, without a build first', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await phonePage();
    try {
      await page.goto(`${server.url}/embed/plain.html`);
      await page.locator('campaign-responses-tab tbody[part="campaign"]').first().waitFor();
      assert.equal(await page.locator('vite-error-overlay').count(), 0, 'no build-error overlay');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('the demo page in the page language', () => {
  test('under German the demo page itself is German: header, switches, recipient picker, offline controls, event log', { timeout: 60_000 }, async () => {
    const { context, page } = await phonePage();
    try {
      await page.goto(`${server.url}/?recipient=42&lang=de`);
      await page.locator('campaign-responses-tab table').waitFor();
      const texts = await page.evaluate(() => ({
        nav: document.querySelector('.crm-nav')?.textContent?.replace(/\s+/g, ' ').trim(),
        note: document.querySelector('.crm-demo')?.textContent?.trim(),
        switches: document.querySelector('.demo-switches')?.textContent?.replace(/\s+/g, ' ').trim(),
        picker: document.querySelector('.recipient-switch')?.textContent?.replace(/\s+/g, ' ').trim(),
        controls: document.querySelector('.demo-offline-controls')?.textContent?.replace(/\s+/g, ' ').trim(),
        log: document.querySelector('.event-log')?.textContent?.replace(/\s+/g, ' ').trim(),
      }));
      assert.equal(texts.nav, 'Kontaktdatensatz Kampagnen');
      assert.match(texts.note ?? '', /^Demo des Campaign Response Kits/);
      assert.match(texts.switches ?? '', /^Design Hell.*Sprache/);
      assert.match(texts.picker ?? '', /^Empfänger .*Zwischen den angelegten Empfängern wechseln/);
      assert.match(texts.controls ?? '', /Seite von der API trennen.*Abmelden \(Offline-Daten löschen\).*Ohne Offline-Bearbeitung verwenden/);
      assert.match(texts.log ?? '', /^Die Ereignisse des Kits .*Leeren/);
      // Switched back to English, without a reload.
      await page.locator('.demo-switches select').nth(1).selectOption('en');
      await page.getByRole('heading', { name: "The kit's events" }).waitFor();
    } finally {
      await context.close();
    }
  });

  for (const [lang, delivered, notDelivered] of [['en', 'Delivered', 'Not delivered: '], ['de', 'Zugestellt', 'Nicht zugestellt: ']] as const) {
    test(`the inbox (${lang}) says the outcome in words, not the bounce's code`, { timeout: 60_000 }, async () => {
      const { context, page } = await phonePage();
      try {
        await page.goto(`${server.url}/campaign.html?lang=${lang}`);
        await page.locator('#event-select option[value]:not([value=""])').first().waitFor({ state: 'attached' });
        await page.locator('#send-button').click();
        await page.locator('#inbox .message').first().waitFor();
        const outcomes = await page.locator('#inbox .outcome').allTextContents();
        const bounces = outcomes.filter((text) => text.startsWith(notDelivered));
        assert.ok(bounces.length > 0, `a bounce among ${JSON.stringify(outcomes)}`);
        assert.ok(outcomes.some((text) => text.startsWith(delivered)), JSON.stringify(outcomes));
        for (const bounce of bounces) assert.doesNotMatch(bounce, /\b[a-z]+(-[a-z]+)+\b/, `a code in "${bounce}"`);
        assert.equal(await page.locator('#send-title').textContent(), lang === 'de' ? 'Ein E-Mail-Ereignis senden' : 'Send an email event');
      } finally {
        await context.close();
      }
    });
  }
});
