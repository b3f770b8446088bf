/**
 * Saving a bulk entry's lines through the data client, so each line takes the path a single Add
 * Response takes: straight to the backend, or into the outbox first (offline, it is "saved" once
 * durable on this device), after a Delete of the same campaign still waiting.
 */
import { capabilitiesOf } from '../adapter/capabilities.js';
import type { CallOptions } from '../adapter/types.js';
import type { NewResponseLine, ResponseLine } from '../model/types.js';
import type { CampaignDataClient } from './data-client.js';
import { queuedOpOf } from './marks.js';
import { batchAddOf } from './parts.js';

export type LineOutcome =
  /** Stored by the backend, or (`queued`) durable in this device's outbox. */
  | { status: 'saved'; line: NewResponseLine; saved: ResponseLine; queued: boolean }
  /** The backend refused it, or it could not be stored: `error` says why. */
  | { status: 'failed'; line: NewResponseLine; error: unknown }
  /** Not sent: the person pressed Cancel first. */
  | { status: 'cancelled'; line: NewResponseLine };

export interface BulkSaveOptions {
  /** Cancel: no further line is started; those already on their way finish (their outcome is known). */
  signal?: AbortSignal;
  /** After each group of lines: how many have an outcome, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Lines per call to the client when they go to the backend, small enough for progress and Cancel
 * between them: a batch request each, or (no batch endpoint) a browser's connections per host, less one.
 */
const LINES_PER_BATCH = 100;
const LINES_AT_ONCE = 4;

/** Writes a group of lines through the client, and answers each one's outcome. */
async function writeLines(client: CampaignDataClient, lines: readonly NewResponseLine[], options: CallOptions): Promise<LineOutcome[]> {
  const results = await client.addResponses(lines, options);
  return results.map((result, index): LineOutcome => {
    const line = lines[index];
    return 'saved' in result ? { status: 'saved', line, saved: result.saved, queued: queuedOpOf(result.saved) !== undefined } : { status: 'failed', line, error: result.error };
  });
}

/** Saves `lines` in groups, reporting progress; after Cancel the rest are `cancelled`. In `lines`' order. */
export async function saveBulkLines(client: CampaignDataClient, lines: readonly NewResponseLine[], options: BulkSaveOptions = {}): Promise<LineOutcome[]> {
  const outcomes: LineOutcome[] = [];
  // Queued on this device, the whole entry goes into the outbox in one transaction: durable
  // together, and drained later in batches where the backend has them.
  const group = client.offlineMode === 'on' ? Math.max(1, lines.length) : batchAddOf(client.adapter) ? LINES_PER_BATCH : LINES_AT_ONCE;
  for (let start = 0; start < lines.length; start += group) {
    if (options.signal?.aborted) {
      for (const line of lines.slice(start)) outcomes.push({ status: 'cancelled', line });
      break;
    }
    // No signal down to the requests: a line already sent finishes, so its outcome is known.
    outcomes.push(...(await writeLines(client, lines.slice(start, start + group), {})));
    options.onProgress?.(outcomes.length, lines.length);
  }
  return outcomes;
}

/**
 * Undo of a whole saved batch, where the backend can delete one line and restore it (capabilities
 * `deleteLine` and `restore`) and the person may delete: a function that deletes the batch's lines
 * through the data client (so a line still queued on this device is deleted after its add), or
 * undefined.
 */
export function batchUndoOf(client: CampaignDataClient): ((lines: readonly ResponseLine[]) => Promise<void>) | undefined {
  const capabilities = capabilitiesOf(client.adapter);
  if (!capabilities.restore || !capabilities.deleteLine || !client.can('delete')) return undefined;
  return async (lines) => {
    // One at a time: the batch's own Undo already waited, so none of these waits again.
    for (const line of lines) await client.deleteResponse(line, { undoDelayMs: 0 }).done;
  };
}
