/**
 * End to end, offline: the demo
 * page (offline edits on) against `npm start`'s server, in the browser a driver gives (driver.ts).
 * The page is cut off from the API — once by taking the browser offline, once by making only
 * /api/* unreachable while the page itself still loads — three responses are added through the Add
 * Response dialog, the page shows them pending (and, reloaded while the API is unreachable, shows
 * what was last seen, marked as of then), the connection comes back, and the server holds each of
 * the three exactly once.
 *
 * The second case keeps navigator.onLine true throughout: the outbox decides by what its requests
 * do, not by the browser's flag. (A page reloaded with the browser itself offline cannot load its
 * HTML; caching that is the host page's business, so the first case does not reload.)
 *
 * Written once; test/e2e/offline-flow.test.ts runs it in Chromium, test/e2e-firefox/offline-flow.test.ts
 * in Firefox, test/e2e-webkit/offline-flow.test.ts in WebKit (where the network is cut by a relay in
 * front of the page, and navigator.onLine stays true: webkit.ts says why).
 */
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Page as ResultPage, ResponseLine } from '../../../src/model/types.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { waitFor } from './driver.js';
import type { E2eBrowser, E2ePage, Edit } from './driver.js';

const RECIPIENT = '42';

/** Registers the flow's tests (node:test) against the browser `launch` starts. */
export function offlineFlow(launch: () => Promise<E2eBrowser>): void {
  let server: DemoServer;
  let browser: E2eBrowser;

  before(
    async () => {
      server = await startDemoServer('offline');
      browser = await launch();
      // Warm-up: Vite transforms the demo's modules on first request.
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
        await page.waitForCampaign('Summer Promotion 2026', undefined, 150_000);
      } finally {
        await page.close();
      }
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** How many stored lines of the recipient carry exactly this note. */
  async function storedWithNote(note: string): Promise<number> {
    const page = await server.api<ResultPage<ResponseLine>>(`/recipients/${RECIPIENT}/responses?q=${encodeURIComponent(note)}&limit=500`);
    return page.items.filter((line) => line.note === note).length;
  }

  /** Each of the edits on the server exactly once: waits until all are there, lets anything sent twice land, counts again. */
  async function deliveredOnce(page: E2ePage, edits: Edit[], ms: number): Promise<void> {
    await waitFor(async () => (await Promise.all(edits.map((e) => storedWithNote(e.note)))).every((n) => n === 1), 'every edit on the server', ms);
    await waitFor(async () => (await page.pendingCount()) === '0', 'the sync status to say all sent');
    await delay(1000); // anything sent twice would land meanwhile
    for (const edit of edits) assert.equal(await storedWithNote(edit.note), 1, `${edit.note}: once`);
  }

  async function nothingDelivered(edits: Edit[]): Promise<void> {
    for (const edit of edits) assert.equal(await storedWithNote(edit.note), 0, 'nothing reached the server');
  }

  /**
   * A fresh page of the recipient showing the rows of the edits' campaigns (each edit to another
   * campaign, so each row shows one as pending); `run` does the rest; the page is closed after.
   */
  async function withEdits(tag: string, picks: [string, string][], run: (page: E2ePage, edits: Edit[]) => Promise<void>): Promise<void> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
      const edits = picks.map(([campaign, event], i) => ({ campaign, event, note: `${tag} (${browser.name}) ${i + 1} (${Date.now()})` }));
      for (const edit of edits) await page.waitForCampaign(edit.campaign);
      await run(page, edits);
    } finally {
      await page.close();
    }
  }

  describe('demo page offline: edits queued, shown pending, delivered once', () => {
    test('the browser offline: three responses pending, then delivered once when it is back', { timeout: 120_000 }, () =>
      withEdits('Offline browser', [
        ['Spring Product Launch 2026', 'Launch announcement email'],
        ['Industry Expo Berlin 2026', 'Trade show booth B12'],
        ['Annual Renewal Calls', 'Renewal calls, round 1'],
      ], async (page, edits) => {
        await page.waitForPart('campaign-sync-status', 'connectivity');
        // The dialog's module loads on demand, warmed when the page is first idle; a page cut off
        // before that cannot fetch it on the dev server (the built demo's service worker has it).
        await waitFor(() => page.evaluate<boolean>("Boolean(customElements.get('add-response-dialog'))"), 'the dialog warmed before going offline');

        await page.setOffline(true);
        for (const edit of edits) await page.addResponse(edit);
        for (const edit of edits) await page.waitForCampaign(edit.campaign, 'pending');
        await waitFor(async () => (await page.pendingCount()) === '3', 'the sync status to count 3 pending');
        await nothingDelivered(edits);

        await page.setOffline(false);
        await deliveredOnce(page, edits, 30_000);
        for (const edit of edits) await page.waitForCampaign(edit.campaign, 'none');
      }),
    );

    test('only the API unreachable (the page still loads): pending across a reload with what was last seen, then delivered once', { timeout: 120_000 }, () =>
      withEdits('API unreachable', [
        ['Analytics Webinar Series', 'Live webinar: Analytics 101'],
        ['Summer Promotion 2026', 'Summer promo mailer'],
        ['Annual Renewal Calls', 'Renewal calls, round 2'],
      ], async (page, edits) => {
        // Every request to /api/* fails as on a dead network, the demo host's own list of recipients
        // too (the page starts from the copy it saved); the page and its scripts still load.
        await page.cutApi(new URL('/api/', server.url).href, []);
        for (const edit of edits) await page.addResponse(edit);
        for (const edit of edits) await page.waitForCampaign(edit.campaign, 'pending');

        await page.reload();
        // What was last seen, marked as of then, with the three edits merged in and marked pending.
        await page.waitForPart('campaign-responses-tab', 'stale-notice');
        for (const edit of edits) await page.waitForCampaign(edit.campaign, 'pending');
        await waitFor(async () => (await page.pendingCount()) === '3', 'the sync status to count 3 pending after the reload');
        assert.equal(await page.onLine(), true, 'the browser believes it is online');
        await nothingDelivered(edits);

        await page.restoreApi();
        await deliveredOnce(page, edits, 45_000);
      }),
    );

    test('a reload right after Save keeps the edit: written ahead to IndexedDB before the dialog closes', { timeout: 120_000 }, () =>
      withEdits('Reloaded at once', [['Industry Expo Berlin 2026', 'Trade show booth B12']], async (page, edits) => {
        // The API unreachable, so that only the browser's own storage can keep the edit; the
        // reload comes the moment the dialog has closed (WebKit's IndexedDB is where this was doubted).
        await page.cutApi(new URL('/api/', server.url).href, []);
        await page.addResponse(edits[0]);
        await page.reload();
        await page.waitForCampaign(edits[0].campaign, 'pending');
        await waitFor(async () => (await page.pendingCount()) === '1', 'the sync status to count 1 pending after the reload');
        await nothingDelivered(edits);
        await page.restoreApi();
        await deliveredOnce(page, edits, 45_000);
      }),
    );
  });
}
