/**
 * The detail report's table: one row per response line, every piece of data rendered as text
 * (names and notes are whatever people typed).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CampaignResponseRow, ReportSort, SummaryEvent } from '../../model/campaign-stats.js';
import type { ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';
import { renderTime } from './report-parts.js';
import { machineReasonText } from '../base/machine-cause.js';
import type { TrackingEvidence } from '../../model/types.js';

export interface RowsContext {
  /** The report's strings and formats. */
  l: Localizer;
  vocabulary: ResponseVocabulary;
  events: readonly SummaryEvent[];
  sort: ReportSort;
  busy: boolean;
}

type SortColumn = 'recipient' | 'detail' | 'respondedAt';

/** The machine mark's tooltip: the reason in the report's language, when the backend gave one. */
function machineTitle(l: Localizer, evidence: TrackingEvidence | null): string | undefined {
  const reason = evidence ? machineReasonText(l, evidence.machineCause, evidence.machineReason) : null;
  return reason ? l.t('report.machineReason', { reason }) : undefined;
}

function ariaSort(column: SortColumn, sort: ReportSort): 'ascending' | 'descending' | undefined {
  if (sort === column) return 'ascending';
  if (sort === `-${column}`) return 'descending';
  return undefined;
}

function renderRow(row: CampaignResponseRow, context: RowsContext): TemplateResult {
  const detail = context.vocabulary.details.find((d) => d.id === row.detailId);
  const category = context.vocabulary.categories.find((c) => c.id === row.categoryId);
  const event = context.events.find((e) => e.id === row.eventId);
  const machine = row.evidence?.machine === true;
  const l = context.l;
  return html`<tr part="row" data-line=${row.id}>
    <td part="cell-recipient"><bdi>${row.recipientName}</bdi></td>
    <td part="cell-event"><bdi>${event?.name ?? row.eventId}</bdi></td>
    <td part="cell-detail">
      <span class="detail" dir="auto">${detail ? l.detailLabel(detail) : row.detailId}</span>
      <span class="category" part="cell-category">${category ? l.categoryLabel(category) : row.categoryId}</span>
    </td>
    <td part="cell-when">${renderTime(l, row.respondedAt, 'time')}</td>
    <td part="cell-source">
      ${l.t(`report.source.${row.source}` as MessageKey)}
      ${machine
        ? html`<span
            class="machine"
            part="machine-mark"
            title=${ifDefined(machineTitle(l, row.evidence))}
            >${l.t('report.machine')}</span
          >`
        : nothing}
    </td>
    <td part="cell-note" class="note"><bdi>${row.note}</bdi></td>
  </tr>`;
}

export function renderRowsTable(rows: readonly CampaignResponseRow[], context: RowsContext): TemplateResult {
  const l = context.l;
  return html`<div class="table-scroll rows-scroll" part="rows-scroll" tabindex="0" role="region" aria-label=${l.t('report.rowsLabel')}>
    <table part="rows" class="rows" aria-busy=${context.busy ? 'true' : 'false'}>
      <caption class="visually-hidden">${l.t('report.rowsLabel')}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort=${ifDefined(ariaSort('recipient', context.sort))}>${l.t('report.col.recipient')}</th>
          <th scope="col">${l.t('report.col.event')}</th>
          <th scope="col" aria-sort=${ifDefined(ariaSort('detail', context.sort))}>${l.t('report.col.detail')}</th>
          <th scope="col" aria-sort=${ifDefined(ariaSort('respondedAt', context.sort))}>${l.t('report.col.when')}</th>
          <th scope="col">${l.t('report.col.source')}</th>
          <th scope="col">${l.t('report.col.note')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.length === 0
          ? html`<tr>
              <td colspan="6" class="no-match" part="no-match">${l.t('report.noMatch')}</td>
            </tr>`
          : rows.map((row) => renderRow(row, context))}
      </tbody>
    </table>
  </div>`;
}
