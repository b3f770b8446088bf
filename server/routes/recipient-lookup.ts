/**
 * POST /recipients/lookup: emails or ids (up to a thousand, a pasted booth list) → who each one is:
 * found, not found, or ambiguous with the choices. Paged over the keys with a cursor, like the
 * other lists; the cursor belongs to the list of keys it was given out for.
 */
import * as v from 'valibot';
import type { Recipient } from '../../src/model/types.js';
import { sha256 } from '../http/http.js';
import { fieldProblem } from '../http/problems.js';
import { toRecipient } from '../db/repo.js';
import { KEY_MAX_LENGTH, keyList, MAX_BULK_KEYS, readBulkBody } from './bulk-body.js';
import type { Api, RouteDeps } from './context.js';

export const LOOKUP_DEFAULT_LIMIT = 200;

const LookupSchema = v.strictObject({
  keys: keyList(KEY_MAX_LENGTH),
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BULK_KEYS, `must be at most ${MAX_BULK_KEYS}`))),
});

export type LookupStatus = 'found' | 'not-found' | 'ambiguous';

export interface LookupItem {
  /** The key as it was sent. */
  key: string;
  status: LookupStatus;
  /** The one recipient (found), none, or the choices (ambiguous), by name. */
  recipients: Recipient[];
}

function fingerprint(keys: readonly string[]): string {
  return sha256(JSON.stringify(keys)).toString('base64url').slice(0, 16);
}

const encodeCursor = (offset: number, keys: readonly string[]) =>
  Buffer.from(JSON.stringify([offset, fingerprint(keys)])).toString('base64url');

/** Where the next page starts; a 422 for a cursor not given out for these keys. */
function decodeCursor(cursor: string, keys: readonly string[]): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && value[0] > 0 && value[0] < keys.length && value[1] === fingerprint(keys)) {
      return value[0] as number;
    }
  } catch {
    // Not JSON: refused below like any other cursor this server did not give out.
  }
  throw fieldProblem('cursor', 'is not a cursor this server gave out for these keys');
}

export function registerRecipientLookupRoute(api: Api, { db }: RouteDeps): void {
  api.post('/recipients/lookup', async (c) => {
    const { keys, cursor, limit = LOOKUP_DEFAULT_LIMIT } = await readBulkBody(c, LookupSchema);
    const start = cursor === undefined ? 0 : decodeCursor(cursor, keys);
    const page = keys.slice(start, start + limit);
    // An id matches as it is; an email in any case (people type them as they please). A key that is
    // one person's id and another's email names both: ambiguous, and the person picks.
    const rows = await db.query<Record<string, unknown> & { ord: number }>(
      `SELECT k.ord::int AS ord, r.* FROM unnest($1::text[]) WITH ORDINALITY AS k(key, ord)
         JOIN recipients r ON r.id = k.key OR lower(r.email) = lower(k.key)
        ORDER BY k.ord, r.display_name, r.id`,
      [page.map((key) => key.trim())],
    );
    const matches = page.map((): Recipient[] => []);
    for (const row of rows) matches[row.ord - 1].push(toRecipient(row));
    const items: LookupItem[] = page.map((key, index) => {
      const recipients = matches[index];
      const status: LookupStatus = recipients.length === 0 ? 'not-found' : recipients.length === 1 ? 'found' : 'ambiguous';
      return { key, status, recipients };
    });
    const next = start + page.length;
    return c.json({ items, nextCursor: next < keys.length ? encodeCursor(next, keys) : null, total: keys.length });
  });
}
