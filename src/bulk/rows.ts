/**
 * The rows of a bulk entry: what a person pasted or imported, one recipient key per row, before
 * anything is looked up. Pure: no DOM, no I/O.
 */

import { forEachSliced } from './yielding.js';

/** What a row's key looks like: an email address, a recipient id, or a display name. */
export type KeyKind = 'email' | 'id' | 'name';

export interface BulkRow {
  /** The row's place in the list (0-based), for the preview and for "twice in the list". */
  index: number;
  /** The key as it will be looked up: trimmed, an email lower-cased. */
  key: string;
  kind: KeyKind;
  /** What the person wrote, as written (shown in the preview). */
  source: string;
}

// Deliberately loose: the backend decides whether an address exists; this only tells a key's kind.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/u;
// An address inside other text, as mail programs copy it: `Maya Thompson <maya@example.com>`.
const EMAIL_INSIDE = /<?([^\s@<>"]+@[^\s@<>"]+\.[^\s@<>",;]+)>?/u;

/** Tells what `text` (one trimmed key) is: an email, an id (one token), or a name (words). */
export function kindOf(text: string): KeyKind {
  if (EMAIL.test(text)) return 'email';
  return /\s/u.test(text) ? 'name' : 'id';
}

/** One row from one pasted line or cell; undefined for a blank one. */
export function rowOf(source: string, index: number): BulkRow | undefined {
  const trimmed = source.trim();
  if (!trimmed) return undefined;
  const email = EMAIL.test(trimmed) ? trimmed : EMAIL_INSIDE.exec(trimmed)?.[1];
  if (email) return { index, key: email.toLowerCase(), kind: 'email', source: trimmed };
  // Quotes come along when a spreadsheet's cells are copied as text.
  const key = trimmed.replace(/^"(.*)"$/u, '$1').replace(/\s+/gu, ' ').trim();
  return key ? { index, key, kind: kindOf(key), source: trimmed } : undefined;
}

const lines = (text: string) => text.split(/\r\n|\r|\n/u);

/** A pasted list: emails, ids or names, one per line (blank lines are dropped; indices stay dense). */
export function parsePastedKeys(text: string): BulkRow[] {
  const rows: BulkRow[] = [];
  for (const line of lines(text)) {
    const row = rowOf(line, rows.length);
    if (row) rows.push(row);
  }
  return rows;
}

/** The same, in slices that let the page run between them (10,000 lines take longer than a frame). */
export async function parsePastedKeysInSlices(text: string, options: { signal?: AbortSignal } = {}): Promise<BulkRow[]> {
  const rows: BulkRow[] = [];
  await forEachSliced(lines(text), (line) => {
    const row = rowOf(line, rows.length);
    if (row) rows.push(row);
  }, options);
  return rows;
}
