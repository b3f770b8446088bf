/**
 * Merging a recipient's unconfirmed edits (the outbox's local state) into what the server (or the
 * read cache) said: a pending line is shown at once, marked; the server's lines of a campaign whose
 * delete-all is waiting are hidden. Pure functions, so the rules are easy to test and to read.
 */
import { compareNewestFirst } from '../model/history.js';
import { findDetail } from '../model/vocabulary.js';
import type { HistoryQuery } from '../adapter/types.js';
import type { Page, RecipientCampaigns, ResponseLine, ResponseVocabulary } from '../model/types.js';
import type { LocalState } from '../offline/types.js';
import { syncStateOf, withSyncMark } from './marks.js';

type LocalLineState = LocalState['lines'][number];

/**
 * Campaigns whose server lines are hidden: a delete-all waiting or on its way. Only lines queued
 * after it (higher seq) still show. A failed or conflicted delete-all hides nothing: the server
 * still holds those lines, and the sync status offers Retry or Discard.
 */
function hiddenCampaigns(local: LocalState): Map<string, number> {
  const hidden = new Map<string, number>();
  for (const deletion of local.deletions) {
    if (deletion.state !== 'pending' && deletion.state !== 'inflight') continue;
    hidden.set(deletion.campaignId, Math.max(hidden.get(deletion.campaignId) ?? 0, deletion.seq));
  }
  return hidden;
}

/** Lines whose single-line delete waits or is on its way: hidden, as a delete-all hides its campaign's. */
function hiddenLines(local: LocalState): Set<string> {
  return new Set((local.lineDeletions ?? []).filter((d) => d.state === 'pending' || d.state === 'inflight').map((d) => d.lineId));
}

const nothingLocal = (local: LocalState) => local.lines.length === 0 && local.deletions.length === 0 && !local.lineDeletions?.length;

/** A queued line as the server will hold it, marked with its edit's state. */
export function localResponseLine(local: LocalLineState, vocabulary: ResponseVocabulary | undefined): ResponseLine {
  const detail = vocabulary ? findDetail(vocabulary, local.line.detailId) : undefined;
  const line: ResponseLine = {
    ...local.line,
    categoryId: detail?.categoryId ?? '',
    // Until the server stores it, "recorded" is when it was stored on this device.
    recordedAt: new Date(local.createdAt ?? Date.now()).toISOString(),
    author: null,
    source: 'manual',
    link: null,
    evidence: null,
  };
  return withSyncMark(line, {
    state: syncStateOf(local.state) ?? 'pending',
    opId: local.opId,
    ...(local.lastError ? { error: local.lastError } : {}),
  });
}

function visibleLocals(local: LocalState, hidden: Map<string, number>, gone = hiddenLines(local)): LocalLineState[] {
  return local.lines.filter((line) => line.seq > (hidden.get(line.campaignId) ?? 0) && !gone.has(line.id));
}

/** The campaigns with their latest response, counting queued lines and hiding deleted ones. */
export function mergeCampaigns(answer: RecipientCampaigns, local: LocalState, vocabulary: ResponseVocabulary | undefined): RecipientCampaigns {
  if (nothingLocal(local)) return answer;
  const hidden = hiddenCampaigns(local);
  const gone = hiddenLines(local);
  const locals = visibleLocals(local, hidden, gone);
  return {
    ...answer,
    campaigns: answer.campaigns.map((campaign) => {
      // A latest line whose delete is queued: the one before it is known only to the server.
      const server = hidden.has(campaign.id) || gone.has(campaign.latestResponse?.id ?? '') ? null : campaign.latestResponse;
      const candidates = locals
        .filter((line) => line.campaignId === campaign.id && line.id !== server?.id)
        .map((line) => localResponseLine(line, vocabulary));
      if (server) candidates.push(server);
      const latest = candidates.sort(compareNewestFirst)[0] ?? null;
      return latest === campaign.latestResponse ? campaign : { ...campaign, latestResponse: latest };
    }),
  };
}

function matches(line: ResponseLine, query: HistoryQuery): boolean {
  return (
    (!query.campaignId || line.campaignId === query.campaignId) &&
    (!query.eventId || line.eventId === query.eventId) &&
    (!query.categoryId || line.categoryId === query.categoryId) &&
    (!query.q || line.note.toLowerCase().includes(query.q.toLowerCase()))
  );
}

/**
 * A page of history with queued lines added (to the first page only: they are the newest edits)
 * and the lines of a campaign whose delete-all waits hidden. `total` is adjusted as far as this
 * page tells.
 */
export function mergeHistoryPage(
  page: Page<ResponseLine>,
  local: LocalState,
  query: HistoryQuery,
  vocabulary: ResponseVocabulary | undefined,
): Page<ResponseLine> {
  if (nothingLocal(local)) return page;
  const hidden = hiddenCampaigns(local);
  const gone = hiddenLines(local);
  const items = page.items.filter((line) => !hidden.has(line.campaignId) && !gone.has(line.id));
  const known = new Set(items.map((line) => line.id));
  const added = query.cursor
    ? []
    : visibleLocals(local, hidden, gone)
        .filter((line) => !known.has(line.id))
        .map((line) => localResponseLine(line, vocabulary))
        .filter((line) => matches(line, query));
  let total = page.total;
  if (total !== undefined) {
    total = query.campaignId && hidden.has(query.campaignId) ? added.length : total - (page.items.length - items.length) + added.length;
  }
  return { ...page, items: [...added, ...items].sort(compareNewestFirst), ...(total !== undefined ? { total } : {}) };
}
