/**
 * End to end, live changes in the browser a driver gives (driver.ts), without a reload: with the
 * record page open, a response another person adds through the API shows in the tab and the
 * history within 2 s; after the server restarts, the change made while it was down shows (the
 * stream resumed from the last change heard), and later ones within 2 s again; with the campaign page open, a tracked open (the
 * pixel of a sent email) moves the event's Opened count within 2 s.
 *
 * Written once; test/e2e/live-flow.test.ts runs it in Chromium, test/e2e-firefox/ in Firefox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SendResult } from '../../../src/model/campaign-stats.js';
import type { NewResponseLine, RecipientCampaigns } from '../../../src/model/types.js';
import { call, testApp } from '../../server/helpers.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { STEP_MS, waitFor } from './driver.js';
import type { E2eBrowser, E2ePage } from './driver.js';

const RECIPIENT = '42';
const CAMPAIGN_ID = 'spring-launch-2026';
/** The seeded email event nobody has sent yet. */
const UNSENT_EMAIL = 'spring-last-chance';
/** What the issue asks: a change shows within this, with no reload. */
const LIVE_MS = 2_000;

/** In the page: the element at the end of `selectors`, each looked up in the shadow root of the one before. */
const DEEP = `const deep = (...selectors) => selectors.reduce((root, selector) => root && (root.shadowRoot ?? root).querySelector(selector), document);`;
const json = (value: unknown) => JSON.stringify(value);
const HISTORY = ['campaign-responses-tab', 'response-history'];

/** Registers the flow's tests (node:test) against the browser `launch` starts. */
export function liveFlow(launch: () => Promise<E2eBrowser>): void {
  let server: DemoServer;
  let browser: E2eBrowser;

  before(
    async () => {
      server = await startDemoServer('live');
      browser = await launch();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const exists = (page: E2ePage, ...selectors: string[]) => page.run<boolean>(`${DEEP} return Boolean(deep(...${json(selectors)}));`);
  const textOf = (page: E2ePage, ...selectors: string[]) =>
    page.run<string | null>(`${DEEP} return deep(...${json(selectors)})?.textContent.replace(/\\s+/g, ' ').trim() ?? null;`);

  /** Until a line shows in the tab's Response cell and in the history; how long that took. */
  async function shownWithin(page: E2ePage, campaignTitle: string, line: NewResponseLine, detail: string, ms: number): Promise<number> {
    const from = Date.now();
    await waitFor(
      async () => (await page.responseShown(campaignTitle)) === detail && (await exists(page, ...HISTORY, `[data-line="${line.id}"]`)),
      `${line.note} in the tab and the history`,
      ms,
    );
    return Date.now() - from;
  }

  function lineFor(campaign: RecipientCampaigns['campaigns'][number], detailId: string, note: string): NewResponseLine {
    const event = campaign.events.find((e) => e.channel !== 'email') ?? campaign.events[0];
    return { id: crypto.randomUUID(), recipientId: RECIPIENT, campaignId: CAMPAIGN_ID, eventId: event.id, detailId, respondedAt: new Date().toISOString(), note };
  }

  describe('live changes, without a reload', () => {
    test('record page: another person’s response shows in the tab and the history within 2 s; a restart misses nothing', { timeout: 240_000 }, async () => {
      const { campaigns } = await server.api<RecipientCampaigns>(`/recipients/${RECIPIENT}/campaigns`);
      const campaign = campaigns.find((c) => c.id === CAMPAIGN_ID);
      assert.ok(campaign);
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/?recipient=${RECIPIENT}`);
        await page.waitForCampaign(campaign.title, undefined, 150_000);
        await waitFor(() => page.run<boolean>(`${DEEP} const el = deep('campaign-responses-tab', 'tbody[data-campaign="${CAMPAIGN_ID}"] [part="disclosure"]');
          if (!el) return false; el.click(); return true;`), 'the history disclosure');
        await waitFor(() => page.run<boolean>(`${DEEP} const list = deep(...${json(HISTORY)}, '[part="list"]'); list?.scrollIntoView(); return Boolean(list);`), 'the history list');
        await waitFor(() => exists(page, 'campaign-sync-status', '[part="live"][data-live="live"]'), 'the page to say it is live');
        assert.match((await textOf(page, 'campaign-sync-status', '[part="live"]')) ?? '', /Live/u);

        const purchased = lineFor(campaign, 'purchased', `Bought by phone (${browser.name})`);
        await server.write('PUT', `/responses/${purchased.id}`, purchased);
        const took = await shownWithin(page, campaign.title, purchased, 'Purchased', LIVE_MS);
        console.log(`# ${browser.name}: another person's response shown after ${took} ms`);

        // A change made while no server runs (on its database, directly): the page, resuming from
        // the last change it heard, shows it with nothing else to prompt a read.
        const whileDown = lineFor(campaign, 'responded', `While the server was down (${browser.name})`);
        await server.restart(async () => {
          const db = await server.openDatabase();
          try {
            const answer = await call(testApp(db), 'PUT', `/api/responses/${whileDown.id}`, { body: whileDown });
            assert.equal(answer.status, 201, answer.text);
          } finally {
            await db.close();
          }
        });
        await shownWithin(page, campaign.title, whileDown, 'Responded', STEP_MS);
        const afterRestart = lineFor(campaign, 'unsubscribed', `After the restart (${browser.name})`);
        await server.write('PUT', `/responses/${afterRestart.id}`, afterRestart);
        await shownWithin(page, campaign.title, afterRestart, 'Unsubscribed', LIVE_MS);
        await waitFor(() => exists(page, 'campaign-sync-status', '[part="live"][data-live="live"]'), 'the page to say it is live again');
      } finally {
        await page.close();
      }
    });

    test('campaign page: a tracked open moves the Opened count within 2 s', { timeout: 240_000 }, async () => {
      const page = await browser.newPage();
      const opened = () => textOf(page, 'campaign-stats-panel', `[data-event="${UNSENT_EMAIL}"] [data-column="opened"]`);
      const count = async () => Number(/^[\d,]+/u.exec((await opened()) ?? '')?.[0].replace(/,/gu, '') ?? NaN);
      try {
        await page.goto(`${server.url}/campaign.html?campaign=${CAMPAIGN_ID}`);
        await waitFor(async () => (await opened()) !== null, 'the statistics of the campaign', 150_000);
        await waitFor(() => page.run<boolean>(`return document.getElementById('provider')?.reportsClient?.liveState === 'live';`), 'the campaign page to be live');
        const sent = await server.write<SendResult>('POST', `/campaigns/${CAMPAIGN_ID}/events/${UNSENT_EMAIL}/send`);
        const delivery = sent.deliveries.find((d) => d.tracking !== null);
        assert.ok(delivery?.tracking, 'a message arrived');
        // The send shows by itself too; then the open.
        await waitFor(async () => (await textOf(page, 'campaign-stats-panel', `[data-event="${UNSENT_EMAIL}"] [data-column="sent"]`))?.startsWith('0') === false, 'the send in the statistics');
        const before = await count();
        const pixel = await fetch(delivery.tracking.openUrl);
        assert.equal(pixel.status, 200);
        await pixel.arrayBuffer();
        const from = Date.now();
        await waitFor(async () => (await count()) === before + 1, `Opened to go from ${before} to ${before + 1}`, LIVE_MS);
        console.log(`# ${browser.name}: the tracked open shown after ${Date.now() - from} ms`);
      } finally {
        await page.close();
      }
    });
  });
}
