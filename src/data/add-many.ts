/**
 * Adding many lines at once (a booth's bulk entry) through a client's writes: in one outbox
 * transaction or one batch request where the parts can, else a few at a time, as single adds.
 */
import type { CallOptions } from '../adapter/types.js';
import type { NewResponseLine, ResponseLine } from '../model/types.js';
import type { ClientWrites, ManyLineResult } from './parts.js';

/** Lines on their way at once without a batch endpoint: a browser's connections per host, less one. */
const LINES_AT_ONCE = 4;

export async function addMany(writes: ClientWrites, lines: readonly NewResponseLine[], options: CallOptions): Promise<ManyLineResult[]> {
  if (writes.addResponses) return writes.addResponses(lines, options);
  const results: ManyLineResult[] = [];
  for (let start = 0; start < lines.length; start += LINES_AT_ONCE) {
    const group = lines.slice(start, start + LINES_AT_ONCE).map((line) =>
      writes.addResponse(line, options).then(
        (saved): ManyLineResult => ({ saved }),
        (error: unknown): ManyLineResult => ({ error }),
      ),
    );
    results.push(...(await Promise.all(group)));
  }
  return results;
}

/** The last saved line of each recipient and campaign: what a view of it must show after the write. */
export function lastSavedPerCampaign(results: readonly ManyLineResult[]): ResponseLine[] {
  const last = new Map<string, ResponseLine>();
  for (const result of results) if ('saved' in result) last.set(`${result.saved.recipientId}\n${result.saved.campaignId}`, result.saved);
  return [...last.values()];
}
