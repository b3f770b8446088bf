/**
 * End to end, soft deletes and restore as the demo's manager (Morgan Reyes, who may delete and is
 * an administrator): a line's menu → Delete, a reload, Restore from the history; Delete of all of a
 * campaign's responses, past Undo, Restore of the whole; each change shown in the line's Changes
 * (the audit view) under the manager's name, and checked on the server.
 *
 * Written once; test/e2e/audit-flow.test.ts runs it in Chromium, test/e2e-firefox/ in Firefox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page as ResultPage, RecipientCampaigns, ResponseLine } from '../../../src/model/types.js';
import type { AuditPage } from '../../../src/model/audit.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { STEP_MS, waitFor } from './driver.js';
import type { E2eBrowser, E2ePage } from './driver.js';

const RECIPIENT = '42';
const CAMPAIGN_ID = 'spring-launch-2026';
const MANAGER = 'Morgan Reyes';
/** The data client holds a Delete back for 5 s (Undo); the server hears of it after that. */
const UNDO_WINDOW_MS = 5_000;

/** In the page: the element at the end of `selectors`, each looked up in the shadow root of the one before. */
const DEEP = `const deep = (...selectors) => selectors.reduce((root, selector) => root && (root.shadowRoot ?? root).querySelector(selector), document);`;
const json = (value: unknown) => JSON.stringify(value);
const HISTORY = ['campaign-responses-tab', 'response-history'];

/** Registers the flow's test (node:test) against the browser `launch` starts. */
export function auditFlow(launch: () => Promise<E2eBrowser>): void {
  let server: DemoServer;
  let browser: E2eBrowser;

  before(
    async () => {
      server = await startDemoServer('audit', { demoConfigToken: false });
      browser = await launch();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const lines = async () => (await server.api<ResultPage<ResponseLine>>(`/recipients/${RECIPIENT}/responses?campaignId=${CAMPAIGN_ID}&limit=500`)).items;
  const audit = async (lineId: string) => (await server.api<AuditPage>(`/audit?lineId=${lineId}`)).items;

  /** Clicks the element at the end of `selectors` (a pointer's click: detail 1, as menu buttons expect). */
  const click = (page: E2ePage, ...selectors: string[]) =>
    page.run<boolean>(`${DEEP} const el = deep(...${json(selectors)}); if (!el) return false;
      el.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true, composed: true })); return true;`);
  const textOf = (page: E2ePage, ...selectors: string[]) =>
    page.run<string | null>(`${DEEP} return deep(...${json(selectors)})?.textContent.replace(/\\s+/g, ' ').trim() ?? null;`);
  const allTexts = (page: E2ePage, selectors: string[], last: string) =>
    page.run<string[]>(`${DEEP} const root = deep(...${json(selectors)}); return root ? [...root.shadowRoot.querySelectorAll(${json(last)})].map((el) => el.textContent.replace(/\\s+/g, ' ').trim()) : [];`);
  const shown = (page: E2ePage, what: string, ...selectors: string[]) =>
    waitFor(async () => (await textOf(page, ...selectors)) !== null, what, UNDO_WINDOW_MS + STEP_MS);

  async function openAsManager(): Promise<E2ePage> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?recipient=${RECIPIENT}&as=marketing-manager`);
    return page;
  }

  async function openHistory(page: E2ePage, title: string): Promise<void> {
    await page.waitForCampaign(title, undefined, 150_000);
    await waitFor(() => click(page, 'campaign-responses-tab', `tbody[data-campaign="${CAMPAIGN_ID}"] [part="disclosure"]`), 'the history disclosure');
    // The history's list renders only the lines in view: bring it there, as a person scrolls to it.
    await waitFor(() => page.run<boolean>(`${DEEP} const list = deep(...${json(HISTORY)}, '[part="list"]'); list?.scrollIntoView(); return Boolean(list);`), 'the history list');
  }

  /** The line's Changes, opened (the audit view), once they name `expected` actions. */
  async function changesOf(page: E2ePage, lineId: string, expected: RegExp[]): Promise<string[]> {
    await waitFor(() => click(page, ...HISTORY, `[data-line="${lineId}"] [part="line-changes-button"]`), 'Changes of the line');
    let changes: string[] = [];
    await waitFor(async () => {
      changes = await allTexts(page, HISTORY, `[data-line="${lineId}"] [part="line-change"]`);
      return expected.every((pattern) => changes.some((change) => pattern.test(change)));
    }, `the line's changes to show ${expected.join(', ')}`);
    return changes;
  }

  describe('soft deletes, restore and the audit view, as the manager', () => {
    test('a line: menu → Delete, reload, Restore from the history; shown in its Changes under the manager’s name', { timeout: 240_000 }, async () => {
      const { campaigns } = await server.api<RecipientCampaigns>(`/recipients/${RECIPIENT}/campaigns`);
      const campaign = campaigns.find((c) => c.id === CAMPAIGN_ID);
      assert.ok(campaign);
      const before = await lines();
      assert.ok(before.length > 0, 'the demo seeds lines of the campaign');
      const target = before[0];
      const page = await openAsManager();
      try {
        await openHistory(page, campaign.title);
        await waitFor(() => click(page, ...HISTORY, `[data-line="${target.id}"] [part="menu-button"]`), 'the line’s Actions menu');
        await waitFor(() => click(page, ...HISTORY, `[data-line="${target.id}"] [role="menuitem"][data-item="delete"]`), 'Delete in the menu');
        await shown(page, 'Restore in the notice once the delete was sent', ...HISTORY, '[part="notice-restore"]');
        await waitFor(async () => !(await lines()).some((l) => l.id === target.id), 'the server to delete the line', STEP_MS);

        await page.reload();
        await openHistory(page, campaign.title);
        await shown(page, 'the deleted line, marked', ...HISTORY, `[data-line="${target.id}"] [part="line-deleted"]`);
        assert.match((await textOf(page, ...HISTORY, `[data-line="${target.id}"] [part="line-deleted"]`)) ?? '', new RegExp(`^Deleted by ${MANAGER}, `));
        assert.ok(await click(page, ...HISTORY, `[data-line="${target.id}"] [part="line-restore"]`));
        await waitFor(async () => (await lines()).some((l) => l.id === target.id), 'the server to restore the line');

        const changes = await changesOf(page, target.id, [new RegExp(`^Deleted by ${MANAGER}`), new RegExp(`^Restored by ${MANAGER}`)]);
        assert.ok(changes.length >= 2);
        const records = await audit(target.id);
        assert.deepEqual(records.slice(0, 2).map((r) => [r.action, r.principal.name]), [['restore', MANAGER], ['delete', MANAGER]]);
      } finally {
        await page.close();
      }
    });

    test('all of a campaign: Delete, wait past Undo, Restore the whole; shown in a line’s Changes under the manager’s name', { timeout: 240_000 }, async () => {
      const { campaigns } = await server.api<RecipientCampaigns>(`/recipients/${RECIPIENT}/campaigns`);
      const campaign = campaigns.find((c) => c.id === CAMPAIGN_ID);
      assert.ok(campaign);
      const before = await lines();
      const page = await openAsManager();
      try {
        await page.waitForCampaign(campaign.title, undefined, 150_000);
        await page.deleteAll({ campaign: campaign.title, event: campaign.events[0].name });
        await shown(page, 'Restore in the tab’s notice once the delete was sent', 'campaign-responses-tab', '[part="restore-button"]');
        assert.equal((await lines()).length, 0, 'the server deleted the campaign’s lines');
        assert.ok(await click(page, 'campaign-responses-tab', '[part="restore-button"]'));
        await waitFor(async () => (await lines()).length === before.length, 'the server to restore every line');
        await waitFor(async () => (await textOf(page, 'campaign-responses-tab', '[part="snackbar"]'))?.includes('restored') ?? false, 'the notice to say restored');

        await openHistory(page, campaign.title);
        const changes = await changesOf(page, before[0].id, [
          new RegExp(`^Deleted with the campaign’s responses by ${MANAGER}`),
          new RegExp(`^Restored by ${MANAGER}`),
        ]);
        assert.ok(changes.length >= 2);
        const records = await audit(before[0].id);
        assert.deepEqual(records.slice(0, 2).map((r) => [r.action, r.principal.name]), [['restore', MANAGER], ['delete-all', MANAGER]]);
      } finally {
        await page.close();
      }
    });
  });
}
