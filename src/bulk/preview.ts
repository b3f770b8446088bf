/**
 * The preview of a bulk entry: each row with its match and, for a matched one, why it would be a
 * duplicate. Pure. A duplicate is left out by default; the person may put it back.
 */
import type { Recipient } from '../model/types.js';
import type { RowMatch } from './matching.js';
import type { BulkRow } from './rows.js';

/**
 * Why a row would be a duplicate:
 * - `repeated`: the same recipient is on an earlier row of the list;
 * - `existing`: the recipient already has this response on this event;
 * - `unchecked`: the backend could not be asked (offline), so it may be either.
 */
export type DuplicateReason = 'repeated' | 'existing' | 'unchecked';

/** What the backend said about a recipient and this response: has it, has not, could not be asked. */
export type ExistingAnswer = 'yes' | 'no' | 'unknown';

export interface PreviewRow {
  row: BulkRow;
  match: RowMatch;
  duplicate: DuplicateReason | undefined;
  /** Whether Save writes this row: matched and, by default, not a duplicate. */
  included: boolean;
}

/** The recipient a row would be saved for, if it is matched. */
export function recipientOf(row: PreviewRow): Recipient | undefined {
  return row.match.status === 'matched' ? row.match.recipient : undefined;
}

/**
 * Flags duplicates in list order (the first row of a recipient is kept, later ones are `repeated`)
 * and includes what is matched and not a duplicate. `existing` answers per recipient id; a recipient
 * it does not know yet counts as `unknown`. `kept` are rows the person put back in: they stay included.
 */
export function buildPreview(
  rows: readonly BulkRow[],
  matches: readonly RowMatch[],
  existing: ReadonlyMap<string, ExistingAnswer>,
  kept: ReadonlySet<number> = new Set(),
): PreviewRow[] {
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const match = matches[i] ?? { status: 'not-found' };
    if (match.status !== 'matched') return { row, match, duplicate: undefined, included: false };
    const id = match.recipient.id;
    const answer = existing.get(id) ?? 'unknown';
    const duplicate: DuplicateReason | undefined = seen.has(id)
      ? 'repeated'
      : answer === 'yes'
        ? 'existing'
        : answer === 'unknown'
          ? 'unchecked'
          : undefined;
    seen.add(id);
    return { row, match, duplicate, included: duplicate === undefined || kept.has(row.index) };
  });
}

export interface PreviewCounts {
  total: number;
  matched: number;
  notFound: number;
  ambiguous: number;
  duplicates: number;
  included: number;
}

export function countPreview(preview: readonly PreviewRow[]): PreviewCounts {
  const counts: PreviewCounts = { total: preview.length, matched: 0, notFound: 0, ambiguous: 0, duplicates: 0, included: 0 };
  for (const row of preview) {
    if (row.match.status === 'matched') counts.matched++;
    else if (row.match.status === 'not-found') counts.notFound++;
    else counts.ambiguous++;
    if (row.duplicate) counts.duplicates++;
    if (row.included) counts.included++;
  }
  return counts;
}
