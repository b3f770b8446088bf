/**
 * Whether a stored line is the one a retried create sent: the fields a person entered, compared
 * as the backend keeps them (instants as instants, so `…00Z` equals `…00.000Z`). What the server
 * adds (recorded time, author) is not compared.
 */
import type { NewResponseLine } from '../../model/types.js';

export interface LineFields {
  recipientId: string;
  campaignId: string;
  eventId: string;
  detailId: string;
  respondedAt: string;
  note: string;
}

export function sameLine(stored: LineFields, ours: NewResponseLine, compareInstant = sameInstant): boolean {
  return stored.recipientId === ours.recipientId
    && stored.campaignId === ours.campaignId
    && stored.eventId === ours.eventId
    && stored.detailId === ours.detailId
    && stored.note === ours.note
    && compareInstant(stored.respondedAt, ours.respondedAt);
}

export const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);
