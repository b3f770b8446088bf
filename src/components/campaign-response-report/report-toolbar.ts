import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';
import type { CsvExportState } from './csv-export.js';
import { renderExportStatus } from './export-status.js';
import type { ReportRows } from './rows-section.js';

/** What the report's toolbar shows, handed over by the report on each render. */
export interface ReportToolbarContext {
  l: Localizer;
  shown: ReportRows | undefined;
  /** Whether Export CSV is offered (not to a person the backend says may not export). */
  canExport: boolean;
  /** Whether the filters may be exported as they are (not with the dates the wrong way round). */
  exportable: boolean;
  exporting: boolean;
  exportState: CsvExportState;
  onExport: () => void;
  onCancel: () => void;
}

/** The count, the export controls and the host's `actions` slot. */
export function renderReportToolbar(ctx: ReportToolbarContext): TemplateResult {
  const { l, shown, exporting } = ctx;
  const total = shown?.total ?? shown?.rows.length ?? 0;
  return html`<div class="toolbar" part="toolbar">
    <span class="count" part="count" role="status">${shown ? l.t('report.count', { shown: shown.rows.length, total }) : nothing}</span>
    ${!ctx.canExport
      ? nothing
      : html`<button type="button" class="primary" part="export-button" ?disabled=${exporting || !ctx.exportable} @click=${ctx.onExport}>
          ${l.t('report.export')}
        </button>`}
    ${exporting ? html`<button type="button" part="export-cancel" @click=${ctx.onCancel}>${l.t('report.export.cancel')}</button>` : nothing}
    <slot name="actions"></slot>
    ${renderExportStatus(l, ctx.exportState, shown?.total === undefined ? undefined : total)}
  </div>`;
}
