/**
 * How early a response to a campaign may be: not before the campaign reached anyone. The dialog
 * and the server share these rules, so an edit the dialog accepts is one the server stores.
 */
import type { CampaignEvent, Instant } from './types.js';

/** A typed year below this is a slip (`26` for 2026), never a response date. */
export const MIN_TYPED_YEAR = 1000;

/** Where a campaign has no dated event: no response before 1970. */
export const RESPONSE_FLOOR: Instant = '1970-01-01T00:00:00.000Z';

const DAY_MS = 86_400_000;

/** The campaign's first dated event, or null where none is dated yet. */
export function firstDatedEvent<E extends Pick<CampaignEvent, 'date'>>(events: readonly E[]): (E & { date: Instant }) | null {
  let first: (E & { date: Instant }) | null = null;
  for (const event of events) {
    if (event.date === null || Number.isNaN(Date.parse(event.date))) continue;
    if (!first || Date.parse(event.date) < Date.parse(first.date)) first = event as E & { date: Instant };
  }
  return first;
}

/**
 * The earliest instant the server accepts for a response to a campaign whose first event is at
 * `firstEventDate` (null: none dated). The server does not know the zone a person typed in, so it
 * allows the whole day before: the event's calendar day begins less than a day before the event in
 * every zone. The dialog, which knows the zone, is stricter (not before the event's day there).
 */
export function earliestResponseMs(firstEventDate: Instant | null): number {
  const floor = Date.parse(RESPONSE_FLOOR);
  if (firstEventDate === null) return floor;
  const first = Date.parse(firstEventDate);
  return Number.isNaN(first) ? floor : Math.max(floor, first - DAY_MS);
}
