import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';
import type { CsvExportState } from './csv-export.js';

/**
 * What the export is doing: its progress (with a bar when the server told the total), done,
 * cancelled or failed; nothing before the first export.
 */
export function renderExportStatus(l: Localizer, state: CsvExportState, total: number | undefined): TemplateResult | typeof nothing {
  switch (state.phase) {
    case 'idle':
      return nothing;
    case 'running':
      return html`<p class="export-status" part="export-status" role="status">
        <span>${l.t('report.export.progress', { rows: state.rows, size: l.bytes(state.bytes) })}</span>
        ${total !== undefined
          ? html`<progress part="export-progress" max=${Math.max(total, 1)} .value=${Math.min(state.rows, total)} aria-label=${l.t('report.export')}></progress>`
          : nothing}
      </p>`;
    case 'done':
      return html`<p class="export-status" part="export-status" role="status">
        ${l.t('report.export.done', { rows: l.count(state.rows), size: l.bytes(state.bytes) })}
      </p>`;
    case 'cancelled':
      return html`<p class="export-status" part="export-status" role="status">${l.t('report.export.cancelled')}</p>`;
    case 'failed':
      return html`<p class="export-status failed" part="export-status" role="alert">
        ${l.t('report.export.failed', { message: errorMessage(state.error, l) })}
      </p>`;
  }
}
