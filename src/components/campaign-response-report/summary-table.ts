/**
 * The response summary as a native table: one row per response detail, grouped under its category
 * (with the category's own subtotal row), one column per campaign event, then the total of lines
 * and of unique recipients; a totals row at the foot. Cells count response lines.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { ResponseSummary, SummaryCount } from '../../model/campaign-stats.js';
import type { ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';

interface DetailRow {
  detailId: string;
  label: string;
  count: SummaryCount;
}

interface CategoryGroup {
  categoryId: string;
  label: string;
  count: SummaryCount;
  details: DetailRow[];
}

/** The groups with lines, in vocabulary order (ids the vocabulary does not know come last, by id). */
/** `l` translates the built-in labels (see `Localizer.categoryLabel()`); without it they are as the backend sent them. */
export function summaryGroups(summary: ResponseSummary, vocabulary: ResponseVocabulary, l?: Localizer): CategoryGroup[] {
  const categoryLabel = (category: { id: string; label: string }) => (l ? l.categoryLabel(category) : category.label);
  const detailLabel = (detail: { id: string; label: string }) => (l ? l.detailLabel(detail) : detail.label);
  const categoryOrder = new Map(vocabulary.categories.map((c, i) => [c.id, i]));
  const detailOrder = new Map(vocabulary.details.map((d, i) => [d.id, i]));
  const rank = (order: Map<string, number>, id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byId = (order: Map<string, number>) => (a: string, b: string) => rank(order, a) - rank(order, b) || a.localeCompare(b);
  const categories = [...summary.byCategory].sort((a, b) => byId(categoryOrder)(a.categoryId, b.categoryId));
  return categories.map((category) => ({
    categoryId: category.categoryId,
    label: labelOf(vocabulary.categories.find((c) => c.id === category.categoryId), categoryLabel) ?? category.categoryId,
    count: category,
    details: summary.byDetail
      .filter((d) => d.categoryId === category.categoryId)
      .sort((a, b) => byId(detailOrder)(a.detailId, b.detailId))
      .map((d) => ({ detailId: d.detailId, label: labelOf(vocabulary.details.find((v) => v.id === d.detailId), detailLabel) ?? d.detailId, count: d })),
  }));
}

function labelOf<E>(entry: E | undefined, label: (entry: E) => string): string | undefined {
  return entry === undefined ? undefined : label(entry);
}

export function renderSummaryTable(l: Localizer, summary: ResponseSummary, vocabulary: ResponseVocabulary): TemplateResult {
  const cell = (lines: number) => html`<td class="number">${l.count(lines)}</td>`;
  const events = summary.events;
  const lines = (match: (c: ResponseSummary['cells'][number]) => boolean) =>
    summary.cells.filter(match).reduce((sum, c) => sum + c.lines, 0);
  const groups = summaryGroups(summary, vocabulary, l);
  return html`<div class="table-scroll" part="summary-scroll">
    <table part="summary" class="summary">
      <caption>
        ${l.t('report.summaryCaption')}
        <span class="as-of" part="as-of">${l.t('report.asOf', { when: l.instant(summary.asOf) })}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${l.t('report.col.response')}</th>
          ${events.map((e) => html`<th scope="col" data-event=${e.id}><bdi>${e.name}</bdi></th>`)}
          <th scope="col">${l.t('report.col.total')}</th>
          <th scope="col">${l.t('report.col.recipients')}</th>
        </tr>
      </thead>
      ${groups.map(
        (group) => html`<tbody data-category=${group.categoryId}>
          <tr class="category" part="summary-category">
            <th scope="rowgroup">${group.label}</th>
            ${events.map((e) => cell(lines((c) => c.categoryId === group.categoryId && c.eventId === e.id)))}
            ${cell(group.count.lines)} ${cell(group.count.recipients)}
          </tr>
          ${group.details.map(
            (detail) => html`<tr part="summary-row" data-detail=${detail.detailId}>
              <th scope="row" class="detail">${detail.label}</th>
              ${events.map((e) => cell(lines((c) => c.detailId === detail.detailId && c.eventId === e.id)))}
              ${cell(detail.count.lines)} ${cell(detail.count.recipients)}
            </tr>`,
          )}
        </tbody>`,
      )}
      <tfoot>
        <tr part="summary-total">
          <th scope="row">${l.t('report.row.total')}</th>
          ${events.map((e) => cell(summary.byEvent.find((b) => b.eventId === e.id)?.lines ?? 0))}
          ${cell(summary.total.lines)} ${cell(summary.total.recipients)}
        </tr>
      </tfoot>
    </table>
  </div>`;
}
