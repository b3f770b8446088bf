import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CampaignResponseRow, ReportSort, SummaryEvent } from '../../model/campaign-stats.js';
import type { Page, ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { LoadController } from '../base/load-controller.js';
import { renderLoading } from '../base/states.js';
import { renderReportFailure } from './report-parts.js';
import { renderRowsTable } from './report-rows.js';

/** The detail report's rows loaded so far, and what the server said about them. */
export interface ReportRows {
  rows: CampaignResponseRow[];
  nextCursor: string | null;
  total: number | undefined;
}

/** The contract's page cap. */
const MAX_PAGE_SIZE = 500;

/** The page size asked for: `pageSize` as a whole number from 1 to the contract's cap. */
export function pageLimit(pageSize: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize) || 1));
}

/** A first page's rows. */
export function rowsOf(page: Page<CampaignResponseRow>): ReportRows {
  return { rows: page.items, nextCursor: page.nextCursor, total: page.total };
}

/** The rows shown with the next page added, each row once. */
export function withNextRows(shown: ReportRows, page: Page<CampaignResponseRow>): ReportRows {
  const known = new Set(shown.rows.map((row) => row.id));
  return { rows: [...shown.rows, ...page.items.filter((row) => !known.has(row.id))], nextCursor: page.nextCursor, total: page.total ?? shown.total };
}

type RowsLoad = Pick<LoadController<readonly unknown[], ReportRows>, 'value' | 'render' | 'status' | 'error' | 'moreError' | 'loadingMore' | 'pending' | 'run'>;

export interface RowsSectionContext {
  l: Localizer;
  rows: RowsLoad;
  vocabulary: ResponseVocabulary;
  events: readonly SummaryEvent[];
  sort: ReportSort;
  loadMore: () => void;
}

/**
 * The rows, or their loading / failure; a failed reload's failure above the rows it could not
 * replace; Load more, or the failure of the last attempt at it.
 */
export function renderRowsSection(ctx: RowsSectionContext): TemplateResult {
  const { l, rows } = ctx;
  const shown = rows.value;
  const rowsState = rows.render({
    initial: () => renderLoading(l, 6),
    pending: () => renderLoading(l, 6),
    error: (error) => renderReportFailure(l, error, () => void rows.run(), 'report.notFound'),
    complete: (value) => renderRowsTable(value.rows, { l, vocabulary: ctx.vocabulary, events: ctx.events, sort: ctx.sort, busy: rows.pending }),
  }) as TemplateResult;
  const failedReload = shown !== undefined && rows.status === 'error';
  const moreError = rows.moreError;
  return html`${rowsState}
    ${failedReload ? renderReportFailure(l, rows.error, () => void rows.run(), 'report.notFound') : nothing}
    ${shown?.nextCursor && !moreError
      ? html`<button type="button" class="more" part="load-more" ?disabled=${rows.loadingMore} @click=${ctx.loadMore}>
          ${rows.loadingMore ? l.t('report.loadingMore') : l.t('report.loadMore')}
        </button>`
      : nothing}
    ${moreError ? renderReportFailure(l, moreError, ctx.loadMore, 'report.notFound') : nothing}`;
}
