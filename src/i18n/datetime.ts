/**
 * Dates and times, always through Intl: the user's own time zone unless another is named. A
 * `datetime-local` value (`2026-03-04T15:30`) carries no zone; the helpers here turn it into an
 * instant for a given IANA zone and back, using Intl's knowledge of that zone's offsets.
 */
import type { Instant, TimeZone } from '../model/types.js';

/** The time zone the browser runs in, e.g. `Europe/Berlin`. */
export function userTimeZone(): TimeZone {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(ms: number, timeZone: TimeZone): Record<string, number> {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/**
 * The UTC instant of a calendar date and time, for any year: `Date.UTC` reads years 0–99 as
 * 1900–1999, which turned a typed `0026` into 1926.
 */
function utcMs(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +3 600 000 for CET). */
export function timeZoneOffsetMs(ms: number, timeZone: TimeZone): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = utcMs(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (ms % 1000 + 1000) % 1000);
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant (ISO, UTC) at which the wall-clock time `local` (a datetime-local value) occurs in
 * `timeZone`; null when `local` is not such a value. In a gap (spring forward) the later offset
 * wins; in an overlap (fall back) the earlier instant.
 */
export function zonedLocalToInstant(local: string, timeZone: TimeZone): Instant | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((s) => s ?? '0');
  const wall = utcMs(+year, +month - 1, +day, +hour, +minute, +second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== +month - 1 || check.getUTCDate() !== +day) return null;
  // The offset just before and just after any transition near this wall time: a valid wall time
  // matches one or both (an overlap); a time in a gap matches neither, and the earlier offset moves
  // it forward, as clocks do.
  const offsets = [timeZoneOffsetMs(wall - 86_400_000, timeZone), timeZoneOffsetMs(wall + 86_400_000, timeZone)];
  const wanted = local.slice(0, 16);
  const matching = offsets.map((offset) => wall - offset).filter((ms) => toZonedLocal(ms, timeZone) === wanted);
  const chosen = matching.length > 0 ? Math.min(...matching) : wall - offsets[0];
  return new Date(chosen).toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock time of an instant in `timeZone`, as a datetime-local value (minutes). */
export function toZonedLocal(ms: number, timeZone: TimeZone): string {
  const p = zonedParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A readable name of a zone with its current offset, e.g. `Europe/Berlin (GMT+01:00)`. */
export function timeZoneLabel(timeZone: TimeZone, at = Date.now()): string {
  const offset = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as date and time for people, in the user's locale and (by default) time zone. */
export function formatInstant(instant: Instant, timeZone?: TimeZone): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const key = timeZone ?? '';
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(ms);
}
