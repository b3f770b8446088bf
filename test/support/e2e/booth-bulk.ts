/**
 * The booth's lists recorded in bulk, offline, on the demo's campaign page through
 * <bulk-response-entry>, as a person does it (booth-offline-flow.ts runs this with the server stopped).
 *
 * The seed has five recipients of the Industry Expo Berlin campaign, so twenty lines are four lists of
 * the five: one response detail and event per list, each list with its own note. No list repeats a
 * recipient, and none repeats what the three responses by hand recorded (Responded on the booth event),
 * so no row is a duplicate the device could know of; offline, every row is "not checked", put back in.
 * The list names them as a person would have them: ids, emails and names, which the page matches
 * offline against the recipient list it saved on the visit online.
 */
import assert from 'node:assert/strict';
import type { BulkEntry, E2ePage } from './driver.js';
import { waitFor } from './driver.js';

export const BULK_CAMPAIGN = { id: 'expo-berlin', title: 'Industry Expo Berlin 2026' };
/** The campaign's recipients, and how the list names them. */
const VISITORS: [id: string, pasted: string][] = [
  ['43', '43'],
  ['44', 'haruka.sato@sakura-devices.example'],
  ['47', 'Priya Raman'],
  ['48', 'Élodie Martin <elodie.martin@atelier-lumiere.example>'],
  ['42', '42'],
];
const LISTS: Omit<BulkEntry, 'note' | 'recipients'>[] = [
  { event: 'Trade show booth B12', detail: 'Received' },
  { event: 'Trade show booth B12', detail: 'Subscribed' },
  { event: 'Trade show booth B12', detail: 'Purchased' },
  { event: 'Post-show follow-up email', detail: 'Responded' },
];

/** One line that must reach the server once: its recipient and its note (unique to this run). */
export interface StoredLine {
  recipient: string;
  note: string;
}

/**
 * On the campaign page at `origin` (already loaded once online, so its worker and saved lists serve
 * it): the four lists saved. Returns their twenty lines.
 */
export async function recordInBulk(page: E2ePage, origin: string, tag: string): Promise<StoredLine[]> {
  await page.goto(`${origin}/campaign.html?campaign=${BULK_CAMPAIGN.id}`);
  await waitFor(async () => (await page.evaluate<string>(`document.getElementById('campaign-name').textContent.trim()`)) === BULK_CAMPAIGN.title, 'the campaign page to show the expo');
  // The subtab is one of the page's tabs, where a person finds it.
  assert.equal(await page.evaluate<string | undefined>(`document.querySelector('.record-subtabs a[href="#bulk"]')?.textContent.trim()`), 'Record in bulk');
  const lines: StoredLine[] = [];
  for (const [i, list] of LISTS.entries()) {
    const note = `${tag} in bulk ${i + 1}`;
    const { counts, summary } = await page.recordInBulk({ ...list, note, recipients: VISITORS.map(([, pasted]) => pasted) });
    const n = VISITORS.length;
    assert.equal(counts, `${n} rows: ${n} found, 0 not found, 0 ambiguous, ${n} duplicates. 0 will be saved.`, 'offline, every row is not checked, and left out until put back');
    assert.equal(summary, `Saved ${n}, of which ${n} wait on this device to be sent. Skipped as duplicates: 0. Failed: 0. Not sent (cancelled): 0.`);
    lines.push(...VISITORS.map(([recipient]) => ({ recipient, note })));
  }
  return lines;
}
