import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { ResponseLine } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { renderFailure } from '../base/states.js';
import { SYNC_RETRY_ATTRIBUTE } from '../base/sync-mark.js';

/** How close to the end of the loaded lines scrolling asks for the next page. */
const LOAD_AHEAD = 30;

/** What the history's list shows, handed over by the history on each render. */
export interface HistoryListContext {
  l: Localizer;
  lines: ResponseLine[];
  /** Offline, never loaded here: with no edit waiting on this device there is no list to show. */
  localOnly: boolean;
  /** The history's loads: whether a further page loads, or why the last one failed. */
  load: { loadingMore: boolean; moreError: unknown };
  renderLine: (line: ResponseLine) => TemplateResult;
  /** Loads the next page, if any: scrolling came near the end, or Retry after it failed. */
  loadMore: () => void;
  /** Retry beside a failed or conflicted line: `opId` is its edit's. */
  retryEdit: (opId: string) => void;
}

/** The virtualized list of lines (or that none matches the filters), then how the next page is doing. */
export function renderHistoryList(ctx: HistoryListContext): TemplateResult {
  const { l, lines } = ctx;
  const onRangeChanged = (event: RangeChangedEvent) => {
    if (event.last >= lines.length - LOAD_AHEAD) ctx.loadMore();
  };
  // The list's one click listener, for every line's Retry.
  const onClick = (event: Event) => {
    const opId = (event.target as Element).closest('button')?.getAttribute(SYNC_RETRY_ATTRIBUTE);
    if (opId) ctx.retryEdit(opId);
  };
  return html`${lines.length === 0 && ctx.localOnly
      ? nothing
      : lines.length === 0 && !ctx.load.loadingMore
      ? html`<p class="state empty" part="empty">${l.t('history.noMatch')}</p>`
      : html`<div class="list" part="list" role="list" tabindex="0" aria-label=${l.t('history.label')} @rangeChanged=${onRangeChanged} @click=${onClick}>
          ${virtualize({
            items: lines,
            // Between a shorter list arriving and the virtualizer's next rangeChanged, a render
            // may still ask for indices of the old range: those are past the end, so undefined.
            keyFunction: (line: ResponseLine | undefined, index: number) => line?.id ?? `past-end-${index}`,
            renderItem: (line: ResponseLine | undefined) => (line ? ctx.renderLine(line) : html``),
            scroller: true,
          })}
        </div>`}
    ${ctx.load.loadingMore ? html`<p class="more" part="loading-more" role="status">${l.t('history.loadingMore')}</p>` : nothing}
    ${ctx.load.moreError ? renderFailure(l, ctx.load.moreError, ctx.loadMore) : nothing}`;
}
