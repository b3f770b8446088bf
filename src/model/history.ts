import type { Instant, ResponseLine } from './types.js';

/** Milliseconds since the epoch of an instant; NaN when it is not one. */
export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}

/**
 * Newest first: by the instant it happened, then by when it was recorded, then by id, so two lines
 * entered for the same minute still have one stable order everywhere.
 */
export function compareNewestFirst(a: ResponseLine, b: ResponseLine): number {
  return (
    instantMs(b.respondedAt) - instantMs(a.respondedAt) ||
    instantMs(b.recordedAt) - instantMs(a.recordedAt) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** The most recent line per key, e.g. per campaign (the Response column) or per campaign event. */
export function latestResponseBy(
  lines: Iterable<ResponseLine>,
  key: (line: ResponseLine) => string,
): Map<string, ResponseLine> {
  const latest = new Map<string, ResponseLine>();
  for (const line of lines) {
    const current = latest.get(key(line));
    if (!current || compareNewestFirst(line, current) < 0) latest.set(key(line), line);
  }
  return latest;
}

export const latestResponseByCampaign = (lines: Iterable<ResponseLine>) => latestResponseBy(lines, (l) => l.campaignId);
export const latestResponseByEvent = (lines: Iterable<ResponseLine>) => latestResponseBy(lines, (l) => l.eventId);
