import type { HistoryQuery } from '../../adapter/types.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import { asOfOf, localOnlyOf } from '../../data/marks.js';
import { compareNewestFirst } from '../../model/history.js';
import type { Page, Recipient, RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';

/** What the history shows: the lines loaded so far and what the server said about them. */
export interface HistoryShown {
  lines: ResponseLine[];
  nextCursor: string | null;
  total: number | undefined;
  /** When the lines shown were stored on this device, if they came from its cache (offline). */
  asOf: number | undefined;
  /** Offline, never loaded here: only the edits waiting on this device are shown. */
  localOnly: boolean;
}

export const NOTHING_SHOWN: HistoryShown = { lines: [], nextCursor: null, total: undefined, asOf: undefined, localOnly: false };

/** What the lines are shown with: the vocabulary, the recipient (their time zone), their campaigns (titles). */
export interface LineSources {
  vocabulary: ResponseVocabulary | undefined;
  recipient: Recipient | undefined;
  campaigns: RecipientCampaign[] | undefined;
}

/**
 * One load of the history's first page, beside what of its `sources` the host was not given (loaded
 * into it). `query` is read only once the permissions are in: what the person may do decides what is
 * read (deleted lines) and offered (Delete, Changes).
 */
export async function loadHistory(
  client: CampaignDataClient,
  recipientId: string,
  query: () => HistoryQuery,
  sources: LineSources,
  signal: AbortSignal,
): Promise<HistoryShown> {
  await client.permissions.load({ signal });
  const [page] = await Promise.all([client.getHistoryPage(recipientId, { ...query(), signal }), loadSources(client, recipientId, sources, signal)]);
  return { lines: [...page.items].sort(compareNewestFirst), nextCursor: page.nextCursor, total: page.total, asOf: asOfOf(page), localOnly: localOnlyOf(page) };
}

/** What is shown with the next page added, each line once and newest first. */
export function withNextPage(shown: HistoryShown, page: Page<ResponseLine>): HistoryShown {
  const known = new Set(shown.lines.map((line) => line.id));
  const lines = [...shown.lines, ...page.items.filter((line) => !known.has(line.id))].sort(compareNewestFirst);
  return { ...shown, lines, nextCursor: page.nextCursor, total: page.total ?? shown.total };
}

async function loadSources(client: CampaignDataClient, recipientId: string, sources: LineSources, signal: AbortSignal): Promise<void> {
  const [vocabulary, answer] = await Promise.all([
    sources.vocabulary ?? client.getVocabulary({ signal }),
    sources.recipient && sources.campaigns ? undefined : client.getRecipientCampaigns(recipientId, { signal }),
  ]);
  sources.vocabulary = vocabulary;
  if (answer) {
    sources.recipient = answer.recipient;
    sources.campaigns = answer.campaigns;
  }
}
