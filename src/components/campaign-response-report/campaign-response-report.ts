import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ResponseFilters, ResponseSummary } from '../../model/campaign-stats.js';
import type { ResponseVocabulary } from '../../model/types.js';
import { DEFAULT_VOCABULARY } from '../../model/vocabulary.js';
import type { CampaignChange } from '../../data/reports-client.js';
import { LoadController } from '../base/load-controller.js';
import { CrCampaignElement } from '../base/cr-campaign-element.js';
import { renderEmpty, renderLoading, renderNoClient } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { reportTableStyles } from '../../styles/report-table.styles.js';
import { styles } from './campaign-response-report.styles.js';
import { CsvExportController } from './csv-export.js';
import { datesReversed, renderFilterForm, toResponseFilters } from './report-filters.js';
import { ReportFilterState } from './report-filter-state.js';
import { renderReportFailure } from './report-parts.js';
import { renderReportToolbar } from './report-toolbar.js';
import { pageLimit, renderRowsSection, rowsOf, withNextRows } from './rows-section.js';
import type { ReportRows } from './rows-section.js';
import { renderSummaryTable } from './summary-table.js';

/**
 * @tagname campaign-response-report
 * @summary A campaign's response summary (lines by response detail and event, with totals) and its
 * response detail (filtered, sorted, paged with "Load more"), with Export CSV of exactly the lines
 * the filters select, streamed to a file.
 *
 * Render pieces a subclass may override: `renderToolbar()`.
 *
 * @slot empty - Shown when the campaign has no responses at all.
 * @slot actions - Host buttons in the toolbar, after Export CSV.
 *
 * @csspart summary-section - The summary: its table and "as of".
 * @csspart summary-scroll - The summary table's horizontal scroller.
 * @csspart summary - The summary table.
 * @csspart as-of - When the summary's snapshot was computed.
 * @csspart summary-category - A category's subtotal row.
 * @csspart summary-row - A response detail's row.
 * @csspart summary-total - The totals row.
 * @csspart detail-section - The detail report: filters, toolbar, rows.
 * @csspart filters - The filter form.
 * @csspart filter - Every filter control (also one of the nine below).
 * @csspart detail-filter - The response detail select.
 * @csspart category-filter - The category select.
 * @csspart event-filter - The campaign event select.
 * @csspart from-filter - The first day.
 * @csspart to-filter - The last day.
 * @csspart source-filter - The source select.
 * @csspart machine-filter - People, machines or both.
 * @csspart note-filter - The note text.
 * @csspart sort-select - The order of the lines.
 * @csspart filter-error - The message when the end date comes before the start date.
 * @csspart reset-button - Clear filters.
 * @csspart toolbar - The count, the export controls and the host's actions.
 * @csspart count - How many lines are shown of how many match.
 * @csspart export-button - Export CSV.
 * @csspart export-cancel - Cancel a running export.
 * @csspart export-status - The export's progress, result or failure.
 * @csspart export-progress - The `<progress>` of rows exported (when the total is known).
 * @csspart rows-scroll - The detail table's scroller.
 * @csspart rows - The detail table.
 * @csspart row - One response line.
 * @csspart cell-recipient - Its recipient.
 * @csspart cell-event - Its campaign event.
 * @csspart cell-detail - Its response detail (and category).
 * @csspart cell-category - Its category.
 * @csspart cell-when - When it happened.
 * @csspart time - The `<time>` of when it happened.
 * @csspart cell-source - Its source (and the machine mark).
 * @csspart machine-mark - "Machine" on a line whose evidence says a machine did it.
 * @csspart cell-note - Its note.
 * @csspart no-match - The row saying no line matches.
 * @csspart load-more - The "Load more" button.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart auth - The error is a missing permission.
 * @csspart not-found - The campaign was not found.
 * @csspart retry-button - Retry.
 *
 * @cssprop [--cr-campaign-response-report-min-height=24rem] - Space kept for the report while it loads.
 * @cssprop [--cr-campaign-response-report-rows-height=32rem] - Height of the detail table's scroller.
 * @cssprop [--cr-campaign-response-report-header-background=var(--cr-color-surface-alt)] - Background of header and subtotal rows.
 * @cssprop [--cr-color-machine=var(--cr-color-text-muted)] - Global: the machine mark's colour.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignResponseReport extends CrCampaignElement {
  static override styles = [sharedStyles, reportTableStyles, styles];

  /** The response vocabulary, for labels and the detail and category filters. */
  @property({ attribute: false }) vocabulary: ResponseVocabulary = DEFAULT_VOCABULARY;

  /** Lines per page of the detail report (1 to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  readonly #filters = new ReportFilterState(this);
  readonly #export = new CsvExportController(this, () => this.localizer);

  /** The filters the table shows (and Export CSV exports), as the contract names them. */
  get filters(): ResponseFilters {
    return toResponseFilters(this.#filters.values, this.#filters.noteQuery, this.localizer.timeZone);
  }

  get #limit(): number {
    return pageLimit(this.pageSize);
  }

  #summary = new LoadController(this, {
    args: () => [this.reports.client, this.campaignId, this.token] as const,
    load: async ([client, campaignId], signal): Promise<ResponseSummary | undefined> => {
      if (!client || !campaignId) return undefined;
      // Who may export: asked once per client, beside the summary.
      const [summary] = await Promise.all([client.getResponseSummary(campaignId, { signal }), client.permissions.load({ signal })]);
      return summary;
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

  #rows = new LoadController(this, {
    args: () => [this.reports.client, this.campaignId, this.token, JSON.stringify(this.filters), this.#limit] as const,
    load: async ([client, campaignId], signal): Promise<ReportRows | undefined> => {
      if (!client || !campaignId) return undefined;
      // Dates the wrong way round are said at the filters; the rows shown stay until they are fixed.
      if (datesReversed(this.#filters.values)) return this.#rows.value;
      return rowsOf(await client.getCampaignResponses(campaignId, { ...this.filters, limit: this.#limit, signal }));
    },
    failed: (error, retry) => this.announceFailure(error, retry),
    // A failed reload shows its failure above the rows it could not replace.
    keepOnFailure: true,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      // Another campaign: nothing of the old one may show, and its filter values may not exist.
      this.#summary.show(undefined);
      this.#rows.show(undefined);
      this.#filters.reset();
    }
  }

  /** Loads the next page of the detail report, if there is one. */
  async loadMore(): Promise<void> {
    const client = this.reports.client;
    const campaignId = this.campaignId;
    const cursor = this.#rows.value?.nextCursor;
    if (!client || !campaignId || !cursor) return;
    await this.#rows.more((signal) => client.getCampaignResponses(campaignId, { ...this.filters, cursor, limit: this.#limit, signal }), withNextRows);
  }

  /**
   * Exports exactly the lines the filters select (the note as typed, even mid-pause) as CSV,
   * streamed to a file the person picks, or else downloaded.
   */
  async exportCsv(): Promise<void> {
    const client = this.reports.client;
    const campaignId = this.campaignId;
    if (!client || !campaignId || datesReversed(this.#filters.values)) return;
    this.#filters.applyNote();
    const filters = this.filters;
    const fileName = this.t('report.export.fileName', { campaign: campaignId.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 80) });
    await this.#export.run((signal) => client.exportCampaignResponsesCsv(campaignId, { ...filters, signal }), fileName);
  }

  /** Stops a running export. */
  cancelExport(): void {
    this.#export.cancel();
  }

  protected override campaignChanged(_change: CampaignChange): void {
    void this.#summary.run();
    void this.#rows.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#filters.cancel();
  }

  override render(): TemplateResult {
    if (!this.reports.client) return renderNoClient(this.localizer, 'reportsClient', this.reports.waiting);
    const summary = this.#summary.value;
    if (!summary) {
      const loading = () => html`<div class="placeholder">${renderLoading(this.localizer, 8)}</div>`;
      return this.#summary.render({
        initial: loading,
        pending: loading,
        error: (error) => renderReportFailure(this.localizer, error, () => void this.#summary.run(), 'report.notFound'),
        complete: loading,
      }) as TemplateResult;
    }
    const shown = this.#rows.value;
    if (shown && summary.total.lines === 0 && shown.rows.length === 0 && !this.#filters.filtering) {
      return renderEmpty(this.t('report.empty'));
    }
    return html`<div class="report">
      ${summary.total.lines > 0 ? html`<section part="summary-section" aria-label=${this.t('report.summaryCaption')}>${renderSummaryTable(this.localizer, summary, this.vocabulary)}</section>` : nothing}
      <section part="detail-section" aria-label=${this.t('report.detailCaption')}>
        ${renderFilterForm({
          l: this.localizer,
          values: this.#filters.values,
          vocabulary: this.vocabulary,
          events: summary.events,
          onChange: this.#filters.onChange,
          onNoteInput: this.#filters.onNoteInput,
          onReset: this.#filters.onReset,
        })}
        ${this.renderToolbar()} ${this.#renderRows()}
      </section>
    </div>`;
  }

  /** The count, the export controls and the host's `actions` slot; a subclass may add its own actions. */
  protected renderToolbar(): TemplateResult {
    return renderReportToolbar({
      l: this.localizer,
      shown: this.#rows.value,
      canExport: this.reports.client?.can('export') !== false,
      exportable: !datesReversed(this.#filters.values),
      exporting: this.#export.running,
      exportState: this.#export.state,
      onExport: () => void this.exportCsv(),
      onCancel: () => this.cancelExport(),
    });
  }

  #renderRows(): TemplateResult {
    return renderRowsSection({
      l: this.localizer,
      rows: this.#rows,
      vocabulary: this.vocabulary,
      events: this.#summary.value?.events ?? [],
      sort: this.#filters.values.sort,
      loadMore: () => void this.loadMore(),
    });
  }
}
