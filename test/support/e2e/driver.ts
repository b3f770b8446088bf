/**
 * What an end-to-end flow asks of a browser, so that one flow (with its assertions) runs in more
 * than one: Chromium through playwright-core (chromium.ts), Firefox through puppeteer-core over
 * WebDriver BiDi (firefox.ts), WebKit through webdriverio over WebDriver classic (webkit.ts). The operations are a person's (add a response through the dialog)
 * and a tester's (cut the network, read what the page shows); each driver says how it does them.
 */
import assert from 'node:assert/strict';

/** How long one step on the page may take (the machines are slow and shared). */
export const STEP_MS = 15_000;

/** One response added through Add Response → New Campaign Response, by the titles a person picks. */
export interface Edit {
  campaign: string;
  event: string;
  note: string;
}

/** A new status through Update Status → Save New Response. */
export interface StatusUpdate {
  campaign: string;
  event: string;
  detail: string;
  note: string;
}

/** One list recorded through <bulk-response-entry>: what applies to every line, and the pasted recipients. */
export interface BulkEntry {
  event: string;
  detail: string;
  note: string;
  /** Ids or emails, pasted one per line. */
  recipients: string[];
}

/** What <bulk-response-entry> said: its preview's counts (before Save) and its summary (after). */
export interface BulkOutcome {
  counts: string;
  summary: string;
}

/** One page of the demo in a fresh browser context (its own storage: IndexedDB, the outbox). */
export interface E2ePage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Until the campaign's row (by its title) is shown; with `marks`, until one of its edits is
   * marked with that sync state ('pending'), or until none of its edits is marked at all ('none').
   * At most `ms` (default STEP_MS).
   */
  waitForCampaign(title: string, marks?: 'pending' | 'none', ms?: number): Promise<void>;
  /** Until an element of this part is shown inside this kit element (e.g. 'campaign-sync-status', 'connectivity'). */
  waitForPart(element: string, part: string): Promise<void>;
  /** The sync status's count of edits waiting (`data-count` of its `pending` part), null while it has none. */
  pendingCount(): Promise<string | null>;
  /** The page's `navigator.onLine`. */
  onLine(): Promise<boolean>;
  /** The value of a JavaScript expression in the page (a promise is awaited), for what no person's step reads. */
  evaluate<T>(expression: string): Promise<T>;
  /** Add Response → New Campaign Response → Campaign, Campaign event, Responded, Note → Save, as a person does it. */
  addResponse(edit: Edit): Promise<void>;
  /**
   * In the page's <bulk-response-entry>, as a person does it: New list (when a summary is shown),
   * Campaign event, Response Detail, Note, the list pasted → Check the list → the rows marked
   * "Not checked (offline)" put back in (Save the N rows not checked (offline) too, when shown) →
   * Save → until the summary.
   */
  recordInBulk(entry: BulkEntry): Promise<BulkOutcome>;
  /** The record page's name of the recipient (the demo's heading). */
  recordName(): Promise<string>;
  /** The campaign's Response cell: its response detail, or null while it says there is none. */
  responseShown(campaign: string): Promise<string | null>;
  /** Update Status (the campaign's event's button) → Campaign Response → New Response Detail, Note → Save New Response. */
  updateStatus(update: StatusUpdate): Promise<void>;
  /**
   * Update Status → Actions → Delete; in the confirmation that opens, Delete. Returns the
   * confirmation's question, read before confirming.
   */
  deleteAll(of: { campaign: string; event: string }): Promise<string>;
  /** The whole browser context offline (navigator.onLine false, every request fails) or back. */
  setOffline(offline: boolean): Promise<void>;
  /**
   * Every request under `prefix` fails as on a dead network (the page sees a network error),
   * except those to the paths in `except`; everything else still loads. Until restoreApi().
   */
  cutApi(prefix: string, except: string[]): Promise<void>;
  restoreApi(): Promise<void>;
  /**
   * Runs `script` (a function body: `return …`) in the page and resolves with what it returns, for
   * steps no operation above names (the audit flow reaches into the elements' shadow roots).
   */
  run<T>(script: string): Promise<T>;
  close(): Promise<void>;
}

export interface E2eBrowser {
  /** For test names: 'Chromium', 'Firefox', 'WebKit'. */
  readonly name: string;
  newPage(): Promise<E2ePage>;
  close(): Promise<void>;
}

/** Polls `check` every 100 ms until it holds; fails the test with `what` after `ms`. */
export async function waitFor(check: () => Promise<boolean>, what: string, ms = STEP_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
