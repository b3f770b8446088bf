/**
 * End to end, the record page's three flows in the browser a driver gives (driver.ts): a person opens
 * a recipient's record, adds a response (Add Response → Save), updates its status (Update Status →
 * Save New Response) and deletes the campaign's responses (Update Status → Actions → Delete,
 * confirmed); each step is checked on the page and against the server, and a reload shows what the
 * server kept. Offline and back is offline-flow.ts, run by the same drivers.
 *
 * Written once; test/e2e-firefox/ runs it in Firefox, test/e2e-webkit/ in WebKit. Chromium runs
 * the same three flows, each checked on the page and on the server and after a reload, in
 * test/e2e/demo-flow.test.ts ("by mouse"), which goes further (dates typed and shown, the history,
 * the same flows by keyboard alone); running this one there too only repeated it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page as ResultPage, RecipientCampaigns, ResponseLine } from '../../../src/model/types.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { STEP_MS, waitFor } from './driver.js';
import type { E2eBrowser, E2ePage } from './driver.js';

const RECIPIENT = '42';
const RECIPIENT_NAME = 'Maya Thompson';
const CAMPAIGN_ID = 'spring-launch-2026';
/** A note that must stay text everywhere. */
const HOSTILE = '<img src=x onerror=alert(1)> {{7*7}}';
/** The data client holds a Delete back for 5 s (Undo); the server hears of it after that. */
const UNDO_WINDOW_MS = 5_000;

/** Registers the flow's test (node:test) against the browser `launch` starts. */
export function recordFlow(launch: () => Promise<E2eBrowser>): void {
  let server: DemoServer;
  let browser: E2eBrowser;

  before(
    async () => {
      server = await startDemoServer('record');
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

  /** The recipient's stored lines of the campaign, newest first. */
  async function lines(): Promise<ResponseLine[]> {
    return (await server.api<ResultPage<ResponseLine>>(`/recipients/${RECIPIENT}/responses?campaignId=${CAMPAIGN_ID}&limit=500`)).items;
  }

  /** The lines once the server holds `total` of them (the demo's outbox sends a moment after Save). */
  async function linesWhen(total: number, ms = STEP_MS): Promise<ResponseLine[]> {
    await waitFor(async () => (await lines()).length === total, `${total} lines of ${CAMPAIGN_ID} on the server`, ms);
    return lines();
  }

  const responseIs = (page: E2ePage, title: string, detail: string | null) =>
    waitFor(async () => (await page.responseShown(title)) === detail, `the Response of ${title} to show ${detail ?? 'no response'}`);

  describe('record page: Add Response, Update Status, Actions → Delete, each kept by the server', () => {
    test('the three flows, checked on the page and on the server, then after a reload', { timeout: 120_000 }, async () => {
      const { campaigns } = await server.api<RecipientCampaigns>(`/recipients/${RECIPIENT}/campaigns`);
      const campaign = campaigns.find((c) => c.id === CAMPAIGN_ID);
      assert.ok(campaign, `${CAMPAIGN_ID} is sent to the recipient`);
      const event = campaign.events[0];
      const seeded = (await lines()).length;
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
        await page.waitForCampaign(campaign.title);
        assert.equal(await page.recordName(), RECIPIENT_NAME);

        const firstNote = `Called back (${browser.name}). ${HOSTILE}`;
        await page.addResponse({ campaign: campaign.title, event: event.name, note: firstNote });
        await responseIs(page, campaign.title, 'Responded');
        let stored = await linesWhen(seeded + 1);
        assert.deepEqual([stored[0].detailId, stored[0].eventId, stored[0].note], ['responded', event.id, firstNote]);

        const secondNote = `Ordered after the call (${browser.name}). ${HOSTILE}`;
        await page.updateStatus({ campaign: campaign.title, event: event.name, detail: 'Purchased', note: secondNote });
        await responseIs(page, campaign.title, 'Purchased');
        stored = await linesWhen(seeded + 2);
        assert.deepEqual(stored.slice(0, 2).map((l) => [l.detailId, l.note]), [['purchased', secondNote], ['responded', firstNote]]);

        const question = await page.deleteAll({ campaign: campaign.title, event: event.name });
        assert.equal(question, `Delete all ${seeded + 2} responses of this recipient to “${campaign.title}”?`);
        await responseIs(page, campaign.title, null);
        assert.equal((await linesWhen(0, UNDO_WINDOW_MS + STEP_MS)).length, 0, 'the server deleted them after the undo time');

        await page.reload();
        await page.waitForCampaign(campaign.title);
        await responseIs(page, campaign.title, null);
      } finally {
        await page.close();
      }
    });
  });
}
