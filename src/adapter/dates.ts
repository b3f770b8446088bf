/**
 * The date shapes backends send, to and from the kit's instants (ISO 8601 in UTC with `Z`):
 * an instant with any offset, a date without a time (Dataverse's DateOnly, Salesforce's date), and
 * epoch milliseconds (HubSpot, Mailchimp's exports).
 */
import { MalformedResponseError } from './errors.js';

const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function refuse(value: unknown, what: string): never {
  throw new MalformedResponseError(`${JSON.stringify(value)} is not ${what}`);
}

/**
 * An ISO 8601 instant with `Z` or an offset (`+02:00`, `+0200`, Salesforce's `.000+0000`) as the
 * kit's UTC instant. A time without a zone is refused: it names no instant.
 */
export function instantFromIso(value: unknown): string {
  if (typeof value !== 'string' || !OFFSET_INSTANT.test(value)) refuse(value, 'an instant with a time zone');
  // Date.parse does not read `+0200` (no colon) everywhere; add the colon first.
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(at)) refuse(value, 'a real instant');
  return new Date(at).toISOString();
}

/**
 * A date without a time as an instant: noon UTC of that day, so that the day shown is the same in
 * every time zone from UTC−11 to UTC+11 (midnight would show the day before west of Greenwich).
 */
export function instantFromDateOnly(value: unknown): string {
  const known = typeof value === 'string' ? dateOnlyCache.get(value) : undefined;
  if (known !== undefined) return known;
  const instant = computeDateOnly(value);
  // A page repeats the same few days; the cache is bounded so a long session cannot grow it.
  if (dateOnlyCache.size > 1000) dateOnlyCache.clear();
  dateOnlyCache.set(value as string, instant);
  return instant;
}

const dateOnlyCache = new Map<string, string>();

function computeDateOnly(value: unknown): string {
  const match = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (!match) refuse(value, 'a date (YYYY-MM-DD)');
  const [, year, month, day] = match.map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, 12));
  if (at.getUTCDate() !== day || at.getUTCMonth() !== month - 1) refuse(value, 'a real date');
  return at.toISOString();
}

/**
 * The calendar date of an instant in `timeZone` (default UTC), for a backend that stores only the
 * date: a response at 23:30 in Berlin on 4 March is the 4th, though it is the 4th at 22:30 UTC too.
 */
export function dateOnlyFromInstant(instant: string, timeZone = 'UTC'): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) refuse(instant, 'an instant');
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Epoch milliseconds (a number or a string of digits) as an instant. */
export function instantFromEpochMs(value: unknown): string {
  const ms = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) refuse(value, 'epoch milliseconds');
  return new Date(ms).toISOString();
}

export const epochMsFromInstant = (instant: string): number => Date.parse(instant);
