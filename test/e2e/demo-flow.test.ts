/**
 * End to end: the demo page (`npm start`'s server: the API, the demo through Vite, a fresh database
 * as test/support/e2e/demo-server.ts makes it) driven in the system Chromium by playwright-core,
 * through the source document's flows with its button names — Add Response → Save, Update Status →
 * Save New Response, Update Status → Actions → Delete — once by mouse and once by keyboard alone.
 * Each step is checked on the page and against the server's API, and a reload shows what the
 * server kept.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startDemoServer, type DemoServer } from '../support/e2e/demo-server.js';
import type { Page as ResultPage, RecipientCampaign, RecipientCampaigns, ResponseLine } from '../../src/model/types.js';


/** The browser's zone and locale: fixed, so the dates typed and the dates shown are predictable. */
const TIME_ZONE = 'Europe/Berlin';
const LOCALE = 'en-US';
/** A note that must stay text everywhere. */
const HOSTILE = '<img src=x onerror=alert(1)> {{7*7}}';
/** How long the page may take for anything but the Delete's undo time. */
const STEP_MS = 15_000;
/** The data client holds a Delete back for 5 s (Undo); the server's answer comes after that. */
const UNDO_WINDOW_MS = 5_000;

let server: DemoServer;
let browser: Browser;

before(
  async () => {
    server = await startDemoServer('demo');
    browser = await chromium.launch({
      executablePath: findBrowser('chromium'),
      args: CHROMIUM_ARGS,
    });
    // Warm-up: Vite transforms (and may pre-bundle) the demo's modules on first request, the
    // virtualized history's included; doing it here keeps that time out of the tests.
    const { context, page } = await openPage();
    await page.goto(`${server.url}/?recipient=42`);
    await campaignRows(page).first().waitFor();
    await campaignRows(page).first().locator('[part="disclosure"]').click();
    await page.locator('response-history [part="line"]').first().waitFor();
    await context.close();
  },
  { timeout: 90_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers: API

const api = <T>(path: string): Promise<T> => server.api<T>(path);

async function campaignOf(recipientId: string, campaignId: string): Promise<RecipientCampaign> {
  const { campaigns } = await api<RecipientCampaigns>(`/recipients/${recipientId}/campaigns`);
  const campaign = campaigns.find((c) => c.id === campaignId);
  assert.ok(campaign, `campaign ${campaignId} is sent to recipient ${recipientId}`);
  return campaign;
}

/** Every stored line of the recipient for the campaign, newest first (one page holds them all here). */
/**
 * The lines once the server holds `total` of them: the demo queues edits in its offline outbox,
 * which sends them a moment after the dialog closes.
 */
async function linesWhen(recipientId: string, campaignId: string, total: number): Promise<{ items: ResponseLine[]; total: number }> {
  const until = Date.now() + STEP_MS;
  for (;;) {
    const lines = await linesOf(recipientId, campaignId);
    if (lines.total === total || Date.now() > until) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function linesOf(recipientId: string, campaignId: string): Promise<{ items: ResponseLine[]; total: number }> {
  const page = await api<ResultPage<ResponseLine>>(`/recipients/${recipientId}/responses?campaignId=${campaignId}&limit=500`);
  assert.equal(page.nextCursor, null, 'one page holds every line');
  assert.equal(page.total, page.items.length, 'the server counts the lines it lists');
  return { items: page.items, total: page.items.length };
}

// ---------------------------------------------------------------- helpers: page

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Native dialogs (alert, confirm, prompt) the page opened: an injected `alert(1)` would land here. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

async function openPage(): Promise<Watched> {
  const context = await browser.newContext({ locale: LOCALE, timezoneId: TIME_ZONE, viewport: { width: 1280, height: 1000 } });
  // Vite's HMR socket is answered here and never by Vite: a file saved in the project while the
  // tests run (or a dependency re-optimized) must not reload the page under a test.
  await context.routeWebSocket(/./, () => undefined);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const watched: Watched = { context, page, dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  return watched;
}

const tab = (page: Page) => page.locator('campaign-responses-tab');
const campaignRows = (page: Page) => tab(page).locator('tbody[part="campaign"]');

/** A campaign's `<tbody>`: its row and, expanded, its history. */
function campaignRow(page: Page, title: string): Locator {
  return campaignRows(page).filter({ has: page.locator('[part="disclosure"]', { hasText: title }) });
}

/** Waits until the campaign's Response cell shows this detail (or "No response yet" for null). */
async function waitForResponse(page: Page, title: string, detail: string | null): Promise<void> {
  const row = campaignRow(page, title);
  if (detail === null) await row.locator('td[part="response"] .none', { hasText: 'No response yet' }).waitFor();
  else await row.locator('[part="response-detail"]', { hasText: new RegExp(`^\\s*${detail}\\s*$`) }).waitFor();
}

/** The campaign's Date cell: its machine-readable instant and its text. */
async function dateCell(page: Page, title: string): Promise<{ instant: number; text: string }> {
  const time = campaignRow(page, title).locator('td[part="date"] time');
  return { instant: Date.parse((await time.getAttribute('datetime')) ?? ''), text: (await time.textContent()) ?? '' };
}

/** How the kit shows an instant (medium date, short time, the page's locale and zone). */
function shownAs(page: Page, instant: number): Promise<string> {
  return page.evaluate(
    (ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
    instant,
  );
}

/** The datetime-local value of an instant in TIME_ZONE (what a person types in the dialog). */
function localValue(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A minute in the past, later than every seeded line (the seed ends in June 2026). */
function recentMinute(hoursAgo: number): number {
  return Math.floor((Date.now() - hoursAgo * 3_600_000) / 60_000) * 60_000;
}

/** The history lines shown under an expanded campaign: detail and note of each, newest first. */
async function historyLines(page: Page, title: string): Promise<{ detail: string; note: string; time: number }[]> {
  return campaignRow(page, title)
    .locator('response-history [part="line"]')
    .evaluateAll((lines) =>
      lines.map((line) => ({
        detail: line.querySelector('[part="line-detail"]')?.textContent?.trim() ?? '',
        note: line.querySelector('[part="line-note"]')?.textContent ?? '',
        time: Date.parse(line.querySelector('[part="line-time"]')?.getAttribute('datetime') ?? ''),
      })),
    );
}

/**
 * Scrolls the campaign's history list into view, as a person reading it would. The list is
 * virtualized: below the fold it draws no line, and the page's height moves with its texts (a
 * "Last synced" time of 10:24 PM wraps where 9:00 PM did not).
 */
async function seeHistory(page: Page, title: string): Promise<void> {
  const list = campaignRow(page, title).locator('response-history [part="list"]');
  await list.waitFor({ state: 'attached' });
  await list.scrollIntoViewIfNeeded();
}

/** Waits until the newest history line of the campaign has this detail and note. */
async function waitForNewestLine(page: Page, title: string, detail: string, note: string): Promise<void> {
  const history = campaignRow(page, title).locator('response-history');
  await seeHistory(page, title);
  await history.locator('[part="line"]').first().waitFor();
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const [newest] = await historyLines(page, title);
    if (newest?.detail === detail && newest.note === note) return;
    if (Date.now() > deadline) assert.fail(`newest history line of ${title}: ${JSON.stringify(newest)}`);
    await page.waitForTimeout(50); // polling, not waiting out anything
  }
}

/** Every `<img>` in the page, shadow roots included. */
function imagesInPage(page: Page): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    let count = 0;
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      count += root.querySelectorAll('img').length;
      root.querySelectorAll('*').forEach((element) => {
        if (element.shadowRoot) roots.push(element.shadowRoot);
      });
    }
    return count;
  });
}

/** Waits until the demo's event log lists this kit event; the newest entry's payload, parsed. */
async function waitForLogged(page: Page, type: string, timeout = STEP_MS): Promise<Record<string, unknown>> {
  const entry = page.locator('#log li').filter({ has: page.locator('code', { hasText: new RegExp(`^${type}$`) }) }).first();
  await entry.waitFor({ timeout });
  const payload = (await entry.locator('span').textContent()) ?? '';
  return payload ? (JSON.parse(payload) as Record<string, unknown>) : {};
}

/** The focused element, looking into shadow roots, described for assertions. */
interface Focused {
  tag: string;
  id: string;
  part: string;
  label: string;
  role: string;
  text: string;
  disabled: boolean;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    return {
      tag: active.tagName.toLowerCase(),
      id: active.id,
      part: active.getAttribute('part') ?? '',
      label: active.getAttribute('aria-label') ?? '',
      role: active.getAttribute('role') ?? '',
      text: (active.textContent ?? '').trim(),
      disabled: (active as HTMLButtonElement).disabled ?? false,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, { back = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i <= max; i++) {
    const now = await focused(page);
    if (now && match(now)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${what} not reached by ${back ? 'Shift+Tab' : 'Tab'}; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Waits until the focused element matches (focus may move in a task after the key, e.g. on `close`). */
async function waitForFocus(page: Page, what: string, match: (f: Focused) => boolean): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const now = await focused(page);
    if (now && match(now)) return;
    if (Date.now() > deadline) assert.fail(`focus should be on ${what}, is on ${JSON.stringify(now)}`);
    await page.waitForTimeout(25); // polling, not waiting out anything
  }
}

/** With a closed `<select>` focused, presses ArrowDown until the option with this text is chosen. */
async function arrowToOption(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const chosen = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!(active instanceof HTMLSelectElement)) return null;
      return { text: active.selectedOptions[0]?.textContent?.trim() ?? '', last: active.selectedIndex === active.options.length - 1 };
    });
    assert.ok(chosen, 'a select has focus');
    if (chosen.text === label) return;
    assert.ok(!chosen.last, `option ${label} not found by ArrowDown`);
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`option ${label} not reached by ArrowDown`);
}

/** Waits until a form control of the open dialog is enabled (it depends on the choice before). */
async function waitForEnabled(page: Page, id: string): Promise<void> {
  await page.locator(`add-response-dialog #${id}:not([disabled])`).waitFor();
}

const byId = (id: string) => (f: Focused) => f.id === id;
const byRole = (role: string, text: string) => (f: Focused) => f.role === role && f.text === text;
const byPart = (part: string, text?: string) => (f: Focused) => f.part.split(' ').includes(part) && (text === undefined || f.text === text);

// ---------------------------------------------------------------- the flows

describe('demo page: the Campaigns subtab against the reference server', () => {
  test('by mouse: Add Response, Update Status, Actions → Delete, each kept by the server', { timeout: 60_000 }, async () => {
    const recipientId = '42';
    const campaign = await campaignOf(recipientId, 'spring-launch-2026');
    const event = campaign.events[0];
    const seeded = (await linesOf(recipientId, campaign.id)).total;
    const { context, page, dialogs, errors } = await openPage();
    try {
      await page.goto(`${server.url}/?recipient=${recipientId}`);
      await campaignRow(page, campaign.title).waitFor();
      assert.equal(await page.locator('#record-name').textContent(), 'Maya Thompson');

      // Add Response → New Campaign Response → Save.
      const addButton = page.getByRole('button', { name: 'Add Response' });
      await addButton.click();
      const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });
      await dialog.waitFor();
      await dialog.getByLabel('Campaign', { exact: true }).selectOption({ label: campaign.title });
      await dialog.getByLabel('Campaign event').selectOption({ label: event.name });
      const firstAt = recentMinute(2);
      await dialog.getByLabel('Date and time').fill(localValue(firstAt));
      await dialog.getByLabel('New Response Detail').selectOption({ label: 'Responded' });
      const firstNote = `Called back after the launch mail. ${HOSTILE}`;
      await dialog.getByLabel('Note').click();
      await page.keyboard.type(firstNote);
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The Response column: the most recent response, with its date and time.
      await waitForResponse(page, campaign.title, 'Responded');
      const firstDate = await dateCell(page, campaign.title);
      assert.equal(firstDate.instant, firstAt);
      assert.equal(firstDate.text, await shownAs(page, firstAt));
      // Offline edits are on in the demo: the dialog reports the line queued, and the outbox sends it.
      const logged = (await waitForLogged(page, 'cr-response-queued')) as { line?: Partial<ResponseLine> };
      assert.deepEqual([logged.line?.campaignId, logged.line?.detailId, logged.line?.note], [campaign.id, 'responded', firstNote]);

      // The server has it.
      let stored = await linesWhen(recipientId, campaign.id, seeded + 1);
      assert.equal(stored.total, seeded + 1);
      assert.deepEqual(
        { detail: stored.items[0].detailId, event: stored.items[0].eventId, note: stored.items[0].note, at: Date.parse(stored.items[0].respondedAt) },
        { detail: 'responded', event: event.id, note: firstNote, at: firstAt },
      );

      // The campaign's history: the line, its note as text.
      await campaignRow(page, campaign.title).getByRole('button', { name: campaign.title }).click();
      // The list is virtualized against the window too: it renders its lines once it is in view.
      await campaignRow(page, campaign.title).locator('response-history [part="list"]').scrollIntoViewIfNeeded();
      await waitForNewestLine(page, campaign.title, 'Responded', firstNote);
      const [newest] = await historyLines(page, campaign.title);
      assert.equal(newest.time, firstAt);
      assert.equal(await imagesInPage(page), 0, 'the note made no <img>');
      // The literal braces in the history (its own shadow root: getByText looks inside), not a 49.
      assert.ok((await campaignRow(page, campaign.title).getByText('{{7*7}}').count()) > 0, '{{7*7}} is not evaluated');

      // Update Status → Campaign Response → Save New Response.
      const updateButton = campaignRow(page, campaign.title).getByRole('button', { name: `Update Status: ${event.name}` });
      await updateButton.click();
      const update = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
      await update.waitFor();
      await update.getByText(`${campaign.title}: ${event.name}`).waitFor();
      const secondAt = recentMinute(1);
      await update.getByLabel('Date and time').fill(localValue(secondAt));
      await update.getByLabel('New Response Detail').selectOption({ label: 'Purchased' });
      const secondNote = `Ordered after the call. ${HOSTILE}`;
      await update.getByLabel('Note').fill(secondNote);
      await update.getByRole('button', { name: 'Save New Response' }).click();
      await update.waitFor({ state: 'hidden' });
      await waitForResponse(page, campaign.title, 'Purchased');
      assert.equal((await dateCell(page, campaign.title)).instant, secondAt);
      await waitForNewestLine(page, campaign.title, 'Purchased', secondNote);
      assert.deepEqual(
        (await historyLines(page, campaign.title)).slice(0, 2).map((l) => [l.detail, l.note]),
        [['Purchased', secondNote], ['Responded', firstNote]],
      );

      stored = await linesWhen(recipientId, campaign.id, seeded + 2);
      assert.equal(stored.total, seeded + 2);
      assert.deepEqual(
        stored.items.slice(0, 2).map((l) => [l.detailId, l.note, Date.parse(l.respondedAt)]),
        [['purchased', secondNote, secondAt], ['responded', firstNote, firstAt]],
      );

      // Update Status → Actions → Delete, confirmed (naming the campaign and the number of lines).
      await updateButton.click();
      await update.waitFor();
      await update.getByRole('button', { name: 'Actions' }).click();
      await update.getByRole('menuitem', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete responses' });
      await confirm.waitFor();
      await confirm.getByText(`Delete all ${seeded + 2} responses of this recipient to “${campaign.title}”?`).waitFor();
      await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      await tab(page).locator('[part="snackbar"]', { hasText: `Deleted ${seeded + 2} responses to ${campaign.title}.` }).waitFor();
      await waitForResponse(page, campaign.title, null);

      // The undo time passes; the data client then sends the Delete, and the tab reports it.
      // After the undo time the Delete is queued in the outbox, which then sends it.
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll('#log li')).some((li) => li.textContent?.includes('"kind":"deleteAll"')),
        undefined,
        { timeout: UNDO_WINDOW_MS + STEP_MS },
      );
      assert.equal((await linesWhen(recipientId, campaign.id, 0)).total, 0);
      await waitForLogged(page, 'cr-sync-complete');

      // Reload: the page shows what the server kept.
      await page.reload();
      await campaignRow(page, campaign.title).waitFor();
      await waitForResponse(page, campaign.title, null);
      await campaignRow(page, campaign.title).getByRole('button', { name: campaign.title }).click();
      // Deleted lines stay in the history of a person who may restore them: struck, marked, with Restore.
      const deletedMark = campaignRow(page, campaign.title).locator('response-history [part="line-deleted"]').first();
      await seeHistory(page, campaign.title);
      await deletedMark.waitFor();
      assert.match((await deletedMark.textContent()) ?? '', /^Deleted by /);
      assert.equal(await campaignRow(page, campaign.title).locator('response-history [part="line"]:not(.deleted)').count(), 0, 'no live line left');

      assert.deepEqual(dialogs, [], 'no alert or other native dialog');
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('by keyboard alone: Delete, then Undo one Tab away, which waits while it has focus', { timeout: 60_000 }, async () => {
    const recipientId = '44';
    const { campaigns } = await api<RecipientCampaigns>(`/recipients/${recipientId}/campaigns`);
    const campaign = campaigns.find((c) => c.latestResponse !== null);
    assert.ok(campaign, 'a campaign of the recipient has responses');
    const event = campaign.events[0];
    const seeded = (await linesOf(recipientId, campaign.id)).total;
    const { context, page, dialogs, errors } = await openPage();
    const { keyboard } = page;
    try {
      await page.goto(`${server.url}/?recipient=${recipientId}`);
      await campaignRow(page, campaign.title).waitFor();
      const updateLabel = `Update Status: ${event.name}`;
      await tabTo(page, updateLabel, (f) => f.label === updateLabel, { max: 80 });
      await keyboard.press('Enter');
      const update = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
      await update.waitFor();
      await tabTo(page, 'Actions', byPart('menu-button', 'Actions'));
      await keyboard.press('Enter');
      await waitForFocus(page, 'the Delete menu item', byRole('menuitem', 'Delete'));
      await keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Delete responses' });
      await confirm.getByText(`Delete all ${seeded} responses of this recipient to “${campaign.title}”?`).waitFor();
      await tabTo(page, 'Delete in the confirmation', byPart('confirm-delete-button', 'Delete'));
      await keyboard.press('Enter');
      await confirm.waitFor({ state: 'hidden' });
      await waitForResponse(page, campaign.title, null);

      // Focus is on the notice; one Tab reaches Undo, and the undo time stands still there.
      await waitForFocus(page, 'the Undo notice', byPart('snackbar'));
      await keyboard.press('Tab');
      await waitForFocus(page, 'Undo', byPart('undo-button', 'Undo'));
      await page.waitForTimeout(UNDO_WINDOW_MS + 1_000); // longer than the undo time, on purpose
      await keyboard.press('Enter');
      await tab(page).locator('[part="snackbar"]', { hasText: `Responses to ${campaign.title} restored.` }).waitFor();
      await waitForFocus(page, `${updateLabel}, which opened the dialog`, (f) => f.label === updateLabel);
      assert.notEqual(campaign.latestResponse, null);
      await campaignRow(page, campaign.title).locator('[part="response-detail"]').waitFor();

      assert.equal((await linesOf(recipientId, campaign.id)).total, seeded, 'the server kept every line');
      assert.equal(
        await page.evaluate(() => Array.from(document.querySelectorAll('#log li')).some((li) => /deleteAll|cr-responses-deleted/.test(li.textContent ?? ''))),
        false,
        'no Delete was queued or sent',
      );
      assert.deepEqual(dialogs, [], 'no alert or other native dialog');
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('by keyboard alone: the same flow with Tab, arrows, Enter, Space and Escape', { timeout: 60_000 }, async () => {
    const recipientId = '43';
    const campaign = await campaignOf(recipientId, 'catalog-q1');
    const event = campaign.events[0];
    const seeded = (await linesOf(recipientId, campaign.id)).total;
    const { context, page, dialogs, errors } = await openPage();
    const { keyboard } = page;
    try {
      await page.goto(`${server.url}/?recipient=${recipientId}`);
      await campaignRow(page, campaign.title).waitFor();
      assert.equal(await page.locator('#record-name').textContent(), 'Jonas Weber');
      const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });

      // Add Response, reached by Tab; Escape closes the untouched dialog and focus comes back.
      await tabTo(page, 'Add Response', byPart('add-button', 'Add Response'));
      await keyboard.press('Enter');
      await dialog.waitFor();
      await page.locator('add-response-dialog #campaignId').waitFor();
      await keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await waitForFocus(page, 'Add Response', byPart('add-button', 'Add Response'));

      // Again, and fill it in: campaign, event, date and time, New Response Detail, note.
      await keyboard.press('Enter');
      await dialog.waitFor();
      await page.locator('add-response-dialog #campaignId').waitFor();
      await tabTo(page, 'the campaign select', byId('campaignId'));
      await arrowToOption(page, campaign.title);
      await waitForEnabled(page, 'eventId');
      await tabTo(page, 'the event select', byId('eventId'));
      await arrowToOption(page, event.name);
      await waitForEnabled(page, 'detailId');
      await tabTo(page, 'the date and time', byId('respondedAt'));
      // en-US: mm/dd/yyyy, hh:mm AM/PM; Tab leaves the year (it takes up to 6 digits).
      const firstAt = recentMinute(3);
      const [date, time] = localValue(firstAt).split('T');
      const [year, month, day] = date.split('-');
      const [hour24, minute] = time.split(':').map(Number);
      await keyboard.type(`${month}${day}${year}`);
      await keyboard.press('Tab');
      await keyboard.type(`${String(hour24 % 12 || 12).padStart(2, '0')}${String(minute).padStart(2, '0')}${hour24 < 12 ? 'A' : 'P'}`);
      assert.equal(await page.locator('add-response-dialog #respondedAt').inputValue(), localValue(firstAt));
      await tabTo(page, 'New Response Detail', byId('detailId'));
      await arrowToOption(page, 'Received');
      await tabTo(page, 'the note', byId('note'));
      const firstNote = `Catalog arrived, asked for prices. ${HOSTILE}`;
      await keyboard.type(firstNote);
      await tabTo(page, 'Save', byPart('save-button', 'Save'));
      await keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await waitForFocus(page, 'Add Response, which opened the dialog', byPart('add-button', 'Add Response'));

      await waitForResponse(page, campaign.title, 'Received');
      const firstDate = await dateCell(page, campaign.title);
      assert.equal(firstDate.instant, firstAt);
      assert.equal(firstDate.text, await shownAs(page, firstAt));
      // Offline edits are on in the demo: the dialog reports the line queued, and the outbox sends it.
      const logged = (await waitForLogged(page, 'cr-response-queued')) as { line?: Partial<ResponseLine> };
      assert.deepEqual([logged.line?.campaignId, logged.line?.detailId, logged.line?.note], [campaign.id, 'received', firstNote]);
      let stored = await linesWhen(recipientId, campaign.id, seeded + 1);
      assert.equal(stored.total, seeded + 1);
      assert.deepEqual(
        [stored.items[0].detailId, stored.items[0].eventId, stored.items[0].note, Date.parse(stored.items[0].respondedAt)],
        ['received', event.id, firstNote, firstAt],
      );

      // The campaign's history, opened with Space on its disclosure button.
      await tabTo(page, `the ${campaign.title} row`, byPart('disclosure', campaign.title));
      await keyboard.press('Space');
      // The history and its first page load on demand: as a person would, wait until the list is
      // drawn, since a Tab before that moves on past the row (CI once saw it land on the page's
      // inputs far below).
      await campaignRow(page, campaign.title).locator('response-history [part="list"]').waitFor();
      // Into the list (which scrolls it into view: it is virtualized against the window too).
      await tabTo(page, 'the history list', byPart('list'));
      await waitForNewestLine(page, campaign.title, 'Received', firstNote);
      assert.equal(await imagesInPage(page), 0, 'the note made no <img>');

      // Update Status (Enter), New Response Detail, note, Save New Response; keep the default time (now).
      const updateLabel = `Update Status: ${event.name}`;
      await tabTo(page, updateLabel, (f) => f.label === updateLabel, { back: true });
      await keyboard.press('Enter');
      const update = page.getByRole('dialog', { name: 'Campaign Response', exact: true });
      await update.waitFor();
      await waitForEnabled(page, 'detailId');
      await tabTo(page, 'New Response Detail', byId('detailId'));
      await arrowToOption(page, 'Subscribed');
      await tabTo(page, 'the note', byId('note'));
      const secondNote = `Subscribed to the catalog list. ${HOSTILE}`;
      await keyboard.type(secondNote);
      await tabTo(page, 'Save New Response', byPart('save-button', 'Save New Response'));
      await keyboard.press('Enter');
      await update.waitFor({ state: 'hidden' });
      await waitForFocus(page, `${updateLabel}, which opened the dialog`, (f) => f.label === updateLabel);

      await waitForResponse(page, campaign.title, 'Subscribed');
      await waitForNewestLine(page, campaign.title, 'Subscribed', secondNote);
      stored = await linesWhen(recipientId, campaign.id, seeded + 2);
      assert.equal(stored.total, seeded + 2);
      assert.deepEqual(
        stored.items.slice(0, 2).map((l) => [l.detailId, l.note]),
        [['subscribed', secondNote], ['received', firstNote]],
      );

      // Update Status → Actions (Escape closes only the menu) → Delete → confirm.
      await keyboard.press('Enter');
      await update.waitFor();
      await tabTo(page, 'Actions', byPart('menu-button', 'Actions'));
      await keyboard.press('Enter');
      await waitForFocus(page, 'the Delete menu item', byRole('menuitem', 'Delete'));
      await keyboard.press('Escape');
      await waitForFocus(page, 'the Actions button (Escape closed the menu)', byPart('menu-button', 'Actions'));
      assert.ok(await update.isVisible(), 'Escape in the menu leaves the dialog open');
      await keyboard.press('ArrowDown');
      await waitForFocus(page, 'the Delete menu item', byRole('menuitem', 'Delete'));
      await keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Delete responses' });
      await confirm.waitFor();
      await confirm.getByText(`Delete all ${seeded + 2} responses of this recipient to “${campaign.title}”?`).waitFor();
      await tabTo(page, 'Delete in the confirmation', byPart('confirm-delete-button', 'Delete'));
      assert.equal((await focused(page))?.disabled, false);
      await keyboard.press('Enter');
      await confirm.waitFor({ state: 'hidden' });
      await waitForResponse(page, campaign.title, null);
      // Focus on the Undo notice (Undo is the next Tab stop); left there, the undo time runs out.
      await waitForFocus(page, 'the Undo notice', byPart('snackbar'));

      // After the undo time the Delete is queued in the outbox, which then sends it.
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll('#log li')).some((li) => li.textContent?.includes('"kind":"deleteAll"')),
        undefined,
        { timeout: UNDO_WINDOW_MS + STEP_MS },
      );
      // The notice goes, and focus with it back to the button that opened the dialog.
      await waitForFocus(page, `${updateLabel}, which opened the dialog`, (f) => f.label === updateLabel);
      assert.equal((await linesWhen(recipientId, campaign.id, 0)).total, 0);
      await waitForLogged(page, 'cr-sync-complete');

      await page.reload();
      await campaignRow(page, campaign.title).waitFor();
      await waitForResponse(page, campaign.title, null);

      assert.deepEqual(dialogs, [], 'no alert or other native dialog');
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
});
